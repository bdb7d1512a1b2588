/**
 * A sweep: many variants of one scenario, each with some of its parameters (paths of the registry,
 * model/paths.ts, as `--set` names them) set to point values, all on common random numbers with
 * the scenario itself (the baseline) and with each other. Every variant's world k has the baseline
 * world k's anchor, variables and drawn growth values wherever the variant does not change them,
 * so neighbouring variants differ by what was changed, not by the luck of their draws.
 *
 * The variants are simulated one after another in each chunk (the loop's onePlanAtATime), in one
 * workspace for all of them, and keep only their arrival counts: memory grows with the number of
 * variants by a few kilobytes each, and not at all with the number of worlds.
 *
 * A design is a full grid (every combination of each path's values: a range LO:HI:STEP or a list)
 * or a random design of N points over stated ranges: a Latin hypercube (McKay, Beckman & Conover
 * 1979, "A comparison of three methods for selecting values of input variables in the analysis of
 * output from a computer code", Technometrics 21(2)), each range cut into N equal strata with one
 * point in each, the strata of different paths paired by independent random permutations.
 */
import { STREAMS } from '../random/streams.js';
import { accumulate, emptyCounts, mergeCounts, type Counts } from '../engine/counts.js';
import { runChunks, type LoopSpec, type Observer } from '../engine/loop.js';
import { planFor, planScenario, type Plan } from '../engine/plan.js';
import { summarize, type Crossing, type CrossingStatus, type Forecast } from '../engine/summary.js';
import { parameterAt, setParameter } from '../model/paths.js';
import type { Scenario } from '../model/scenario.js';
import { Rng } from '../random/rng.js';

/** The random design's stream (its own name: it meets no stream of the worlds). */
export const SWEEP_DESIGN_STREAM = STREAMS.sweepDesign;

/** Most variants one sweep simulates (each keeps its counts, and each costs a run's worth of work). */
export const MAX_SWEEP_VARIANTS = 10_000;

/** One path of a grid: its values from LO to HI in steps of STEP, or the values listed. */
export type SweepAxisSpec = { path: string; lo: number; hi: number; step: number } | { path: string; values: number[] };

/** A random design: `points` points over the ranges (a Latin hypercube, seeded). */
export interface RandomDesignSpec {
  points: number;
  ranges: { path: string; lo: number; hi: number }[];
}

/** What to sweep: a full grid over the axes (the first varies slowest), or a random design. */
export type SweepDesignSpec = { axes: SweepAxisSpec[] } | { random: RandomDesignSpec };

/** A design made concrete: values[v][j] is variant v's value of paths[j]. */
export interface SweepDesign {
  kind: 'grid' | 'random';
  paths: string[];
  values: number[][];
}

/** Grid values LO, LO + STEP, … up to HI (HI included when a whole number of steps reaches it, to 1e-9 of a step). */
export function gridValues(lo: number, hi: number, step: number): number[] {
  const steps = Math.floor((hi - lo) / step + 1e-9);
  // Twelve significant digits: 0.1 + 2 × 0.1 is written 0.3, as typed, not 0.30000000000000004.
  return Array.from({ length: steps + 1 }, (_, i) => Number((lo + i * step).toPrecision(12)));
}

/** The values of one axis. */
export function axisValues(axis: SweepAxisSpec): number[] {
  return 'values' in axis ? axis.values : gridValues(axis.lo, axis.hi, axis.step);
}

/** How many variants a design has, without making them (so a huge grid is refused cheaply). */
export function designSize(spec: SweepDesignSpec): number {
  if ('random' in spec) return spec.random.points;
  return spec.axes.reduce((n, axis) => n * ('values' in axis ? axis.values.length : Math.floor((axis.hi - axis.lo) / axis.step + 1e-9) + 1), 1);
}

/** Every combination of the axes' values, the first axis varying slowest. */
function fullGrid(axes: SweepAxisSpec[]): number[][] {
  let rows: number[][] = [[]];
  for (const axis of axes) {
    const values = axisValues(axis);
    rows = rows.flatMap((row) => values.map((v) => [...row, v]));
  }
  return rows;
}

