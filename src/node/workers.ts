/**
 * Job workers on Node's worker_threads, located from this module's own URL: beside it in a build
 * (dist/…/worker.js), or, when this module runs from source (tests), bundled from the source
 * worker on the spot, so a test never runs a stale build's worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobWorker, WorkerFactory, WorkerMessage } from '../jobs/protocol.js';

/** Set by the bundler (build.mjs): where the worker entry is, relative to the bundled chunk holding this code. */
declare const __BIOANCHORS_WORKER__: string | undefined;

let sourceWorker: URL | undefined;

/** The worker script for this module: the build's own, or one bundled now from the sources beside this file. */
export function workerScript(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL(typeof __BIOANCHORS_WORKER__ === 'string' ? __BIOANCHORS_WORKER__ : './worker.js', here);
  if (sourceWorker) return sourceWorker;
  // esbuild is a development dependency: required only here, when running from source.
  const esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./worker.ts', here))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const code = result.outputFiles[0].text;
  const dir = join(tmpdir(), 'bioanchors-source-workers');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) writeFileSync(file, code);
  sourceWorker = pathToFileURL(file);
  return sourceWorker;
}

function nodeWorker(script: URL): JobWorker {
  const worker = new Worker(script);
  // An idle pool must not keep the process alive.
  worker.unref();
  return {
    post: (task) => worker.postMessage(task),
    listen(onMessage, onError) {
      const message = (m: WorkerMessage) => onMessage(m);
      worker.on('message', message);
      worker.once('error', onError);
      return () => {
        worker.off('message', message);
        worker.off('error', onError);
      };
    },
    terminate: async () => void (await worker.terminate()),
  };
}

/** Starts job workers on worker_threads. */
export function nodeWorkers(): WorkerFactory {
  // The script is found (or, from source, bundled) when the first worker starts, not before.
  return () => nodeWorker(workerScript());
}
