/**
 * The kinds of chart `plot` draws and `report` gathers: each names the data it needs (from the API)
 * and draws it with its chart in src/report/charts/<kind>.ts; adding a kind is one entry here and
 * one chart file there.
 */
import { extname, resolve } from 'node:path';
import type { ScenarioInput } from '../api.js';
import { displayPath } from '../io/paths.js';
import { compare, forecast, hindcast, requirementBands, sensitivity, sweep, BAND_WORLDS, DEFAULT_SWEEP_SAMPLES } from '../api.js';
import { closest } from '../io/closest.js';
import { UsageError } from '../io/errors.js';
import { bundledReferenceFor, readReferenceCsv } from '../io/reference.js';
import { renderCdfChart, type ReferenceCurve } from '../report/charts/cdf.js';
import { renderCompareChart } from '../report/charts/compare.js';
import { renderHindcastChart } from '../report/charts/hindcast.js';
import { renderRequirementsChart } from '../report/charts/requirements.js';
import type { RunInfo } from '../report/charts/theme.js';
import { renderTornadoChart } from '../report/charts/tornado.js';
import { renderSweepChart } from '../report/charts/sweep.js';
import { VERSION } from '../version.js';
import type { CliContext } from './context.js';
import { loadCliInput, threadsFor, type CommonOptions } from './inputs.js';
import { sweepDesignFrom, type SweepDesignOptions } from './options.js';

export interface PlotOptions extends Omit<CommonOptions, 'samples' | 'format'>, SweepDesignOptions {
  /** Worlds; each kind has its own default. */
  samples?: number;
  output?: string;
  reference?: string;
  givenNoTaiBy?: number;
  by?: number;
  swing: Record<string, [number, number]>;
  /** hindcast: the observations file (default: the bundled one). */
  observations?: string;
  threads?: number;
  /** sweep: the figure drawn. */
  figure?: string;
}

export interface Drawn {
  svg: string;
  /** Worlds behind the chart. */
  samples: number;
}

interface PlotKind {
  summary: string;
  /** 'one': a single scenario (default cotra-2020); 'many': two or more. */
  scenarios: 'one' | 'many';
  defaultSamples: number;
  /** Options only this kind takes, by their flag. */
  options: string[];
  draw(ctx: CliContext, refs: string[], options: PlotOptions & { samples: number }, idPrefix?: string): Promise<Drawn>;
}

/** A --reference FILE, drawn dashed beside the forecast whatever the scenario. */
export function referenceFile(ctx: CliContext, file: string): ReferenceCurve {
  return { label: `reference: ${file}`, points: readReferenceCsv(resolve(ctx.cwd, file), file) };
}

/**
 * The published reference of a bundled scenario (the report's curve for cotra-2020, Cotra's stated
 * 2022 numbers for the 2022 scenarios; io/reference.ts), for that unmodified file only: a file that
 * reuses the id, or a --set, gets none, and the chart says why (a --horizon changes no year the
 * reference has; --given-no-tai-by conditions it the same way, labelled).
 */
export function bundledReference(input: ScenarioInput): { reference?: ReferenceCurve; leftOut?: string } {
  return bundledReferenceFor(
    input.loaded.files.map((f) => displayPath(f.path, input.cwd)),
    input.sets,
  );
}

const info = (seed: number, samples: number, overrides: readonly string[]): RunInfo => ({ seed, samples, version: VERSION, overrides });

