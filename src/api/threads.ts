/** How API calls are given threads: a pool to reuse, or the options to start one for the call. */
import { withPool, type ThreadOptions, type WorkerPool } from '../jobs/pool.js';

export interface Threads extends ThreadOptions {
  /** Workers already started (reused across calls; the caller closes them). */
  pool?: WorkerPool;
}

/** Runs `work` on the given pool, or on one started for about `worlds` worlds' worth of work and closed after. */
export function onThreads<T>(threads: Threads, worlds: number, work: (pool: WorkerPool | undefined) => Promise<T>): Promise<T> {
  return threads.pool ? work(threads.pool) : withPool(threads, worlds, work);
}
