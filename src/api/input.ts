/**
 * A scenario as the API takes it: loaded with its overrides and planned, with what a result needs to
 * say where it came from (the files read and their hashes, the overrides, the seed and worlds).
 */
import type { Counts } from '../engine/counts.js';
import { planFor, type Plan } from '../engine/plan.js';
import type { Forecast } from '../engine/summary.js';
import { YEAR_CONVENTION } from '../model/years.js';
import { closest } from '../io/closest.js';
import { InputError, UsageError } from '../io/errors.js';
import { loadScenario, type LoadedScenario } from '../io/load.js';
import { displayPath, workingFolder } from '../io/paths.js';
import type { Manifest } from '../model/manifest.js';
import { parameterAt, parameterPaths } from '../model/paths.js';
import { VERSION } from '../version.js';

/** How a scenario is loaded: overrides, and the folder relative paths resolve against. */
export interface ScenarioOptions {
  /** `path=value` overrides (as `--set` takes them), applied in order after the files. */
  set?: readonly string[];
  /** The last year to simulate (as `--horizon`). */
  horizon?: number;
  /** The folder relative paths resolve against and outputs show paths relative to (default: the process's). */
  cwd?: string;
}

export interface ScenarioInput {
  /** As given: a bundled id or a file. */
  ref: string;
  /** The overrides it was loaded with. */
  options: { set: string[]; horizon?: number };
  loaded: LoadedScenario;
  plan: Plan;
  /** The overrides as path=value (a horizon as horizonYear=YEAR), for the manifest. */
  sets: string[];
  /** The same as a command line gives them (`--set a.b=1`, `--horizon 2120`), for labelling outputs. */
  overrides: string[];
  /** The folder paths are shown relative to. */
  cwd: string;
}

/** Loads and plans a scenario (an id of a bundled one, or a file) with its overrides. */
export function loadInput(ref: string, options: ScenarioOptions = {}): ScenarioInput {
  const set = options.set ?? [];
  const cwd = options.cwd ?? workingFolder();
  const sets = [...set, ...(options.horizon !== undefined ? [`horizonYear=${options.horizon}`] : [])];
  const overrides = [...set.map((s) => `--set ${s}`), ...(options.horizon !== undefined ? [`--horizon ${options.horizon}`] : [])];
  const loaded = loadScenario(ref, { sets: set, horizon: options.horizon, cwd });
  return { ref, options: { set: [...set], horizon: options.horizon }, loaded, plan: planFor(loaded.scenario), sets, overrides, cwd };
}

/** The files an input reads (scenario chain and anchors). */
export function inputPaths(inputs: readonly ScenarioInput[]): string[] {
  return inputs.flatMap((input) => input.loaded.files.map((f) => f.path));
}

/** What produced a result: tool, version, scenario, seed, worlds, the files read with their hashes, the overrides. */
export function manifestFor(input: ScenarioInput, seed: number, samples: number, extra: Partial<Manifest> = {}): Manifest {
  return {
    tool: 'bioanchors',
    version: VERSION,
    scenario: input.loaded.scenario.id,
    seed,
    samples,
    files: input.loaded.files.map((f) => ({ path: displayPath(f.path, input.cwd), sha256: f.sha256 })),
    sets: input.sets,
    yearConvention: YEAR_CONVENTION,
    ...extra,
  };
}

/**
 * Checks that `path` names a parameter of the input's scenario in the registry (model/paths.ts: a
 * growth or algorithmic-progress value, an anchor's weight, a variable) and that each value is one
 * `--set path=value` accepts there (a doubling time above 0, a fraction at most 1, weights adding up
 * to at most 1, …): a usage error naming `option` otherwise, with the paths or values accepted.
 */
export function checkParameterValues(input: ScenarioInput, option: string, path: string, values: readonly number[]): void {
  const scenario = input.loaded.scenario;
  if (!parameterAt(scenario, path)) {
    const known = parameterPaths(scenario);
    const hint = closest(path, known);
    const shown = known.filter((p) => !p.startsWith('anchors.') && !p.startsWith('variables.'));
    const ids = scenario.anchors.map((a) => a.anchor.id).join(', ');
    const names = [...new Set(scenario.anchors.flatMap((a) => a.anchor.variables.map((v) => v.name)))].join(', ');
    throw new UsageError(
      `${option}: ${path} is not a parameter of ${scenario.id}${hint ? ` (did you mean "${hint}"?)` : ''}; one of ${shown.join(', ')}, ` +
        `anchors.<id>.algorithmicProgress.halvingYears or .maxOom, anchors.<id>.weight, variables.<name> or anchors.<id>.variables.<name> (anchors: ${ids}; variables: ${names})`,
    );
  }
  for (const value of values) checkVariant(input, option, [`${path}=${value}`], `${value} is not a value it can take`);
}

