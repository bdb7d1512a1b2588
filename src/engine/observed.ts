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
import { log10AffordableFlop, log10FlopPerUsd, log10SpendUsd, type CurveValues } from './curves.js';
import type { HindcastQuantity } from './hindcast.js';
import { normalCdf } from './normal.js';
import { Rng } from './rng.js';
import { CHUNK_SIZE, chunkCount, createWorkspace, emptyCounts, runChunk, type Counts, type Plan } from './simulate.js';

export interface ObservationConstraint {
  year: number;
  quantity: HindcastQuantity;
  log10: number;
  atLeast: boolean;
}

const CURVE_OF: Record<HindcastQuantity, (v: CurveValues, year: number) => number> = {
  largestRun: log10AffordableFlop,
  flopPerUsd: log10FlopPerUsd,
  spending: log10SpendUsd,
};

/** log-likelihood of the observations for one world's growth values, with error sigma (OOM). */
export function logLikelihood(v: CurveValues, observations: readonly ObservationConstraint[], sigmaOom: number): number {
  let sum = 0;
  for (const o of observations) {
    const x = CURVE_OF[o.quantity](v, o.year);
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

/**
 * Simulates `samples` worlds (the same worlds as a plain run with this seed) and weights each by
 * the likelihood of the observations under its growth trajectories.
 */
export function simulateGivenObserved(plan: Plan, options: { samples: number; seed: number }, observations: readonly ObservationConstraint[], sigmaOom: number): WeightedRun {
  const n = options.samples;
  const anchorOf = new Int32Array(n);
  const arrival = new Int32Array(n);
  const logWeight = new Float64Array(n);
  const ws = createWorkspace(plan);
  const nAnchors = plan.anchors.length;
  const keys = plan.uncertainCurveKeys;
  const counts = emptyCounts(plan);
  const v: CurveValues = { ...plan.base };
  for (let c = 0; c < chunkCount(n); c++) {
    const m = Math.min(CHUNK_SIZE, n - c * CHUNK_SIZE);
    runChunk(plan, ws, options.seed, c, m);
    const noAnchorRng = new Rng(options.seed, c, STREAM_NO_ANCHOR_GROWTH);
    for (let k = 0; k < m; k++) {
      const w = c * CHUNK_SIZE + k;
      const i = ws.anchorOf[k];
      anchorOf[w] = i;
      if (i < nAnchors) {
        const g = ws.groups[i];
        const p = ws.positionOf[k];
        arrival[w] = g.arrival[p];
        const r = g.requirement[p];
        if (r - r !== 0) counts.nonFinite++;
        for (let q = 0; q < keys.length; q++) v[keys[q]] = g.curve[q][p];
      } else {
        for (const key of keys) {
          const param = plan.curve[key];
          if (param.kind === 'dist') v[key] = param.sampler.sample(noAnchorRng);
        }
      }
      logWeight[w] = logLikelihood(v, observations, sigmaOom);
    }
  }
  let top = -Infinity;
  for (let w = 0; w < n; w++) if (logWeight[w] > top) top = logWeight[w];
  let sum = 0;
  let sumSquares = 0;
  for (let w = 0; w < n; w++) {
    const x = Math.exp(logWeight[w] - top);
    logWeight[w] = x;
    sum += x;
    sumSquares += x * x;
  }
  const effectiveWorlds = sumSquares > 0 ? (sum * sum) / sumSquares : 0;
  const scale = sum > 0 ? effectiveWorlds / sum : 0;
  for (let w = 0; w < n; w++) {
    const x = logWeight[w] * scale;
    if (anchorOf[w] < nAnchors) counts.perAnchor[anchorOf[w]][arrival[w]] += x;
    else counts.never += x;
  }
  counts.worlds = effectiveWorlds;
  return { counts, worlds: n, effectiveWorlds };
}
