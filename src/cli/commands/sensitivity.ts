/** `bioanchors sensitivity`: which inputs move the forecast most. */
import { GROWTH_PATHS, sensitivity, type Metric, type SensitivityResult } from '../../engine/sensitivity.js';
import { closest } from '../../io/closest.js';
import { UsageError } from '../../io/errors.js';
import { renderSensitivityCsv, renderSensitivityJson, renderSensitivityTable } from '../../report/sensitivity.js';
import type { CliContext } from '../context.js';
import { emit } from '../output.js';
import { createProgress } from '../progress.js';
import { loadInput, manifestFor, formatFor, type CommonOptions, type Input } from '../scenario-input.js';

export interface SensitivityOptions extends CommonOptions {
  by?: number;
  swing: Record<string, [number, number]>;
}

const SWING_PATHS = [...GROWTH_PATHS, 'algorithmicProgress.halvingYears', 'algorithmicProgress.maxOom'];

/** Runs the baseline and every input's variants; shared by `sensitivity` and `plot tornado`. */
export function sensitivityOf(ctx: CliContext, ref: string, options: SensitivityOptions): { result: SensitivityResult; input: Input } {
  for (const path of Object.keys(options.swing)) {
    if (!SWING_PATHS.includes(path)) {
      const hint = closest(path, SWING_PATHS);
      throw new UsageError(`--swing ${path}: not a growth parameter${hint ? ` (did you mean "${hint}"?)` : ''}; one of ${SWING_PATHS.join(', ')}`);
    }
  }
  const input = loadInput(ref, options);
  const { startYear, horizonYear } = input.plan.scenario;
  if (options.by !== undefined && (options.by < startYear || options.by > horizonYear)) throw new UsageError(`--by ${options.by} must be within the scenario's years ${startYear}–${horizonYear}`);
  const metric: Metric = options.by === undefined ? { kind: 'median' } : { kind: 'p-by-year', year: options.by };
  const progress = createProgress(ctx, Boolean(options.quiet), 'sensitivity');
  const result = sensitivity(input.loaded.scenario, { samples: options.samples, seed: options.seed, metric, ranges: options.swing, onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  return { result, input };
}

export function sensitivityCommand(ctx: CliContext, ref: string, options: SensitivityOptions): void {
  const { result, input } = sensitivityOf(ctx, ref, options);
  const format = formatFor(ctx, options);
  const content =
    format === 'table'
      ? renderSensitivityTable(result)
      : format === 'csv'
        ? renderSensitivityCsv(result)
        : renderSensitivityJson(result, manifestFor(ctx, input, options.seed, options.samples, { pairing: 'common random numbers' }));
  emit(ctx, content, options.output);
}
