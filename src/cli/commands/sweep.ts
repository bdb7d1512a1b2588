/** `bioanchors sweep`: many variants of one scenario's point values on common random numbers. */
import { inputPaths, sweep } from '../../api.js';
import type { WorkerPool } from '../../jobs/pool.js';
import { renderSweepCsv, renderSweepJson, renderSweepTable } from '../../report/sweep.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, threadsFor, type CommonOptions } from '../inputs.js';
import { sweepDesignFrom, type SweepDesignOptions } from '../options.js';
import { emit, prepareOutput } from '../output.js';
import { createProgress } from '../progress.js';

export interface SweepOptions extends CommonOptions, SweepDesignOptions {
  threads?: number;
  by?: number[];
}

export async function sweepCommand(ctx: CliContext, ref: string, options: SweepOptions, pool?: WorkerPool): Promise<void> {
  const design = sweepDesignFrom(options);
  const input = loadCliInput(ctx, ref, options);
  const target = prepareOutput(ctx, options.output, inputPaths([input]));
  const progress = createProgress(ctx, Boolean(options.quiet), 'sweep');
  const { result, manifest, overrides } = await sweep(input, design, {
    ...threadsFor(ctx, options.threads, pool),
    samples: options.samples,
    seed: options.seed,
    by: options.by,
    onProgress: (d, t) => progress.update(d, t),
    onNote: (note) => options.quiet || ctx.stderr.write(`bioanchors: ${note}\n`),
  });
  progress.stop();
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table' ? renderSweepTable(result, overrides) : format === 'csv' ? renderSweepCsv(result, overrides) : renderSweepJson(result, manifest);
  emit(ctx, content, target);
}