export const PLOT_KINDS: Record<string, PlotKind> = {
  cdf: {
    summary: "P(TAI by year) with its Monte Carlo band, each anchor's stacked share, after-horizon and never, and a reference curve",
    scenarios: 'one',
    defaultSamples: 100_000,
    options: ['--reference', '--given-no-tai-by'],
    async draw(ctx, [ref], options, idPrefix) {
      // A bad --reference file is reported before any simulating.
      const given = options.reference === undefined ? undefined : referenceFile(ctx, options.reference);
      const input = loadCliInput(ctx, ref, options);
      const run = await forecast(input, {
        ...threadsFor(ctx, options.threads),
        samples: options.samples,
        seed: options.seed,
        givenNoTaiBy: options.givenNoTaiBy,
      });
      const f = run.forecast;
      const { reference, leftOut } = given ? { reference: given, leftOut: undefined } : bundledReference(input);
      return {
        svg: await renderCdfChart({ forecast: f, info: info(options.seed, f.samples, run.overrides), reference, referenceLeftOut: leftOut }, idPrefix),
        samples: f.samples,
      };
    },
  },
  requirements: {
    summary: "each anchor's requirement band, lowered by algorithmic progress, against affordable compute (log10 FLOP by year)",
    scenarios: 'one',
    defaultSamples: BAND_WORLDS,
    options: [],
    async draw(ctx, [ref], options, idPrefix) {
      const input = loadCliInput(ctx, ref, options);
      const { plan } = input;
      const samples = Math.min(options.samples, BAND_WORLDS);
      const t = requirementBands(input, { samples, seed: options.seed });
      const anchors = plan.anchors.map((a) => ({ id: a.id, label: a.label, weight: a.weight }));
      return {
        svg: await renderRequirementsChart(
          { trajectories: t, scenario: { id: plan.scenario.id, label: plan.scenario.label }, anchors, info: info(options.seed, samples, input.overrides) },
          idPrefix,
        ),
        samples,
      };
    },
  },
  compare: {
    summary: "several scenarios' P(TAI by year) on one axis, with each one's paired difference from the first below",
    scenarios: 'many',
    defaultSamples: 200_000,
    options: ['--given-no-tai-by'],
    async draw(ctx, refs, options, idPrefix) {
      const inputs = refs.map((ref) => loadCliInput(ctx, ref, options));
      const { comparison, overrides } = await compare(inputs, {
        ...threadsFor(ctx, options.threads),
        samples: options.samples,
        seed: options.seed,
        givenNoTaiBy: options.givenNoTaiBy,
      });
      return { svg: await renderCompareChart({ comparison, info: info(options.seed, options.samples, overrides) }, idPrefix), samples: options.samples };
    },
  },
  hindcast: {
    summary: 'the projected largest run, FLOP per dollar and spending beside what was observed since 2020',
    scenarios: 'one',
    defaultSamples: 2_000,
    options: ['--observations'],
    async draw(ctx, [ref], options, idPrefix) {
      const input = loadCliInput(ctx, ref, options);
      const { hindcast: h, observationsPath } = hindcast(input, { samples: options.samples, seed: options.seed, observations: options.observations });
      const s = input.loaded.scenario;
      return {
        svg: await renderHindcastChart(
          { hindcast: h, scenario: { id: s.id, label: s.label }, observationsPath, info: info(options.seed, h.draws, input.overrides) },
          idPrefix,
        ),
        samples: h.draws,
      };
    },
  },
  tornado: {
    summary: 'the sensitivity swings of every uncertain input, sorted, beside their variance shares',
    scenarios: 'one',
    defaultSamples: 200_000,
    options: ['--by', '--swing'],
    async draw(ctx, [ref], options, idPrefix) {
      const { result, overrides } = await sensitivity(loadCliInput(ctx, ref, options), {
        ...threadsFor(ctx, options.threads),
        samples: options.samples,
        seed: options.seed,
        by: options.by,
        swing: options.swing,
      });
      return { svg: await renderTornadoChart({ result, info: info(options.seed, options.samples, overrides) }, idPrefix), samples: options.samples };
    },
  },
  sweep: {
    summary: 'a figure of a sweep: against one path as a line with its 95% Monte Carlo band, over two as a heatmap',
    scenarios: 'one',
    defaultSamples: DEFAULT_SWEEP_SAMPLES,
    options: ['--grid', '--values', '--random', '--range', '--figure'],
    async draw(ctx, [ref], options, idPrefix) {
      const figure = options.figure ?? DEFAULT_SWEEP_FIGURE;
      const { result, overrides } = await sweep(loadCliInput(ctx, ref, options), sweepDesignFrom(options), {
        ...threadsFor(ctx, options.threads),
        samples: options.samples,
        seed: options.seed,
        ...sweepFigure(figure),
        onNote: (note) => options.quiet || ctx.stderr.write(`bioanchors: ${note}\n`),
      });
      return { svg: await renderSweepChart({ result, figure, info: info(options.seed, result.samples, overrides) }, idPrefix), samples: result.samples };
    },
  },
};

