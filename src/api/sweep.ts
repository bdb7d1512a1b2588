/** Many variants of one scenario's point values (a grid, or a random design) on common random numbers. */
import { checkParameterValues, checkFinite, checkVariant, manifestFor, unweightedPathNote, type ScenarioInput } from './input.js';
import { parameterAt } from '../model/paths.js';
import { onThreads, type Threads } from './threads.js';
import {
  designSize,
  makeDesign,
  MAX_SWEEP_VARIANTS,
  sweepResult,
  type SweepAxisSpec,
  type SweepDesign,
  type SweepDesignSpec,
  type SweepResult,
  type SweepState,
} from '../analyses/sweep.js';
import { chunkCount, DEFAULT_SEED } from '../engine/loop.js';
import { UsageError } from '../io/errors.js';
import { count } from '../report/format.js';
import { runJob } from '../jobs/pool.js';
import type { Manifest } from '../model/manifest.js';

export const DEFAULT_SWEEP_SAMPLES = 100_000;
/** The years whose P(TAI by) a sweep reports unless told (those within the scenario's years). */
export const DEFAULT_SWEEP_YEARS = [2030, 2040, 2050] as const;

export interface SweepOptions extends Threads {
  /** Worlds per variant (every variant and the baseline share them). */
  samples?: number;
  /** Seeds the worlds and a random design. */
  seed?: number;
  /** The years of the P(TAI by YEAR) figures (default: 2030, 2040, 2050 where the scenario has them). */
  by?: number[];
  onProgress?: (done: number, total: number) => void;
  /** Says what the caller should know: a swept path that cannot move the figures. */
  onNote?: (message: string) => void;
}

export interface SweepRunResult {
  result: SweepResult;
  design: SweepDesign;
  manifest: Manifest;
  overrides: string[];
}

const fmt = (x: number) => String(x);

/** The command-line form of an axis or range, for messages. */
function optionOf(axis: SweepAxisSpec | { path: string; lo: number; hi: number }): string {
  if ('values' in axis) return `--values ${axis.path}=${axis.values.map(fmt).join(',')}`;
  if ('step' in axis) return `--grid ${axis.path}=${fmt(axis.lo)}:${fmt(axis.hi)}:${fmt(axis.step)}`;
  return `--range ${axis.path}=${fmt(axis.lo)}:${fmt(axis.hi)}`;
}

/**
 * Checks a design before anything runs: a grid's STEP above 0 and LO at most HI, a list not empty,
 * a range's LO below its HI, each path named once and known to the scenario, at most
 * MAX_SWEEP_VARIANTS variants, and every value one `--set` accepts for its path. The checks `--set`
 * makes of these numbers are intervals (model/scenario.ts: positive, 0 or more, a fraction, above
 * -1), so a path's smallest and largest values stand for all of them.
 */