/** A Latin hypercube of `points` points over the ranges, from the design stream of `seed`. */
export function latinHypercube(spec: RandomDesignSpec, seed: number): number[][] {
  const rng = new Rng(seed, 0, SWEEP_DESIGN_STREAM);
  const n = spec.points;
  const columns = spec.ranges.map(({ lo, hi }) => {
    // Stratum i holds [lo + i·w, lo + (i+1)·w); a uniform point in each, the strata shuffled (Fisher–Yates).
    const width = (hi - lo) / n;
    const column = Array.from({ length: n }, (_, i) => lo + (i + rng.uniform()) * width);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [column[i], column[j]] = [column[j], column[i]];
    }
    return column.map((x) => Number(x.toPrecision(12)));
  });
  return Array.from({ length: n }, (_, v) => columns.map((c) => c[v]));
}

/** The design's variants as values (the spec is checked by the caller: see api/sweep.ts). */
export function makeDesign(spec: SweepDesignSpec, seed: number): SweepDesign {
  if ('random' in spec) return { kind: 'random', paths: spec.random.ranges.map((r) => r.path), values: latinHypercube(spec.random, seed) };
  return { kind: 'grid', paths: spec.axes.map((a) => a.path), values: fullGrid(spec.axes) };
}

/** Variant v of the scenario: each path set to its point value, as `--set path=value` sets it. */
export function variantScenario(scenario: Scenario, paths: readonly string[], values: readonly number[]): Scenario {
  return paths.reduce((s, path, j) => {
    const ref = parameterAt(s, path);
    if (!ref) throw new Error(`bug: ${path} is not a parameter of ${scenario.id} (the caller checks)`);
    return setParameter(s, ref, { kind: 'point', value: values[j] });
  }, scenario);
}

/** The scenario's own value of a path, if it is one point value (for every anchor it concerns); else null. */
export function pointValueAt(scenario: Scenario, path: string): number | null {
  const ref = parameterAt(scenario, path);
  if (!ref) return null;
  if (ref.kind === 'weight') return scenario.anchors.find((a) => a.anchor.id === ref.anchorId)?.weight ?? null;
  const values =
    ref.kind === 'growth'
      ? [ref.parameter.get(scenario)].map((p) => (p.kind === 'point' ? p.value : NaN))
      : ref.kind === 'variable'
        ? scenario.anchors
            .filter((a) => ref.anchorIds.includes(a.anchor.id))
            .map((a) => a.anchor.variables.find((v) => v.name === ref.name)?.dist)
            .map((d) => (d?.dist === 'point' ? d.value : NaN))
        : scenario.anchors
            .filter((a) => ref.anchorIds === 'all' || ref.anchorIds.includes(a.anchor.id))
            .map((a) => a.algorithmicProgress[ref.field])
            .map((p) => (p.kind === 'point' ? p.value : NaN));
  return values.length > 0 && values.every((v) => v === values[0]) && Number.isFinite(values[0]) ? values[0] : null;
}

/** What the sweep job needs (plain data, cloned to the workers): the scenario and the design's values. */
export interface SweepJob {
  scenario: Scenario;
  paths: string[];
  values: number[][];
}

/** The plans of a sweep: the baseline first, then every variant in design order. */
export function sweepPlans(job: SweepJob): Plan[] {
  return [planFor(job.scenario), ...job.values.map((row) => planScenario(variantScenario(job.scenario, job.paths, row)))];
}

/** What chunks add up to: each plan's counts (baseline first). */
export interface SweepState {
  counts: Counts[];
}

export function sweepObserver(plans: readonly Plan[]): Observer<SweepState> {
  return {
    empty: () => ({ counts: plans.map(emptyCounts) }),
    observe(state, chunk) {
      for (let i = 0; i < chunk.plans.length; i++) accumulate(chunk.plans[i], chunk.workspaces[i], state.counts[chunk.firstPlan + i]);
    },
    merge: (a, b) => a.counts.forEach((c, p) => mergeCounts(c, b.counts[p])),
  };
}

