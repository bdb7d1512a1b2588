/**
 * Draws of the requirement itself (log10 FLOP with 2020 algorithms), per anchor or for a
 * scenario's whole mixture: for comparing an anchor file with published percentiles.
 */
import { binomialSe } from './summary.js';
import { quantileSorted } from '../dist/quantile.js';
import { STREAMS } from '../random/streams.js';
import type { Distribution } from '../model/distribution.js';
import { Rng } from '../random/rng.js';
import { compileDistribution, type Sampler } from '../dist/sampler.js';
import type { ColumnKernel } from './expression.js';
import type { Plan } from './plan.js';

/** n requirement draws of anchor `anchorIndex` of the plan, sorted ascending, from `stream`. */
export function anchorRequirementDraws(
  plan: Plan,
  anchorIndex: number,
  n: number,
  seed: number,
  stream: string = STREAMS.requirementDrawsAnchor,
): Float64Array {
  const a = plan.anchors[anchorIndex];
  return requirementDraws(a.samplers, a.kernel, new Rng(seed, anchorIndex, stream), n);
}

/** n requirement draws, sorted: each variable drawn by its sampler from `rng` in turn, then the formula's kernel. */
export function requirementDraws(samplers: readonly Sampler[], kernel: ColumnKernel, rng: Rng, n: number): Float64Array {
  const columns = samplers.map((sampler) => {
    const column = new Float64Array(n);
    sampler.fill(rng, column, n);
    return column;
  });
  const out = new Float64Array(n);
  kernel(n, columns, out);
  return out.sort();
}

/**
 * n draws of the scenario's requirement mixture, sorted: each anchor contributes in proportion to
 * its weight (a stratified share, rounded), and "no anchor" is drawn from `noAnchor` when given
 * (a published mixture may place it at a finite, unreachable level) or left out.
 */
export function mixtureRequirementDraws(plan: Plan, n: number, seed: number, noAnchor?: Distribution): Float64Array {
  const parts: Float64Array[] = plan.anchors.map((a, i) => anchorRequirementDraws(plan, i, Math.round(a.weight * n), seed));
  if (noAnchor) {
    const m = Math.round(plan.scenario.noneWeight * n);
    const column = new Float64Array(m);
    compileDistribution(noAnchor).fill(new Rng(seed, plan.anchors.length, STREAMS.requirementDrawsNoAnchor), column, m);
    parts.push(column);
  }
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out.sort();
}

/**
 * Standard error of the p-quantile of a sample of size `sampleSize` from the distribution the
 * sorted draws represent: the spread of the quantiles one binomial standard error either side,
 * (Q(p + s) − Q(p − s)) / 2 with s = √(p(1 − p)/sampleSize) (the order-statistic interval).
 */
export function quantileStandardError(sorted: Float64Array, p: number, sampleSize: number): number {
  const s = binomialSe(p, sampleSize);
  return (quantileSorted(sorted, Math.min(1, p + s)) - quantileSorted(sorted, Math.max(0, p - s))) / 2;
}
