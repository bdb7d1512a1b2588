/** `bioanchors trajectories`: the year-by-year curves behind a forecast. */
import { inputPaths, trajectories } from '../../api.js';
import type { WorkerPool } from '../../jobs/pool.js';
import { renderTrajectoriesCsv, renderTrajectoriesJson, renderTrajectoriesTable } from '../../report/trajectories.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, threadsFor, type CommonOptions } from '../inputs.js';
import { emit, prepareOutput } from '../output.js';

export interface TrajectoriesOptions extends CommonOptions {
  threads?: number;
}

export async function trajectoriesCommand(ctx: CliContext, ref: string, options: TrajectoriesOptions, pool?: WorkerPool): Promise<void> {
  const input = loadCliInput(ctx, ref, options);
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const result = await trajectories(input, { ...threadsFor(ctx, options.threads, pool), samples: options.samples, seed: options.seed });
  const format = formatFor(ctx, options.format, target);
  const { trajectories: t, forecast, overrides } = result;
  const content =
    format === 'table'
      ? renderTrajectoriesTable(t, forecast, overrides)
      : format === 'csv'
        ? renderTrajectoriesCsv(t, forecast, overrides)
        : renderTrajectoriesJson(result);
  emit(ctx, content, target);
}
