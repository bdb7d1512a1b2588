/**
 * The forecast updated on what was observed: each world is weighted by how well its growth
 * trajectories (its largest affordable run, FLOP per dollar and spending) match the observations,
 * under a stated observation error (importance weights, not rejection). An observed log10 value o
 * of a quantity the world projects as x in that year has likelihood exp(−(o − x)² / 2σ²); a lower
 * bound b has likelihood Φ((x − b)/σ). Growth parameters are independent of the anchor and its
 * requirement, so a world's weight depends on its growth draws only.
 *
 * Estimated growth rates (trends) weigh on the parameter they bear on: a world whose doubling or
 * halving time is T grows (or falls) at r = log10(2)/T OOM a year, and an estimate r̂ with standard
 * deviation s in log10 r has likelihood exp(−(log10 r − log10 r̂)² / 2s²): a normal in the log of
 * the rate (trendConstraint in api/observed.ts derives r̂ and s from the estimate's interval). On
 * a growth parameter the likelihood multiplies the world's weight. On algorithmic progress, whose
 * halving time each anchor draws from its own distribution (or holds fixed), it is divided by its
 * mean under that anchor's distribution: the estimate updates each anchor's halving time without
 * reweighting the anchors against each other, nor against "no anchor" (an anchor's halving time
 * is part of what the anchor says, not a rival account of the world), so a fixed halving time
 * leaves every world of its anchor as it was.
 *
 * Memory is flat in the number of worlds: a chunk's weights go straight into weighted tallies.
 */
import { STREAMS } from '../random/streams.js';
import { WorldCurves, type CurveValues } from '../engine/curves.js';
import { CURVE_OF, type HindcastQuantity } from './hindcast.js';
import { normalCdf } from '../dist/normal.js';
import { Rng } from '../random/rng.js';
import { CHUNK_SIZE, type Observer } from '../engine/loop.js';
import { emptyCounts, type Counts } from '../engine/counts.js';
import type { CurveKey, ParamPlan, Plan } from '../engine/plan.js';

export interface ObservationConstraint {
  year: number;
  quantity: HindcastQuantity;
  log10: number;
  atLeast: boolean;
}

/** An estimated growth rate as the weights use it (see the top of this file). */
export interface TrendConstraint {
  id: string;
  /**
   * The world's doubling or halving time it bears on: a growth parameter (its engine key), or
   * the algorithmic halving time of every anchor or of some.
   */
  target: { kind: 'growth'; key: CurveKey } | { kind: 'halving'; anchorIds: string[] | 'all' };
  /** log10 of the estimated rate, in OOM a year. */
  log10Rate: number;
  /** Its standard deviation in log10 (the estimate's, and any stated transfer error, in quadrature). */
  sigmaLog10: number;
}

/** The log-likelihood of a trend for a doubling or halving time of `years`. */
export function trendLogLikelihood(t: TrendConstraint, years: number): number {
  const z = (Math.log10((Math.LOG10E * Math.LN2) / years) - t.log10Rate) / t.sigmaLog10;
  return -0.5 * z * z;
}

/** Points of the midpoint rule for an anchor's mean likelihood (its quantiles at (i + ½)/n). */
const MEAN_LIKELIHOOD_POINTS = 4096;

/**
 * log E[L(T)] for T from a halving-time distribution, by the midpoint rule on its quantiles; for
 * a point value, log L(value), so that the normalized factor is 1.
 */
export function logMeanTrendLikelihood(t: TrendConstraint, halving: ParamPlan): number {
  if (halving.kind === 'point') return trendLogLikelihood(t, halving.value);
  if (halving.kind !== 'dist') return 0;
  const logs = new Float64Array(MEAN_LIKELIHOOD_POINTS);
  let top = -Infinity;
  for (let i = 0; i < logs.length; i++) {
    logs[i] = trendLogLikelihood(t, halving.sampler.quantile((i + 0.5) / logs.length));
    if (logs[i] > top) top = logs[i];
  }
  let sum = 0;
  for (const x of logs) sum += Math.exp(x - top);
  return top + Math.log(sum / logs.length);
}

