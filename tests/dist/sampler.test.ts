import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/dist/normal.js';
import { Rng } from '../../src/random/rng.js';
import { compileDistribution } from '../../src/dist/sampler.js';
import type { Distribution } from '../../src/model/distribution.js';
import { FAMILY_Z, binnedChiSquare, chiSquareCritical } from '../stats.js';

const N = 100_000;

function draws(d: Distribution, seed = 1): Float64Array {
  const out = new Float64Array(N);
  compileDistribution(d).fill(new Rng(seed), out, N);
  return out;
}

/** Share of draws at or below x, and its binomial standard error under the true CDF value p. */
function checkCdf(sample: Float64Array, x: number, p: number): void {
  let below = 0;
  for (const v of sample) if (v <= x) below++;
  const se = Math.sqrt((p * (1 - p)) / sample.length);
  expect(Math.abs(below / sample.length - p)).toBeLessThanOrEqual(FAMILY_Z * se + 1e-12);
}

describe('samplers', () => {
  it('normal by interval: the interval holds `level` of the mass', () => {
    const d: Distribution = { dist: 'normal', low: 13, high: 17, level: 0.9 };
    const s = compileDistribution(d);
    expect(s.quantile(0.05)).toBeCloseTo(13, 10);
    expect(s.quantile(0.95)).toBeCloseTo(17, 10);
    expect(s.cdf(15)).toBeCloseTo(0.5, 12);
    const x = draws(d);
    checkCdf(x, 13, 0.05);
    checkCdf(x, 15, 0.5);
    checkCdf(x, 17, 0.95);
  });

  it('normal by median and sd', () => {
    const s = compileDistribution({ dist: 'normal', median: 1, sd: 2 });
    expect(s.cdf(3)).toBeCloseTo(normalCdf(1), 12);
    checkCdf(draws({ dist: 'normal', median: 1, sd: 2 }), -1, normalCdf(-1));
  });

  it('truncated normal stays in range and is renormalised', () => {
    const d: Distribution = { dist: 'normal', median: 0, sd: 1, truncate: { min: -0.5, max: 2 } };
    const x = draws(d);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...x)).toBeLessThanOrEqual(2);
    const mass = normalCdf(2) - normalCdf(-0.5);
    checkCdf(x, 0, (normalCdf(0) - normalCdf(-0.5)) / mass);
  });

  it('lognormal by interval: median is the geometric mean of the ends', () => {
    const d: Distribution = { dist: 'lognormal', low: 2, high: 5, level: 0.8 };
    const s = compileDistribution(d);
    expect(s.quantile(0.5)).toBeCloseTo(Math.sqrt(10), 10);
    expect(s.quantile(0.1)).toBeCloseTo(2, 10);
    const x = draws(d);
    checkCdf(x, Math.sqrt(10), 0.5);
    expect(Math.min(...x)).toBeGreaterThan(0);
  });

  it('uniform', () => {
    const x = draws({ dist: 'uniform', min: 3, max: 6 });
    checkCdf(x, 4, 1 / 3);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...x)).toBeLessThanOrEqual(6);
  });

  it('triangular, including a peak at an end of the range', () => {
    const s = compileDistribution({ dist: 'triangular', min: 3, mode: 3, max: 6 });
    // Peak at min: F(x) = 1 - ((6 - x) / 3)^2.
    expect(s.cdf(4)).toBeCloseTo(1 - 4 / 9, 12);
    expect(s.quantile(1 - 4 / 9)).toBeCloseTo(4, 12);
    checkCdf(draws({ dist: 'triangular', min: 3, mode: 3, max: 6 }), 4, 1 - 4 / 9);
    const sym = compileDistribution({ dist: 'triangular', min: 0, mode: 1, max: 2 });
    expect(sym.cdf(0.5)).toBeCloseTo(0.125, 12);
    checkCdf(draws({ dist: 'triangular', min: 0, mode: 1, max: 2 }), 0.5, 0.125);
  });

  it('point draws no random numbers', () => {
    const s = compileDistribution({ dist: 'point', value: 9 });
    expect(s.constant).toBe(true);
    const rng = new Rng(5);
    const before = new Rng(5).uniform();
    expect(s.sample(rng)).toBe(9);
    expect(rng.uniform()).toBe(before);
  });

  it('mixture: weights, cdf and quantile agree with the draws', () => {
    const d: Distribution = {
      dist: 'mixture',
      components: [
        { dist: 'normal', median: 0, sd: 1, weight: 3 },
        { dist: 'uniform', min: 10, max: 20, weight: 1 },
      ],
    };
    const s = compileDistribution(d);
    expect(s.cdf(5)).toBeCloseTo(0.75, 6);
    expect(s.cdf(s.quantile(0.9))).toBeCloseTo(0.9, 9);
    const x = draws(d);
    checkCdf(x, 5, 0.75);
    checkCdf(x, 15, 0.875);
  });

  it('truncated mixture reweights components by their mass inside the range', () => {
    const d: Distribution = {
      dist: 'mixture',
      components: [
        { dist: 'uniform', min: 0, max: 10, weight: 1 },
        { dist: 'uniform', min: 10, max: 20, weight: 1 },
      ],
      truncate: { min: 5 },
    };
    const s = compileDistribution(d);
    // Inside [5, 20]: component 1 keeps half its mass, so P(x <= 10) = 0.5 / 1.5.
    expect(s.cdf(10)).toBeCloseTo(1 / 3, 12);
    const x = draws(d);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(5);
    checkCdf(x, 10, 1 / 3);
  });

  it('refuses a truncation that leaves no probability', () => {
    expect(() => compileDistribution({ dist: 'normal', median: 0, sd: 1, truncate: { min: 40 } })).toThrow(/leaves no probability/);
  });
});

