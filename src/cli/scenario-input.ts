/** What the analysis commands share: loading a scenario with overrides, checks, and the manifest. */
import { extname, relative } from 'node:path';
import type { OutputTarget } from './output.js';
import { planScenario, type Plan } from '../engine/plan.js';
import { type Counts } from '../engine/counts.js';
import type { Forecast } from '../engine/summary.js';
import { YEAR_CONVENTION } from '../engine/years.js';
import { InputError, UsageError } from '../io/errors.js';
import { loadScenario, PACKAGE_ROOT, type LoadedScenario } from '../io/load.js';
import type { Manifest } from '../report/json.js';
import type { CliContext } from './context.js';
import { VERSION } from './version.js';

/** A path as shown in outputs: bundled files by their place in the package, others relative to the working folder. */
export function displayPath(ctx: CliContext, path: string): string {
  const inPackage = relative(PACKAGE_ROOT, path);
  if (!inPackage.startsWith('..') && !inPackage.startsWith('/')) return `bioanchors:${inPackage}`;
  return relative(ctx.cwd, path) || path;
}

export interface ScenarioOptions {
  set: string[];
  horizon?: number;
}

/** The options every analysis command takes (see `common` in main.ts). */
export interface CommonOptions extends ScenarioOptions {
  samples: number;
  seed: number;
  output?: string;
  quiet?: boolean;
  format?: 'table' | 'csv' | 'json';
}

export interface Input {
  loaded: LoadedScenario;
  plan: Plan;
  /** The overrides as path=value (--horizon as horizonYear=YEAR), for the manifest. */
  sets: string[];
  /** The same as typed (`--set a.b=1`, `--horizon 2120`), for labelling outputs. */
  overrides: string[];
}

/** Loads and plans a scenario with the command line's --set and --horizon; says on stderr what a user should know (unless --quiet). */
export function loadInput(ctx: CliContext, ref: string, options: ScenarioOptions & { quiet?: boolean }): Input {
  const sets = [...options.set, ...(options.horizon !== undefined ? [`horizonYear=${options.horizon}`] : [])];
  const overrides = [...options.set.map((s) => `--set ${s}`), ...(options.horizon !== undefined ? [`--horizon ${options.horizon}`] : [])];
  const loaded = loadScenario(ref, { sets: options.set, horizon: options.horizon, cwd: ctx.cwd });
  if (!options.quiet) for (const note of loaded.notes) ctx.stderr.write(`bioanchors: note: ${note}\n`);
  return { loaded, plan: planScenario(loaded.scenario), sets, overrides };
}

/** The files an input reads (scenario chain and anchors): --output may not overwrite them. */
export function inputPaths(inputs: readonly Input[]): string[] {
  return inputs.flatMap((input) => input.loaded.files.map((f) => f.path));
}

export function manifestFor(ctx: CliContext, input: Input, seed: number, samples: number, extra: Partial<Manifest> = {}): Manifest {
  return {
    tool: 'bioanchors',
    version: VERSION,
    scenario: input.loaded.scenario.id,
    seed,
    samples,
    files: input.loaded.files.map((f) => ({ path: displayPath(ctx, f.path), sha256: f.sha256 })),
    sets: input.sets,
    yearConvention: YEAR_CONVENTION,
    ...extra,
  };
}

/**
 * The output format, one rule for every command: as asked with --format; else, with --output, by
 * the file's extension (.csv, .json, anything else a table); else a table on a terminal and CSV
 * when stdout is piped or redirected.
 */
export function formatFor<F extends string>(ctx: CliContext, asked: F | undefined, target: OutputTarget | undefined): F | 'table' | 'csv' | 'json' {
  if (asked !== undefined) return asked;
  if (target !== undefined) {
    const ext = extname(target.display).toLowerCase();
    return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : 'table';
  }
  return ctx.stdout.isTTY ? 'table' : 'csv';
}

/** A formula that produced NaN or an infinity in some world is a problem of the input files. */
export function checkFinite(ctx: CliContext, input: Input, counts: Counts): void {
  if (counts.nonFinite === 0) return;
  const example = counts.firstNonFinite!;
  const values = Object.entries(example.values).map(([k, v]) => `${k}=${v}`).join(', ');
  const anchorFile = input.loaded.files.find((f) => f.path.endsWith(`${example.anchorId}.json`));
  // When the scenario (or --set) replaced some of those variables, the replacement is what to look at.
  const merged = input.loaded.merged;
  const overridden = Object.keys(example.values).filter((name) => Object.hasOwn(merged.variables ?? {}, name) || Object.hasOwn(merged.anchors?.[example.anchorId]?.variables ?? {}, name));
  const message = `the formula of anchor "${example.anchorId}" gave a non-finite requirement in ${counts.nonFinite} of ${counts.worlds} worlds (e.g. with ${values}); bound the variables (truncate) or change the formula`;
  if (overridden.length) {
    throw new InputError([{ file: displayPath(ctx, input.loaded.files[0].path), message: `${message}: this scenario replaces ${overridden.join(', ')}` }]);
  }
  throw new InputError([{ file: anchorFile ? displayPath(ctx, anchorFile.path) : example.anchorId, message }]);
}

/** --given-no-tai-by must leave at least one year to forecast. */
export function checkGivenYear(plan: Plan, year: number | undefined): void {
  if (year === undefined) return;
  const { startYear, horizonYear } = plan.scenario;
  if (year < startYear || year >= horizonYear) {
    throw new UsageError(`--given-no-tai-by ${year} must be from ${startYear} (the scenario's first year) to ${horizonYear - 1} (a year before its horizon)`);
  }
}

/** Fewer worlds than this left after conditioning and the answer is mostly noise. */
export const MIN_KEPT_WORLDS = 1000;

export function checkKept(f: Forecast): void {
  const c = f.condition;
  if (!c || c.keptWorlds >= MIN_KEPT_WORLDS) return;
  throw new UsageError(
    `only ${c.keptWorlds} worlds (${(c.keptShare * 100).toPrecision(2)}%) have no TAI by ${c.givenNoTaiBy}; at least ${MIN_KEPT_WORLDS} are needed: raise --samples`,
  );
}
