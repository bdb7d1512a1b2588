/**
 * Where chunks run: the main thread and a pool of job workers (started by an injected factory),
 * which claim batches of chunks from a shared counter. Results are merged in chunk order, so the
 * total is the same, to the last bit, whatever the number of threads and the order of the claims
 * (floating-point sums such as observation weights included).
 */
import { CHUNK_SIZE, runChunks } from '../engine/loop.js';
import { type ClaimWindow, sharedCounter, stopClaims } from './claims.js';
import type { JobWorker, WorkerFactory, WorkerMessage, WorkerTask } from './protocol.js';
import { buildJob, type Job } from './registry.js';

/** Below this many worlds per thread, starting a worker costs more than it saves. */
export const MIN_WORLDS_PER_THREAD = 1_000_000;
/**
 * Chunks per claim: large enough to keep messages rare, small enough to balance the threads. A
 * job of one run's work per world claims this many; its batches start at multiples of it when its
 * range does (a grown weighted run relies on that to merge as a run of its final size does).
 */
export const BATCH_CHUNKS = 8;

/** How a caller asks for threads. */
export interface ThreadOptions {
  /** Threads to use, the main thread included (1: no workers). */
  threads?: number;
  /** Starts a job worker; without it everything runs on the main thread. */
  workers?: WorkerFactory;
  /** Fewer worlds' worth of work per thread than this and a thread is not worth starting (tests lower it). */
  minWorldsPerThread?: number;
  /** Wait until every worker has loaded before the main thread starts on a job (tests: so that small runs do share their chunks). */
  waitForWorkers?: boolean;
}

/** Threads actually used for `work` worlds' worth of work: no more than asked, and none with too little work. */
export function effectiveThreads(requested: number, work: number, minWorldsPerThread = MIN_WORLDS_PER_THREAD): number {
  return Math.max(1, Math.min(requested, Math.floor(work / Math.max(1, minWorldsPerThread))));
}

/**
 * Job workers started ahead of need (while the main thread reads the input files), reused for
 * every range a command simulates, and stopped with close().
 */
export class WorkerPool {
  private readonly workers: JobWorker[];

  constructor(
    factory: WorkerFactory,
    size: number,
    readonly minWorldsPerThread = MIN_WORLDS_PER_THREAD,
    readonly waitForWorkers = false,
  ) {
    this.workers = Array.from({ length: size }, () => factory());
  }

  /** Resolves once every worker has loaded and answers. */
  ready(): Promise<void> {
    return Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const stop = worker.listen(
              (message) => {
                if (message.type !== 'ready') return;
                stop();
                resolve();
              },
              (error) => {
                stop();
                reject(error);
              },
            );
            worker.post('ready?');
          }),
      ),
    ).then(() => {});
  }

  get size(): number {
    return this.workers.length;
  }

  /** Has `count` workers claim chunks for `task`; each promise resolves when its worker has run out. */
  run(count: number, task: WorkerTask, add: (message: Extract<WorkerMessage, { type: 'batch' }>) => void): Promise<void>[] {
    return this.workers.slice(0, count).map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const stop = worker.listen(
            (message) => {
              if (message.type === 'batch') {
                // An error in taking a result (a non-finite requirement, a failed write) fails the job.
                try {
                  add(message);
                } catch (error) {
                  stop();
                  reject(error);
                }
                return;
              }
              if (message.type === 'ready') return;
              stop();
              if (message.type === 'done') resolve();
              else reject(Object.assign(new Error(message.message), { name: message.name, stack: message.stack }));
            },
            (error) => {
              stop();
              reject(error);
            },
          );
          worker.post(task);
        }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A pool for about `work` worlds' worth of work on the threads asked for, if worth it (the caller closes it). */
export function poolFor(options: ThreadOptions, work: number): WorkerPool | undefined {
  const used = effectiveThreads(options.threads ?? 1, work, options.minWorldsPerThread);
  return used > 1 && options.workers ? new WorkerPool(options.workers, used - 1, options.minWorldsPerThread, options.waitForWorkers) : undefined;
}

/** Runs `work` with a pool for about `worlds` worlds' worth of work, and closes the pool after. */
export async function withPool<T>(options: ThreadOptions, worlds: number, work: (pool: WorkerPool | undefined) => Promise<T>): Promise<T> {
  const pool = poolFor(options, worlds);
  try {
    return await work(pool);
  } finally {
    await pool?.close();
  }
}

