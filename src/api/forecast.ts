/**
 * The forecast of a scenario: a plain run, a run grown until a target precision, a run conditioned
 * on no TAI by a year, a run weighted by observations, or one range of chunks of a run (for merging
 * with the others later). Each result carries its manifest.
 */
import { DEFAULT_OBSERVED_MAX_SAMPLES, DEFAULT_OBSERVED_TARGET, weightedForecast, type WeightedSize } from './weighted.js';
import { checkFinite, checkGivenYear, checkKept, manifestFor, type ScenarioInput } from './input.js';
import { observedLabel, observedManifest, type Observed } from './observed.js';
import { onThreads, type Threads } from './threads.js';
import { meetsTarget, worldsNeeded, type PrecisionTarget } from '../analyses/precision.js';
import { mergeCounts, type Counts } from '../engine/counts.js';
import { CHUNK_SIZE, chunkCount, DEFAULT_SEED } from '../engine/loop.js';
import { summarize, type Forecast, type SummaryOptions, type SummaryPlan } from '../engine/summary.js';
import { UsageError } from '../io/errors.js';
import type { WorkerPool } from '../jobs/pool.js';
import { runJob } from '../jobs/pool.js';
import { PARTIAL_FORMAT, type ChunkRange, type PartialRun } from '../model/partial.js';
import type { Manifest } from '../model/manifest.js';

export const DEFAULT_SAMPLES = 100_000;

export interface ForecastOptions extends Threads {
  /**
   * Worlds (default 100,000); with a target precision, the first step. Weighted by observations:
   * given, the run's fixed size; absent, the run grows from 131,072 worlds (8 chunks, api/weighted.ts) until DEFAULT_OBSERVED_TARGET.
   */
  samples?: number;
  seed?: number;
  /** Keep adding worlds until every headline figure is this precise (weighted runs too). */
  targetSe?: PrecisionTarget;
  /** The most worlds a target precision may take (default 1e9; weighted runs 1e8). */
  maxSamples?: number;
  /** The forecast given no TAI by the end of this year. */
  givenNoTaiBy?: number;
  /** Weight the worlds by how well their growth matches these observations. */
  givenObserved?: Observed;
  /** Worlds done so far of a total, after each batch of chunks. */
  onProgress?: (done: number, total: number) => void;
  /** Things a user should know (a target not reached). */
  onNote?: (message: string) => void;
}

export interface ForecastResult {
  forecast: Forecast;
  manifest: Manifest;
  /** The overrides and conditioning as a command line gives them, to label outputs. */
  overrides: string[];
}

const roundUpToChunks = (n: number) => Math.ceil(n / CHUNK_SIZE) * CHUNK_SIZE;

/** A plain run's chunks [firstChunk, endChunk) on the main thread and the pool's workers. */
export function simulateRange(
  input: ScenarioInput,
  seed: number,
  samples: number,
  firstChunk: number,
  endChunk: number,
  pool: WorkerPool | undefined,
  onProgress?: (done: number) => void,
): Promise<Counts> {
  return runJob<Counts>({ kind: 'run', params: { scenario: input.plan.scenario } }, { seed, samples, firstChunk, endChunk }, pool, { onProgress });
}

/** Worlds' worth of work a forecast with these options may do (for sizing its threads). */
export function forecastWork(options: ForecastOptions): number {
  if (options.givenObserved) {
    const size = observedSize(options);
    return 'fixed' in size ? size.fixed : size.maxSamples;
  }
  return options.targetSe ? (options.maxSamples ?? 1e9) : (options.samples ?? DEFAULT_SAMPLES);
}

/** How big a weighted run is: -n fixes it unless a target is asked for; else it grows until the default target. */
export function observedSize(options: Pick<ForecastOptions, 'samples' | 'targetSe' | 'maxSamples'>): WeightedSize {
  if (options.samples !== undefined && !options.targetSe) return { fixed: options.samples };
  return {
    first: options.samples ?? DEFAULT_SAMPLES,
    target: options.targetSe ?? DEFAULT_OBSERVED_TARGET,
    maxSamples: options.maxSamples ?? DEFAULT_OBSERVED_MAX_SAMPLES,
  };
}

/** The forecast of one scenario. */
export async function forecast(input: ScenarioInput, options: ForecastOptions = {}): Promise<ForecastResult> {
  return onThreads(options, forecastWork(options), (pool) =>
    options.givenObserved ? forecastGivenObserved(input, options, pool) : forecastPlain(input, options, pool),
  );
}

