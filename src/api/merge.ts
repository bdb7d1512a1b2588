/** The parts of a run split with chunk ranges, put back together: the forecast the whole run gives. */
import { checkKept } from './input.js';
import type { ForecastResult } from './forecast.js';
import { summarize } from '../engine/summary.js';
import { UsageError } from '../io/errors.js';
import { mergePartials, readPartial } from '../io/partial.js';

/** Merges the partial-run files (absolute paths, shown in messages as `shown[i]`). */
export function mergeRuns(paths: readonly string[], shown: readonly string[] = paths): ForecastResult & { parts: number; chunks: number } {
  if (paths.length === 0) throw new UsageError('merge needs the partial runs to merge (the JSON files of run --chunks FROM:TO)');
  const { partial, counts } = mergePartials(paths.map((path, i) => ({ path: shown[i], partial: readPartial(path) })));
  const forecast = summarize(partial.plan, counts, partial.manifest.seed, partial.summary);
  checkKept(forecast);
  return { forecast, manifest: partial.manifest, overrides: partial.overrides, parts: paths.length, chunks: partial.chunks.of };
}