/** Which anchors a halving-time trend applies to, and the log mean likelihood each is divided by. */
export interface HalvingTrend {
  trend: TrendConstraint;
  /** Per anchor index: the log of its mean likelihood, or null when the trend does not apply (not named, or a formula). */
  logMean: (number | null)[];
}

/** The halving-time trends of a plan, with each anchor's normalizer. */
export function halvingTrends(plan: Plan, trends: readonly TrendConstraint[]): HalvingTrend[] {
  return trends.flatMap((trend) => {
    const t = trend.target;
    if (t.kind !== 'halving') return [];
    const logMean = plan.anchors.map((a) =>
      (t.anchorIds !== 'all' && !t.anchorIds.includes(a.id)) || a.halvingYears.kind === 'formula' ? null : logMeanTrendLikelihood(trend, a.halvingYears),
    );
    return [{ trend, logMean }];
  });
}

/** log-likelihood of the observations for one world's growth curves, with error sigma (OOM). */
export function logLikelihood(world: WorldCurves, observations: readonly ObservationConstraint[], sigmaOom: number): number {
  let sum = 0;
  for (const o of observations) {
    const x = CURVE_OF[o.quantity](world, o.year);
    if (o.atLeast) sum += Math.log(Math.max(normalCdf((x - o.log10) / sigmaOom), 1e-300));
    else sum -= ((o.log10 - x) * (o.log10 - x)) / (2 * sigmaOom * sigmaOom);
  }
  return sum;
}

/** Random stream for the growth draws of worlds without an anchor (whose growth is otherwise never needed). */
const STREAM_NO_ANCHOR_GROWTH = STREAMS.observedNoAnchorGrowth;

/**
 * Weighted arrival tallies: per anchor and arrival index, the sum of the worlds' weights. Weights
 * are kept as exp(log weight − shift), the shift being the largest log weight seen, so sums of
 * weights far below 1 neither underflow nor overflow; two states are put on the larger shift before
 * they add up. Flat in the number of worlds.
 */
export interface WeightedCounts {
  /** Worlds seen. */
  worlds: number;
  /** The log weight that 1 stands for in the sums below (−∞ while empty). */
  shift: number;
  /** perAnchor[i][j]: Σ weight of anchor i's worlds arriving in years[j]; index years.length: not by the horizon. */
  perAnchor: Float64Array[];
  /** Σ weight of the worlds with no anchor (never). */
  never: number;
  /** Σ weight and Σ weight², for the effective number of worlds. */
  sum: number;
  sumSquares: number;
  /** Worlds whose requirement was not a finite number (a formula problem). */
  nonFinite: number;
  firstNonFinite?: Counts['firstNonFinite'];
}

export function emptyWeightedCounts(plan: Plan): WeightedCounts {
  return {
    worlds: 0,
    shift: -Infinity,
    perAnchor: plan.anchors.map(() => new Float64Array(plan.years.length + 1)),
    never: 0,
    sum: 0,
    sumSquares: 0,
    nonFinite: 0,
  };
}

/** Puts a state's sums on a larger shift. */
function rescale(s: WeightedCounts, shift: number): void {
  if (shift <= s.shift) return;
  const f = s.shift === -Infinity ? 0 : Math.exp(s.shift - shift);
  for (const h of s.perAnchor) for (let j = 0; j < h.length; j++) h[j] *= f;
  s.never *= f;
  s.sum *= f;
  s.sumSquares *= f * f;
  s.shift = shift;
}

/** Adds b into a (in chunk order, so the sums do not depend on the number of threads). */
export function mergeWeightedCounts(a: WeightedCounts, b: WeightedCounts): void {
  a.worlds += b.worlds;
  a.nonFinite += b.nonFinite;
  a.firstNonFinite ??= b.firstNonFinite;
  if (b.shift === -Infinity) return;
  const shift = Math.max(a.shift, b.shift);
  rescale(a, shift);
  const f = Math.exp(b.shift - shift);
  a.perAnchor.forEach((h, i) => {
    const o = b.perAnchor[i];
    for (let j = 0; j < h.length; j++) h[j] += o[j] * f;
  });
  a.never += b.never * f;
  a.sum += b.sum * f;
  a.sumSquares += b.sumSquares * f * f;
}

