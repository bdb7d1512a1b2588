/** `bioanchors run`: the forecast of one or more scenarios. */
import { meetsTarget, worldsNeeded, type PrecisionTarget } from '../../engine/precision.js';
import { CHUNK_SIZE, chunkCount, DEFAULT_SEED } from '../../engine/loop.js';
import { mergeCounts } from '../../engine/counts.js';
import { summarize, type Forecast } from '../../engine/summary.js';
import { UsageError } from '../../io/errors.js';
import { renderChart } from '../../report/chart.js';
import { renderRunsCsv } from '../../report/csv.js';
import { renderJson, type Manifest } from '../../report/json.js';
import { datesCovered, renderMetaculus, type MetaculusRange } from '../../report/metaculus.js';
import { renderTable } from '../../report/table.js';
import { count } from '../../report/format.js';
import { useColor, type CliContext } from '../context.js';
import { emit, prepareOutput, type OutputTarget } from '../output.js';
import { partialOf, renderPartial } from '../../report/partial.js';
import { simulateRange, type WorkerPool } from '../parallel.js';
import { createProgress } from '../progress.js';
import { checkFinite, checkGivenYear, checkKept, distinguishRepeats, formatFor, inputPaths, loadInput, manifestFor, type Input } from '../scenario-input.js';
import { forecastGivenObserved, observedLabel, readObserved } from '../given-observed.js';

