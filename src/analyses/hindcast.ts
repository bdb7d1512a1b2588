/**
 * A hindcast: what a scenario's growth curves projected for years already observed, beside what
 * was observed. For each observed year: the largest affordable run (log10 FLOP), FLOP per dollar
 * and spending on the largest run, as a 10/50/90% band across draws of the growth parameters
 * (one value when they are fixed); how many orders of magnitude the observation lies above the
 * projection's median; and how many years ahead of the projection it is (the year the median
 * curve reaches the observed level, less the observed year; negative: behind).
 */
import { STREAMS } from '../random/streams.js';
import { WorldCurves, type CurveValues } from '../engine/curves.js';
import { Rng } from '../random/rng.js';
import { CURVE_KEYS, type ParamPlan, type Plan } from '../engine/plan.js';
import { quantileSorted } from '../dist/quantile.js';
import type { Band } from './trajectories.js';

export { HINDCAST_QUANTITIES, type HindcastQuantity } from '../model/observations.js';
import { HINDCAST_QUANTITIES, type HindcastQuantity } from '../model/observations.js';

/** Each observed quantity's curve, in log10 units (shared with the observation weights, observed.ts). */
export const CURVE_OF: Record<HindcastQuantity, (world: WorldCurves, year: number) => number> = {
  largestRun: (world, year) => world.affordable(year),
  flopPerUsd: (world, year) => world.flopPerUsd(year),
  spending: (world, year) => world.spendUsd(year),
};

/** One observed figure, in log10 units; `atLeast` for a lower bound. */
export interface ObservedLog10 {
  log10: number;
  atLeast: boolean;
}

export interface ObservedYear {
  year: number;
  label: string;
  figures: Partial<Record<HindcastQuantity, ObservedLog10>>;
}

export interface HindcastCell {
  quantity: HindcastQuantity;
  observed: ObservedLog10;
  /** 10/50/90% of the projection across growth draws (equal when growth is fixed). */
  projected: Band;
  /** observed − projected median, in OOM (a lower bound when the observation is). */
  oomAbove: number;
  /**
   * Years by which the observation is ahead of the projection: the year the median curve reaches
   * the observed level, less the observed year. null when the median curve never reaches it
   * within 200 years either side (it levels off below, or starts above).
   */
  yearsAhead: number | null;
}

export interface HindcastRow {
  year: number;
  label: string;
  cells: HindcastCell[];
}

export interface Hindcast {
  rows: HindcastRow[];
  /** The projection year by year over the observed years and a few around them, for charts. */
  curves: { year: number; bands: Record<HindcastQuantity, Band> }[];
  /** Draws of the growth parameters behind the bands (1 when nothing is uncertain). */
  draws: number;
  uncertain: boolean;
}

/** The growth-parameter values of `n` draws (the scenario's fixed values where nothing is uncertain). */
export function growthDraws(plan: Plan, n: number, seed: number): CurveValues[] {
  if (plan.uncertainCurveKeys.length === 0) return [{ ...plan.base }];
  const rng = new Rng(seed, 0, STREAMS.hindcastGrowth);
  const out: CurveValues[] = [];
  for (let k = 0; k < n; k++) {
    const v: CurveValues = { ...plan.base };
    for (const key of CURVE_KEYS) {
      const p = plan.curve[key];
      if (p.kind === 'dist') v[key] = p.sampler.sample(rng);
    }
    out.push(v);
  }
  return out;
}

function bandAt(worlds: readonly WorldCurves[], f: (world: WorldCurves, year: number) => number, year: number): Band {
  const values = Float64Array.from(worlds, (v) => f(v, year)).sort();
  return [quantileSorted(values, 0.1), quantileSorted(values, 0.5), quantileSorted(values, 0.9)];
}

/**
 * The (fractional) year in which the median of f across worlds first reaches `level`, searched
 * within [from, to] by bisection; the curves only grow with time when their doubling times and
 * GDP growth are positive, and then so does their median. null if it is not reached.
 */
export function yearReaching(
  worlds: readonly WorldCurves[],
  f: (world: WorldCurves, year: number) => number,
  level: number,
  from: number,
  to: number,
): number | null {
  const median = (t: number) => bandAt(worlds, f, t)[1];
  if (median(from) > level || median(to) < level) return null;
  let lo = from;
  let hi = to;
  for (let i = 0; i < 50 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (median(mid) >= level) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

export function hindcast(plan: Plan, observed: readonly ObservedYear[], options: { samples: number; seed: number }): Hindcast {
  const draws = growthDraws(plan, options.samples, options.seed);
  const worlds = draws.map((v) => new WorldCurves().setGrowth(v));
  const rows = observed.map((o): HindcastRow => {
    const cells: HindcastCell[] = [];
    for (const quantity of HINDCAST_QUANTITIES) {
      const figure = o.figures[quantity];
      if (!figure) continue;
      const f = CURVE_OF[quantity];
      const projected = bandAt(worlds, f, o.year);
      const reached = yearReaching(worlds, f, figure.log10, o.year - 200, o.year + 200);
      cells.push({ quantity, observed: figure, projected, oomAbove: figure.log10 - projected[1], yearsAhead: reached === null ? null : reached - o.year });
    }
    return { year: o.year, label: o.label, cells };
  });
  const observedYears = observed.map((o) => o.year);
  const first = Math.min(...observedYears, plan.scenario.startYear) - 1;
  const last = Math.max(...observedYears, plan.scenario.startYear) + 4;
  const curves: Hindcast['curves'] = [];
  for (let year = first; year <= last; year++) {
    curves.push({ year, bands: Object.fromEntries(HINDCAST_QUANTITIES.map((q) => [q, bandAt(worlds, CURVE_OF[q], year)])) as Record<HindcastQuantity, Band> });
  }
  return { rows, curves, draws: worlds.length, uncertain: plan.uncertainCurveKeys.length > 0 };
}

/** A scenario's value of a parameter: a point, a distribution's 5/50/95% quantiles, or a formula of the requirement. */
export type ParameterValue = { kind: 'point'; value: number } | { kind: 'dist'; p05: number; p50: number; p95: number } | { kind: 'formula' };

/** What a plan says of a parameter value (ParamPlan to its point or 90% interval). */
export function parameterValue(p: ParamPlan): ParameterValue {
  if (p.kind === 'point') return { kind: 'point', value: p.value };
  if (p.kind === 'formula') return { kind: 'formula' };
  return { kind: 'dist', p05: p.sampler.quantile(0.05), p50: p.sampler.quantile(0.5), p95: p.sampler.quantile(0.95) };
}
