/** Scenarios side by side on common random numbers, or each weighted by observations (unpaired). */
import { checkFinite, checkGivenYear, checkKept, manifestFor, type ScenarioInput } from './input.js';
import { observedLabel, observedManifest, type Observed } from './observed.js';
import { onThreads, type Threads } from './threads.js';
import { observedSize } from './forecast.js';
import { weightedForecast } from './weighted.js';
import { pairSpan, summarizeComparison, type Comparison, type PairedCounts } from '../analyses/compare.js';
import { unpairedComparison } from '../analyses/unpaired.js';
import { chunkCount, DEFAULT_SEED } from '../engine/loop.js';
import type { Forecast } from '../engine/summary.js';
import { UsageError } from '../io/errors.js';
import { runJob } from '../jobs/pool.js';
import type { Manifest } from '../model/manifest.js';

export const DEFAULT_COMPARE_SAMPLES = 200_000;

export interface CompareOptions extends Threads {
  /** Worlds (default 200,000); weighted by observations, absent: each scenario's run grows as forecast's does. */
  samples?: number;
  /** Weighted by observations: the most worlds each scenario's grown run may draw (default 1e8). */
  maxSamples?: number;
  seed?: number;
  givenNoTaiBy?: number;
  givenObserved?: Observed;
  onProgress?: (done: number, total: number) => void;
  /** Things a user should know (a weighted run's target not reached). */
  onNote?: (message: string) => void;
}

export interface ComparisonResult {
  comparison: Comparison;
  manifests: Manifest[];
  /** The first scenario's overrides and any conditioning, to label outputs. */
  overrides: string[];
}

/**
 * Gives every input a distinct id: the same id twice (a scenario against itself, or a file that
 * reuses an id) is numbered (cotra-2020, cotra-2020#2), so every column and row can be told apart.
 */
export function distinctIds(inputs: readonly ScenarioInput[]): void {
  const seen = new Map<string, number>();
  for (const input of inputs) {
    const scenario = input.loaded.scenario;
    const n = (seen.get(scenario.id) ?? 0) + 1;
    seen.set(scenario.id, n);
    if (n > 1) scenario.id = `${scenario.id}#${n}`;
  }
}

/**
 * Checks scenarios can be compared: two or more, each sharing at least one year with the first
 * (differences are over the years a pair shares; each forecast keeps its own years).
 */
export function checkComparable(inputs: readonly ScenarioInput[], givenNoTaiBy?: number): void {
  if (inputs.length < 2) throw new UsageError('compare needs at least two scenarios (differences are against the first)');
  const [first] = inputs;
  for (const input of inputs) {
    checkGivenYear(input.plan, givenNoTaiBy);
    if (pairSpan(first.plan, input.plan).years > 0) continue;
    const a = first.plan.scenario;
    const b = input.plan.scenario;
    throw new UsageError(
      `compare needs a year in common: ${a.id} runs ${a.startYear}–${a.horizonYear}, ${b.id} ${b.startYear}–${b.horizonYear}; move one with --horizon or --set startYear=…`,
    );
  }
}

/** Compares the scenarios (differences against the first). */
export async function compare(inputs: ScenarioInput[], options: CompareOptions = {}): Promise<ComparisonResult> {
  distinctIds(inputs);
  checkComparable(inputs, options.givenNoTaiBy);
  const seed = options.seed ?? DEFAULT_SEED;
  const samples = options.samples ?? DEFAULT_COMPARE_SAMPLES;
  const size = options.givenObserved ? observedSize({ samples: options.samples, maxSamples: options.maxSamples }) : undefined;
  const work = size ? ('fixed' in size ? size.fixed : size.maxSamples) : samples;
  // Paired runs do a run's work once per scenario: that is the work the threads share.
  return onThreads(options, work * inputs.length, async (pool) => {
    if (options.givenObserved && size) {
      // Each scenario's worlds weighted by the observations: the weights differ between scenarios,
      // so the pairing no longer holds and differences use unpaired errors.
      if (options.givenNoTaiBy !== undefined) throw new UsageError('--given-observed does not combine with --given-no-tai-by');
      const observed = options.givenObserved;
      const forecasts: Forecast[] = [];
      const manifests: Manifest[] = [];
      for (const input of inputs) {
        const run = await weightedForecast(input, observed, size, seed, pool, options.onProgress, options.onNote);
        forecasts.push(run.forecast);
        manifests.push(
          manifestFor(input, seed, run.samples, { ...('target' in size ? { targetSe: size.target } : {}), givenObserved: observedManifest(observed) }),
        );
      }
      return { comparison: unpairedComparison(forecasts), manifests, overrides: [...inputs[0].overrides, observedLabel(observed)] };
    }
    const plans = inputs.map((i) => i.plan);
    const paired = await runJob<PairedCounts>(
      { kind: 'paired', params: { scenarios: plans.map((p) => p.scenario) } },
      { seed, samples, firstChunk: 0, endChunk: chunkCount(samples) },
      pool,
      {
        onProgress: (done) => options.onProgress?.(done, samples),
      },
    );
    inputs.forEach((input, i) => checkFinite(input, paired.counts[i]));
    const comparison = summarizeComparison(plans, paired, seed, { givenNoTaiBy: options.givenNoTaiBy });
    comparison.forecasts.forEach(checkKept);
    const manifests = inputs.map((input) =>
      manifestFor(input, seed, samples, {
        pairing: 'common random numbers',
        ...(options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {}),
      }),
    );
    return { comparison, manifests, overrides: inputs[0].overrides };
  });
}
