/** `bioanchors run`: the forecast of one or more scenarios. */
import { relative } from 'node:path';
import { meetsTarget, worldsNeeded, type PrecisionTarget } from '../../engine/precision.js';
import { CHUNK_SIZE, chunkCount, mergeCounts, planScenario, DEFAULT_SEED, type Counts } from '../../engine/simulate.js';
import { summarize, type Forecast } from '../../engine/summary.js';
import { InputError } from '../../io/errors.js';
import { loadScenario, PACKAGE_ROOT, type LoadedFile } from '../../io/load.js';
import { renderChart } from '../../report/chart.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson, type Manifest } from '../../report/json.js';
import { renderTable } from '../../report/table.js';
import { count } from '../../report/format.js';
import type { CliContext } from '../context.js';
import { emit } from '../output.js';
import { poolFor, simulateRange, type WorkerPool } from '../parallel.js';
import { createProgress } from '../progress.js';
import { VERSION } from '../version.js';

export const DEFAULT_SAMPLES = 100_000;
export const FORMATS = ['table', 'csv', 'json'] as const;
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
  quiet?: boolean;
}

/** A path as shown in outputs: bundled files by their place in the package, others relative to the working folder. */
export function displayPath(ctx: CliContext, path: string): string {
  const inPackage = relative(PACKAGE_ROOT, path);
  if (!inPackage.startsWith('..') && !inPackage.startsWith('/')) return `bioanchors:${inPackage}`;
  return relative(ctx.cwd, path) || path;
}

export interface ScenarioRun {
  forecast: Forecast;
  manifest: Manifest;
}

const roundUpToChunks = (n: number) => Math.ceil(n / CHUNK_SIZE) * CHUNK_SIZE;

export async function runScenario(
  ctx: CliContext,
  ref: string,
  options: Pick<RunOptions, 'samples' | 'seed' | 'horizon' | 'set' | 'targetSe' | 'maxSamples' | 'quiet'>,
  pool?: WorkerPool,
): Promise<ScenarioRun> {
  const sets = [...options.set, ...(options.horizon !== undefined ? [`horizonYear=${options.horizon}`] : [])];
  const loaded = loadScenario(ref, { sets });
  const plan = planScenario(loaded.scenario);
  const target = options.targetSe;
  // With a precision target the run grows by whole chunks, so its result is the same as a plain
  // run of the final number of worlds.
  let samples = target ? Math.min(roundUpToChunks(options.samples), options.maxSamples) : options.samples;
  const progress = createProgress(ctx, Boolean(options.quiet), loaded.scenario.id);
  let counts = await simulateRange(plan, options.seed, samples, 0, chunkCount(samples), pool, (done) => progress.update(done, samples));
  checkFinite(ctx, loaded.files, counts);
  let forecast = summarize(plan, counts, options.seed);
  while (target && !meetsTarget(forecast, target)) {
    if (samples >= options.maxSamples) {
      if (!options.quiet) ctx.stderr.write(`bioanchors: target standard error not reached with --max-samples ${options.maxSamples} worlds; reporting what that gives\n`);
      break;
    }
    const next = Math.min(options.maxSamples, roundUpToChunks(Math.max(worldsNeeded(forecast, target) * 1.05, samples * 1.25)));
    const before = samples;
    const more = await simulateRange(plan, options.seed, next, chunkCount(before), chunkCount(next), pool, (done) => progress.update(before + done, next));
    mergeCounts(counts, more);
    samples = next;
    checkFinite(ctx, loaded.files, counts);
    forecast = summarize(plan, counts, options.seed);
  }
  progress.stop();
  if (target && !options.quiet) ctx.stderr.write(`${loaded.scenario.id}: ${count(samples)} worlds for the target standard error\n`);
  const manifest: Manifest = {
    tool: 'bioanchors',
    version: VERSION,
    scenario: loaded.scenario.id,
    seed: options.seed,
    samples,
    files: loaded.files.map((f: LoadedFile) => ({ path: displayPath(ctx, f.path), sha256: f.sha256 })),
    sets,
    ...(target ? { targetSe: target } : {}),
  };
  return { forecast, manifest };
}

function checkFinite(ctx: CliContext, files: LoadedFile[], counts: Counts): void {
  if (counts.nonFinite === 0) return;
  const example = counts.firstNonFinite!;
  const values = Object.entries(example.values).map(([k, v]) => `${k}=${v}`).join(', ');
  const anchorFile = files.find((f) => f.path.endsWith(`${example.anchorId}.json`));
  throw new InputError([
    {
      file: anchorFile ? displayPath(ctx, anchorFile.path) : example.anchorId,
      message: `the formula gave a non-finite requirement in ${counts.nonFinite} of ${counts.worlds} worlds (e.g. with ${values}); bound the variables (truncate) or change the formula`,
    },
  ]);
}

export async function runCommand(ctx: CliContext, refs: string[], options: RunOptions): Promise<void> {
  const scenarios = refs.length ? refs : ['cotra-2020'];
  const runs: ScenarioRun[] = [];
  // Workers start now, while the main thread reads the files.
  const pool = poolFor(options.threads, options.targetSe ? options.maxSamples : options.samples);
  try {
    for (const ref of scenarios) runs.push(await runScenario(ctx, ref, options, pool));
  } finally {
    await pool?.close();
  }
  let content: string;
  switch (options.format) {
    case 'csv':
      content = runs.map((r, i) => (i === 0 ? renderCsv(r.forecast) : renderCsv(r.forecast).split('\n').slice(1).join('\n'))).join('');
      break;
    case 'json':
      content = runs.length === 1 ? renderJson(runs[0].forecast, runs[0].manifest) : `[\n${runs.map((r) => renderJson(r.forecast, r.manifest).trimEnd()).join(',\n')}\n]\n`;
      break;
    case 'table': {
      const chart = options.chart ?? (Boolean(ctx.stdout.isTTY) && options.output === undefined);
      content = runs.map((r) => renderTable(r.forecast, { chart: chart ? renderChart(r.forecast, ctx.stdout.columns ?? 80) : undefined })).join('\n');
      break;
    }
  }
  emit(ctx, content, options.output);
  if (options.output !== undefined && !options.quiet) ctx.stderr.write(`wrote ${options.output} (${options.format}, seed ${options.seed}, ${runs.map((r) => r.forecast.samples).join(' + ')} worlds)\n`);
}

export { DEFAULT_SEED };