async function forecastPlain(input: ScenarioInput, options: ForecastOptions, pool: WorkerPool | undefined): Promise<ForecastResult> {
  const { plan } = input;
  const seed = options.seed ?? DEFAULT_SEED;
  const maxSamples = options.maxSamples ?? 1e9;
  checkGivenYear(plan, options.givenNoTaiBy);
  const summaryOptions = { givenNoTaiBy: options.givenNoTaiBy };
  const target = options.targetSe;
  // With a precision target the run grows by whole chunks, so its result is the same as a plain
  // run of the final number of worlds.
  let samples = target ? Math.min(roundUpToChunks(options.samples ?? DEFAULT_SAMPLES), maxSamples) : (options.samples ?? DEFAULT_SAMPLES);
  const counts = await simulateRange(input, seed, samples, 0, chunkCount(samples), pool, (done) => options.onProgress?.(done, samples));
  checkFinite(input, counts);
  let forecast = summarize(plan, counts, seed, summaryOptions);
  while (target && !meetsTarget(forecast, target)) {
    if (samples >= maxSamples) {
      options.onNote?.(`target standard error not reached with --max-samples ${maxSamples} worlds; reporting what that gives`);
      break;
    }
    // Conditioned, only the kept share of new worlds counts.
    const kept = forecast.samples / counts.worlds;
    const next = Math.min(maxSamples, roundUpToChunks(Math.max((worldsNeeded(forecast, target) / kept) * 1.05, samples * 1.25)));
    const before = samples;
    const more = await simulateRange(input, seed, next, chunkCount(before), chunkCount(next), pool, (done) => options.onProgress?.(before + done, next));
    mergeCounts(counts, more);
    samples = next;
    checkFinite(input, counts);
    forecast = summarize(plan, counts, seed, summaryOptions);
  }
  checkKept(forecast);
  const manifest = manifestFor(input, seed, samples, {
    ...(target ? { targetSe: target } : {}),
    ...(options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {}),
  });
  return { forecast, manifest, overrides: input.overrides };
}

async function forecastGivenObserved(input: ScenarioInput, options: ForecastOptions, pool: WorkerPool | undefined): Promise<ForecastResult> {
  if (options.givenNoTaiBy !== undefined) throw new UsageError('--given-observed does not combine with --given-no-tai-by');
  const observed = options.givenObserved!;
  const seed = options.seed ?? DEFAULT_SEED;
  const size = observedSize(options);
  const { forecast, samples } = await weightedForecast(input, observed, size, seed, pool, options.onProgress, options.onNote);
  const manifest = manifestFor(input, seed, samples, { ...('target' in size ? { targetSe: size.target } : {}), givenObserved: observedManifest(observed) });
  // The conditioning is part of what produced the numbers: it goes with the overrides in every label and CSV row.
  return { forecast, manifest, overrides: [...input.overrides, observedLabel(observed)] };
}

export interface ChunkRangeOptions extends Threads {
  /** The whole run's worlds. */
  samples: number;
  seed?: number;
  /** Chunks [from, to) of the run. */
  chunks: { from: number; to: number };
  givenNoTaiBy?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * One part of a run split over machines: chunks [from, to) of the run of `samples` worlds, as the
 * arrival counts `mergeRuns` adds up into the forecast the whole run gives, byte for byte.
 */
export async function forecastChunks(input: ScenarioInput, options: ChunkRangeOptions): Promise<{ partial: PartialRun; worlds: number }> {
  const { from, to } = options.chunks;
  const of = chunkCount(options.samples);
  const seed = options.seed ?? DEFAULT_SEED;
  if (to > of) throw new UsageError(`--chunks ${from}:${to}: a run of ${options.samples} worlds has ${of} chunks of ${CHUNK_SIZE} (0:${of})`);
  checkGivenYear(input.plan, options.givenNoTaiBy);
  const worlds = Math.min(options.samples, to * CHUNK_SIZE) - from * CHUNK_SIZE;
  const counts = await onThreads(options, worlds, (pool) =>
    simulateRange(input, seed, options.samples, from, to, pool, (done) => options.onProgress?.(done, worlds)),
  );
  checkFinite(input, counts);
  const manifest = manifestFor(input, seed, options.samples, options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {});
  return { partial: partialOf(input.plan, counts, manifest, { from, to, of }, { givenNoTaiBy: options.givenNoTaiBy }, input.overrides), worlds };
}

/** A range of chunks' counts as a partial run, with what a merge needs to print the whole run. */
export function partialOf(plan: SummaryPlan, counts: Counts, manifest: Manifest, chunks: ChunkRange, summary: SummaryOptions, overrides: string[]): PartialRun {
  const { id, label, startYear, horizonYear, noneWeight } = plan.scenario;
  return {
    format: PARTIAL_FORMAT,
    manifest,
    chunks,
    plan: {
      years: [...plan.years],
      anchors: plan.anchors.map((a) => ({ id: a.id, label: a.label, weight: a.weight })),
      scenario: { id, label, startYear, horizonYear, noneWeight },
    },
    summary,
    overrides,
    counts: {
      worlds: counts.worlds,
      never: counts.never,
      nonFinite: counts.nonFinite,
      perAnchor: counts.perAnchor.map((h) => Array.from(h)),
      ...(counts.firstNonFinite ? { firstNonFinite: counts.firstNonFinite } : {}),
    },
  };
}
