/**
 * Distributions turned into samplers: draw one value, fill a column, and evaluate the CDF and
 * quantile function (for closed-form checks and percentiles). Normal and lognormal draws use the
 * ziggurat; truncated ones redraw the ziggurat until inside the range when that keeps at least
 * half the mass, and otherwise invert the CDF with the uniform drawn inside [F(min), F(max)]: both
 * truncate exactly.
 */
import { distributionKey, type Distribution, type Truncation } from './distribution.js';
import { normalCdf, normalQuantile, normalQuantileColumn } from './normal.js';
import type { Rng } from '../random/rng.js';
import { LARGEST_NORMAL, fillStandardNormals, zigguratNormal } from '../random/ziggurat.js';
import { EXP_TABLE_LIMIT, expColumn, tableExp } from './exp.js';

export interface Sampler {
  /** One draw. */
  sample(rng: Rng): number;
  /**
   * Fills out[0..n) with independent draws (for a truncated normal redrawn from the ziggurat, the
   * redraws come after the column's first draws, so fill(m) need not begin like fill(n)).
   */
  fill(rng: Rng, out: Float64Array, n: number): void;
  cdf(x: number): number;
  quantile(p: number): number;
  /**
   * out[j] = quantile(p[j]) for j < n, the same numbers, where a column form is faster than one
   * call at a time (normal and lognormal: normalQuantileColumn); p and out must be different arrays.
   */
  quantileColumn?(p: Float64Array, out: Float64Array, n: number): void;
  /** Whether every draw is the same number (no random numbers are consumed). */
  readonly constant: boolean;
  /**
   * The distribution it draws, as canonical text (distributionKey): two samplers with the same key
   * give the same value for the same uniform, so common random numbers share such values across
   * scenarios. Without one, a sampler's values are not shared.
   */
  readonly key?: string;
}

type SamplerBody = Omit<Sampler, 'key'>;

/** The probability that a distribution given by interval [low, high] at `level` puts below `low`. */
function zOfLevel(level: number): number {
  return normalQuantile(0.5 + level / 2);
}

/** Location and scale of a normal (of the value, or of its natural log for a lognormal). */
export function normalParameters(d: Distribution & { dist: 'normal' | 'lognormal' }): { mu: number; sigma: number } {
  const log = d.dist === 'lognormal' ? Math.log : (x: number) => x;
  if (d.low !== undefined && d.high !== undefined && d.level !== undefined) {
    const lo = log(d.low);
    const hi = log(d.high);
    return { mu: (lo + hi) / 2, sigma: (hi - lo) / (2 * zOfLevel(d.level)) };
  }
  const spread = d.dist === 'normal' ? d.sd : d.sdLn;
  return { mu: log(d.median as number), sigma: spread as number };
}

export class EmptyTruncationError extends Error {}

/** Builds the sampler of a validated distribution. */
export function compileDistribution(d: Distribution): Sampler {
  return { ...samplerBody(d), key: distributionKey(d) };
}

function samplerBody(d: Distribution): SamplerBody {
  switch (d.dist) {
    case 'point':
      return pointSampler(d.value);
    case 'uniform':
      return uniformSampler(d.min, d.max);
    case 'triangular':
      return triangularSampler(d.min, d.mode, d.max);
    case 'normal':
    case 'lognormal': {
      const { mu, sigma } = normalParameters(d);
      return normalSampler(mu, sigma, d.dist === 'lognormal', d.truncate);
    }
    case 'mixture':
      return mixtureSampler(
        d.components.map((c) => ({ weight: c.weight ?? 1, sampler: compileDistribution(c) })),
        d.truncate,
      );
  }
}

function pointSampler(value: number): SamplerBody {
  return {
    constant: true,
    sample: () => value,
    fill: (_rng, out, n) => out.fill(value, 0, n),
    cdf: (x) => (x >= value ? 1 : 0),
    quantile: () => value,
  };
}

function uniformSampler(min: number, max: number): SamplerBody {
  const width = max - min;
  return {
    constant: false,
    sample: (rng) => min + width * rng.uniform(),
    fill(rng, out, n) {
      rng.fillUniform(out, n);
      for (let k = 0; k < n; k++) out[k] = min + width * out[k];
    },
    cdf: (x) => (x <= min ? 0 : x >= max ? 1 : (x - min) / width),
    quantile: (p) => min + width * p,
  };
}

