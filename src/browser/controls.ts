/**
 * Every belief of a loaded scenario as a control of the explore page: each anchor's weight, each
 * anchor's named variables (a variable several anchors share with the same distribution is one
 * control, `variables.<name>`), every growth and algorithmic-progress parameter, the caps and the
 * years. Each control is named by the path `--set` takes (model/paths.ts, and the weights and
 * variables io/load.ts's parseSets accepts), carries its value as the files give it (a number, a
 * distribution as written in a file, a formula, a cap's kind) and the file's own source text, so
 * a reader's change is one `--set path=value`, applied by the same loader as the command line.
 */
import type { ScenarioInput } from '../api/input.js';
import { files } from '../io/files.js';
import type { Param, Scenario } from '../model/scenario.js';
import type { Distribution } from '../model/distribution.js';

/** What a control edits: a weight (0–1), a parameter (point, distribution or formula), a year, a cap's kind. */
export type ControlKind = 'weight' | 'param' | 'year' | 'cap';

/** A value as a scenario file writes it. */
export type FileValue = number | string | Distribution | { formula: string };

export interface Control {
  /** As `--set` takes it: `anchors.lifetime.weight`, `spending.doublingYears`. */
  path: string;
  /** The heading it sits under (an anchor's label, "Price-performance", …). */
  group: string;
  /** Its name, as the files name it: `weight`, `doublingYears`, `brainLog10FlopPerS`. */
  label: string;
  kind: ControlKind;
  /** Units, as the file states them. */
  unit: string;
  /** The value as loaded; absent for a general value the scenario leaves to each anchor. */
  value?: FileValue;
  /** What the files say about it: description and source. */
  about: string;
  /** For a per-anchor algorithmic value: the general path that stands in for it when set. */
  general?: string;
}

export interface ScenarioControls {
  /** The scenario as given on the command line (bundled id or file): what the link, the command and the downloaded file name. */
  ref: string;
  /** What the page's worker loads: the same id, or the file's path among the page's files. */
  load: string;
  id: string;
  label: string;
  description: string;
  startYear: number;
  horizonYear: number;
  /** Weight left to "no anchor" (never) as loaded. */
  noneWeight: number;
  anchors: { id: string; label: string; weight: number }[];
  controls: Control[];
}

const fileValue = (p: Param): FileValue | undefined => {
  if (p.kind === 'point') return Number.isFinite(p.value) ? p.value : undefined;
  if (p.kind === 'dist') return withoutMeta(p.dist);
  return { formula: p.formula.source };
};

/** A distribution's numbers only: unit, description and source stay in the files (an override's unit must match, so it is left out). */
function withoutMeta(d: Distribution): Distribution {
  const { unit: _u, description: _d, source: _s, ...rest } = d as Distribution & Record<string, unknown>;
  if (rest.dist === 'mixture') return { ...rest, components: (rest.components as Distribution[]).map(withoutMeta) } as Distribution;
  return rest as Distribution;
}

