/**
 * `bioanchors merge`: the parts of a run split with `run --chunks FROM:TO` (say, one per job of a
 * batch system's array) put back together: the forecast the whole run would print, byte for byte.
 */
import { resolve } from 'node:path';
import { summarize } from '../../engine/summary.js';
import { UsageError } from '../../io/errors.js';
import { mergePartials, readPartial } from '../../io/partial.js';
import type { CliContext } from '../context.js';
import { emit, prepareOutput } from '../output.js';
import { checkKept, formatFor } from '../scenario-input.js';
import type { MetaculusRange } from '../../report/metaculus.js';
import { renderRuns } from './run.js';

export interface MergeOptions {
  format?: 'table' | 'csv' | 'json' | 'metaculus';
  /** For --format metaculus: the question's range as dates. */
  range?: MetaculusRange;
  output?: string;
  quiet?: boolean;
}

export function mergeCommand(ctx: CliContext, files: string[], options: MergeOptions): void {
  if (files.length === 0) throw new UsageError('merge needs the partial runs to merge (the JSON files of run --chunks FROM:TO)');
  const paths = files.map((f) => resolve(ctx.cwd, f));
  const target = prepareOutput(ctx, options.output, paths);
  const { partial, counts } = mergePartials(paths.map((path, i) => ({ path: files[i], partial: readPartial(path) })));
  const forecast = summarize(partial.plan, counts, partial.manifest.seed, partial.summary);
  checkKept(forecast);
  if (options.range && options.format !== 'metaculus') throw new UsageError('--range applies only to --format metaculus');
  const format = formatFor(ctx, options.format, target);
  const content = renderRuns(ctx, [{ forecast, manifest: partial.manifest, overrides: partial.overrides }], format, options, target);
  emit(ctx, content, target);
  if (!options.quiet) ctx.stderr.write(`merged ${files.length} part${files.length > 1 ? 's' : ''}: ${partial.chunks.of} chunks, ${counts.worlds} worlds\n`);
}
