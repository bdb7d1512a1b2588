/**
 * Runs the engine on several cores with worker_threads. Threads claim batches of chunks from a
 * shared counter (Atomics) until none are left, so a worker that starts late simply does less;
 * chunk c always draws from stream (seed, c) and counts only add up, so the result is identical
 * to a single-thread run whatever the number of threads or the order of the claims. The main
 * thread works too, so N threads start N-1 workers.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { simulatePaired } from '../engine/compare.js';
import { sensitivityChunks, sensitivitySetup, type SensitivityOptions } from '../engine/sensitivity.js';
import { CHUNK_SIZE } from '../engine/loop.js';
import { mergeCounts, type Counts } from '../engine/counts.js';
import { planScenario, type Plan } from '../engine/plan.js';
import { simulateChunks } from '../engine/simulate.js';
import { runChunks } from '../engine/loop.js';
import { observedObserver, type ObservationConstraint } from '../engine/observed.js';
import type { Scenario } from '../model/scenario.js';
import { samplesObserver, type SamplesFormat, type SamplesMeta } from '../report/samples.js';
import { PACKAGE_ROOT } from '../io/paths.js';

/** What a worker thread computes for its chunks: a plain run, paired scenarios, a sensitivity run, rows of samples, or worlds weighted by observations. */
export type WorkerJob =
  | { kind: 'run'; scenario: Scenario }
  | { kind: 'paired'; scenarios: Scenario[] }
  | { kind: 'sensitivity'; scenario: Scenario; options: SensitivityOptions }
  | { kind: 'samples'; scenario: Scenario; format: SamplesFormat; meta: SamplesMeta }
  | { kind: 'observed'; scenario: Scenario; constraints: ObservationConstraint[]; sigma: number };

export interface WorkerTask {
  job: WorkerJob;
  seed: number;
  samples: number;
  endChunk: number;
  /**
   * Int32Array over a SharedArrayBuffer: [0] is the next unclaimed chunk; [2] is 1 once the job
   * has failed and every thread should stop; [1] the first chunk
   * that may not be run yet (a consumer's window, see ClaimWindow; endChunk when there is none).
   */
  next: Int32Array;
  batchChunks: number;
}

/** Runs chunks [first, end) of a job in this thread, returning what they add up to. */
export type ChunkRunner = (first: number, end: number, onChunk: (n: number) => void) => unknown;

/**
 * A job's chunk runner, its plans compiled once. The sensitivity setup (including its pilot pass)
 * is the same in every thread for the same scenario and options.
 */
export function jobRunner(job: WorkerJob, seed: number, samples: number): ChunkRunner {
  switch (job.kind) {
    case 'run': {
      const plan = planScenario(job.scenario);
      return (first, end, onChunk) => simulateChunks(plan, seed, samples, first, end, onChunk);
    }
    case 'paired': {
      const plans = job.scenarios.map(planScenario);
      return (first, end, onChunk) => simulatePaired(plans, seed, samples, first, end, onChunk);
    }
    case 'sensitivity': {
      const setup = sensitivitySetup(job.scenario, job.options);
      return (first, end, onChunk) => sensitivityChunks(setup, first, end, onChunk);
    }
    case 'observed': {
      const plan = planScenario(job.scenario);
      const observer = observedObserver(plan, seed, job.constraints, job.sigma);
      return (first, end, onChunk) => runChunks({ plans: [plan], draws: 'own', seed, samples }, observer, first, end, onChunk);
    }
    case 'samples': {
      const plan = planScenario(job.scenario);
      const observer = samplesObserver(plan, job.format, job.meta);
      return (first, end, onChunk) => runChunks({ plans: [plan], draws: 'own', seed, samples }, observer, first, end, onChunk);
    }
  }
}

/** Claims and runs batches of chunks until none are left; reports each batch's result and worlds. */
export function workOnShared(runner: ChunkRunner, task: Omit<WorkerTask, 'job'>, onBatch: (result: unknown, worlds: number) => void): void {
  for (;;) {
    const start = Atomics.add(task.next, 0, task.batchChunks);
    if (start >= task.endChunk) return;
    // A claimed batch past the window waits (blocking this worker only) until the consumer has
    // taken what comes before it.
    for (let limit = Atomics.load(task.next, 1); start >= limit; limit = Atomics.load(task.next, 1)) Atomics.wait(task.next, 1, limit, 1000);
    if (Atomics.load(task.next, 2) !== 0) return; // the job failed
    let worlds = 0;
    const result = runner(start, Math.min(start + task.batchChunks, task.endChunk), (n) => (worlds += n));
    onBatch(result, worlds);
  }
}

/**
 * How far ahead of a consumer the threads may run: chunks from `limit` on wait until advance()
 * moves it. For output written in chunk order (samples), so that rendered text waiting to be
 * written stays within a window however slow the reader.
 */
export class ClaimWindow {
  limit: number;
  private waiters: { chunk: number; resolve: () => void }[] = [];
  private shared: Int32Array | null = null;

  constructor(
    firstChunk: number,
    private readonly size: number,
  ) {
    this.limit = firstChunk + size;
  }

  /** Connects the window to a job's shared counter. */
  attach(next: Int32Array): void {
    this.shared = next;
    Atomics.store(next, 1, this.limit);
  }

