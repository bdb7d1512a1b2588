/**
 * The scenario's parameters by the paths users type, in one registry: `--set` writes them,
 * `sensitivity --swing` ranges them and `sweep` varies them, sensitivity lists them as inputs or as
 * "not varied", and the engine reads the growth curves through them. A path means the same thing
 * everywhere: `algorithmicProgress.X` is every anchor's value (see io/load.ts: it replaces the
 * per-anchor values a scenario inherits), `anchors.<id>.algorithmicProgress.X` one anchor's;
 * `anchors.<id>.weight` one anchor's weight (the rest of the total staying with the other anchors,
 * "no anchor" taking up the difference, as `--set` does); `variables.X` the variable X of every
 * anchor that declares it, `anchors.<id>.variables.X` that anchor's.
 */
import { noneWeightOf, type AlgorithmicProgress, type Param, type Scenario } from './scenario.js';

export interface GrowthParameter {
  /** As typed: `spending.doublingYears`. */
  path: string;
  /** The engine's name for it (one random stream per name in paired runs). */
  key:
    | 'log10FlopPerUsd'
    | 'flopPerUsdDoublingYears'
    | 'maxLog10FlopPerUsd'
    | 'log10UsdPerRun'
    | 'spendDoublingYears'
    | 'log10GdpUsd'
    | 'gdpGrowthPerYear'
    | 'maxGdpFraction'
    | 'log10CeilingFlop'
    | 'ceilingDoublingYears';
  /** Its value; for a curve the scenario does not have (the optional ceiling), the value that makes it no curve at all. */
  get: (s: Scenario) => Param;
  set: (s: Scenario, p: Param) => Scenario;
  /** Whether the scenario has this parameter's curve (only the compute ceiling is optional). */
  present: (s: Scenario) => boolean;
}

const price = (field: 'log10FlopPerUsd' | 'doublingYears' | 'maxLog10FlopPerUsd', key: GrowthParameter['key']): GrowthParameter => ({
  path: `pricePerformance.${field}`,
  key,
  get: (s) => s.pricePerformance[field],
  set: (s, p) => ({ ...s, pricePerformance: { ...s.pricePerformance, [field]: p } }),
  present: () => true,
});
const spend = (
  field: 'log10UsdPerRun' | 'doublingYears' | 'log10GdpUsd' | 'gdpGrowthPerYear' | 'maxGdpFraction',
  key: GrowthParameter['key'],
): GrowthParameter => ({
  path: `spending.${field}`,
  key,
  get: (s) => s.spending[field],
  set: (s, p) => ({ ...s, spending: { ...s.spending, [field]: p } }),
  present: () => true,
});
/** Without a ceiling: one at +∞ that never moves, which leaves affordable FLOP as it is. */
const NO_CEILING: Param = { kind: 'point', value: Infinity };
const ceiling = (field: 'log10FlopPerRun' | 'doublingYears', key: GrowthParameter['key']): GrowthParameter => ({
  path: `computeCeiling.${field}`,
  key,
  get: (s) => s.computeCeiling?.[field] ?? NO_CEILING,
  set: (s, p) => {
    if (!s.computeCeiling) throw new Error(`bug: computeCeiling.${field} set on ${s.id}, which has no ceiling (callers check present)`);
    return { ...s, computeCeiling: { ...s.computeCeiling, [field]: p } };
  },
  present: (s) => s.computeCeiling !== undefined,
});

/** The growth curves' parameters, in the order a world draws them. */
export const GROWTH_PARAMETERS: readonly GrowthParameter[] = [
  price('log10FlopPerUsd', 'log10FlopPerUsd'),
  price('doublingYears', 'flopPerUsdDoublingYears'),
  price('maxLog10FlopPerUsd', 'maxLog10FlopPerUsd'),
  spend('log10UsdPerRun', 'log10UsdPerRun'),
  spend('doublingYears', 'spendDoublingYears'),
  spend('log10GdpUsd', 'log10GdpUsd'),
  spend('gdpGrowthPerYear', 'gdpGrowthPerYear'),
  spend('maxGdpFraction', 'maxGdpFraction'),
  ceiling('log10FlopPerRun', 'log10CeilingFlop'),
  ceiling('doublingYears', 'ceilingDoublingYears'),
];

/** Algorithmic-progress values that may be given for every anchor or per anchor. */
export const ALGORITHMIC_FIELDS = ['halvingYears', 'maxOom'] as const;
export type AlgorithmicField = (typeof ALGORITHMIC_FIELDS)[number];
/** All the per-anchor algorithmic keys a general value stands behind (the cap's shape too). */
export const GENERAL_ALGORITHMIC_KEYS = [...ALGORITHMIC_FIELDS, 'cap'] as const;

/**
 * A numeric parameter a path names: which growth parameter, which anchors' algorithmic field, which
 * anchor's weight, or a variable of which anchors (those that declare it).
 */
