/** `bioanchors sensitivity`: which inputs move the forecast most. */
import { sensitivity, type Metric, type SensitivityResult } from '../../engine/sensitivity.js';
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
export function sensitivityOf(ctx: CliContext, ref: string, options: SensitivityOptions, beforeRun?: (input: Input) => void): { result: SensitivityResult; input: Input } {
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
        loadScenario(ref, { sets: [...options.set, `${path}=${value}`], horizon: options.horizon });
      } catch (error) {
        if (!(error instanceof UsageError || error instanceof InputError)) throw error;
        const reason = error.message.replace(/^--set [^:]+: /, '');
        throw new UsageError(`--swing ${path}=${options.swing[path].join(',')}: ${value} is not a value it can take: ${reason}`);
      }
    }
  }
  const { startYear, horizonYear } = input.plan.scenario;
  if (options.by !== undefined && (options.by < startYear || options.by > horizonYear)) throw new UsageError(`--by ${options.by} must be within the scenario's years ${startYear}–${horizonYear}`);
  beforeRun?.(input);
  const metric: Metric = options.by === undefined ? { kind: 'median' } : { kind: 'p-by-year', year: options.by };
  const progress = createProgress(ctx, Boolean(options.quiet), 'sensitivity');
  const result = sensitivity(input.loaded.scenario, { samples: options.samples, seed: options.seed, metric, ranges: options.swing, onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  return { result, input };
}

export function sensitivityCommand(ctx: CliContext, ref: string, options: SensitivityOptions): void {
  let target: OutputTarget | undefined;
  const { result, input } = sensitivityOf(ctx, ref, options, (loaded) => (target = prepareOutput(ctx, options.output, inputPaths([loaded]))));
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table'
      ? renderSensitivityTable(result, input.overrides)
      : format === 'csv'
        ? renderSensitivityCsv(result, input.overrides)
        : renderSensitivityJson(result, manifestFor(ctx, input, options.seed, options.samples, { pairing: 'common random numbers' }));
  emit(ctx, content, target);
}
