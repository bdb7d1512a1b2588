/** `bioanchors sensitivity`: which inputs move the forecast most. */
import { mergeSensitivityStates, sensitivityChunks, sensitivityResult, sensitivitySetup, type Metric, type SensitivityResult, type SensitivityState } from '../../engine/sensitivity.js';
import { chunkCount } from '../../engine/loop.js';
import { runJob, type WorkerPool } from '../parallel.js';
import { parameterAt, parameterPaths } from '../../model/paths.js';
import { closest } from '../../io/closest.js';
import { InputError, UsageError } from '../../io/errors.js';
import { loadScenario } from '../../io/load.js';
import { renderSensitivityCsv, renderSensitivityJson, renderSensitivityTable } from '../../report/sensitivity.js';
import type { CliContext } from '../context.js';
import { emit, prepareOutput, type OutputTarget } from '../output.js';
import { createProgress } from '../progress.js';
import { inputPaths, loadInput, manifestFor, formatFor, type CommonOptions, type Input } from '../scenario-input.js';

export interface SensitivityOptions extends CommonOptions {
  by?: number;
  swing: Record<string, [number, number]>;
}

/**
 * Runs the baseline and every input's variants; shared by `sensitivity` and `plot tornado`.
 * `beforeRun` sees the loaded input before anything is simulated (to check an --output against it).
 */
export async function sensitivityOf(ctx: CliContext, ref: string, options: SensitivityOptions, beforeRun?: (input: Input) => void, pool?: WorkerPool): Promise<{ result: SensitivityResult; input: Input }> {
  const input = loadInput(ctx, ref, options);
  // --swing names a parameter as --set does (model/paths.ts), checked against this scenario.
  for (const path of Object.keys(options.swing)) {
    if (!parameterAt(input.loaded.scenario, path)) {
      const known = parameterPaths(input.loaded.scenario);
      const hint = closest(path, known);
      throw new UsageError(`--swing ${path}: not a growth or algorithmic-progress parameter of ${input.loaded.scenario.id}${hint ? ` (did you mean "${hint}"?)` : ''}; one of ${known.join(', ')}`);
    }
    // Each end of the range must be a value --set would accept there (a doubling time above 0, …).
    for (const value of options.swing[path]) {
      try {
        loadScenario(ref, { sets: [...options.set, `${path}=${value}`], horizon: options.horizon, cwd: ctx.cwd });
      } catch (error) {
        if (!(error instanceof UsageError || error instanceof InputError)) throw error;
        const reason = error.message.replace(/^--set( [^:]+)?: /, '');
        throw new UsageError(`--swing ${path}=${options.swing[path].join(',')}: ${value} is not a value it can take: ${reason}`);
      }
    }
  }
  const { startYear, horizonYear } = input.plan.scenario;
  if (options.by !== undefined && (options.by < startYear || options.by > horizonYear)) throw new UsageError(`--by ${options.by} must be within the scenario's years ${startYear}–${horizonYear}`);
  beforeRun?.(input);
  const metric: Metric = options.by === undefined ? { kind: 'median' } : { kind: 'p-by-year', year: options.by };
  const progress = createProgress(ctx, Boolean(options.quiet), 'sensitivity');
  const engineOptions = { samples: options.samples, seed: options.seed, metric, ranges: options.swing };
  const setup = sensitivitySetup(input.loaded.scenario, engineOptions);
  const state = await runJob<SensitivityState>(
    { kind: 'sensitivity', scenario: input.loaded.scenario, options: engineOptions },
    (first, end, onChunk) => sensitivityChunks(setup, first, end, onChunk),
    mergeSensitivityStates,
    options.seed,
    options.samples,
    0,
    chunkCount(options.samples),
    pool,
    { onProgress: (worlds) => progress.update(worlds, options.samples), worldsPerChunk: setup.plans.length },
  );
  const result = sensitivityResult(setup, state);
  progress.stop();
  return { result, input };
}

export async function sensitivityCommand(ctx: CliContext, ref: string, options: SensitivityOptions, pool?: WorkerPool): Promise<void> {
  let target: OutputTarget | undefined;
  const { result, input } = await sensitivityOf(ctx, ref, options, (loaded) => (target = prepareOutput(ctx, options.output, inputPaths([loaded]))), pool);
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table'
      ? renderSensitivityTable(result, input.overrides)
      : format === 'csv'
        ? renderSensitivityCsv(result, input.overrides)
        : renderSensitivityJson(result, manifestFor(ctx, input, options.seed, options.samples, { pairing: 'common random numbers' }));
  emit(ctx, content, target);
}