/**
 * Each sampler's draws against its exact CDF, written out here from the distribution's
 * definition (not the sampler's own cdf): chi-square over 50 bins whose edges are the sampler's
 * quantiles (if those were wrong the bins are merely unequal; the expected counts come from the
 * exact CDF), 200,000 draws (4,000 expected per bin), 49 degrees of freedom, 4.5-sigma critical
 * value ≈ 109. Both `fill` and `sample` are drawn.
 */
describe('samplers against their exact CDFs (chi-square)', () => {
  const Phi = normalCdf;
  const tri = (a: number, c: number, b: number) => (x: number) =>
    x <= a ? 0 : x >= b ? 1 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
  const truncated = (F: (x: number) => number, a: number, b: number) => (x: number) => (x <= a ? 0 : x >= b ? 1 : (F(x) - F(a)) / (F(b) - F(a)));
  // normal by interval 13–17 at 90%: σ = 2 / Φ⁻¹(0.95).
  const sigma1317 = 2 / 1.6448536269514722;
  const CASES: [string, Distribution, (x: number) => number][] = [
    ['normal (ziggurat)', { dist: 'normal', low: 13, high: 17, level: 0.9 }, (x) => Phi((x - 15) / sigma1317)],
    ['truncated normal', { dist: 'normal', median: 0, sd: 1, truncate: { min: -0.5, max: 2 } }, truncated(Phi, -0.5, 2)],
    ['normal truncated below only, keeping most mass (redrawn)', { dist: 'normal', median: 0, sd: 1, truncate: { min: -1 } }, truncated(Phi, -1, Infinity)],
    [
      'lognormal truncated above only (redrawn)',
      { dist: 'lognormal', median: 0.01, sdLn: 0.42, truncate: { max: 0.02 } },
      truncated((x) => (x <= 0 ? 0 : Phi((Math.log(x) - Math.log(0.01)) / 0.42)), 0, 0.02),
    ],
    ['normal truncated far in its tail', { dist: 'normal', median: 0, sd: 1, truncate: { min: 3 } }, truncated(Phi, 3, Infinity)],
    ['lognormal (ziggurat)', { dist: 'lognormal', median: 3, sdLn: 0.7 }, (x) => (x <= 0 ? 0 : Phi((Math.log(x) - Math.log(3)) / 0.7))],
    [
      'truncated lognormal',
      { dist: 'lognormal', median: 3, sdLn: 0.7, truncate: { min: 2, max: 10 } },
      truncated((x) => Phi((Math.log(x) - Math.log(3)) / 0.7), 2, 10),
    ],
    ['uniform', { dist: 'uniform', min: 3, max: 6 }, (x) => Math.min(1, Math.max(0, (x - 3) / 3))],
    ['triangular', { dist: 'triangular', min: 0, mode: 1, max: 4 }, tri(0, 1, 4)],
    ['triangular peaked at its minimum', { dist: 'triangular', min: 3, mode: 3, max: 6 }, tri(3, 3, 6)],
    [
      'mixture',
      {
        dist: 'mixture',
        components: [
          { dist: 'normal', median: 0, sd: 1, weight: 3 },
          { dist: 'uniform', min: 10, max: 20, weight: 1 },
        ],
      },
      (x) => 0.75 * Phi(x) + 0.25 * Math.min(1, Math.max(0, (x - 10) / 10)),
    ],
    [
      'truncated mixture',
      {
        dist: 'mixture',
        components: [
          { dist: 'normal', median: 0, sd: 1, weight: 1 },
          { dist: 'triangular', min: 0, mode: 1, max: 4, weight: 1 },
        ],
        truncate: { min: 0.5, max: 3 },
      },
      truncated((x) => 0.5 * Phi(x) + 0.5 * tri(0, 1, 4)(x), 0.5, 3),
    ],
  ];
  it.each(CASES)('%s', (_name, d, exactCdf) => {
    const s = compileDistribution(d);
    const edges = Array.from({ length: 51 }, (_, i) => s.quantile(i / 50));
    const n = 200_000;
    const filled = new Float64Array(n);
    s.fill(new Rng(31), filled, n);
    const rng = new Rng(32);
    const sampled = Float64Array.from({ length: n }, () => s.sample(rng));
    for (const x of [filled, sampled]) {
      const chi = binnedChiSquare(x, exactCdf, edges);
      expect(chi.outside).toBe(0);
      expect(chi.minExpected).toBeGreaterThan(1000);
      expect(chi.stat).toBeLessThan(chiSquareCritical(chi.df));
    }
  });
});

describe('quantileColumn', () => {
  it.each<[string, Distribution]>([
    ['normal', { dist: 'normal', median: 1, sd: 1.27 }],
    ['lognormal', { dist: 'lognormal', low: 1.25, high: 5, level: 0.9 }],
    ['truncated normal, most of the mass', { dist: 'normal', median: 0, sd: 1, truncate: { min: -1 } }],
    ['truncated lognormal, a narrow slice', { dist: 'lognormal', median: 3, sdLn: 0.7, truncate: { min: 10, max: 11 } }],
  ])('%s: the same numbers as quantile, one value at a time', (_name, d) => {
    const s = compileDistribution(d);
    expect(s.quantileColumn).toBeDefined();
    const n = 20_000;
    const p = new Float64Array(n);
    new Rng(9).fillUniform(p, n);
    const out = new Float64Array(n);
    s.quantileColumn!(p, out, n);
    for (let j = 0; j < n; j++) if (!Object.is(out[j], s.quantile(p[j]))) expect.fail(`p = ${p[j]}: ${out[j]} against ${s.quantile(p[j])}`);
  });
});
