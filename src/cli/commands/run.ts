/** `bioanchors run`: the forecast of one or more scenarios. */
import { relative } from 'node:path';
import { planScenario, simulate, DEFAULT_SEED } from '../../engine/simulate.js';
import { summarize, type Forecast } from '../../engine/summary.js';
import { InputError } from '../../io/errors.js';
import { loadScenario, PACKAGE_ROOT, type LoadedFile } from '../../io/load.js';
import { renderChart } from '../../report/chart.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson, type Manifest } from '../../report/json.js';
import { renderTable } from '../../report/table.js';
import type { CliContext } from '../context.js';
import { emit } from '../output.js';
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

export function runScenario(ctx: CliContext, ref: string, options: Pick<RunOptions, 'samples' | 'seed' | 'horizon' | 'set'>, onProgress?: (done: number, total: number) => void): ScenarioRun {
  const sets = [...options.set, ...(options.horizon !== undefined ? [`horizonYear=${options.horizon}`] : [])];
  const loaded = loadScenario(ref, { sets });
  const plan = planScenario(loaded.scenario);
  const counts = simulate(plan, { samples: options.samples, seed: options.seed, onProgress });
  if (counts.nonFinite > 0) {
    const example = counts.firstNonFinite!;
    const values = Object.entries(example.values).map(([k, v]) => `${k}=${v}`).join(', ');
    const anchorFile = loaded.files.find((f) => f.path.endsWith(`${example.anchorId}.json`));
    throw new InputError([
      {
        file: anchorFile ? displayPath(ctx, anchorFile.path) : example.anchorId,
        message: `the formula gave a non-finite requirement in ${counts.nonFinite} of ${counts.worlds} worlds (e.g. with ${values}); bound the variables (truncate) or change the formula`,
      },
    ]);
  }
  const forecast = summarize(plan, counts, options.seed);
  const manifest: Manifest = {
    tool: 'bioanchors',
    version: VERSION,
    scenario: loaded.scenario.id,
    seed: options.seed,
    samples: options.samples,
    files: loaded.files.map((f: LoadedFile) => ({ path: displayPath(ctx, f.path), sha256: f.sha256 })),
    sets,
  };
  return { forecast, manifest };
}

export function runCommand(ctx: CliContext, refs: string[], options: RunOptions): void {
  const scenarios = refs.length ? refs : ['cotra-2020'];
  const runs = scenarios.map((ref) => runScenario(ctx, ref, options));
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
  if (options.output !== undefined && !options.quiet) ctx.stderr.write(`wrote ${options.output} (${options.format}, seed ${options.seed}, ${options.samples} worlds)\n`);
}

export { DEFAULT_SEED };
