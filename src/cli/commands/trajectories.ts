/** `bioanchors trajectories`: the year-by-year curves behind a forecast. */
import { chunkCount } from '../../engine/loop.js';
import { simulateRange, type WorkerPool } from '../parallel.js';
import { summarize } from '../../engine/summary.js';
import { trajectories } from '../../engine/trajectories.js';
import { renderTrajectoriesCsv, renderTrajectoriesTable } from '../../report/trajectories.js';
import type { CliContext } from '../context.js';
import { emit, prepareOutput } from '../output.js';
import { checkFinite, inputPaths, loadInput, manifestFor, formatFor, type CommonOptions } from '../scenario-input.js';

export type TrajectoriesOptions = CommonOptions;

/** The requirement bands come from the first this-many worlds: plenty for 10/50/90% and fast to sort. */
export const BAND_WORLDS = 20_000;

export async function trajectoriesCommand(ctx: CliContext, ref: string, options: TrajectoriesOptions, pool?: WorkerPool): Promise<void> {
  const input = loadInput(ctx, ref, options);
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const counts = await simulateRange(input.plan, options.seed, options.samples, 0, chunkCount(options.samples), pool);
  checkFinite(ctx, input, counts);
  const forecast = summarize(input.plan, counts, options.seed);
  const t = trajectories(input.plan, options.seed, Math.min(options.samples, BAND_WORLDS));
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table'
      ? renderTrajectoriesTable(t, forecast, input.overrides)
      : format === 'csv'
        ? renderTrajectoriesCsv(t, forecast, input.overrides)
        : `${JSON.stringify({ manifest: manifestFor(ctx, input, options.seed, options.samples), bandWorlds: t.worlds, ...t, pTaiByYear: forecast.cdf, se: forecast.se }, null, 2)}\n`;
  emit(ctx, content, target);
}
