/**
 * A scenario: anchor weights, the three growth curves (and an optional ceiling on the largest run), the years, and overrides of anchor
 * variables. A scenario file may extend another and change only what differs.
 */
import * as z from 'zod';
import { buildAnchor, IDENTIFIER, SLUG, type Anchor, type AnchorFile } from './anchor.js';
import { distributionSchema, finite, type Distribution } from './distribution.js';
import { checkDomain, parseFormula, type ParsedFormula, type Range } from './formula.js';
import type { Checked, Issue } from './issues.js';
import { drawProblem, supportOf } from './support.js';

const formulaParam = z
  .strictObject({
    formula: z.string().min(1).describe('mathjs expression; may use "requirement" (the world\'s log10 FLOP requirement).'),
    description: z.string().optional(),
    source: z.string().optional(),
  })
  .describe('A value computed per world from its requirement.');

/** A growth parameter: a number, a distribution (drawn once per world), or (where allowed) a formula. */
const param = z.union([finite, distributionSchema('override')]);
const paramOrFormula = z.union([finite, distributionSchema('override'), formulaParam]);
export type ParamInput = z.infer<typeof paramOrFormula>;

const year = z.number().int('a year is a whole number').min(1900).max(3000);
const cap = z.enum(['hard', 'soft']).describe('hard: min(trend, cap). soft: 1/(1/trend + 1/cap) in linear units (half the cap where they meet).');

const pricePerformance = z
  .strictObject({
    log10FlopPerUsd: param.optional().describe('log10 FLOP per dollar in `year`.'),
    year: year.optional().describe('Year of log10FlopPerUsd.'),
    doublingYears: param.optional().describe('Years for FLOP per dollar to double.'),
    maxLog10FlopPerUsd: param.optional().describe('Level FLOP per dollar levels off at (log10).'),
    cap: cap.optional(),
    source: z.string().optional(),
  })
  .describe('Hardware price-performance: FLOP bought per dollar.');

const spending = z
  .strictObject({
    log10UsdPerRun: param.optional().describe('log10 dollars spent on the largest training run in `year`.'),
    year: year.optional().describe('Year of log10UsdPerRun.'),
    doublingYears: param.optional().describe("Years for the largest run's budget to double."),
    log10GdpUsd: param.optional().describe('log10 GDP (USD) of the largest economy in gdpYear.'),
    gdpYear: year.optional(),
    gdpGrowthPerYear: param.optional().describe('GDP growth rate per year, e.g. 0.03.'),
    maxGdpFraction: param.optional().describe('Largest share of that GDP one training run may cost, e.g. 0.01.'),
    cap: cap.optional(),
    source: z.string().optional(),
  })
  .describe('Willingness to spend on the largest single training run.');

const computeCeiling = z
  .strictObject({
    log10FlopPerRun: param.optional().describe('log10 FLOP of the largest training run that power and chips allow in `year`, whatever the budget.'),
    year: year.optional().describe('Year of log10FlopPerRun.'),
    doublingYears: param.optional().describe('Years for the ceiling to double; leave it out for a ceiling that stays where it is.'),
    cap: cap.optional(),
    source: z.string().optional(),
  })
  .describe(
    'Optional: a physical ceiling on the largest training run (power, chips). It caps the affordable FLOP (spending × FLOP per dollar), before algorithmic progress.',
  );

const algorithmicProgressFields = {
  halvingYears: paramOrFormula.optional().describe('Years for the FLOP a given model needs to halve.'),
  maxOom: paramOrFormula.optional().describe('Largest total reduction, in orders of magnitude.'),
  cap: cap.optional(),
  source: z.string().optional(),
};
const algorithmicProgress = z
  .strictObject({
    startYear: year.optional().describe('Year whose algorithms the requirements are stated in (no progress before it).'),
    ...algorithmicProgressFields,
  })
  .describe('Algorithmic progress: the defaults for every anchor.');

const variableOverrides = z.record(z.string().regex(IDENTIFIER, 'a variable name must be an identifier'), z.union([finite, distributionSchema('override')]));

