/** `bioanchors run`: the forecast of one or more scenarios. */
import { meetsTarget, worldsNeeded, type PrecisionTarget } from '../../engine/precision.js';
import { CHUNK_SIZE, chunkCount, mergeCounts, DEFAULT_SEED } from '../../engine/simulate.js';
import { summarize, type Forecast } from '../../engine/summary.js';
import { UsageError } from '../../io/errors.js';
import { renderChart } from '../../report/chart.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson, type Manifest } from '../../report/json.js';
import { renderMetaculus, type MetaculusRange } from '../../report/metaculus.js';
import { renderTable } from '../../report/table.js';
import { count } from '../../report/format.js';
import { useColor, type CliContext } from '../context.js';
import { emit } from '../output.js';
import { simulateRange, type WorkerPool } from '../parallel.js';
import { createProgress } from '../progress.js';
import { checkFinite, checkGivenYear, checkKept, loadInput, manifestFor } from '../scenario-input.js';

export const DEFAULT_SAMPLES = 100_000;
export const FORMATS = ['table', 'csv', 'json', 'metaculus'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunOptions {
  samples: number;
  seed: number;
  format: Format;
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
  /** For --format metaculus: the question's range in years. */
  range?: MetaculusRange;
}

export interface ScenarioRun {
  forecast: Forecast;
  manifest: Manifest;
}

const roundUpToChunks = (n: number) => Math.ceil(n / CHUNK_SIZE) * CHUNK_SIZE;

export async function runScenario(
  ctx: CliContext,
  ref: string,
  options: Pick<RunOptions, 'samples' | 'seed' | 'horizon' | 'set' | 'targetSe' | 'maxSamples' | 'quiet' | 'givenNoTaiBy'>,
  pool?: WorkerPool,
): Promise<ScenarioRun> {
  const input = loadInput(ref, options);
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
  return { forecast, manifest };
}

/** Runs the scenarios; `pool` (started by the caller, who closes it) holds the worker threads, if any. */
export async function runCommand(ctx: CliContext, refs: string[], options: RunOptions, pool?: WorkerPool): Promise<void> {
  const scenarios = refs.length ? refs : ['cotra-2020'];
  const runs: ScenarioRun[] = [];
  for (const ref of scenarios) runs.push(await runScenario(ctx, ref, options, pool));
  let content: string;
  switch (options.format) {
    case 'csv':
      content = runs.map((r, i) => (i === 0 ? renderCsv(r.forecast) : renderCsv(r.forecast).split('\n').slice(1).join('\n'))).join('');
      break;
    case 'json':
      content = runs.length === 1 ? renderJson(runs[0].forecast, runs[0].manifest) : `[\n${runs.map((r) => renderJson(r.forecast, r.manifest).trimEnd()).join(',\n')}\n]\n`;
      break;
    case 'metaculus': {
      const range = options.range;
      if (!range) throw new UsageError("--format metaculus needs --range FROM,TO: the question's range in years, e.g. --range 2025,2100");
      for (const r of runs) {
        const [first, last] = [r.forecast.years[0], r.forecast.years[r.forecast.years.length - 1]];
        if (range.from < first || range.to > last) throw new UsageError(`--range ${range.from},${range.to} must lie within ${r.forecast.scenarioId}'s years ${first}–${last} (--horizon goes further)`);
      }
      content = runs.length === 1 ? renderMetaculus(runs[0].forecast, runs[0].manifest, range) : `[\n${runs.map((r) => renderMetaculus(r.forecast, r.manifest, range).trimEnd()).join(',\n')}\n]\n`;
      break;
    }
    case 'table': {
      const chart = options.chart ?? (Boolean(ctx.stdout.isTTY) && options.output === undefined);
      // A terminal may report 0 columns (some CI and emulators): renderChart then uses 80.
      const chartOptions = { width: ctx.stdout.columns, anchors: Boolean(options.chartAnchors), color: useColor(ctx, ctx.stdout) };
      content = runs.map((r) => renderTable(r.forecast, { chart: chart ? renderChart(r.forecast, chartOptions) : undefined })).join('\n');
      break;
    }
  }
  emit(ctx, content, options.output);
  if (options.output !== undefined && !options.quiet) ctx.stderr.write(`wrote ${options.output} (${options.format}, seed ${options.seed}, ${runs.map((r) => r.forecast.samples).join(' + ')} worlds)\n`);
}

export { DEFAULT_SEED };
