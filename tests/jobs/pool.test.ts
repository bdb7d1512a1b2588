/** The job pool: workers run the current code, results merge in chunk order, failures surface. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/api.js';
import { chunkCount } from '../../src/engine/loop.js';
import { runJob, WorkerPool } from '../../src/jobs/pool.js';
import type { JobWorker, WorkerFactory } from '../../src/jobs/protocol.js';
import type { Counts } from '../../src/engine/counts.js';
import { nodeWorkers, workerScript } from '../../src/node/workers.js';
import { ROOT } from '../helpers.js';

/** Wraps a factory to count the batches its workers send. */
function counting(factory: WorkerFactory): { factory: WorkerFactory; batches: () => number } {
  let batches = 0;
  return {
    batches: () => batches,
    factory: () => {
      const w = factory();
      const wrapped: JobWorker = {
        post: (t) => w.post(t),
        terminate: () => w.terminate(),
        listen: (onMessage, onError) =>
          w.listen((m) => {
            if (m.type === 'batch') batches++;
            onMessage(m);
          }, onError),
      };
      return wrapped;
    },
  };
}

describe('job workers', () => {
  it('run the source under test, never a build in dist/', async () => {
    const script = workerScript();
    // From source, the worker is bundled now from src/node/worker.ts, not taken from dist/.
    expect(fileURLToPath(script)).not.toContain(`${ROOT}/dist`);
    expect(script.href.endsWith('.mjs')).toBe(true);
    const source = readFileSync(fileURLToPath(new URL('../../src/jobs/serve.ts', import.meta.url)), 'utf8');
    expect(source).toContain('serveTask');
    // The running worker says which module it is: the one just bundled.
    const worker = new Worker(script);
    const where = await new Promise<{ url: string }>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('where');
    });
    await worker.terminate();
    expect(where.url).toBe(script.href);
  });

  it('share a run with the main thread and give the same counts as one thread', async () => {
    const input = loadInput('cotra-2020-uncertain-growth');
    const range = { seed: 7, samples: 200_000, firstChunk: 0, endChunk: chunkCount(200_000) };
    const job = { kind: 'run' as const, params: { scenario: input.plan.scenario } };
    const alone = await runJob<Counts>(job, range, undefined);
    const c = counting(nodeWorkers());
    const pool = new WorkerPool(c.factory, 1, 1, true);
    try {
      const shared = await runJob<Counts>(job, range, pool);
      expect(c.batches()).toBeGreaterThan(0);
      expect(shared.worlds).toBe(200_000);
      expect(shared.perAnchor.map((h) => Array.from(h))).toEqual(alone.perAnchor.map((h) => Array.from(h)));
      expect(shared.never).toBe(alone.never);
    } finally {
      await pool.close();
    }
  });

  it('report a failure in a worker as an error of the job', async () => {
    const failing: WorkerFactory = () => ({
      post: () => {},
      terminate: async () => {},
      listen: (onMessage) => {
        setTimeout(() => onMessage({ type: 'ready' }), 0);
        setTimeout(() => onMessage({ type: 'error', message: 'boom in a worker', name: 'Error' }), 0);
        return () => {};
      },
    });
    const input = loadInput('cotra-2020');
    const pool = new WorkerPool(failing, 1, 1, true);
    const job = { kind: 'run' as const, params: { scenario: input.plan.scenario } };
    await expect(runJob<Counts>(job, { seed: 1, samples: 3_000_000, firstChunk: 0, endChunk: chunkCount(3_000_000) }, pool)).rejects.toThrow(
      'boom in a worker',
    );
  });
});