/** The loop of a sweep: every plan on common random numbers, one at a time in each chunk. */
export function sweepSpec(plans: readonly Plan[], seed: number, samples: number): LoopSpec {
  return { plans, draws: 'paired', seed, samples, onePlanAtATime: true };
}

/** Runs chunks [firstChunk, endChunk) of a sweep in this thread. */
export function sweepChunks(job: SweepJob, seed: number, samples: number, firstChunk: number, endChunk: number): SweepState {
  const plans = sweepPlans(job);
  return runChunks(sweepSpec(plans, seed, samples), sweepObserver(plans), firstChunk, endChunk);
}

/** A headline figure of one variant: a probability or a date (decimal year), with its Monte Carlo standard error. */
export interface SweepFigure {
  /** p_by_<year>, date_10, date_50, date_90, p_not_by_horizon, p_never. */
  name: string;
  /** Null when a date is not reached by the horizon (see status). */
  value: number | null;
  se: number | null;
  /** Dates only: as a crossing's status (year, at-or-before-start, after-horizon, never, no-worlds). */
  status?: CrossingStatus;
}

/** The headline figures' names, in order, for P by these years. */
export function figureNames(byYears: readonly number[]): string[] {
  return [...byYears.map((y) => `p_by_${y}`), ...DATE_LEVELS.map((l) => dateName(l)), 'p_not_by_horizon', 'p_never'];
}

const DATE_LEVELS = [0.1, 0.5, 0.9] as const;
const dateName = (level: number) => `date_${Math.round(level * 100)}`;

function dateFigure(c: Crossing): SweepFigure {
  return { name: dateName(c.level), value: c.year, se: c.se, status: c.status };
}

/** A forecast's headline figures: P by each year, the 10/50/90% dates, P not by the horizon, P never. */
export function headlineFigures(f: Forecast, byYears: readonly number[]): SweepFigure[] {
  return [
    ...byYears.map((y) => {
      const j = y - f.startYear;
      return { name: `p_by_${y}`, value: f.cdf[j], se: f.se[j] };
    }),
    ...DATE_LEVELS.map((level) => dateFigure(f.crossings.find((c) => c.level === level)!)),
    { name: 'p_not_by_horizon', value: f.notByHorizon.p, se: f.notByHorizon.se },
    { name: 'p_never', value: f.never.p, se: f.never.se },
  ];
}

export interface SweepVariant {
  /** 1, 2, … in design order (0 is the baseline). */
  index: number;
  /** The value of each swept path, in the order of SweepResult.paths. */
  values: number[];
  figures: SweepFigure[];
  worlds: number;
}

export interface SweepResult {
  scenarioId: string;
  scenarioLabel: string;
  horizonYear: number;
  seed: number;
  /** Worlds per variant. */
  samples: number;
  kind: SweepDesign['kind'];
  paths: string[];
  byYears: number[];
  figureNames: string[];
  /** The scenario as given, on the same worlds; values: its own value of each path (null where that is not one point value). */
  baseline: { values: (number | null)[]; figures: SweepFigure[] };
  variants: SweepVariant[];
}

/**
 * Every variant's figures from the merged counts. Variants change growth and algorithmic-progress
 * values only, never years, anchors or weights, so the baseline's plan serves to summarize them all.
 */
export function sweepResult(basePlan: Plan, design: SweepDesign, byYears: readonly number[], state: SweepState, seed: number): SweepResult {
  const summary = (counts: Counts) => headlineFigures(summarize(basePlan, counts, seed), byYears);
  const s = basePlan.scenario;
  return {
    scenarioId: s.id,
    scenarioLabel: s.label,
    horizonYear: s.horizonYear,
    seed,
    samples: state.counts[0].worlds,
    kind: design.kind,
    paths: design.paths,
    byYears: [...byYears],
    figureNames: figureNames(byYears),
    baseline: { values: design.paths.map((path) => pointValueAt(s, path)), figures: summary(state.counts[0]) },
    variants: design.values.map((values, v) => ({ index: v + 1, values, figures: summary(state.counts[v + 1]), worlds: state.counts[v + 1].worlds })),
  };
}
