/** `bioanchors sensitivity`: which inputs move the forecast most. */
import { inputPaths, sensitivity } from '../../api.js';
import type { WorkerPool } from '../../jobs/pool.js';
import { renderSensitivityCsv, renderSensitivityJson, renderSensitivityTable } from '../../report/sensitivity.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, threadsFor, type CommonOptions } from '../inputs.js';
import { emit, prepareOutput } from '../output.js';
import { createProgress } from '../progress.js';

export interface SensitivityOptions extends CommonOptions {
  threads?: number;
  by?: number;
  swing: Record<string, [number, number]>;
}

export async function sensitivityCommand(ctx: CliContext, ref: string, options: SensitivityOptions, pool?: WorkerPool): Promise<void> {
  const input = loadCliInput(ctx, ref, options);
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const progress = createProgress(ctx, Boolean(options.quiet), 'sensitivity');
  const { result, manifest, overrides } = await sensitivity(input, {
    ...threadsFor(ctx, options.threads, pool),
    samples: options.samples,
    seed: options.seed,
    by: options.by,
    swing: options.swing,
    onProgress: (d, t) => progress.update(d, t),
  });
  progress.stop();
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table'
      ? renderSensitivityTable(result, overrides)
      : format === 'csv'
        ? renderSensitivityCsv(result, overrides)
        : renderSensitivityJson(result, manifest);
  emit(ctx, content, target);
}
