/** `bioanchors samples`: one row per simulated world, streamed in world order (api/samples.ts). */
import { inputPaths, samples } from '../../api.js';
import type { WorkerPool } from '../../jobs/pool.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, threadsFor, type CommonOptions } from '../inputs.js';
import { openSink, prepareOutput } from '../output.js';

export interface SamplesOptions extends CommonOptions {
  threads?: number;
}

export async function samplesCommand(ctx: CliContext, ref: string, options: SamplesOptions, pool?: WorkerPool): Promise<void> {
  const input = loadCliInput(ctx, ref, options);
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const format = formatFor(ctx, options.format, target);
  const sink = openSink(ctx, target);
  try {
    await samples(input, (text) => sink.write(text), { ...threadsFor(ctx, options.threads, pool), samples: options.samples, seed: options.seed, format });
    await sink.close();
  } catch (error) {
    sink.abort();
    throw error;
  }
}
