/**
 * The spreadsheet's closed form, for checking the Monte Carlo: with every growth parameter a
 * single value, P(TAI by year Y) = Σ_i w_i · F_i(threshold_i(Y)), where F_i is the CDF of anchor
 * i's requirement and threshold_i(Y) the best affordable-plus-algorithmic level reached by Y.
 */
import { STREAMS } from '../random/streams.js';
import { anchorRequirementDraws } from './requirementDraws.js';
import type { Plan } from './plan.js';

export type RequirementCdf = (x: number) => number;

/** Σ_i w_i F_i(threshold_i(Y)) for every year of the plan. */
export function closedFormCdf(plan: Plan, cdfs: RequirementCdf[]): number[] {
  return plan.years.map((_, j) =>
    plan.anchors.reduce((sum, a, i) => {
      if (!a.thresholds) throw new Error(`bug: closed form needs fixed curves; anchor ${a.id} has uncertain ones`);
      return sum + a.weight * cdfs[i](a.thresholds[j]);
    }, 0),
  );
}

/** The requirement's CDF when the formula is a single variable (and nothing adjusts it), from that variable's distribution. */
export function analyticRequirementCdf(plan: Plan, anchorIndex: number): RequirementCdf | null {
  const a = plan.scenario.anchors[anchorIndex].anchor;
  const expr = a.formula.expr;
  if (expr.kind !== 'variable' || a.adjustments.length > 0) return null;
  const v = plan.anchors[anchorIndex].variableNames.indexOf(expr.name);
  const sampler = plan.anchors[anchorIndex].samplers[v];
  return (x) => sampler.cdf(x);
}

/** The empirical CDF of n requirement draws of an anchor, from its own random stream. */
export function empiricalRequirementCdf(plan: Plan, anchorIndex: number, seed: number, n: number): RequirementCdf {
  const sorted = anchorRequirementDraws(plan, anchorIndex, n, seed, STREAMS.closedFormRequirements);
  return (x) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo / n;
  };
}
