/**
 * `bioanchors report`: one self-contained HTML file with, for each scenario, the forecast table,
 * every chart, the inputs with their sources and the manifest; and the scenarios compared when
 * there are several. The charts are the ones `plot` draws (same code, same data).
 */
import { extname } from 'node:path';
import { UsageError } from '../../io/errors.js';
import { renderCdfChart } from '../../report/charts/cdf.js';
import { renderHtmlReport, type ReportChart, type ReportScenario } from '../../report/html.js';
import type { CliContext } from '../context.js';
import { prepareOutput, writeAtomic } from '../output.js';
import { forecast, inputPaths } from '../../api.js';
import { loadCliInput, threadsFor } from '../inputs.js';
import { VERSION } from '../../version.js';
import { bundledReference, PLOT_KINDS, type PlotOptions } from '../charts.js';

export const DEFAULT_REPORT_SAMPLES = 100_000;

export interface ReportOptions extends Omit<PlotOptions, 'reference' | 'givenNoTaiBy' | 'by' | 'swing'> {
  sensitivity: boolean;
}

/** A command line for the record, quoting what a shell would split. */
const shellWord = (w: string) => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export async function reportCommand(ctx: CliContext, refs: string[], options: ReportOptions): Promise<void> {
  if (options.output === undefined) throw new UsageError('report needs -o FILE.html: where to write the report');
  if (!['.html', '.htm'].includes(extname(options.output).toLowerCase()))
    throw new UsageError(`-o ${options.output}: the report is HTML; the file name must end in .html`);
  const scenarios = refs.length ? refs : ['cotra-2020'];
  const samples = options.samples ?? DEFAULT_REPORT_SAMPLES;
  const common = (horizon: boolean) => [
    ...(options.samples !== undefined ? ['-n', String(samples)] : []),
    '--seed',
    String(options.seed),
    ...(horizon && options.horizon !== undefined ? ['--horizon', String(options.horizon)] : []),
    ...options.set.flatMap((s) => ['--set', s]),
  ];
  // The hindcast projects years already observed: it takes no --horizon.
  const command = (words: string[], horizon = true) => ['bioanchors', ...words, ...common(horizon)].map(shellWord).join(' ');
  const plotOptions = { ...options, samples, swing: {} };
  const inputs = scenarios.map((ref) => loadCliInput(ctx, ref, options));
  const target = prepareOutput(ctx, options.output, inputPaths(inputs))!;
  const sections: ReportScenario[] = [];
  for (const [i, ref] of scenarios.entries()) {
    const { forecast: f, manifest, overrides } = await forecast(inputs[i], { ...threadsFor(ctx, 1), samples, seed: options.seed });
    const { loaded } = inputs[i];
    const id = `s${i}`;
    const charts: ReportChart[] = [];
    const { reference, leftOut } = bundledReference(inputs[i]);
    charts.push({
      title: 'P(TAI by year)',
      svg: await renderCdfChart(
        { forecast: f, info: { seed: options.seed, samples: f.samples, version: VERSION, overrides }, reference, referenceLeftOut: leftOut },
        `${id}-cdf`,
      ),
      command: command(['plot', 'cdf', ref, '-o', 'cdf.svg']),
    });
    const req = await PLOT_KINDS.requirements.draw(ctx, [ref], plotOptions, `${id}-requirements`);
    charts.push({ title: 'Requirement vs affordable compute', svg: req.svg, command: command(['plot', 'requirements', ref, '-o', 'requirements.svg']) });
    const hind = await PLOT_KINDS.hindcast.draw(ctx, [ref], { ...plotOptions, horizon: undefined, samples: Math.min(samples, 2000) }, `${id}-hindcast`);
    // The hindcast draws 2,000 growth draws whatever -n is: its command says so (the last -n wins).
    charts.push({
      title: 'Hindcast: projected growth against what was observed',
      svg: hind.svg,
      command: `${command(['plot', 'hindcast', ref, '-o', 'hindcast.svg'], false)} -n ${Math.min(samples, 2000)}`,
    });
    if (options.sensitivity) {
      const tornado = await PLOT_KINDS.tornado.draw(ctx, [ref], plotOptions, `${id}-tornado`);
      charts.push({ title: 'Sensitivity of the median year', svg: tornado.svg, command: command(['plot', 'tornado', ref, '-o', 'tornado.svg']) });
    }
    sections.push({ forecast: f, manifest, overrides, scenario: loaded.scenario, file: loaded.merged, charts, reference });
  }
  const shared: ReportChart[] = [];
  const notes: string[] = [];
  if (scenarios.length > 1) {
    try {
      const compared = await PLOT_KINDS.compare.draw(ctx, scenarios, plotOptions, 'compare');
      shared.push({ title: 'Scenarios compared', svg: compared.svg, command: command(['plot', 'compare', ...scenarios, '-o', 'compare.svg']) });
    } catch (error) {
      if ((error as Error).name !== 'UsageError') throw error;
      notes.push(`No comparison chart: ${(error as Error).message}`);
    }
  }
  const html = renderHtmlReport({
    version: VERSION,
    command: command(['report', ...refs, ...(options.sensitivity ? [] : ['--no-sensitivity']), '-o', options.output]),
    scenarios: sections,
    shared,
    notes,
  });
  writeAtomic(target, html);
  if (!options.quiet)
    ctx.stderr.write(`wrote ${options.output} (${scenarios.length} scenario${scenarios.length > 1 ? 's' : ''}, seed ${options.seed}, ${samples} worlds)\n`);
}
