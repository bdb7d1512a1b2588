/** `bioanchors plot <kind>`: one chart as an SVG (or PNG) file (the kinds: cli/charts.ts). */
import { resolve } from 'node:path';
import { inputPaths } from '../../api.js';
import type { CliContext } from '../context.js';
import { checkPlotArguments, svgToPng, type PlotOptions } from '../charts.js';
import { loadCliInput } from '../inputs.js';
import { prepareOutput, writeAtomic } from '../output.js';

export async function plotCommand(ctx: CliContext, kind: string, refs: string[], options: PlotOptions): Promise<void> {
  const checked = checkPlotArguments(kind, refs, options);
  const samples = options.samples ?? checked.plot.defaultSamples;
  // The output is checked (folder, kind of file, not an input of the run) before anything is drawn.
  const reads = [
    ...inputPaths(checked.refs.map((ref) => loadCliInput(ctx, ref, { ...options, quiet: true }))),
    ...(options.observations !== undefined ? [resolve(ctx.cwd, options.observations)] : []),
    ...(options.reference !== undefined ? [resolve(ctx.cwd, options.reference)] : []),
  ];
  const target = prepareOutput(ctx, options.output, reads)!;
  const drawn = await checked.plot.draw(ctx, checked.refs, { ...options, samples });
  const output = options.output as string;
  writeAtomic(target, checked.format === '.png' ? await svgToPng(drawn.svg) : drawn.svg);
  if (!options.quiet)
    ctx.stderr.write(
      `wrote ${output} (${kind}, ${checked.format.slice(1)}, seed ${options.seed}, ${drawn.samples} ${kind === 'hindcast' ? 'growth draw' : 'world'}${drawn.samples === 1 ? '' : 's'})\n`,
    );
}
