/** `bioanchors run`: the forecast of one or more scenarios. */
import { distinctIds, forecast, forecastChunks, inputPaths, type ForecastResult } from '../../api.js';
import type { PrecisionTarget } from '../../analyses/precision.js';
import { CHUNK_SIZE, chunkCount } from '../../engine/loop.js';
import { UsageError } from '../../io/errors.js';
import type { WorkerPool } from '../../jobs/pool.js';
import { renderPartial } from '../../report/partial.js';
import { count } from '../../report/format.js';
import type { MetaculusRange } from '../../report/metaculus.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, readCliObserved, threadsFor, type ObservedOptions } from '../inputs.js';
import { emit, prepareOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { renderRuns, type RunFormat } from '../render-runs.js';

export interface RunOptions extends ObservedOptions {
  samples: number;
  seed: number;
  format?: RunFormat;
  output?: string;
  horizon?: number;
  set: string[];
  threads: number;
  targetSe?: PrecisionTarget;
  maxSamples?: number;
  /** Whether -n was given (a weighted run without it grows until its target). */
  samplesGiven?: boolean;
  chart?: boolean;
  /** Draw each anchor's curve on the terminal chart too. */
  chartAnchors?: boolean;
  quiet?: boolean;
  givenNoTaiBy?: number;
  /** For --format metaculus: the question's range in years. */
  range?: MetaculusRange;
  /** --chunks FROM:TO: simulate only those chunks of the run and write their counts for `merge`. */
  chunks?: { from: number; to: number };
}

/** Runs the scenarios; `pool` (started by the caller, who closes it) holds the worker threads, if any. */
export async function runCommand(ctx: CliContext, refs: string[], options: RunOptions, pool?: WorkerPool): Promise<void> {
  const scenarios = refs.length ? refs : ['cotra-2020'];
  if (options.range && options.format !== 'metaculus') throw new UsageError('--range applies only to --format metaculus');
  const inputs = scenarios.map((ref) => loadCliInput(ctx, ref, options));
  // The same id twice is numbered (cotra-2020, cotra-2020#2), so every row and section can be told apart.
  distinctIds(inputs);
  const observed = readCliObserved(ctx, options);
  const target = prepareOutput(ctx, options.output, [...inputPaths(inputs), ...(observed ? [observed.path] : [])]);
  const format = formatFor(ctx, options.format, target);
  const threads = threadsFor(ctx, options.threads, pool);
  if (options.chunks) {
    const { from, to } = options.chunks;
    const of = chunkCount(options.samples);
    if (inputs.length !== 1) throw new UsageError('--chunks runs one scenario (merge puts the parts of one run together)');
    if (options.targetSe) throw new UsageError("--chunks does not combine with --target-se: the whole run's size must be known (--samples)");
    if (observed) throw new UsageError('--chunks does not combine with --given-observed');
    if (format !== 'json') throw new UsageError("--chunks writes the part's counts as JSON for bioanchors merge: use --format json (or -o part.json)");
    if (to > of) throw new UsageError(`--chunks ${from}:${to}: a run of ${options.samples} worlds has ${of} chunks of ${CHUNK_SIZE} (0:${of})`);
    const progress = createProgress(ctx, Boolean(options.quiet), inputs[0].loaded.scenario.id);
    const part = await forecastChunks(inputs[0], {
      ...threads,
      samples: options.samples,
      seed: options.seed,
      chunks: options.chunks,
      givenNoTaiBy: options.givenNoTaiBy,
      onProgress: (d, t) => progress.update(d, t),
    });
    progress.stop();
    emit(ctx, renderPartial(part.partial), target);
    if (!options.quiet)
      ctx.stderr.write(`chunks ${from}:${to} of ${of} (${count(part.worlds)} of ${count(options.samples)} worlds): merge the parts with bioanchors merge\n`);
    return;
  }
  const runs: ForecastResult[] = [];
  for (const input of inputs) {
    const progress = createProgress(ctx, Boolean(options.quiet), input.loaded.scenario.id);
    const run = await forecast(input, {
      ...threads,
      samples: observed && options.samplesGiven === false ? undefined : options.samples,
      seed: options.seed,
      targetSe: options.targetSe,
      maxSamples: options.maxSamples,
      givenNoTaiBy: options.givenNoTaiBy,
      givenObserved: observed,
      onProgress: (d, t) => progress.update(d, t),
      onNote: (note) => options.quiet || ctx.stderr.write(`bioanchors: ${note}\n`),
    });
    progress.stop();
    if (run.manifest.targetSe && !options.quiet)
      ctx.stderr.write(`${input.loaded.scenario.id}: ${count(run.manifest.samples)} worlds for the target standard error\n`);
    runs.push(run);
  }
  emit(ctx, renderRuns(ctx, runs, format, options, target), target);
  if (target !== undefined && !options.quiet)
    ctx.stderr.write(`wrote ${options.output} (${format}, seed ${options.seed}, ${runs.map((r) => r.forecast.samples).join(' + ')} worlds)\n`);
}
