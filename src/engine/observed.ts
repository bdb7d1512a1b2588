/**
 * The forecast updated on what was observed: each world is weighted by how well its growth
 * trajectories (its largest affordable run, FLOP per dollar and spending) match the observations,
 * under a stated observation error (importance weights, not rejection). An observed log10 value o
 * of a quantity the world projects as x in that year has likelihood exp(−(o − x)² / 2σ²); a lower
 * bound b has likelihood Φ((x − b)/σ). Growth parameters are independent of the anchor and its
 * requirement, so a world's weight depends on its growth draws only.
 *
 * The weighted counts are scaled to sum to the effective number of worlds, ESS = (Σw)² / Σw²
 * (Kish), so the summary's binomial standard errors, √(p(1−p)/ESS), account for the weights.
 */
import { WorldCurves, type CurveValues } from './curves.js';
import { CURVE_OF, type HindcastQuantity } from './hindcast.js';
import { normalCdf } from './normal.js';
import { Rng } from './rng.js';
import type { Observer } from './loop.js';
import { emptyCounts, type Counts } from './counts.js';
import { type Plan } from './plan.js';

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

export interface WeightedRun {
  /** Weighted arrival counts, scaled so that they sum to effectiveWorlds. */
  counts: Counts;
  worlds: number;
  effectiveWorlds: number;
}

/** Random stream for the growth draws of worlds without an anchor (whose growth is otherwise never needed). */
const STREAM_NO_ANCHOR_GROWTH = 'observed:no-anchor-growth';

/** What weighting keeps per chunk: each world's anchor, arrival index and log-likelihood. */
export interface ObservedChunk {
  index: number;
  anchorOf: Int32Array;
  arrival: Int32Array;
  logWeight: Float64Array;
  nonFinite: number;
  /** The chunk's first world whose requirement is not a number: its anchor and variables. */
  firstNonFinite?: Counts['firstNonFinite'];
}

/**
 * The observer of a run given observations: per chunk, each world's anchor, arrival and log
 * weight. Weights are normalised only once every chunk is in (weightedRun), in chunk order.
 */
export function observedObserver(plan: Plan, seed: number, observations: readonly ObservationConstraint[], sigmaOom: number): Observer<ObservedChunk[]> {
  const nAnchors = plan.anchors.length;
  const keys = plan.uncertainCurveKeys;
  const v: CurveValues = { ...plan.base };
  const world = new WorldCurves();
  return {
    empty: () => [],
    observe(out, chunk) {
      const { n, index } = chunk;
      const ws = chunk.workspaces[0];
      const record: ObservedChunk = { index, anchorOf: new Int32Array(n), arrival: new Int32Array(n), logWeight: new Float64Array(n), nonFinite: 0 };
      const noAnchorRng = new Rng(seed, index, STREAM_NO_ANCHOR_GROWTH);
      for (let k = 0; k < n; k++) {
        const i = ws.anchorOf[k];
        record.anchorOf[k] = i;
        if (i < nAnchors) {
          const g = ws.groups[i];
          const p = ws.positionOf[k];
          record.arrival[k] = g.arrival[p];
          const r = g.requirement[p];
          if (r - r !== 0) {
            record.nonFinite++;
            const a = plan.anchors[i];
            record.firstNonFinite ??= { anchorId: a.id, values: Object.fromEntries(a.variableNames.map((name, v) => [name, g.variables[v][p]])) };
          }
          for (let q = 0; q < keys.length; q++) v[keys[q]] = g.curve[q][p];
        } else {
          for (const key of keys) {
            const param = plan.curve[key];
            if (param.kind === 'dist') v[key] = param.sampler.sample(noAnchorRng);
          }
        }
        record.logWeight[k] = logLikelihood(world.setGrowth(v), observations, sigmaOom);
      }
      out.push(record);
    },
    merge: (a, b) => void a.push(...b),
  };
}

/** Weighted counts from every chunk's records (taken in chunk order, so the sums do not depend on threads). */
export function weightedRun(plan: Plan, records: ObservedChunk[]): WeightedRun {
  const chunks = [...records].sort((a, b) => a.index - b.index);
  const nAnchors = plan.anchors.length;
  const counts = emptyCounts(plan);
  let n = 0;
  let top = -Infinity;
  for (const c of chunks) {
    n += c.logWeight.length;
    counts.nonFinite += c.nonFinite;
    counts.firstNonFinite ??= c.firstNonFinite;
    for (const x of c.logWeight) if (x > top) top = x;
  }
  let sum = 0;
  let sumSquares = 0;
  for (const c of chunks) {
    const w = c.logWeight;
    for (let k = 0; k < w.length; k++) {
      const x = Math.exp(w[k] - top);
      w[k] = x;
      sum += x;
      sumSquares += x * x;
    }
  }
  const effectiveWorlds = sumSquares > 0 ? (sum * sum) / sumSquares : 0;
  const scale = sum > 0 ? effectiveWorlds / sum : 0;
  for (const c of chunks) {
    for (let k = 0; k < c.logWeight.length; k++) {
      const x = c.logWeight[k] * scale;
      if (c.anchorOf[k] < nAnchors) counts.perAnchor[c.anchorOf[k]][c.arrival[k]] += x;
      else counts.never += x;
    }
  }
  counts.worlds = effectiveWorlds;
  return { counts, worlds: n, effectiveWorlds };
}