export const DEFAULT_SAMPLES = 100_000;
export const FORMATS = ['table', 'csv', 'json', 'metaculus'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunOptions {
  samples: number;
  seed: number;
  format?: Format;
  output?: string;
  horizon?: number;
  set: string[];
  threads: number;
  targetSe?: PrecisionTarget;
  maxSamples: number;
  chart?: boolean;
  /** Draw each anchor's curve on the terminal chart too. */
  chartAnchors?: boolean;
  quiet?: boolean;
  givenNoTaiBy?: number;
  /** --given-observed: true for the bundled observations, or a file. */
  givenObserved?: string | true;
  observationError?: number;
  /** For --format metaculus: the question's range in years. */
  range?: MetaculusRange;
  /** --chunks FROM:TO: simulate only those chunks of the run and write their counts for `merge`. */
  chunks?: { from: number; to: number };
}

export interface ScenarioRun {
  forecast: Forecast;
  manifest: Manifest;
  /** --set and --horizon as typed, to label the outputs. */
  overrides: string[];
}

const roundUpToChunks = (n: number) => Math.ceil(n / CHUNK_SIZE) * CHUNK_SIZE;

export async function runScenario(
  ctx: CliContext,
  input: Input,
  options: Pick<RunOptions, 'samples' | 'seed' | 'targetSe' | 'maxSamples' | 'quiet' | 'givenNoTaiBy' | 'givenObserved' | 'observationError'>,
  pool?: WorkerPool,
): Promise<ScenarioRun> {
  if (options.givenObserved !== undefined) return runGivenObserved(ctx, input, options, pool);
  const { plan, loaded } = input;
  checkGivenYear(plan, options.givenNoTaiBy);
  const summaryOptions = { givenNoTaiBy: options.givenNoTaiBy };
  const target = options.targetSe;
  // With a precision target the run grows by whole chunks, so its result is the same as a plain
  // run of the final number of worlds.
  let samples = target ? Math.min(roundUpToChunks(options.samples), options.maxSamples) : options.samples;
  const progress = createProgress(ctx, Boolean(options.quiet), loaded.scenario.id);
  const counts = await simulateRange(plan, options.seed, samples, 0, chunkCount(samples), pool, (done) => progress.update(done, samples));
  checkFinite(ctx, input, counts);
  let forecast = summarize(plan, counts, options.seed, summaryOptions);
  while (target && !meetsTarget(forecast, target)) {
    if (samples >= options.maxSamples) {
      if (!options.quiet) ctx.stderr.write(`bioanchors: target standard error not reached with --max-samples ${options.maxSamples} worlds; reporting what that gives\n`);
      break;
    }
    // Conditioned, only the kept share of new worlds counts.
    const kept = forecast.samples / counts.worlds;
    const next = Math.min(options.maxSamples, roundUpToChunks(Math.max((worldsNeeded(forecast, target) / kept) * 1.05, samples * 1.25)));
    const before = samples;
    const more = await simulateRange(plan, options.seed, next, chunkCount(before), chunkCount(next), pool, (done) => progress.update(before + done, next));
    mergeCounts(counts, more);
    samples = next;
    checkFinite(ctx, input, counts);
    forecast = summarize(plan, counts, options.seed, summaryOptions);
  }
  progress.stop();
  checkKept(forecast);
  if (target && !options.quiet) ctx.stderr.write(`${loaded.scenario.id}: ${count(samples)} worlds for the target standard error\n`);
  const manifest = manifestFor(ctx, input, options.seed, samples, {
    ...(target ? { targetSe: target } : {}),
    ...(options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {}),
  });
  return { forecast, manifest, overrides: input.overrides };
}

/** --given-observed: the worlds of a plain run, weighted by the observations. */
async function runGivenObserved(
  ctx: CliContext,
  input: Input,
  options: Pick<RunOptions, 'samples' | 'seed' | 'targetSe' | 'givenNoTaiBy' | 'givenObserved' | 'observationError'>,
  pool?: WorkerPool,
): Promise<ScenarioRun> {
  if (options.targetSe) throw new UsageError('--given-observed does not combine with --target-se; give --samples');
  if (options.givenNoTaiBy !== undefined) throw new UsageError('--given-observed does not combine with --given-no-tai-by');
  const observed = readObserved(ctx, options.givenObserved ?? true, options.observationError);
  const forecast = await forecastGivenObserved(ctx, input, observed, options.samples, options.seed, pool);
  const manifest = manifestFor(ctx, input, options.seed, options.samples, { givenObserved: { file: observed.file, observationErrorOom: observed.sigma } });
  // The conditioning is part of what produced the numbers: it goes with the overrides in every label and CSV row.
  return { forecast, manifest, overrides: [...input.overrides, observedLabel(observed)] };
}

/**
 * --format metaculus for one or more forecasts (run, merge): the CDF at 201 dates over `range`.
 * Dates: year row Y is "by the end of Y", the date Y + 1; the default range is every date all the
 * forecasts cover, and a range outside any of them is refused.
 */
function renderMetaculusRuns(runs: readonly Pick<ScenarioRun, 'forecast' | 'manifest'>[], range: MetaculusRange | undefined): string {
  const covered = runs.map((r) => datesCovered(r.forecast));
  const chosen = range ?? { from: Math.max(...covered.map((c) => c.from)), to: Math.min(...covered.map((c) => c.to)) };
  runs.forEach((r, i) => {
    const { from, to } = covered[i];
    if (chosen.from < from || chosen.to > to) {
      throw new UsageError(`--range ${chosen.from},${chosen.to} must lie within the dates ${r.forecast.scenarioId} covers, ${from}–${to} (year ${from - 1} is "by the end of ${from - 1}", the date ${from}; --horizon goes further)`);
    }
  });
  return runs.length === 1 ? renderMetaculus(runs[0].forecast, runs[0].manifest, chosen) : `[\n${runs.map((r) => renderMetaculus(r.forecast, r.manifest, chosen).trimEnd()).join(',\n')}\n]\n`;
}

/**
 * The forecasts of one or more runs in a format: CSV rows (one header), JSON (an array for several),
 * Metaculus CDFs, or tables (with the terminal chart on a terminal). `run` and `merge` both print
 * through it, so a merged run prints what the whole run prints.
 */
export function renderRuns(
  ctx: CliContext,
  runs: readonly ScenarioRun[],
  format: Format,
  options: Pick<RunOptions, 'range' | 'chart' | 'chartAnchors'>,
  target: OutputTarget | undefined,
): string {
  let content = '';
  switch (format) {
    case 'csv':
      content = renderRunsCsv(runs);
      break;
    case 'json':
      content = runs.length === 1 ? renderJson(runs[0].forecast, runs[0].manifest) : `[\n${runs.map((r) => renderJson(r.forecast, r.manifest).trimEnd()).join(',\n')}\n]\n`;
      break;
    case 'metaculus':
      content = renderMetaculusRuns(runs, options.range);
      break;
    case 'table': {
      const chart = options.chart ?? (Boolean(ctx.stdout.isTTY) && target === undefined);
      // A terminal may report 0 columns (some CI and emulators): renderChart then uses 80.
      const chartOptions = { width: ctx.stdout.columns, anchors: Boolean(options.chartAnchors), color: useColor(ctx, ctx.stdout) };
      content = runs.map((r) => renderTable(r.forecast, { overrides: r.overrides, chart: chart ? renderChart(r.forecast, chartOptions) : undefined })).join('\n');
      break;
    }
  }
  return content;
}

/** Runs the scenarios; `pool` (started by the caller, who closes it) holds the worker threads, if any. */
export async function runCommand(ctx: CliContext, refs: string[], options: RunOptions, pool?: WorkerPool): Promise<void> {
  const scenarios = refs.length ? refs : ['cotra-2020'];
  if (options.range && options.format !== 'metaculus') throw new UsageError('--range applies only to --format metaculus');
  if (options.observationError !== undefined && options.givenObserved === undefined) throw new UsageError('--observation-error applies only with --given-observed');
  const inputs = distinguishRepeats(scenarios.map((ref) => loadInput(ctx, ref, options)));
  const target = prepareOutput(ctx, options.output, inputPaths(inputs));
  const format = formatFor(ctx, options.format, target);
  if (options.chunks) return runChunkRange(ctx, inputs, options, format, target, pool);
  const runs: ScenarioRun[] = [];
  for (const input of inputs) runs.push(await runScenario(ctx, input, options, pool));
  emit(ctx, renderRuns(ctx, runs, format, options, target), target);
  if (target !== undefined && !options.quiet) ctx.stderr.write(`wrote ${options.output} (${format}, seed ${options.seed}, ${runs.map((r) => r.forecast.samples).join(' + ')} worlds)\n`);
}

export { DEFAULT_SEED };

/**
 * --chunks FROM:TO: one part of a run split over machines (a job of a batch system's array).
 * Simulates chunks FROM..TO-1 of the run of --samples worlds and writes their arrival counts;
 * `bioanchors merge` adds the parts up into the forecast the whole run prints, byte for byte.
 */
async function runChunkRange(ctx: CliContext, inputs: Input[], options: RunOptions, format: string, target: OutputTarget | undefined, pool?: WorkerPool): Promise<void> {
  const { from, to } = options.chunks!;
  const of = chunkCount(options.samples);
  if (inputs.length !== 1) throw new UsageError('--chunks runs one scenario (merge puts the parts of one run together)');
  if (options.targetSe) throw new UsageError('--chunks does not combine with --target-se: the whole run\'s size must be known (--samples)');
  if (options.givenObserved !== undefined) throw new UsageError('--chunks does not combine with --given-observed');
  if (format !== 'json') throw new UsageError('--chunks writes the part\'s counts as JSON for bioanchors merge: use --format json (or -o part.json)');
  if (to > of) throw new UsageError(`--chunks ${from}:${to}: a run of ${options.samples} worlds has ${of} chunks of ${CHUNK_SIZE} (0:${of})`);
  const [input] = inputs;
  checkGivenYear(input.plan, options.givenNoTaiBy);
  const progress = createProgress(ctx, Boolean(options.quiet), input.loaded.scenario.id);
  const worlds = Math.min(options.samples, to * CHUNK_SIZE) - from * CHUNK_SIZE;
  const counts = await simulateRange(input.plan, options.seed, options.samples, from, to, pool, (done) => progress.update(done, worlds));
  progress.stop();
  checkFinite(ctx, input, counts);
  const summary = { givenNoTaiBy: options.givenNoTaiBy };
  const manifest = manifestFor(ctx, input, options.seed, options.samples, options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {});
  emit(ctx, renderPartial(partialOf(input.plan, counts, manifest, { from, to, of }, summary, input.overrides)), target);
  if (!options.quiet) ctx.stderr.write(`chunks ${from}:${to} of ${of} (${count(worlds)} of ${count(options.samples)} worlds): merge the parts with bioanchors merge\n`);
}