export interface RunJobOptions<S> {
  /** Receives the worlds done so far, after each batch. */
  onProgress?: (worldsDone: number) => void;
  /**
   * Takes each batch's state in chunk order instead of merging it into a total (streamed output:
   * samples); may return a promise, awaited after the main thread's own batches (backpressure).
   */
  take?: (state: S) => void | Promise<void>;
  /** How far ahead of its consumer every thread may run (see ClaimWindow). */
  window?: ClaimWindow;
}

/** Lets the event loop deliver workers' messages (setImmediate in Node; a browser's workers post to their own loop). */
const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => ((globalThis as { setImmediate?: (f: () => void) => void }).setImmediate ?? ((f: () => void) => setTimeout(f, 0)))(resolve));

/** The run a job belongs to and the chunks [firstChunk, endChunk) of it to simulate. */
export interface ChunkRange {
  seed: number;
  samples: number;
  firstChunk: number;
  endChunk: number;
}

/**
 * Runs chunks [firstChunk, endChunk) of a job on the main thread and the pool's workers (as many
 * as the work justifies) and returns the observer's state for them, merged in chunk order.
 */
export async function runJob<S>(job: Job, range: ChunkRange, pool: WorkerPool | undefined, more: RunJobOptions<S> = {}): Promise<S> {
  const { seed, samples, firstChunk, endChunk } = range;
  const { onProgress, take, window } = more;
  const built = buildJob(job, { seed, samples });
  const observer = built.observer as import('../engine/loop.js').Observer<S>;
  const work = Math.max(0, Math.min(samples, endChunk * CHUNK_SIZE) - firstChunk * CHUNK_SIZE) * built.workPerWorld;
  const min = pool?.minWorldsPerThread;
  const helpers = Math.max(0, Math.min(pool?.size ?? 0, effectiveThreads(pool ? pool.size + 1 : 1, work, min) - 1, endChunk - firstChunk - 1));
  const total = observer.empty();
  // Batches finish in any order; each is merged (or taken) once every batch before it is in.
  const waiting = new Map<number, { end: number; result: S }>();
  let nextChunk = firstChunk;
  let done = 0;
  let pending: Promise<void> | undefined;
  const add = (first: number, end: number, result: S, worlds: number) => {
    waiting.set(first, { end, result });
    for (let batch = waiting.get(nextChunk); batch; batch = waiting.get(nextChunk)) {
      waiting.delete(nextChunk);
      nextChunk = batch.end;
      if (take) pending = take(batch.result) ?? pending;
      else observer.merge(total, batch.result);
    }
    done += worlds;
    onProgress?.(done);
  };
  const next = sharedCounter(firstChunk, endChunk);
  window?.attach(next);
  // A job that does several runs' work per world (paired scenarios, variants, rows) claims fewer chunks at a time.
  const batchChunks = Math.max(1, Math.round(BATCH_CHUNKS / built.workPerWorld));
  const task: WorkerTask = { job, seed, samples, endChunk, next, batchChunks };
  if (helpers > 0 && pool?.waitForWorkers) await pool.ready();
  const workers = helpers > 0 && pool ? pool.run(helpers, task, (m) => add(m.first, m.end, m.result as S, m.worlds)) : [];
  // Workers that fail reject at once; the main thread hears of it between its batches.
  let failure: { error: unknown } | null = null;
  for (const w of workers) w.catch((error) => (failure ??= { error }));
  try {
    // The main thread claims batches too, yielding between them (when there are workers) so that
    // their messages are heard.
    for (;;) {
      if (failure) throw (failure as { error: unknown }).error;
      const start = Atomics.add(next, 0, batchChunks);
      if (start >= endChunk) break;
      if (window) await window.until(start);
      const end = Math.min(start + batchChunks, endChunk);
      let worlds = 0;
      const result = runChunks(built.spec, observer, start, end, (k) => (worlds += k));
      add(start, end, result, worlds);
      if (pending) await pending;
      if (workers.length) await yieldToEvents();
    }
    await Promise.all(workers);
    if (pending) await pending;
  } catch (error) {
    stopClaims(next, endChunk);
    window?.open();
    throw error;
  }
  return total;
}