const anchorEntry = z.strictObject({
  weight: finite.optional().describe('Probability that this anchor is the right one (0 to 1).'),
  variables: variableOverrides.optional().describe("Replace some of this anchor's variables."),
  algorithmicProgress: z.strictObject(algorithmicProgressFields).optional().describe("This anchor's algorithmic progress, if it differs."),
  note: z.string().optional(),
});

export const scenarioFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of scenario.schema.json, for editors.'),
    id: z.string().regex(SLUG, 'an id is lower-case letters, digits and dashes'),
    label: z.string().optional(),
    description: z.string().optional(),
    sources: z.array(z.string()).optional(),
    extends: z.string().min(1).optional().describe('A scenario id, or a path to a scenario file, whose values this one starts from.'),
    startYear: year.optional().describe('First year of the forecast.'),
    horizonYear: year.optional().describe('Last year simulated; worlds that have not arrived by then are "not by horizon".'),
    anchors: z
      .record(z.string().regex(SLUG, 'an anchor id is lower-case letters, digits and dashes'), anchorEntry)
      .optional()
      .describe('Anchor ids with their weights; weight not given to anchors goes to "no anchor" (never).'),
    variables: variableOverrides.optional().describe('Replace a variable in every anchor that declares it (e.g. brain FLOP/s).'),
    pricePerformance: pricePerformance.optional(),
    spending: spending.optional(),
    computeCeiling: computeCeiling.optional(),
    algorithmicProgress: algorithmicProgress.optional(),
    notes: z.string().optional(),
  })
  .describe('A scenario of the biological anchors model.');

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export type Param = { kind: 'point'; value: number } | { kind: 'dist'; dist: Distribution } | { kind: 'formula'; formula: ParsedFormula };

export type Cap = 'hard' | 'soft';

export interface PricePerformance {
  log10FlopPerUsd: Param;
  year: number;
  doublingYears: Param;
  maxLog10FlopPerUsd: Param;
  cap: Cap;
}
export interface Spending {
  log10UsdPerRun: Param;
  year: number;
  doublingYears: Param;
  log10GdpUsd: Param;
  gdpYear: number;
  gdpGrowthPerYear: Param;
  maxGdpFraction: Param;
  cap: Cap;
}
/** A ceiling on the largest run's log10 FLOP; doublingYears is Infinity for a fixed ceiling. */
export interface ComputeCeiling {
  log10FlopPerRun: Param;
  year: number;
  doublingYears: Param;
  cap: Cap;
}
export interface AlgorithmicProgress {
  startYear: number;
  halvingYears: Param;
  maxOom: Param;
  cap: Cap;
}
export interface WeightedAnchor {
  anchor: Anchor;
  weight: number;
  algorithmicProgress: AlgorithmicProgress;
}
export interface Scenario {
  id: string;
  label: string;
  description: string;
  sources: string[];
  startYear: number;
  horizonYear: number;
  anchors: WeightedAnchor[];
  /** Weight on "no anchor": 2020-style methods never suffice. */
  noneWeight: number;
  pricePerformance: PricePerformance;
  spending: Spending;
  /** Absent: no ceiling but the ones on FLOP per dollar and spending. */
  computeCeiling?: ComputeCeiling;
}

/** The weight on "no anchor" left by anchors whose weights add up to `weightSum` (at most 1, checked). */
export function noneWeightOf(weightSum: number): number {
  return Math.max(0, 1 - weightSum);
}

/** Whether every growth parameter is a single value (the spreadsheet's setting). */
export function curvesArePoints(s: Scenario): boolean {
  const params: Param[] = [
    s.pricePerformance.log10FlopPerUsd,
    s.pricePerformance.doublingYears,
    s.pricePerformance.maxLog10FlopPerUsd,
    s.spending.log10UsdPerRun,
    s.spending.doublingYears,
    s.spending.log10GdpUsd,
    s.spending.gdpGrowthPerYear,
    s.spending.maxGdpFraction,
    ...(s.computeCeiling ? [s.computeCeiling.log10FlopPerRun, s.computeCeiling.doublingYears] : []),
    ...s.anchors.flatMap((a) => [a.algorithmicProgress.halvingYears, a.algorithmicProgress.maxOom]),
  ];
  return params.every((p) => p.kind === 'point');
}