export function checkDesign(input: ScenarioInput, spec: SweepDesignSpec): void {
  const axes: (SweepAxisSpec | { path: string; lo: number; hi: number })[] = 'random' in spec ? spec.random.ranges : spec.axes;
  if (axes.length === 0)
    throw new UsageError('sweep needs something to vary: --grid PATH=LO:HI:STEP, --values PATH=A,B,C, or --random N with --range PATH=LO:HI');
  if ('random' in spec && !(Number.isInteger(spec.random.points) && spec.random.points >= 1))
    throw new UsageError(`--random takes a whole number of points, 1 or more; found ${spec.random.points}`);
  for (const axis of axes) {
    const option = optionOf(axis);
    if ('values' in axis) {
      if (axis.values.length === 0 || !axis.values.every(Number.isFinite))
        throw new UsageError(`${option}: give one or more numbers, e.g. --values spending.doublingYears=2,2.5,3`);
    } else {
      if (![axis.lo, axis.hi, ...('step' in axis ? [axis.step] : [])].every(Number.isFinite))
        throw new UsageError(`${option}: LO, HI${'step' in axis ? ' and STEP' : ''} must be numbers`);
      if ('step' in axis) {
        if (!(axis.step > 0)) throw new UsageError(`${option}: STEP must be above 0; found ${fmt(axis.step)}`);
        if (!(axis.lo <= axis.hi)) throw new UsageError(`${option}: LO (${fmt(axis.lo)}) must be at most HI (${fmt(axis.hi)})`);
      } else if (!(axis.lo < axis.hi)) throw new UsageError(`${option}: LO (${fmt(axis.lo)}) must be below HI (${fmt(axis.hi)})`);
    }
    const twice = axes.filter((a) => a.path === axis.path);
    if (twice.length > 1) throw new UsageError(`${axis.path} is swept twice (${twice.map(optionOf).join(' and ')}); give each path once`);
  }
  const size = designSize(spec);
  if (size > MAX_SWEEP_VARIANTS) {
    const sizes = 'random' in spec ? '' : ` (${spec.axes.map((a) => count(designSize({ axes: [a] }))).join(' × ')})`;
    throw new UsageError(
      `the design has ${count(size)} variants${sizes}; a sweep takes at most ${count(MAX_SWEEP_VARIANTS)}: use a larger STEP, fewer values or fewer paths`,
    );
  }
  for (const axis of axes) {
    const values = 'values' in axis ? axis.values : [axis.lo, axis.hi];
    checkParameterValues(input, optionOf(axis), axis.path, [Math.min(...values), Math.max(...values)]);
  }
  // Weights are checked together too: their sum is largest with every swept weight at its largest.
  const weights = axes.filter((a) => parameterAt(input.loaded.scenario, a.path)?.kind === 'weight');
  if (weights.length > 1) {
    const largest = weights.map((a) => `${a.path}=${fmt(Math.max(...('values' in a ? a.values : [a.lo, a.hi])))}`);
    checkVariant(input, weights.map(optionOf).join(' with '), largest, `the variant with ${largest.join(', ')} is not a scenario`);
  }
}

/** The years of the P-by figures: as asked (each within the scenario's years), or the defaults the scenario has. */
function byYears(input: ScenarioInput, asked: number[] | undefined): number[] {
  const { startYear, horizonYear } = input.plan.scenario;
  if (asked === undefined) {
    const years = DEFAULT_SWEEP_YEARS.filter((y) => y >= startYear && y <= horizonYear);
    return years.length ? years : [horizonYear];
  }
  if (asked.length === 0) throw new UsageError('--by takes one or more years, e.g. 2030,2040,2050');
  for (const y of asked) {
    if (!(Number.isInteger(y) && y >= startYear && y <= horizonYear))
      throw new UsageError(`--by ${asked.join(',')}: ${y} must be a year within the scenario's years ${startYear}–${horizonYear}`);
  }
  if (new Set(asked).size !== asked.length) throw new UsageError(`--by ${asked.join(',')}: a year is given twice`);
  return asked;
}

/**
 * Runs the scenario and every variant of the design on common random numbers, on the threads given,
 * and returns each variant's headline figures with their Monte Carlo standard errors.
 */
export async function sweep(input: ScenarioInput, design: SweepDesignSpec, options: SweepOptions = {}): Promise<SweepRunResult> {
  checkDesign(input, design);
  const years = byYears(input, options.by);
  const seed = options.seed ?? DEFAULT_SEED;
  const samples = options.samples ?? DEFAULT_SWEEP_SAMPLES;
  const made = makeDesign(design, seed);
  for (const path of made.paths) {
    const note = unweightedPathNote(input, path);
    if (note) options.onNote?.(note);
  }
  const scenario = input.loaded.scenario;
  const variants = made.values.length + 1;
  const state = await onThreads(options, samples * variants, (pool) =>
    runJob<SweepState>(
      { kind: 'sweep', params: { scenario, paths: made.paths, values: made.values } },
      { seed, samples, firstChunk: 0, endChunk: chunkCount(samples) },
      pool,
      {
        onProgress: (done) => options.onProgress?.(done, samples),
      },
    ),
  );
  for (const counts of state.counts) checkFinite(input, counts);
  return {
    result: sweepResult(input.plan, made, years, state, seed),
    design: made,
    manifest: manifestFor(input, seed, samples, { pairing: 'common random numbers' }),
    overrides: input.overrides,
  };
}
