/** A worker thread of a pool: for each task, claims batches of chunks and sends back what they add up to. */
import { parentPort } from 'node:worker_threads';
import { jobRunner, workOnShared, type WorkerTask } from './parallel.js';

parentPort!.on('message', (task: WorkerTask) => {
  workOnShared(jobRunner(task.job, task.seed, task.samples), task, (result, worlds) => parentPort!.postMessage({ type: 'batch', result, worlds }));
  parentPort!.postMessage({ type: 'done' });
});
