/** `bioanchors compare`: scenarios side by side on common random numbers. */
import { compare, inputPaths } from '../../api.js';
import { UsageError } from '../../io/errors.js';
import type { WorkerPool } from '../../jobs/pool.js';
import { renderCompareCsv, renderCompareJson, renderCompareTable } from '../../report/compare.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, readCliObserved, threadsFor, type CommonOptions, type ObservedOptions } from '../inputs.js';
import { emit, prepareOutput } from '../output.js';
import { createProgress } from '../progress.js';

export interface CompareOptions extends CommonOptions, ObservedOptions {
  threads?: number;
  givenNoTaiBy?: number;
  maxSamples?: number;
  /** Whether -n was given (weighted runs without it grow until their target). */
  samplesGiven?: boolean;
}

export async function compareCommand(ctx: CliContext, refs: string[], options: CompareOptions, pool?: WorkerPool): Promise<void> {
  if (refs.length < 2) throw new UsageError('compare needs at least two scenarios (differences are against the first)');
  if (options.maxSamples !== undefined && (options.givenObserved === undefined || options.samplesGiven))
    throw new UsageError('--max-samples applies only to --given-observed without -n (a run that grows)');
  const inputs = refs.map((ref) => loadCliInput(ctx, ref, options));
  const observed = readCliObserved(ctx, options);
  const target = prepareOutput(ctx, options.output, [...inputPaths(inputs), ...(observed ? [observed.path] : [])]);
  const progress = createProgress(ctx, Boolean(options.quiet), 'compare');
  const { comparison, manifests, overrides } = await compare(inputs, {
    ...threadsFor(ctx, options.threads, pool),
    samples: observed && options.samplesGiven === false ? undefined : options.samples,
    maxSamples: options.maxSamples,
    seed: options.seed,
    givenNoTaiBy: options.givenNoTaiBy,
    givenObserved: observed,
    onProgress: (d, t) => progress.update(d, t),
    onNote: (note) => options.quiet || ctx.stderr.write(`bioanchors: ${note}\n`),
  });
  progress.stop();
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table'
      ? renderCompareTable(comparison, overrides)
      : format === 'csv'
        ? renderCompareCsv(comparison, overrides)
        : renderCompareJson(comparison, manifests);
  emit(ctx, content, target);
}