  /** Every chunk before `chunk` has been consumed: chunks up to chunk + size may run. */
  advance(chunk: number): void {
    const limit = chunk + this.size;
    if (limit <= this.limit) return;
    this.limit = limit;
    if (this.shared) {
      Atomics.store(this.shared, 1, limit);
      Atomics.notify(this.shared, 1);
    }
    const ready = this.waiters.filter((w) => w.chunk < limit);
    this.waiters = this.waiters.filter((w) => w.chunk >= limit);
    for (const w of ready) w.resolve();
  }

  /** Resolves once `chunk` may run (for the main thread, which must not block). */
  until(chunk: number): Promise<void> {
    return chunk < this.limit ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ chunk, resolve }));
  }

  /** Lets everything run (the job is over or has failed). */
  open(): void {
    this.advance(Number.MAX_SAFE_INTEGER / 2);
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
  run(count: number, task: WorkerTask, add: (result: unknown, worlds: number) => void): Promise<void>[] {
    return this.workers.slice(0, count).map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const onMessage = (message: { type: 'batch' | 'done'; result?: unknown; worlds?: number }) => {
            if (message.type === 'batch') {
              // An error in taking a result (a non-finite requirement, a failed write) fails the job.
              try {
                add(message.result, message.worlds!);
              } catch (error) {
                worker.off('message', onMessage);
                worker.off('error', reject);
                reject(error);
              }
              return;
            }
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

export interface RunJobOptions {
  /** Receives the worlds done so far, after each batch. */
  onProgress?: (worldsDone: number) => void;
  /** Runs' worth of work per chunk (paired scenarios, sensitivity variants): fewer chunks per claim. */
  worldsPerChunk?: number;
  /** Awaited after each batch the main thread runs (a consumer's backpressure, e.g. rows being written). */
  afterBatch?: () => Promise<void>;
  /** How far ahead of its consumer every thread may run (see ClaimWindow). */
  window?: ClaimWindow;
}

/**
 * Runs chunks [firstChunk, endChunk) of a job on the main thread (`local`) and the pool's workers
 * (as many as the work justifies), adding their results up with `merge`. Chunks are claimed from
 * a shared counter; every result is a sum over whole chunks, so the total is the same whatever
 * the number of threads and the order of the claims. `onProgress` receives worlds done so far.
 */
export async function runJob<S>(
  job: WorkerJob,
  local: ChunkRunner,
  merge: (into: S, from: S) => void,
  seed: number,
  samples: number,
  firstChunk: number,
  endChunk: number,
  pool: WorkerPool | undefined,
  more: RunJobOptions = {},
): Promise<S> {
  const { onProgress, worldsPerChunk = 1, afterBatch, window } = more;
  const worlds = (Math.min(samples, endChunk * CHUNK_SIZE) - firstChunk * CHUNK_SIZE) * worldsPerChunk;
  const helpers = Math.max(0, Math.min(pool?.size ?? 0, effectiveThreads(pool ? pool.size + 1 : 1, worlds) - 1, endChunk - firstChunk - 1));
  // Every batch's result is merged into an empty state (a range of no chunks), in the order batches finish.
  const total = local(firstChunk, firstChunk, () => {}) as S;
  let done = 0;
  const add = (result: unknown, n: number) => {
    merge(total, result as S);
    done += n;
    onProgress?.(done);
  };
  const next = new Int32Array(new SharedArrayBuffer(12));
  next[0] = firstChunk;
  next[1] = endChunk;
  window?.attach(next);
  // A job that does several runs' work per chunk (paired scenarios, sensitivity variants) claims fewer chunks at a time.
  const batchChunks = Math.max(1, Math.round(BATCH_CHUNKS / worldsPerChunk));
  const task = { seed, samples, endChunk, next, batchChunks };
  const workers = helpers > 0 && pool ? pool.run(helpers, { ...task, job }, add) : [];
  // Stops every thread: no chunk left to claim, and any waiting at the window let through to see so.
  const stop = () => {
    Atomics.store(next, 2, 1);
    Atomics.store(next, 0, endChunk);
    window?.open();
  };
  try {
    // The main thread claims batches too, yielding between them (when there are workers) so that
    // their messages are heard.
    for (;;) {
      const start = Atomics.add(next, 0, batchChunks);
      if (start >= endChunk) break;
      if (window) await window.until(start);
      let n = 0;
      const result = local(start, Math.min(start + batchChunks, endChunk), (k) => (n += k));
      add(result, n);
      if (afterBatch) await afterBatch();
      if (workers.length) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workers);
  } catch (error) {
    stop();
    throw error;
  }
  return total;
}

/** A plain run's chunks [firstChunk, endChunk) on the main thread and the pool's workers. */
export function simulateRange(plan: Plan, seed: number, samples: number, firstChunk: number, endChunk: number, pool: WorkerPool | undefined, onProgress?: (worldsDone: number) => void): Promise<Counts> {
  return runJob<Counts>({ kind: 'run', scenario: plan.scenario }, (first, end, onChunk) => simulateChunks(plan, seed, samples, first, end, onChunk), mergeCounts, seed, samples, firstChunk, endChunk, pool, { onProgress });
}
