/**
 * The forecast updated on what was observed: each world is weighted by how well its growth
 * trajectories (its largest affordable run, FLOP per dollar and spending) match the observations,
 * under a stated observation error (importance weights, not rejection). An observed log10 value o
 * of a quantity the world projects as x in that year has likelihood exp(−(o − x)² / 2σ²); a lower
 * bound b has likelihood Φ((x − b)/σ). Growth parameters are independent of the anchor and its
 * requirement, so a world's weight depends on its growth draws only.
 *
 * Memory is flat in the number of worlds: a chunk's weights go straight into weighted tallies.
 */
import { WorldCurves, type CurveValues } from '../engine/curves.js';
import { CURVE_OF, type HindcastQuantity } from './hindcast.js';
import { normalCdf } from '../dist/normal.js';
import { Rng } from '../random/rng.js';
import { CHUNK_SIZE, type Observer } from '../engine/loop.js';
import { emptyCounts, type Counts } from '../engine/counts.js';
import { type Plan } from '../engine/plan.js';

export interface ObservationConstraint {
  year: number;
  quantity: HindcastQuantity;
  log10: number;
  atLeast: boolean;
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
const STREAM_NO_ANCHOR_GROWTH = 'observed:no-anchor-growth';

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
  return { worlds: 0, shift: -Infinity, perAnchor: plan.anchors.map(() => new Float64Array(plan.years.length + 1)), never: 0, sum: 0, sumSquares: 0, nonFinite: 0 };
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
export function observedObserver(plan: Plan, seed: number, observations: readonly ObservationConstraint[], sigmaOom: number): Observer<WeightedCounts> {
  const nAnchors = plan.anchors.length;
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
        const x = logLikelihood(world.setGrowth(v), observations, sigmaOom);
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