/** The effective number of worlds of weighted tallies (Kish): (Σw)² / Σw². */
export function effectiveWorlds(s: WeightedCounts): number {
  return s.sumSquares > 0 ? (s.sum * s.sum) / s.sumSquares : 0;
}

/**
 * Weighted tallies as arrival counts that sum to the effective number of worlds, which is what the
 * summary's binomial standard errors, √(p(1−p)/ESS), need to account for the weights.
 */
export function effectiveCounts(plan: Plan, s: WeightedCounts): Counts {
  const ess = effectiveWorlds(s);
  const scale = s.sum > 0 ? ess / s.sum : 0;
  const counts = emptyCounts(plan);
  s.perAnchor.forEach((h, i) => {
    const out = counts.perAnchor[i];
    for (let j = 0; j < h.length; j++) out[j] = h[j] * scale;
  });
  counts.never = s.never * scale;
  counts.worlds = ess;
  counts.nonFinite = s.nonFinite;
  counts.firstNonFinite = s.firstNonFinite;
  return counts;
}

/** The observer of a run given observations: each world's weight, by its anchor and arrival. */
export function observedObserver(
  plan: Plan,
  seed: number,
  observations: readonly ObservationConstraint[],
  sigmaOom: number,
  trends: readonly TrendConstraint[] = [],
): Observer<WeightedCounts> {
  const nAnchors = plan.anchors.length;
  const growthTrends = trends.filter((t): t is TrendConstraint & { target: { kind: 'growth' } } => t.target.kind === 'growth');
  const halving = halvingTrends(plan, trends);
  const keys = plan.uncertainCurveKeys;
  const v: CurveValues = { ...plan.base };
  const world = new WorldCurves();
  const logWeight = new Float64Array(CHUNK_SIZE);
  const arrival = new Int32Array(CHUNK_SIZE);
  return {
    empty: () => emptyWeightedCounts(plan),
    observe(out, chunk) {
      const { n, index } = chunk;
      const ws = chunk.workspaces[0];
      const noAnchorRng = new Rng(seed, index, STREAM_NO_ANCHOR_GROWTH);
      let top = -Infinity;
      for (let k = 0; k < n; k++) {
        const i = ws.anchorOf[k];
        if (i < nAnchors) {
          const g = ws.groups[i];
          const p = ws.positionOf[k];
          arrival[k] = g.arrival[p];
          const r = g.requirement[p];
          if (r - r !== 0) {
            out.nonFinite++;
            const a = plan.anchors[i];
            out.firstNonFinite ??= { anchorId: a.id, values: Object.fromEntries(a.variableNames.map((name, x) => [name, g.variables[x][p]])) };
          }
          for (let q = 0; q < keys.length; q++) v[keys[q]] = g.curve[q][p];
        } else {
          for (const key of keys) {
            const param = plan.curve[key];
            if (param.kind === 'dist') v[key] = param.sampler.sample(noAnchorRng);
          }
        }
        let x = logLikelihood(world.setGrowth(v), observations, sigmaOom);
        for (const t of growthTrends) x += trendLogLikelihood(t, v[t.target.key]);
        if (i < nAnchors && halving.length) {
          const g = ws.groups[i];
          // Worlds of an anchor whose curves are all fixed have no growth columns: their halving time is a point (factor 1).
          if (g.growthColumns) {
            const h = g.halvingYears[ws.positionOf[k]];
            for (const { trend, logMean } of halving) {
              const m = logMean[i];
              if (m !== null) x += trendLogLikelihood(trend, h) - m;
            }
          }
        }
        logWeight[k] = x;
        if (x > top) top = x;
      }
      out.worlds += n;
      if (top === -Infinity) return;
      rescale(out, top);
      const shift = out.shift;
      for (let k = 0; k < n; k++) {
        const w = Math.exp(logWeight[k] - shift);
        out.sum += w;
        out.sumSquares += w * w;
        const i = ws.anchorOf[k];
        if (i < nAnchors) out.perAnchor[i][arrival[k]] += w;
        else out.never += w;
      }
    },
    merge: mergeWeightedCounts,
  };
}
