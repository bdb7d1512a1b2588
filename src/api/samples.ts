/**
 * One row per simulated world, streamed chunk by chunk with backpressure: ten million rows need no
 * more memory than a few chunks per thread. World w of `samples --seed S` is world w of `run --seed S`:
 * the same chunks and draws.
 */
import { checkFinite, type ScenarioInput } from './input.js';
import { onThreads, type Threads } from './threads.js';
import { csvField, samplesHeader, type SamplesFormat, type SamplesPart } from '../analyses/samples.js';
import { emptyCounts, mergeCounts } from '../engine/counts.js';
import { chunkCount, DEFAULT_SEED } from '../engine/loop.js';
import { ClaimWindow } from '../jobs/claims.js';
import { runJob } from '../jobs/pool.js';
import { SAMPLES_WORK_PER_WORLD } from '../jobs/registry.js';

export const DEFAULT_SAMPLES_ROWS = 1000;
/** Chunks the threads may run ahead of the last chunk written (about 3 MB of CSV each). */
const WINDOW_CHUNKS = 8;

export interface SamplesOptions extends Threads {
  samples?: number;
  seed?: number;
  format?: SamplesFormat;
  onProgress?: (done: number, total: number) => void;
}

/** Where rows go: each call's promise resolves once the text is taken (a file or pipe's backpressure). */
export type TextSink = (text: string | Uint8Array) => Promise<void> | void;

/**
 * Writes the rows to `sink` in world order. A non-finite requirement stops the rows at the chunk
 * that has it (an error, after the rows before it); a failing sink fails the job.
 */
export async function samples(input: ScenarioInput, sink: TextSink, options: SamplesOptions = {}): Promise<{ worlds: number }> {
  const { plan } = input;
  const seed = options.seed ?? DEFAULT_SEED;
  const worlds = options.samples ?? DEFAULT_SAMPLES_ROWS;
  const format = options.format ?? 'csv';
  const meta = { seed, scenarioId: plan.scenario.id, overrides: input.overrides.join(' ') };
  // Threads run at most WINDOW_CHUNKS ahead of the last chunk written, so text waiting for a slow
  // reader stays bounded. A failure (a non-finite requirement, a write) is raised by the main thread.
  const window = new ClaimWindow(0, WINDOW_CHUNKS);
  const counts = emptyCounts(plan);
  let writing: Promise<void> = Promise.resolve();
  // Once the job has failed, rows still queued are not written (the sink is being given up).
  let failed = false;
  const take = (parts: SamplesPart[]) => {
    for (const part of parts) {
      mergeCounts(counts, part.counts);
      checkFinite(input, counts);
      const next = part.index + 1;
      writing = writing.then(async () => {
        if (failed) return;
        try {
          await sink(part.text);
        } catch (error) {
          // Threads waiting at the window must see the job end, not wait for a write that will not come.
          window.open();
          throw error;
        }
        window.advance(next);
      });
      // Handled here so a failed write is not reported as unhandled before the job awaits it.
      writing.catch(() => {});
    }
    return writing;
  };
  if (format === 'csv') await sink(`${samplesHeader(plan).map(csvField).join(',')}\n`);
  else if (format === 'json') await sink('[\n');
  try {
    await onThreads(options, worlds * SAMPLES_WORK_PER_WORLD, (pool) =>
      runJob<SamplesPart[]>(
        { kind: 'samples', params: { scenario: plan.scenario, format, meta } },
        { seed, samples: worlds, firstChunk: 0, endChunk: chunkCount(worlds) },
        pool,
        {
          take,
          window,
          onProgress: (done) => options.onProgress?.(done, worlds),
        },
      ),
    );
  } catch (error) {
    failed = true;
    // Let a write under way finish (or fail) before the caller gives the sink up.
    await writing.catch(() => {});
    throw error;
  }
  await writing;
  if (format === 'json') await sink('\n]\n');
  return { worlds };
}
