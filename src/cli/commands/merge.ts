/**
 * `bioanchors merge`: the parts of a run split with `run --chunks FROM:TO` (say, one per job of a
 * batch system's array) put back together: the forecast the whole run would print, byte for byte.
 */
import { resolve } from 'node:path';
import { mergeRuns } from '../../api.js';
import { UsageError } from '../../io/errors.js';
import type { MetaculusRange } from '../../report/metaculus.js';
import type { CliContext } from '../context.js';
import { formatFor } from '../inputs.js';
import { emit, prepareOutput } from '../output.js';
import { renderRuns, type RunFormat } from '../render-runs.js';

export interface MergeOptions {
  format?: RunFormat;
  /** For --format metaculus: the question's range as dates. */
  range?: MetaculusRange;
  output?: string;
  quiet?: boolean;
}

export function mergeCommand(ctx: CliContext, files: string[], options: MergeOptions): void {
  if (files.length === 0) throw new UsageError('merge needs the partial runs to merge (the JSON files of run --chunks FROM:TO)');
  const paths = files.map((f) => resolve(ctx.cwd, f));
  const target = prepareOutput(ctx, options.output, paths);
  const merged = mergeRuns(paths, files);
  if (options.range && options.format !== 'metaculus') throw new UsageError('--range applies only to --format metaculus');
  const format = formatFor(ctx, options.format, target);
  emit(ctx, renderRuns(ctx, [merged], format, options, target), target);
  if (!options.quiet)
    ctx.stderr.write(`merged ${files.length} part${files.length > 1 ? 's' : ''}: ${merged.chunks} chunks, ${merged.manifest.samples} worlds\n`);
}
