/** What the commands share: loading scenarios through the API, threads, the output format. */
import { extname } from 'node:path';
import { loadInput, parseLevels, parseTrends, readObserved, type Observed, type ScenarioInput, type Threads } from '../api.js';
import { UsageError } from '../io/errors.js';
import { poolFor, type WorkerPool } from '../jobs/pool.js';
import { nodeWorkers } from '../node/workers.js';
import type { CliContext } from './context.js';
import type { OutputTarget } from './output.js';

export interface ScenarioOptions {
  set: string[];
  horizon?: number;
}

/** The options every analysis command takes (see `common` in main.ts). */
export interface CommonOptions extends ScenarioOptions {
  samples: number;
  seed: number;
  output?: string;
  quiet?: boolean;
  format?: 'table' | 'csv' | 'json';
}

/** Loads and plans a scenario with the command line's --set and --horizon; says on stderr what a user should know (unless --quiet). */
export function loadCliInput(ctx: CliContext, ref: string, options: ScenarioOptions & { quiet?: boolean }): ScenarioInput {
  const input = loadInput(ref, { set: options.set, horizon: options.horizon, cwd: ctx.cwd });
  if (!options.quiet) for (const note of input.loaded.notes) ctx.stderr.write(`bioanchors: note: ${note}\n`);
  return input;
}

/** Threads for the API: the command's pool if it started one, else a pool per call on worker_threads. */
export function threadsFor(ctx: CliContext, threads: number | undefined, pool?: WorkerPool): Threads {
  return { threads: threads ?? 1, workers: nodeWorkers(), minWorldsPerThread: ctx.minWorldsPerThread, waitForWorkers: ctx.waitForWorkers, pool };
}

/** A pool started ahead of need (while the main thread reads the input files), for about `work` worlds' worth of work. */
export function startPool(ctx: CliContext, threads: number, work: number): WorkerPool | undefined {
  return poolFor(threadsFor(ctx, threads), work);
}

/**
 * The output format, one rule for every command: as asked with --format; else, with --output, by
 * the file's extension (.csv, .json, anything else a table); else a table on a terminal and CSV
 * when stdout is piped or redirected.
 */
export function formatFor<F extends string>(ctx: CliContext, asked: F | undefined, target: OutputTarget | undefined): F | 'table' | 'csv' | 'json' {
  if (asked !== undefined) return asked;
  if (target !== undefined) {
    const ext = extname(target.display).toLowerCase();
    return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : 'table';
  }
  return ctx.stdout.isTTY ? 'table' : 'csv';
}

/** The options of --given-observed (run and compare). */
export interface ObservedOptions {
  givenObserved?: string | true;
  observationError?: number;
  observedLevels?: string;
  observedTrends?: string;
  trendError?: number;
  quiet?: boolean;
}

/** The observations and the evidence chosen, or undefined without --given-observed; its options alone are a usage error. */
export function readCliObserved(ctx: CliContext, options: ObservedOptions): Observed | undefined {
  if (options.givenObserved === undefined) {
    const stray = (
      [
        ['--observation-error', options.observationError],
        ['--observed-levels', options.observedLevels],
        ['--observed-trends', options.observedTrends],
        ['--trend-error', options.trendError],
      ] as const
    ).find(([, v]) => v !== undefined);
    if (stray) throw new UsageError(`${stray[0]} applies only with --given-observed`);
    return undefined;
  }
  if (options.trendError !== undefined && (options.observedTrends === undefined || options.observedTrends.trim() === 'none'))
    throw new UsageError('--trend-error applies only with --observed-trends');
  const evidence = {
    levels: options.observedLevels === undefined ? undefined : parseLevels(options.observedLevels),
    trends: options.observedTrends === undefined ? undefined : parseTrends(options.observedTrends),
    trendErrorOom: options.trendError,
  };
  const note = (message: string) => options.quiet || ctx.stderr.write(`bioanchors: note: ${message}\n`);
  return readObserved(options.givenObserved === true ? undefined : options.givenObserved, options.observationError, ctx.cwd, evidence, note);
}
