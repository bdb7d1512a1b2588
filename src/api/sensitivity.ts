/** Which inputs move the forecast most: every input's low and high variant on common random numbers. */
import { checkParameterValues, manifestFor, type ScenarioInput } from './input.js';
import { onThreads, type Threads } from './threads.js';
import { sensitivityResult, sensitivitySetup, type Metric, type SensitivityResult, type SensitivityState } from '../analyses/sensitivity.js';
import { chunkCount, DEFAULT_SEED } from '../engine/loop.js';
import { UsageError } from '../io/errors.js';
import { runJob } from '../jobs/pool.js';
import type { Manifest } from '../model/manifest.js';

export const DEFAULT_SENSITIVITY_SAMPLES = 200_000;

export interface SensitivityOptions extends Threads {
  samples?: number;
  seed?: number;
  /** The output: P(TAI by this year) instead of the median year. */
  by?: number;
  /** A range for a point-valued growth parameter, by its path (as --set names it). */
  swing?: Record<string, [number, number]>;
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityRunResult {
  result: SensitivityResult;
  manifest: Manifest;
  overrides: string[];
}

/** Checks each --swing path names a parameter of the scenario, and each end is a value it can take. */
function checkSwings(input: ScenarioInput, swing: Record<string, [number, number]>): void {
  for (const [path, ends] of Object.entries(swing)) checkParameterValues(input, `--swing ${path}=${ends.join(',')}`, path, ends);
}

export async function sensitivity(input: ScenarioInput, options: SensitivityOptions = {}): Promise<SensitivityRunResult> {
  const swing = options.swing ?? {};
  checkSwings(input, swing);
  const { startYear, horizonYear } = input.plan.scenario;
  if (options.by !== undefined && (options.by < startYear || options.by > horizonYear))
    throw new UsageError(`--by ${options.by} must be within the scenario's years ${startYear}–${horizonYear}`);
  const metric: Metric = options.by === undefined ? { kind: 'median' } : { kind: 'p-by-year', year: options.by };
  const seed = options.seed ?? DEFAULT_SEED;
  const samples = options.samples ?? DEFAULT_SENSITIVITY_SAMPLES;
  const engineOptions = { samples, seed, metric, ranges: swing };
  const setup = sensitivitySetup(input.loaded.scenario, engineOptions);
  // Tens of variants share each chunk: worth threads from far fewer worlds than a run.
  const state = await onThreads(options, samples * setup.plans.length, (pool) =>
    runJob<SensitivityState>(
      { kind: 'sensitivity', params: { scenario: input.loaded.scenario, options: engineOptions } },
      { seed, samples, firstChunk: 0, endChunk: chunkCount(samples) },
      pool,
      {
        onProgress: (done) => options.onProgress?.(done, samples),
      },
    ),
  );
  return {
    result: sensitivityResult(setup, state),
    manifest: manifestFor(input, seed, samples, { pairing: 'common random numbers' }),
    overrides: input.overrides,
  };
}
