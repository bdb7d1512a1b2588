/** The entry of a job worker thread in Node: serves tasks from the main thread (jobs/serve.ts). */
import { parentPort } from 'node:worker_threads';
import { serveTask } from '../jobs/serve.js';
import type { WorkerTask } from '../jobs/protocol.js';

parentPort!.on('message', (task: WorkerTask | 'where' | 'ready?') => {
  // 'where': which module this worker runs (tests check a run from source never runs a stale build).
  if (task === 'where') return parentPort!.postMessage({ type: 'where', url: import.meta.url });
  if (task === 'ready?') return parentPort!.postMessage({ type: 'ready' });
  serveTask(task, (message, transfer) => parentPort!.postMessage(message, transfer));
});
