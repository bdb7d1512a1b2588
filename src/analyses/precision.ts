/**
 * How many worlds a run needs for a target standard error. The standard error of a probability
 * falls as 1/√N, so from a run of N worlds with error s the target t needs about N·(s/t)² worlds.
 */
import { medianCrossing, type Forecast } from '../engine/summary.js';

export interface PrecisionTarget {
  /** Largest standard error allowed for any headline probability (P by each year, after horizon, never). */
  probability?: number;
  /** Largest standard error allowed for the median (50%) crossing year, in years. */
  medianYears?: number;
}

/** The largest standard errors among the headline figures. */
export function headlineErrors(f: Forecast): { probability: number; medianYears: number | null } {
  const probability = Math.max(...f.se, f.notByHorizon.se, f.never.se);
  const median = medianCrossing(f.crossings);
  return { probability, medianYears: median?.se ?? null };
}

/** Worlds needed to meet the target, estimated from a finished run (at least the worlds done). */
export function worldsNeeded(f: Forecast, target: PrecisionTarget): number {
  const errors = headlineErrors(f);
  let factor = 1;
  if (target.probability !== undefined) factor = Math.max(factor, (errors.probability / target.probability) ** 2);
  if (target.medianYears !== undefined && errors.medianYears !== null) factor = Math.max(factor, (errors.medianYears / target.medianYears) ** 2);
  return Math.ceil(f.samples * factor);
}

export function meetsTarget(f: Forecast, target: PrecisionTarget): boolean {
  const errors = headlineErrors(f);
  if (target.probability !== undefined && !(errors.probability <= target.probability)) return false;
  if (target.medianYears !== undefined && errors.medianYears !== null && !(errors.medianYears <= target.medianYears)) return false;
  return true;
}