/** The figures plot sweep draws, and the --by years the figure needs (none: the sweep's defaults). */
const SWEEP_FIGURES = ['date_10', 'date_50', 'date_90', 'p_not_by_horizon', 'p_never'];
const DEFAULT_SWEEP_FIGURE = 'date_50';

function sweepFigure(figure: string): { by?: number[] } {
  const by = /^p_by_(\d{4})$/.exec(figure);
  if (by) return { by: [Number(by[1])] };
  if (SWEEP_FIGURES.includes(figure)) return {};
  const hint = closest(figure, ['p_by_2040', ...SWEEP_FIGURES]);
  throw new UsageError(
    `--figure ${figure}: not a figure of a sweep${hint ? ` (did you mean "${hint}"?)` : ''}; one of p_by_<year> (e.g. p_by_2040), ${SWEEP_FIGURES.join(', ')}`,
  );
}

/** Checks plot sweep's design (one or two paths) and figure before anything is simulated. */
function checkSweepPlot(options: PlotOptions): void {
  const design = sweepDesignFrom(options);
  const paths = 'random' in design ? design.random.ranges.length : design.axes.length;
  if (paths < 1 || paths > 2)
    throw new UsageError(
      `plot sweep draws one swept path (a line) or two (a heatmap); found ${paths}: give one or two of --grid, --values (or --random with one or two --range)`,
    );
  sweepFigure(options.figure ?? DEFAULT_SWEEP_FIGURE);
}

export const PLOT_FORMATS = ['.svg', '.png'] as const;

/** Checks the command line before any work, so a mistake costs nothing and writes nothing. */
export function checkPlotArguments(kind: string, refs: string[], options: PlotOptions): { plot: PlotKind; refs: string[]; format: '.svg' | '.png' } {
  const plot = Object.hasOwn(PLOT_KINDS, kind) ? PLOT_KINDS[kind] : undefined;
  if (!plot) {
    const hint = closest(kind, Object.keys(PLOT_KINDS));
    throw new UsageError(`unknown chart kind "${kind}"${hint ? ` (did you mean "${hint}"?)` : ''}; one of ${Object.keys(PLOT_KINDS).join(', ')}`);
  }
  if (options.output === undefined) throw new UsageError(`plot needs -o FILE.svg (or FILE.png): where to write the chart`);
  const format = extname(options.output).toLowerCase();
  if (!(PLOT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`-o ${options.output}: the file name must end in .svg or .png (the format it is written in)`);
  const given: [string, boolean][] = [
    ['--reference', options.reference !== undefined],
    ['--given-no-tai-by', options.givenNoTaiBy !== undefined],
    ['--by', options.by !== undefined],
    ['--swing', Object.keys(options.swing).length > 0],
    ['--observations', options.observations !== undefined],
    ['--grid', (options.grid ?? []).length > 0],
    ['--values', (options.values ?? []).length > 0],
    ['--random', options.random !== undefined],
    ['--range', (options.range ?? []).length > 0],
    ['--figure', options.figure !== undefined],
  ];
  for (const [flag, present] of given) {
    if (present && !plot.options.includes(flag))
      throw new UsageError(`${flag} does not apply to plot ${kind}${plot.options.length ? ` (it takes ${plot.options.join(', ')})` : ''}`);
  }
  if (kind === 'sweep') checkSweepPlot(options);
  const scenarios = refs.length ? refs : plot.scenarios === 'one' ? ['cotra-2020'] : [];
  if (plot.scenarios === 'one' && scenarios.length > 1)
    throw new UsageError(`plot ${kind} draws one scenario; found ${scenarios.length} (${scenarios.join(', ')})`);
  if (plot.scenarios === 'many' && scenarios.length < 2) throw new UsageError(`plot ${kind} needs two or more scenarios (differences are against the first)`);
  return { plot, refs: scenarios, format: format as '.svg' | '.png' };
}

/** SVG to PNG with resvg (a Rust renderer shipped as prebuilt npm packages), at twice the size. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}