const WEIGHT_TOLERANCE = 1e-9;

/**
 * Turns a merged scenario document (valid against scenarioFileSchema) and the anchor files it
 * names into a Scenario, checking what the schema cannot: completeness, weights, ranges.
 */
export function buildScenario(
  doc: ScenarioFile,
  anchorFiles: Record<string, AnchorFile>,
  closest: (a: string, b: readonly string[]) => string | undefined,
): Checked<Scenario> & { anchorIssues?: Record<string, Issue[]> } {
  const issues: Issue[] = [];
  const anchorIssues: Record<string, Issue[]> = {};
  const required = <T>(value: T | undefined, path: (string | number)[], what: string, related?: (string | number)[][]): T => {
    if (value === undefined)
      issues.push({ path, message: `missing: ${what} (set it here or in a scenario this one extends)`, ...(related ? { related } : {}) });
    return value as T;
  };
  const toParam = (
    input: ParamInput | undefined,
    path: (string | number)[],
    what: string,
    valid: (r: Range) => string | undefined,
    related?: (string | number)[][],
  ): Param => {
    const value = required(input, path, what, related);
    if (value === undefined) return { kind: 'point', value: NaN };
    let param: Param;
    let range: Range;
    if (typeof value === 'number') {
      param = { kind: 'point', value };
      range = { lo: value, hi: value };
    } else if ('formula' in value) {
      const parsed = parseFormula(value.formula, ['requirement'], closest);
      if (!parsed.ok) {
        issues.push({ path: [...path, 'formula'], message: parsed.message });
        return { kind: 'point', value: NaN };
      }
      const domain = checkDomain(parsed.formula.expr, { requirement: { lo: -Infinity, hi: Infinity } });
      if (domain.problem) issues.push({ path: [...path, 'formula'], message: `the formula can be undefined: ${domain.problem}` });
      param = { kind: 'formula', formula: parsed.formula };
      range = domain.range;
    } else {
      param = value.dist === 'point' ? { kind: 'point', value: value.value } : { kind: 'dist', dist: value };
      range = supportOf(value);
      const problem = drawProblem(value);
      if (problem) {
        issues.push({ path: [...path, 'truncate'], message: `${what}: ${problem}` });
        return { kind: 'point', value: NaN };
      }
    }
    const problem = valid(range);
    if (problem) {
      const found = range.lo === range.hi ? `found ${range.lo}` : `its values range over [${range.lo}, ${range.hi}]`;
      const fix =
        range.lo === range.hi
          ? ''
          : 'formula' in (value as object)
            ? '; change the formula (clamp(…, lo, hi) bounds it)'
            : '; truncate the distribution or use a lognormal';
      issues.push({ path, message: `${what} ${problem}; ${found}${fix}` });
    }
    return param;
  };
  const positive = (r: Range) => (r.lo > 0 ? undefined : 'must be positive');
  const nonNegative = (r: Range) => (r.lo >= 0 ? undefined : 'must be 0 or more');
  const any = (r: Range) => (Number.isFinite(r.lo) || Number.isFinite(r.hi) || r.lo < r.hi ? undefined : 'must be a number');
  const fraction = (r: Range) => (r.lo > 0 && r.hi <= 1 ? undefined : 'must be above 0 and at most 1');
  const growth = (r: Range) => (r.lo > -1 ? undefined : 'must be above -1 (-100% a year)');

  const startYear = required(doc.startYear, ['startYear'], 'startYear (first year of the forecast)');
  const horizonYear = required(doc.horizonYear, ['horizonYear'], 'horizonYear (last year simulated)');
  if (startYear !== undefined && horizonYear !== undefined && !(horizonYear > startYear)) {
    issues.push({ path: ['horizonYear'], related: [['startYear']], message: `horizonYear (${horizonYear}) must be after startYear (${startYear})` });
  }

  const pp = doc.pricePerformance ?? {};
  const pricePerformance: PricePerformance = {
    log10FlopPerUsd: toParam(pp.log10FlopPerUsd, ['pricePerformance', 'log10FlopPerUsd'], 'pricePerformance.log10FlopPerUsd', any),
    year: required(pp.year, ['pricePerformance', 'year'], 'pricePerformance.year'),
    doublingYears: toParam(pp.doublingYears, ['pricePerformance', 'doublingYears'], 'pricePerformance.doublingYears (a doubling time in years)', positive),
    maxLog10FlopPerUsd: toParam(pp.maxLog10FlopPerUsd, ['pricePerformance', 'maxLog10FlopPerUsd'], 'pricePerformance.maxLog10FlopPerUsd', any),
    cap: pp.cap ?? 'hard',
  };
  const sp = doc.spending ?? {};
  const spending: Spending = {
    log10UsdPerRun: toParam(sp.log10UsdPerRun, ['spending', 'log10UsdPerRun'], 'spending.log10UsdPerRun', any),
    year: required(sp.year, ['spending', 'year'], 'spending.year'),
    doublingYears: toParam(sp.doublingYears, ['spending', 'doublingYears'], 'spending.doublingYears (a doubling time in years)', positive),
    log10GdpUsd: toParam(sp.log10GdpUsd, ['spending', 'log10GdpUsd'], 'spending.log10GdpUsd', any),
    gdpYear: required(sp.gdpYear, ['spending', 'gdpYear'], 'spending.gdpYear'),
    gdpGrowthPerYear: toParam(sp.gdpGrowthPerYear, ['spending', 'gdpGrowthPerYear'], 'spending.gdpGrowthPerYear', growth),
    maxGdpFraction: toParam(sp.maxGdpFraction, ['spending', 'maxGdpFraction'], 'spending.maxGdpFraction', fraction),
    cap: sp.cap ?? 'hard',
  };

  const cc = doc.computeCeiling;
  // A part missing is blamed on the ceiling as a whole (the file or --set that gave the rest of it).
  const ceilingPlace = [['computeCeiling']];
  const computeCeiling: ComputeCeiling | undefined = cc && {
    log10FlopPerRun: toParam(
      cc.log10FlopPerRun,
      ['computeCeiling', 'log10FlopPerRun'],
      'computeCeiling.log10FlopPerRun (log10 FLOP of the largest feasible run)',
      any,
      ceilingPlace,
    ),
    year: required(cc.year, ['computeCeiling', 'year'], 'computeCeiling.year (the year of log10FlopPerRun)', ceilingPlace),
    doublingYears:
      cc.doublingYears === undefined
        ? { kind: 'point', value: Infinity }
        : toParam(
            cc.doublingYears,
            ['computeCeiling', 'doublingYears'],
            'computeCeiling.doublingYears (a doubling time in years; leave it out for a fixed ceiling)',
            positive,
          ),
    cap: cc.cap ?? 'hard',
  };

  const algo = doc.algorithmicProgress ?? {};
  const entries = Object.entries(doc.anchors ?? {});
  if (entries.length === 0) issues.push({ path: ['anchors'], message: 'a scenario needs at least one anchor with a weight' });
  let weightSum = 0;
  const anchors: WeightedAnchor[] = [];
  for (const [id, entry] of entries) {
    const path = ['anchors', id];
    const weight = required(entry.weight, [...path, 'weight'], `the weight of anchor "${id}"`);
    if (weight !== undefined) {
      if (weight < 0 || weight > 1) issues.push({ path: [...path, 'weight'], message: `a weight must be between 0 and 1; found ${weight}` });
      weightSum += weight;
    }
    const file = anchorFiles[id];
    if (!file) {
      const hint = closest(id, Object.keys(anchorFiles));
      issues.push({
        path,
        message: `no anchor "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; known anchors: ${Object.keys(anchorFiles).sort().join(', ')}`,
      });
      continue;
    }
    const declared = Object.keys(file.variables);
    const overrides: Record<string, { dist: Distribution; path: (string | number)[] }> = {};
    const addOverrides = (source: Record<string, number | Distribution> | undefined, basePath: (string | number)[], strict: boolean) => {
      for (const [name, value] of Object.entries(source ?? {})) {
        if (!declared.includes(name)) {
          if (strict) {
            const hint = closest(name, declared);
            issues.push({
              path: [...basePath, name],
              message: `anchor "${id}" has no variable "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; its variables: ${declared.join(', ')}`,
            });
          }
          continue;
        }
        overrides[name] = { dist: typeof value === 'number' ? { dist: 'point', value } : value, path: [...basePath, name] };
      }
    };
    addOverrides(doc.variables, ['variables'], false);
    addOverrides(entry.variables, [...path, 'variables'], true);
    const built = buildAnchor(file, overrides, closest);
    if (!built.ok) {
      // An anchor that is fine on its own but not with the scenario's overrides: the overrides are at fault.
      const fineAlone = Object.keys(overrides).length > 0 && buildAnchor(file, {}, closest).ok;
      for (const issue of built.issues) {
        const fromOverride = Object.values(overrides).find((o) => issue.path.length >= o.path.length && o.path.every((p, i) => issue.path[i] === p));
        if (fromOverride) issues.push(issue);
        else if (fineAlone) {
          const blamed = Object.entries(overrides).map(([name, o]) => ({ name, path: o.path }));
          issues.push({
            path: blamed[0].path,
            related: blamed.slice(1).map((b) => b.path),
            message: `with this scenario's ${blamed.map((b) => b.name).join(', ')}, anchor "${id}" fails: ${issue.message}`,
          });
        } else (anchorIssues[id] ??= []).push(issue);
      }
      continue;
    }
    const own = entry.algorithmicProgress ?? {};
    const algoPath = (key: string): (string | number)[] =>
      own[key as keyof typeof own] !== undefined ? [...path, 'algorithmicProgress', key] : ['algorithmicProgress', key];
    anchors.push({
      anchor: built.value,
      weight: weight ?? 0,
      algorithmicProgress: {
        startYear: required(algo.startYear, ['algorithmicProgress', 'startYear'], 'algorithmicProgress.startYear'),
        halvingYears: toParam(own.halvingYears ?? algo.halvingYears, algoPath('halvingYears'), `algorithmic halving time of "${id}" (years)`, positive, [path]),
        maxOom: toParam(own.maxOom ?? algo.maxOom, algoPath('maxOom'), `algorithmic maxOom of "${id}"`, nonNegative, [path]),
        cap: own.cap ?? algo.cap ?? 'hard',
      },
    });
  }
  for (const name of Object.keys(doc.variables ?? {})) {
    const used = entries.some(([id]) => anchorFiles[id] && Object.hasOwn(anchorFiles[id].variables, name));
    if (!used) {
      const all = [...new Set(entries.flatMap(([id]) => Object.keys(anchorFiles[id]?.variables ?? {})))];
      const hint = closest(name, all);
      issues.push({ path: ['variables', name], message: `no anchor of this scenario declares "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
    }
  }
  if (weightSum > 1 + WEIGHT_TOLERANCE) {
    // 12 significant digits: enough never to read as exactly 1 (it said "add up to 1, more than 1"
    // when rounded to 6 decimals), few enough to hide the rounding of the sum (1.0000000999999998).
    const shown = +weightSum.toPrecision(12);
    const each = entries
      .filter(([, e]) => e.weight !== undefined)
      .map(([id, e]) => `${id} ${e.weight}`)
      .join(' + ');
    issues.push({
      path: ['anchors'],
      message: `anchor weights add up to ${shown} (${each}), more than 1; lower them to add up to at most 1 (the remainder is the weight on "no anchor")`,
    });
  }
  if (issues.length || Object.keys(anchorIssues).length) return { ok: false, issues, anchorIssues };
  return {
    ok: true,
    value: {
      id: doc.id,
      label: doc.label ?? doc.id,
      description: doc.description ?? '',
      sources: doc.sources ?? [],
      startYear,
      horizonYear,
      anchors,
      noneWeight: noneWeightOf(weightSum),
      pricePerformance,
      spending,
      ...(computeCeiling ? { computeCeiling } : {}),
    },
  };
}