/**
 * Why a path's values cannot move a forecast, if they cannot: a variable or an algorithmic value
 * of anchors that all have no weight (no world takes them). null when they can.
 */
export function unweightedPathNote(input: ScenarioInput, path: string): string | null {
  const scenario = input.loaded.scenario;
  const ref = parameterAt(scenario, path);
  if (!ref || ref.kind === 'growth' || ref.kind === 'weight') return null;
  const ids = ref.anchorIds === 'all' ? scenario.anchors.map((a) => a.anchor.id) : ref.anchorIds;
  const weighted = scenario.anchors.filter((a) => ids.includes(a.anchor.id) && a.weight > 0);
  if (weighted.length > 0) return null;
  return `${path} concerns only ${ids.length === 1 ? 'anchor' : 'anchors'} ${ids.join(', ')}, with no weight in ${scenario.id}: no world takes ${ids.length === 1 ? 'it' : 'them'}, so its values do not change the figures`;
}

/**
 * Checks that the input's scenario with these `path=value` overrides too is one `--set` accepts: a
 * usage error naming `option` and saying `what` otherwise, with each problem on one line.
 */
export function checkVariant(input: ScenarioInput, option: string, sets: readonly string[], what: string): void {
  try {
    loadScenario(input.ref, { sets: [...input.options.set, ...sets], horizon: input.options.horizon, cwd: input.cwd });
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof InputError)) throw error;
    // One line, each problem without the --set it was blamed on (the option is named first).
    const reason = error.message
      .split('\n')
      .map((line) => line.replace(/^--set( [^:]+)?: /, ''))
      .join('; ');
    throw new UsageError(`${option}: ${what}: ${reason}`);
  }
}

/** A formula that produced NaN or an infinity in some world is a problem of the input files. */
export function checkFinite(input: ScenarioInput, counts: Pick<Counts, 'nonFinite' | 'worlds' | 'firstNonFinite'>): void {
  if (counts.nonFinite === 0) return;
  const example = counts.firstNonFinite!;
  const values = Object.entries(example.values)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const anchorFile = input.loaded.files.find((f) => f.path.endsWith(`${example.anchorId}.json`));
  // When the scenario (or --set) replaced some of those variables, the replacement is what to look at.
  const merged = input.loaded.merged;
  const overridden = Object.keys(example.values).filter(
    (name) => Object.hasOwn(merged.variables ?? {}, name) || Object.hasOwn(merged.anchors?.[example.anchorId]?.variables ?? {}, name),
  );
  const message = `the formula of anchor "${example.anchorId}" gave a non-finite requirement in ${counts.nonFinite} of ${counts.worlds} worlds (e.g. with ${values}); bound the variables (truncate) or change the formula`;
  if (overridden.length) {
    throw new InputError([
      { file: displayPath(input.loaded.files[0].path, input.cwd), message: `${message}: this scenario replaces ${overridden.join(', ')}` },
    ]);
  }
  throw new InputError([{ file: anchorFile ? displayPath(anchorFile.path, input.cwd) : example.anchorId, message }]);
}

/** A no-TAI-by year must leave at least one year to forecast. */
export function checkGivenYear(plan: Plan, year: number | undefined): void {
  if (year === undefined) return;
  const { startYear, horizonYear } = plan.scenario;
  if (year < startYear || year >= horizonYear) {
    throw new UsageError(`--given-no-tai-by ${year} must be from ${startYear} (the scenario's first year) to ${horizonYear - 1} (a year before its horizon)`);
  }
}

/** Fewer worlds than this left after conditioning or weighting and the answer is mostly noise. */
export const MIN_KEPT_WORLDS = 1000;

export function checkKept(f: Forecast): void {
  const c = f.condition;
  if (!c || c.keptWorlds >= MIN_KEPT_WORLDS) return;
  throw new UsageError(
    `only ${c.keptWorlds} worlds (${(c.keptShare * 100).toPrecision(2)}%) have no TAI by ${c.givenNoTaiBy}; at least ${MIN_KEPT_WORLDS} are needed: raise --samples`,
  );
}
