/** What the main thread and a job worker say to each other (structured-clone data only). */
import type { Job } from './registry.js';

/** A job for a worker: what to build, the run it belongs to, and the shared counter to claim chunks from. */
export interface WorkerTask {
  job: Job;
  seed: number;
  samples: number;
  endChunk: number;
  /** The shared counter (claims.ts). */
  next: Int32Array;
  batchChunks: number;
}

export type WorkerMessage =
  /** A batch's result: the observer's state for chunks [first, end), and its worlds. */
  | { type: 'batch'; first: number; end: number; result: unknown; worlds: number }
  /** The worker has run out of chunks for this task. */
  | { type: 'done' }
  /** The answer to 'ready?': the worker has loaded and takes tasks. */
  | { type: 'ready' }
  /** The job failed in this worker (a bug, or a failure of the input the main thread reports). */
  | { type: 'error'; message: string; name: string; stack?: string };

/** A worker as the pool sees it, in Node (worker_threads) or a browser (Web Worker). */
export interface JobWorker {
  /** A task, or 'ready?' (answered with { type: 'ready' } once the worker has loaded). */
  post(task: WorkerTask | 'ready?'): void;
  /** Listens for the worker's messages; returns a function that stops listening. */
  listen(onMessage: (message: WorkerMessage) => void, onError: (error: unknown) => void): () => void;
  terminate(): Promise<void>;
}

/** Starts one job worker (injected: the core never starts threads itself). */
export type WorkerFactory = () => JobWorker;
