/**
 * Runs the engine on several cores with worker_threads. Threads claim batches of chunks from a
 * shared counter (Atomics) until none are left, so a worker that starts late simply does less;
 * chunk c always draws from stream (seed, c) and counts only add up, so the result is identical
 * to a single-thread run whatever the number of threads or the order of the claims. The main
 * thread works too, so N threads start N-1 workers.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CHUNK_SIZE, emptyCounts, mergeCounts, simulateChunks, type Counts, type Plan } from '../engine/simulate.js';
import type { Scenario } from '../model/scenario.js';
import { PACKAGE_ROOT } from '../io/paths.js';

export interface WorkerTask {
  scenario: Scenario;
  seed: number;
  samples: number;
  endChunk: number;
  /** Int32Array over a SharedArrayBuffer: [0] is the next unclaimed chunk. */
  next: Int32Array;
  batchChunks: number;
}

/** Claims and simulates batches of chunks until none are left; reports worlds after each batch. */
export function workOnShared(plan: Plan, task: Omit<WorkerTask, 'scenario'>, onBatch: (counts: Counts, worlds: number) => void): void {
  for (;;) {
    const start = Atomics.add(task.next, 0, task.batchChunks);
    if (start >= task.endChunk) return;
    let worlds = 0;
    const counts = simulateChunks(plan, task.seed, task.samples, start, Math.min(start + task.batchChunks, task.endChunk), (n) => (worlds += n));
    onBatch(counts, worlds);
  }
}

/** Below this many worlds per thread, starting a worker costs more than it saves. */
export const MIN_WORLDS_PER_THREAD = 1_000_000;
const WORKER_PATH = join(PACKAGE_ROOT, 'dist', 'bundle', 'worker.js');
/** Chunks per claim: large enough to keep messages rare, small enough to balance the threads. */
const BATCH_CHUNKS = 8;

/** Threads actually used for a run: no more than asked, and none with too little work. */
export function effectiveThreads(requested: number, worlds: number): number {
  return Math.max(1, Math.min(requested, Math.floor(worlds / MIN_WORLDS_PER_THREAD)));
}

/**
 * Worker threads started ahead of need (while the main thread reads the input files), reused for
 * every range a command simulates, and stopped with close().
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(WORKER_PATH));
    // An idle pool must not keep the process alive.
    for (const w of this.workers) w.unref();
  }

  get size(): number {
    return this.workers.length;
  }

  /** Has `count` workers claim chunks for `task`; resolves when they have run out. */
  run(count: number, task: WorkerTask, add: (counts: Counts, worlds: number) => void): Promise<void>[] {
    return this.workers.slice(0, count).map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: { type: 'batch' | 'done'; counts?: Counts; worlds?: number }) => {
            if (message.type === 'batch') return add(message.counts!, message.worlds!);
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve();
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage(task);
        }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A pool for a command that will simulate about `worlds` worlds on `threads` threads, if worth it. */
export function poolFor(threads: number, worlds: number): WorkerPool | undefined {
  const used = effectiveThreads(threads, worlds);
  return used > 1 ? new WorkerPool(used - 1) : undefined;
}

/**
 * Simulates chunks [firstChunk, endChunk) of a run of `samples` worlds on the main thread and
 * the pool's workers (as many as the work justifies). `onProgress` receives worlds done so far.
 */
export async function simulateRange(
  plan: Plan,
  seed: number,
  samples: number,
  firstChunk: number,
  endChunk: number,
  pool: WorkerPool | undefined,
  onProgress?: (worldsDone: number) => void,
): Promise<Counts> {
  const worlds = Math.min(samples, endChunk * CHUNK_SIZE) - firstChunk * CHUNK_SIZE;
  const helpers = Math.min(pool?.size ?? 0, effectiveThreads(pool ? pool.size + 1 : 1, worlds) - 1, endChunk - firstChunk - 1);
  const total = emptyCounts(plan);
  let done = 0;
  const add = (counts: Counts, n: number) => {
    mergeCounts(total, counts);
    done += n;
    onProgress?.(done);
  };
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = firstChunk;
  const task = { seed, samples, endChunk, next, batchChunks: BATCH_CHUNKS };
  const workers = helpers > 0 && pool ? pool.run(helpers, { ...task, scenario: plan.scenario }, add) : [];
  // The main thread claims batches too, yielding between them (when there are workers) so that
  // their messages are heard.
  for (;;) {
    const start = Atomics.add(next, 0, BATCH_CHUNKS);
    if (start >= endChunk) break;
    let n = 0;
    const counts = simulateChunks(plan, seed, samples, start, Math.min(start + BATCH_CHUNKS, endChunk), (k) => (n += k));
    add(counts, n);
    if (workers.length) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return total;
}