type Doc = Record<string, unknown>;
const objectAt = (v: unknown): Doc => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The units and description of each growth parameter (as the scenario schema describes them). */
const GROWTH: Record<string, { group: string; fields: [string, ControlKind, string, string][] }> = {
  pricePerformance: {
    group: 'Price-performance (FLOP per dollar)',
    fields: [
      ['log10FlopPerUsd', 'param', 'log10 FLOP/$', 'log10 FLOP per dollar in `year`.'],
      ['year', 'year', 'year', 'Year of log10FlopPerUsd.'],
      ['doublingYears', 'param', 'years', 'Years for FLOP per dollar to double.'],
      ['maxLog10FlopPerUsd', 'param', 'log10 FLOP/$', 'Level FLOP per dollar levels off at (log10).'],
      ['cap', 'cap', 'hard or soft', 'hard: min(trend, cap). soft: 1/(1/trend + 1/cap) in linear units (half the cap where they meet).'],
    ],
  },
  spending: {
    group: 'Spending on the largest run',
    fields: [
      ['log10UsdPerRun', 'param', 'log10 $', 'log10 dollars spent on the largest training run in `year`.'],
      ['year', 'year', 'year', 'Year of log10UsdPerRun.'],
      ['doublingYears', 'param', 'years', "Years for the largest run's budget to double."],
      ['log10GdpUsd', 'param', 'log10 $', 'log10 GDP (USD) of the largest economy in gdpYear.'],
      ['gdpYear', 'year', 'year', 'Year of log10GdpUsd.'],
      ['gdpGrowthPerYear', 'param', 'per year', 'GDP growth rate per year, e.g. 0.03.'],
      ['maxGdpFraction', 'param', 'fraction of GDP', 'Largest share of that GDP one training run may cost, e.g. 0.01.'],
      ['cap', 'cap', 'hard or soft', 'hard: min(trend, cap). soft: 1/(1/trend + 1/cap) in linear units (half the cap where they meet).'],
    ],
  },
  computeCeiling: {
    group: 'Compute ceiling (power and chips)',
    fields: [
      ['log10FlopPerRun', 'param', 'log10 FLOP', 'log10 FLOP of the largest training run that power and chips allow in `year`, whatever the budget.'],
      ['year', 'year', 'year', 'Year of log10FlopPerRun.'],
      ['doublingYears', 'param', 'years', 'Years for the ceiling to double.'],
      ['cap', 'cap', 'hard or soft', 'hard: min(trend, cap). soft: 1/(1/trend + 1/cap) in linear units.'],
    ],
  },
};
const ALGORITHMIC: [string, ControlKind, string, string][] = [
  ['halvingYears', 'param', 'years', 'Years for the FLOP a given model needs to halve.'],
  ['maxOom', 'param', 'OOM', 'Largest total reduction, in orders of magnitude.'],
  ['cap', 'cap', 'hard or soft', 'How the reduction levels off at maxOom: hard (min) or soft.'],
];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The controls of a loaded scenario, in the order the page shows them. */
export function scenarioControls(input: ScenarioInput): ScenarioControls {
  const s: Scenario = input.loaded.scenario;
  const merged = input.loaded.merged as unknown as Doc;
  const controls: Control[] = [];
  const about = (...parts: unknown[]) =>
    parts
      .map(text)
      .filter((t) => t !== '')
      .join('\n');
  // The anchor files as read (declared variables carry the description and source).
  const anchorFiles = new Map<string, Doc>();
  for (const f of input.loaded.files) {
    try {
      const doc = JSON.parse(new TextDecoder().decode(files().read(f.path))) as Doc;
      if (typeof doc.formula === 'string' && typeof doc.id === 'string') anchorFiles.set(doc.id, doc);
    } catch {
      // A file the loader read and parsed (JSONC comments are allowed there): its texts are only shown, so none is fine.
    }
  }
  const declaredBy = new Map<string, string[]>();
  for (const a of s.anchors) for (const v of a.anchor.variables) declaredBy.set(v.name, [...(declaredBy.get(v.name) ?? []), a.anchor.id]);
  const variableOf = (id: string, name: string) => s.anchors.find((a) => a.anchor.id === id)?.anchor.variables.find((v) => v.name === name);
  // A variable is shared when several anchors declare it and all draw it from the same distribution.
  const shared = [...declaredBy.entries()].filter(
    ([name, ids]) => ids.length > 1 && ids.every((id) => sameValue(withoutMeta(variableOf(id, name)!.dist), withoutMeta(variableOf(ids[0], name)!.dist))),
  );
  const sharedNames = new Set(shared.map(([name]) => name));
  const variableAbout = (id: string, name: string) => {
    const declared = objectAt(objectAt(anchorFiles.get(id)?.variables)[name]);
    const override = objectAt(objectAt(objectAt(objectAt(merged.anchors)[id]).variables)[name]);
    const general = objectAt(objectAt(merged.variables)[name]);
    return about(declared.description, declared.source && `Source: ${declared.source}`, text(general.source) || text(override.source));
  };

  for (const a of s.anchors) {
    const id = a.anchor.id;
    const group = `${a.anchor.label} [${id}]`;
    const entry = objectAt(objectAt(merged.anchors)[id]);
    controls.push({ path: `anchors.${id}.weight`, group, label: 'weight', kind: 'weight', unit: 'probability', value: a.weight, about: about(entry.note) });
    for (const v of a.anchor.variables) {
      if (sharedNames.has(v.name)) continue;
      controls.push({
        path: `anchors.${id}.variables.${v.name}`,
        group,
        label: v.name,
        kind: 'param',
        unit: v.unit,
        value: fileValue(v.dist.dist === 'point' ? { kind: 'point', value: v.dist.value } : { kind: 'dist', dist: v.dist }),
        about: variableAbout(id, v.name),
      });
    }
    const algo = objectAt(entry.algorithmicProgress);
    for (const [field, kind, unit, description] of ALGORITHMIC) {
      const value = field === 'cap' ? a.algorithmicProgress.cap : fileValue(a.algorithmicProgress[field as 'halvingYears' | 'maxOom']);
      controls.push({
        path: `anchors.${id}.algorithmicProgress.${field}`,
        group,
        label: `algorithmicProgress.${field}`,
        kind,
        unit,
        value,
        about: about(description, algo.source),
        general: `algorithmicProgress.${field}`,
      });
    }
  }
  for (const [name, ids] of shared) {
    const v = variableOf(ids[0], name)!;
    controls.push({
      path: `variables.${name}`,
      group: `Shared by ${ids.join(', ')}`,
      label: name,
      kind: 'param',
      unit: v.unit,
      value: fileValue(v.dist.dist === 'point' ? { kind: 'point', value: v.dist.value } : { kind: 'dist', dist: v.dist }),
      about: variableAbout(ids[0], name),
    });
  }
  const generalAlgo = objectAt(merged.algorithmicProgress);
  const algoGroup = 'Algorithmic progress (every anchor)';
  controls.push({
    path: 'algorithmicProgress.startYear',
    group: algoGroup,
    label: 'startYear',
    kind: 'year',
    unit: 'year',
    value: s.anchors[0]?.algorithmicProgress.startYear,
    about: about('Year whose algorithms the requirements are stated in (no progress before it).', generalAlgo.source),
  });
  for (const [field, kind, unit, description] of ALGORITHMIC) {
    const given = generalAlgo[field];
    controls.push({
      path: `algorithmicProgress.${field}`,
      group: algoGroup,
      label: field,
      kind,
      unit,
      // Only a value the scenario gives for every anchor; otherwise each anchor's own stands.
      ...(given !== undefined ? { value: given as FileValue } : {}),
      about: about(description, 'Set here, it replaces every anchor’s own value (an anchor’s own control, set too, wins).', generalAlgo.source),
    });
  }
  for (const [section, { group, fields }] of Object.entries(GROWTH)) {
    const curve = (s as unknown as Record<string, Record<string, unknown> | undefined>)[section];
    if (!curve) continue;
    const doc = objectAt(merged[section]);
    for (const [field, kind, unit, description] of fields) {
      const raw = curve[field];
      const value = kind === 'param' ? fileValue(raw as Param) : (raw as number | string);
      if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
      controls.push({ path: `${section}.${field}`, group, label: field, kind, unit, value, about: about(description, doc.source) });
    }
  }
  controls.push(
    { path: 'startYear', group: 'Years', label: 'startYear', kind: 'year', unit: 'year', value: s.startYear, about: 'First year of the forecast.' },
    {
      path: 'horizonYear',
      group: 'Years',
      label: 'horizonYear',
      kind: 'year',
      unit: 'year',
      value: s.horizonYear,
      about: 'Last year simulated; worlds that have not arrived by then are "not by horizon".',
    },
  );
  return {
    ref: input.ref,
    load: input.ref,
    id: s.id,
    label: s.label,
    description: s.description,
    startYear: s.startYear,
    horizonYear: s.horizonYear,
    noneWeight: s.noneWeight,
    anchors: s.anchors.map((a) => ({ id: a.anchor.id, label: a.anchor.label, weight: a.weight })),
    controls,
  };
}