export type ParameterRef =
  | { kind: 'growth'; parameter: GrowthParameter }
  | { kind: 'algorithmic'; field: AlgorithmicField; anchorIds: string[] | 'all' }
  | { kind: 'weight'; anchorId: string }
  | { kind: 'variable'; name: string; anchorIds: string[] };

/** The anchors of a scenario that declare variable `name`. */
function declaring(scenario: Scenario, name: string): string[] {
  return scenario.anchors.filter((a) => a.anchor.variables.some((v) => v.name === name)).map((a) => a.anchor.id);
}

/** What a path names in a scenario, or undefined. */
export function parameterAt(scenario: Scenario, path: string): ParameterRef | undefined {
  const growth = GROWTH_PARAMETERS.find((g) => g.path === path && g.present(scenario));
  if (growth) return { kind: 'growth', parameter: growth };
  const general = /^algorithmicProgress\.(\w+)$/.exec(path);
  if (general && (ALGORITHMIC_FIELDS as readonly string[]).includes(general[1]))
    return { kind: 'algorithmic', field: general[1] as AlgorithmicField, anchorIds: 'all' };
  const own = /^anchors\.([^.]+)\.algorithmicProgress\.(\w+)$/.exec(path);
  if (own && (ALGORITHMIC_FIELDS as readonly string[]).includes(own[2]) && scenario.anchors.some((a) => a.anchor.id === own[1])) {
    return { kind: 'algorithmic', field: own[2] as AlgorithmicField, anchorIds: [own[1]] };
  }
  const weight = /^anchors\.([^.]+)\.weight$/.exec(path);
  if (weight && scenario.anchors.some((a) => a.anchor.id === weight[1])) return { kind: 'weight', anchorId: weight[1] };
  const variable = /^variables\.([^.]+)$/.exec(path);
  if (variable) {
    const ids = declaring(scenario, variable[1]);
    if (ids.length) return { kind: 'variable', name: variable[1], anchorIds: ids };
  }
  const ownVariable = /^anchors\.([^.]+)\.variables\.([^.]+)$/.exec(path);
  if (ownVariable && declaring(scenario, ownVariable[2]).includes(ownVariable[1]))
    return { kind: 'variable', name: ownVariable[2], anchorIds: [ownVariable[1]] };
  return undefined;
}

/** Every path parameterAt knows for this scenario (for messages and suggestions). */
export function parameterPaths(scenario: Scenario): string[] {
  return [
    ...GROWTH_PARAMETERS.filter((g) => g.present(scenario)).map((g) => g.path),
    ...ALGORITHMIC_FIELDS.map((f) => `algorithmicProgress.${f}`),
    ...scenario.anchors.flatMap((a) => ALGORITHMIC_FIELDS.map((f) => `anchors.${a.anchor.id}.algorithmicProgress.${f}`)),
    ...scenario.anchors.map((a) => `anchors.${a.anchor.id}.weight`),
    ...[...new Set(scenario.anchors.flatMap((a) => a.anchor.variables.map((v) => v.name)))].map((name) => `variables.${name}`),
    ...scenario.anchors.flatMap((a) => a.anchor.variables.map((v) => `anchors.${a.anchor.id}.variables.${v.name}`)),
  ];
}

/** The scenario with the parameter a reference names set to `param`. */
export function setParameter(scenario: Scenario, ref: ParameterRef, param: Param): Scenario {
  if (ref.kind === 'growth') return ref.parameter.set(scenario, param);
  if (ref.kind === 'weight' || ref.kind === 'variable') {
    if (param.kind !== 'point') throw new Error(`bug: a ${ref.kind} is set to a point value only`);
    return ref.kind === 'weight' ? withWeight(scenario, ref.anchorId, param.value) : withVariable(scenario, ref.name, ref.anchorIds, param.value);
  }
  return {
    ...scenario,
    anchors: scenario.anchors.map((a) =>
      ref.anchorIds === 'all' || ref.anchorIds.includes(a.anchor.id)
        ? { ...a, algorithmicProgress: { ...a.algorithmicProgress, [ref.field]: param } as AlgorithmicProgress }
        : a,
    ),
  };
}

/** The scenario with anchor `id` weighing `weight` (the others as they are; "no anchor" takes the difference). */
function withWeight(scenario: Scenario, id: string, weight: number): Scenario {
  const anchors = scenario.anchors.map((a) => (a.anchor.id === id ? { ...a, weight } : a));
  return { ...scenario, anchors, noneWeight: noneWeightOf(anchors.reduce((sum, a) => sum + a.weight, 0)) };
}

/** The scenario with variable `name` of the anchors `ids` at a point value. */
function withVariable(scenario: Scenario, name: string, ids: readonly string[], value: number): Scenario {
  return {
    ...scenario,
    anchors: scenario.anchors.map((a) =>
      ids.includes(a.anchor.id)
        ? { ...a, anchor: { ...a.anchor, variables: a.anchor.variables.map((v) => (v.name === name ? { ...v, dist: { dist: 'point', value } } : v)) } }
        : a,
    ),
  };
}
