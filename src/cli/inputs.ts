/** What the commands share: loading scenarios through the API, threads, the output format. */
import { extname } from 'node:path';
import { loadInput, type ScenarioInput, type Threads } from '../api.js';
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
