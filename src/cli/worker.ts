/** A worker thread of a pool: for each task, claims batches of chunks and sends back their counts. */
import { parentPort } from 'node:worker_threads';
import { planScenario } from '../engine/simulate.js';
import { workOnShared, type WorkerTask } from './parallel.js';

parentPort!.on('message', (task: WorkerTask) => {
  workOnShared(planScenario(task.scenario), task, (counts, worlds) => parentPort!.postMessage({ type: 'batch', counts, worlds }));
  parentPort!.postMessage({ type: 'done' });
});
