/**
 * How threads share a job's chunks: each claims batches of chunks from one shared counter (Atomics)
 * until none are left, so a thread that starts late simply does less. Chunk c always draws from the
 * streams (seed, c, …) and results are merged in chunk order, so the total is the same whatever the
 * number of threads and the order of the claims. Pure: SharedArrayBuffer and Atomics are the same in
 * Node and in a browser's workers. A page that is not cross-origin isolated (any page opened from
 * file://, or served without COOP/COEP headers) has no SharedArrayBuffer: there the counter is a
 * plain buffer, which is all one thread needs (Atomics work on it too); such a page cannot share a
 * job between threads.
 */

/** Slots of a job's shared counter (an Int32Array over a SharedArrayBuffer). */
export const NEXT_CHUNK = 0;
/** The first chunk that may not be run yet (a consumer's window, see ClaimWindow; the end when there is none). */
export const WINDOW_LIMIT = 1;
/** 1 once the job has failed and every thread should stop. */
export const FAILED = 2;
export const COUNTER_SLOTS = 3;

export function sharedCounter(firstChunk: number, endChunk: number): Int32Array {
  const Buffer = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;
  const next = new Int32Array(new Buffer(COUNTER_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  next[NEXT_CHUNK] = firstChunk;
  next[WINDOW_LIMIT] = endChunk;
  return next;
}

/** What a thread needs to claim its share of a job: the counter, the end, and how many chunks a claim takes. */
export interface Claims {
  next: Int32Array;
  endChunk: number;
  batchChunks: number;
}

/**
 * Claims and runs batches until none are left (in a worker, which may block): `run` gets each
 * batch's first and end chunk.
 */
export function claimBatches(claims: Claims, run: (first: number, end: number) => void): void {
  const { next, endChunk, batchChunks } = claims;
  for (;;) {
    const start = Atomics.add(next, NEXT_CHUNK, batchChunks);
    if (start >= endChunk) return;
    // A claimed batch past the window waits (blocking this worker only) until the consumer has
    // taken what comes before it.
    for (let limit = Atomics.load(next, WINDOW_LIMIT); start >= limit; limit = Atomics.load(next, WINDOW_LIMIT)) Atomics.wait(next, WINDOW_LIMIT, limit, 1000);
    if (Atomics.load(next, FAILED) !== 0) return;
    run(start, Math.min(start + batchChunks, endChunk));
  }
}

/** Stops every thread of a job: no chunk left to claim. */
export function stopClaims(next: Int32Array, endChunk: number): void {
  Atomics.store(next, FAILED, 1);
  Atomics.store(next, NEXT_CHUNK, endChunk);
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
    Atomics.store(next, WINDOW_LIMIT, this.limit);
  }

  /** Every chunk before `chunk` has been consumed: chunks up to chunk + size may run. */
  advance(chunk: number): void {
    const limit = chunk + this.size;
    if (limit <= this.limit) return;
    this.limit = limit;
    if (this.shared) {
      Atomics.store(this.shared, WINDOW_LIMIT, limit);
      Atomics.notify(this.shared, WINDOW_LIMIT);
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
