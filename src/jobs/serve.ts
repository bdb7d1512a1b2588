/**
 * The body of a job worker, whatever starts it: for each task, build the job from the registry,
 * claim batches of chunks until none are left, and send back each batch's result.
 */
import { runChunks } from '../engine/loop.js';
import { claimBatches } from './claims.js';
import type { WorkerMessage, WorkerTask } from './protocol.js';
import { buildJob } from './registry.js';

export function serveTask(task: WorkerTask, send: (message: WorkerMessage) => void): void {
  try {
    const { spec, observer } = buildJob(task.job, { seed: task.seed, samples: task.samples });
    claimBatches(task, (first, end) => {
      let worlds = 0;
      const result = runChunks(spec, observer, first, end, (n) => (worlds += n));
      send({ type: 'batch', first, end, result, worlds });
    });
    send({ type: 'done' });
  } catch (error) {
    const e = error as Error;
    send({ type: 'error', message: String(e?.message ?? error), name: String(e?.name ?? 'Error'), stack: e?.stack });
  }
}