/** Triangular on [min, max] with its peak at `mode`, drawn by inverting its CDF. */
function triangularSampler(min: number, mode: number, max: number): SamplerBody {
  const width = max - min;
  const left = mode - min;
  const right = max - mode;
  const atMode = left / width;
  // Past 1e154 the products width·left overflow: then each square root is taken apart (the
  // files' numbers reach 1e300). Below it the product form is kept, as it has always drawn.
  const big = !Number.isFinite(width * width);
  const root = big ? (p: number, side: number) => Math.sqrt(p * width) * Math.sqrt(side) : (p: number, side: number) => Math.sqrt(p * width * side);
  const quantile = (p: number) => (p < atMode ? min + root(p, left) : max - root(1 - p, right));
  return {
    constant: false,
    sample: (rng) => quantile(rng.uniform()),
    fill(rng, out, n) {
      rng.fillUniform(out, n);
      for (let k = 0; k < n; k++) {
        const p = out[k];
        out[k] = p < atMode ? min + root(p, left) : max - root(1 - p, right);
      }
    },
    cdf: big
      ? (x) => (x <= min ? 0 : x >= max ? 1 : x <= mode ? ((x - min) / width) * ((x - min) / left) : 1 - ((max - x) / width) * ((max - x) / right))
      : (x) => (x <= min ? 0 : x >= max ? 1 : x <= mode ? ((x - min) * (x - min)) / (width * left) : 1 - ((max - x) * (max - x)) / (width * right)),
    quantile,
  };
}

function normalSampler(mu: number, sigma: number, log: boolean, truncate: Truncation | undefined): SamplerBody {
  const toZ = (x: number) => ((log ? (x > 0 ? Math.log(x) : -Infinity) : x) - mu) / sigma;
  const lowP = truncate?.min !== undefined ? normalCdf(toZ(truncate.min)) : 0;
  const highP = truncate?.max !== undefined ? normalCdf(toZ(truncate.max)) : 1;
  const mass = highP - lowP;
  if (!(mass > 1e-12)) {
    throw new EmptyTruncationError(`truncation to [${truncate?.min ?? '-∞'}, ${truncate?.max ?? '∞'}] leaves no probability (at most 1e-12)`);
  }
  const fromZ = log ? (z: number) => Math.exp(mu + sigma * z) : (z: number) => mu + sigma * z;
  const quantile = (p: number) => fromZ(normalQuantile(lowP + mass * p));
  // The same numbers as quantile, a column at a time: the probabilities into `out`, their normal
  // quantiles into `p`'s place in a scratch, then the values.
  const quantileColumn = (p: Float64Array, out: Float64Array, n: number) => {
    const inside = scratchOf(n);
    for (let j = 0; j < n; j++) inside[j] = lowP + mass * p[j];
    normalQuantileColumn(inside, out, n);
    for (let j = 0; j < n; j++) out[j] = fromZ(out[j]);
  };
  const cdf = (x: number) => Math.min(1, Math.max(0, (normalCdf(toZ(x)) - lowP) / mass));
  // Ziggurat draws z, one at a time or a column, into mu + sigma·z or its exponential: by the table
  // exp (exp.ts) when no draw can take it out of the tables' range, which holds for every
  // distribution but ones spanning hundreds of orders of magnitude.
  const tabled = Math.abs(mu) + sigma * LARGEST_NORMAL <= EXP_TABLE_LIMIT;
  const drawn = log ? (tabled ? (z: number) => tableExp(mu + sigma * z) : fromZ) : fromZ;
  const fromColumn = log
    ? tabled
      ? (out: Float64Array, n: number) => expColumn(out, n, mu, sigma)
      : (out: Float64Array, n: number) => {
          for (let k = 0; k < n; k++) out[k] = Math.exp(mu + sigma * out[k]);
        }
    : (out: Float64Array, n: number) => {
        for (let k = 0; k < n; k++) out[k] = mu + sigma * out[k];
      };
  if (!truncate) {
    // Untruncated: the ziggurat, about three times faster than inverting the CDF.
    return {
      constant: false,
      sample: (rng) => drawn(zigguratNormal(rng)),
      fill(rng, out, n) {
        fillStandardNormals(rng, out, n);
        fromColumn(out, n);
      },
      cdf,
      quantile,
      quantileColumn,
    };
  }
  const zLow = truncate.min !== undefined ? toZ(truncate.min) : -Infinity;
  const zHigh = truncate.max !== undefined ? toZ(truncate.max) : Infinity;
  if (mass >= REJECTION_MIN_MASS) {
    // Most of the mass kept: ziggurat draws, each outside [zLow, zHigh] redrawn until inside. A
    // normal conditioned on the interval is the truncated normal exactly; on average 1/mass draws.
    const inside = (rng: Rng): number => {
      let z = zigguratNormal(rng);
      while (!(z >= zLow && z <= zHigh)) z = zigguratNormal(rng);
      return z;
    };
    return {
      constant: false,
      sample: (rng) => drawn(inside(rng)),
      fill(rng, out, n) {
        fillStandardNormals(rng, out, n);
        // The redraws first, in order, then the column's values in one pass.
        for (let k = 0; k < n; k++) {
          const z = out[k];
          if (!(z >= zLow && z <= zHigh)) out[k] = inside(rng);
        }
        fromColumn(out, n);
      },
      cdf,
      quantile,
      quantileColumn,
    };
  }
  // A narrow slice of the normal: the inverse CDF inside [F(min), F(max)], one uniform per draw.
  if (log) {
    return {
      constant: false,
      sample: (rng) => Math.exp(mu + sigma * normalQuantile(lowP + mass * rng.uniform())),
      fill(rng, out, n) {
        rng.fillUniform(out, n);
        for (let k = 0; k < n; k++) out[k] = Math.exp(mu + sigma * normalQuantile(lowP + mass * out[k]));
      },
      cdf,
      quantile,
      quantileColumn,
    };
  }
  return {
    constant: false,
    sample: (rng) => mu + sigma * normalQuantile(lowP + mass * rng.uniform()),
    fill(rng, out, n) {
      rng.fillUniform(out, n);
      for (let k = 0; k < n; k++) out[k] = mu + sigma * normalQuantile(lowP + mass * out[k]);
    },
    cdf,
    quantile,
    quantileColumn,
  };
}

