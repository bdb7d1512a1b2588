/**
 * `bioanchors samples`: one CSV row per simulated world, streamed chunk by chunk with
 * backpressure, so ten million rows need no more memory than a few chunks per thread. World w of
 * `samples --seed S` is world w of `run --seed S`: the same chunks and draws.
 */
import { stringify } from 'csv-stringify/sync';
import { chunkCount, runChunks } from '../../engine/loop.js';
import { emptyCounts, mergeCounts } from '../../engine/counts.js';
import { samplesHeader, samplesObserver, type SamplesPart } from '../../report/samples.js';
import { ClaimWindow, runJob, type WorkerPool } from '../parallel.js';
import type { CliContext } from '../context.js';
import { openSink, prepareOutput } from '../output.js';
import { checkFinite, formatFor, inputPaths, loadInput, type CommonOptions } from '../scenario-input.js';

export type SamplesOptions = CommonOptions;

/** A row's rendering, in runs' worth of work per world (measured: about 20 times the simulation). */
export const SAMPLES_WORK_PER_WORLD = 20;
/** Chunks the threads may run ahead of the last chunk written (about 3 MB of CSV each). */
const WINDOW_CHUNKS = 8;

export async function samplesCommand(ctx: CliContext, ref: string, options: SamplesOptions, pool?: WorkerPool): Promise<void> {
  const input = loadInput(ctx, ref, options);
  const { plan } = input;
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const format = formatFor(ctx, options.format, target);
  const sink = openSink(ctx, target);
  const meta = { seed: options.seed, scenarioId: plan.scenario.id, overrides: input.overrides.join(' ') };
  const observer = samplesObserver(plan, format, meta);
  const spec = { plans: [plan], draws: 'own' as const, seed: options.seed, samples: options.samples };
  // Chunks finish in any order on several threads; they are written in chunk order, each checked
  // (a non-finite requirement stops the file) with the counts of every chunk before it. Threads
  // run at most WINDOW_CHUNKS ahead of the last chunk written, so text waiting for a slow reader
  // stays bounded. A failure (that check, a write) is kept and raised by the main thread.
  const window = new ClaimWindow(0, WINDOW_CHUNKS);
  const waiting = new Map<number, SamplesPart>();
  const counts = emptyCounts(plan);
  let next = 0;
  let failure: { error: unknown } | null = null;
  let writing: Promise<void> = Promise.resolve();
  const fail = (error: unknown) => {
    failure ??= { error };
    window.open();
  };
  const take = (parts: SamplesPart[]) => {
    if (failure) return;
    for (const part of parts) waiting.set(part.index, part);
    for (let part = waiting.get(next); part; part = waiting.get(next)) {
      waiting.delete(next++);
      mergeCounts(counts, part.counts);
      try {
        checkFinite(ctx, input, counts);
      } catch (error) {
        return fail(error);
      }
      const { text } = part;
      const written = next;
      writing = writing.then(async () => {
        if (failure) return;
        try {
          await sink.write(text);
          window.advance(written);
        } catch (error) {
          fail(error);
        }
      });
    }
  };
  const settle = async () => {
    await writing;
    if (failure) throw failure.error;
  };
  try {
    if (format === 'csv') await sink.write(stringify([samplesHeader(plan)]));
    else if (format === 'json') await sink.write('[\n');
    await runJob<SamplesPart[]>(
      { kind: 'samples', scenario: plan.scenario, format, meta },
      (first, end, onChunk) => runChunks(spec, observer, first, end, onChunk),
      (_all, parts) => take(parts),
      options.seed,
      options.samples,
      0,
      chunkCount(options.samples),
      pool,
      // Rendering a world's row costs about 20 runs' worth of simulating it: threads pay from
      // 100,000 rows, and one chunk per claim keeps little text waiting to be written.
      { afterBatch: settle, worldsPerChunk: SAMPLES_WORK_PER_WORLD, window },
    );
    await settle();
    if (format === 'json') await sink.write('\n]\n');
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
}
