/**
 * The body of a job worker, whatever starts it: for each task, build the job from the registry,
 * claim batches of chunks until none are left, and send back each batch's result.
 */
import { runChunks } from '../engine/loop.js';
import { claimBatches } from './claims.js';
import type { WorkerMessage, WorkerTask } from './protocol.js';
import { buildJob } from './registry.js';

/**
 * The buffers of every typed array in a batch's state, to be moved to the main thread rather than
 * copied: an observer's state for a range is made fresh by empty() (engine/loop.ts), so nothing in
 * the worker uses them after.
 */
export function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) transferables(v, found);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) transferables(v, found);
  }
  return [...found];
}

export function serveTask(task: WorkerTask, send: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void): void {
  try {
    const { spec, observer } = buildJob(task.job, { seed: task.seed, samples: task.samples });
    claimBatches(task, (first, end) => {
      let worlds = 0;
      const result = runChunks(spec, observer, first, end, (n) => (worlds += n));
      send({ type: 'batch', first, end, result, worlds }, transferables(result));
    });
    send({ type: 'done' });
  } catch (error) {
    const e = error as Error;
    send({ type: 'error', message: String(e?.message ?? error), name: String(e?.name ?? 'Error'), stack: e?.stack });
  }
}