/** A scratch column of at least n values for quantileColumn (reused: one call at a time per thread). */
let scratch = new Float64Array(1024);
function scratchOf(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/**
 * A truncated normal keeping at least this share of the mass is drawn by rejection from the
 * ziggurat (at most 2 draws on average, each about a quarter of the inverse CDF's cost); below
 * it, by the inverse CDF.
 */
const REJECTION_MIN_MASS = 0.5;

function mixtureSampler(parts: { weight: number; sampler: Sampler }[], truncate: Truncation | undefined): SamplerBody {
  const lo = truncate?.min ?? -Infinity;
  const hi = truncate?.max ?? Infinity;
  // Truncating a mixture truncates each component and reweights it by its mass inside the range.
  const inside = parts.map((p) => {
    const below = lo === -Infinity ? 0 : p.sampler.cdf(lo);
    const above = hi === Infinity ? 1 : p.sampler.cdf(hi);
    return { ...p, below, mass: Math.max(0, above - below) };
  });
  // Weights relative to the largest, so that their total neither overflows nor underflows
  // (weights of 5e-324 times a mass below 1 were 0, and the mixture "had no probability").
  const largest = Math.max(...inside.map((p) => p.weight));
  for (const p of inside) p.weight /= largest;
  const total = inside.reduce((s, p) => s + p.weight * p.mass, 0);
  if (!(total > 1e-12)) throw new EmptyTruncationError(`truncation to [${lo}, ${hi}] leaves the mixture no probability`);
  const cumulative: number[] = [];
  let acc = 0;
  for (const p of inside) {
    acc += (p.weight * p.mass) / total;
    cumulative.push(acc);
  }
  cumulative[cumulative.length - 1] = 1;
  const truncated = lo !== -Infinity || hi !== Infinity;
  const sample = (rng: Rng): number => {
    const u = rng.uniform();
    let i = 0;
    while (u > cumulative[i]) i++;
    const part = inside[i];
    return truncated ? part.sampler.quantile(part.below + part.mass * rng.uniform()) : part.sampler.sample(rng);
  };
  const cdf = (x: number): number => {
    if (x <= lo) return 0;
    if (x >= hi) return 1;
    let s = 0;
    for (const p of inside) s += p.weight * Math.max(0, p.sampler.cdf(x) - p.below);
    return Math.min(1, s / total);
  };
  return {
    constant: false,
    sample,
    fill(rng, out, n) {
      for (let k = 0; k < n; k++) out[k] = sample(rng);
    },
    cdf,
    quantile: (p) =>
      bisectQuantile(
        cdf,
        p,
        lo,
        hi,
        inside.map((c) => c.sampler),
      ),
  };
}

/** Inverts a CDF by bisection, bracketing with the components' own quantiles. */
function bisectQuantile(cdf: (x: number) => number, p: number, lo: number, hi: number, parts: Sampler[]): number {
  let a = Math.max(lo, Math.min(...parts.map((s) => s.quantile(1e-12))));
  let b = Math.min(hi, Math.max(...parts.map((s) => s.quantile(1 - 1e-12))));
  for (let i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    if (cdf(m) < p) a = m;
    else b = m;
  }
  return (a + b) / 2;
}
