/** The hindcast as a table or CSV. */
import { stringify } from 'csv-stringify/sync';
import type { Hindcast, HindcastQuantity } from '../analyses/hindcast.js';
import type { HindcastTrend } from '../api/hindcast.js';
import type { ParameterValue } from '../analyses/hindcast.js';
import { count, padTable } from './format.js';

export const QUANTITY_LABEL: Record<HindcastQuantity, string> = {
  largestRun: 'largest run (log10 FLOP)',
  flopPerUsd: 'FLOP per $ (log10)',
  spending: 'spend on it (log10 $)',
};

export interface HindcastMeta {
  scenarioId: string;
  scenarioLabel: string;
  seed: number;
  startYear: number;
  observationsPath: string;
  /** --set and --horizon as typed. */
  overrides: string[];
  /** The file's trend estimates beside the scenario's parameters. */
  trends?: HindcastTrend[];
  /** Sources by year and quantity, for the CSV. */
  sources: Record<number, Partial<Record<HindcastQuantity, { kind: string; source: string }>>>;
}

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : Number(x.toFixed(4)));

export function renderHindcastTable(h: Hindcast, meta: HindcastMeta): string {
  const out: string[] = [];
  out.push(`Hindcast · ${meta.scenarioLabel} [${meta.scenarioId}] · observations: ${meta.observationsPath}`);
  if (meta.overrides.length) out.push(`Changed on the command line: ${meta.overrides.join(' · ')}`);
  out.push(
    h.uncertain
      ? `Projected: median [10%, 90%] over ${count(h.draws)} draws of the growth parameters (seed ${meta.seed}).`
      : "Projected: the scenario's curves (growth parameters are fixed).",
  );
  out.push('');
  const rows = [['year', 'run', 'quantity', 'observed', 'projected', 'obs − proj (OOM)', 'years ahead']];
  for (const r of h.rows) {
    for (const c of r.cells) {
      const ge = c.observed.atLeast ? '≥' : '';
      const projected = h.uncertain ? `${c.projected[1].toFixed(2)} [${c.projected[0].toFixed(2)}, ${c.projected[2].toFixed(2)}]` : c.projected[1].toFixed(2);
      const years = c.yearsAhead === null ? 'never reached' : `${ge}${signed(c.yearsAhead, 1)}`;
      rows.push([
        `${r.year}${r.year < meta.startYear ? '*' : ''}`,
        r.label,
        QUANTITY_LABEL[c.quantity],
        `${ge}${c.observed.log10.toFixed(2)}`,
        projected,
        `${ge}${signed(c.oomAbove, 2)}`,
        years,
      ]);
    }
  }
  out.push(padTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push('obs − proj: orders of magnitude by which the observation exceeds the projection (negative: below it).');
  out.push('years ahead: when the projection reaches the observed level, less the observed year (negative: behind).');
  out.push("≥: the observation is a lower bound. Spending is in the scenario's dollars; observed costs are in the source's (2024 $).");
  if (h.rows.some((r) => r.year < meta.startYear))
    out.push(`*: before the forecast's first year (${meta.startYear}); the curves there are their trends extended back.`);
  out.push('Sources for every figure: --format csv, or the observations file.');
  if (meta.trends?.length) out.push('', ...renderTrendsTable(meta.trends));
  return `${out.join('\n')}\n`;
}

const g = (x: number | null) => (x === null ? '?' : Number(x.toPrecision(3)).toString());
const UNIT_TEXT: Record<HindcastTrend['unit'], string> = {
  halvingMonths: 'months to halve',
  halvingYears: 'years to halve',
  doublingYears: 'years to double',
  factorPerYear: '× a year',
};

/** A parameter value as the trends table shows it: 2.5, 2.45 [1.5, 4], or "formula". */
export function parameterValueText(v: ParameterValue): string {
  if (v.kind === 'point') return g(v.value);
  if (v.kind === 'formula') return 'a formula of the requirement';
  return `${g(v.p50)} [${g(v.p05)}, ${g(v.p95)}]`;
}

/** The scenario's side: one value, or per anchor (collapsed when every anchor has the same). */
function scenarioText(t: HindcastTrend): string {
  if (!t.scenario) return t.parameter === null ? '—' : 'not in this scenario';
  const texts = t.scenario.map((s) => parameterValueText(s.value));
  if (t.scenario.length === 1 && !t.scenario[0].anchorId) return texts[0];
  if (texts.every((x) => x === texts[0])) return `${texts[0]} (every anchor)`;
  return t.scenario.map((s, i) => `${s.anchorId} ${texts[i]}`).join(' · ');
}

function estimateText(t: HindcastTrend): string {
  const e = t.estimate;
  const range = e.low !== null && e.high !== null ? `[${g(e.low)}, ${g(e.high)}]` : '';
  const level = e.level !== null ? ` (${Math.round(e.level * 100)}%)` : t.kind === 'range' ? ' (summary range)' : '';
  return `${e.value !== null ? `${g(e.value)} ` : ''}${range} ${UNIT_TEXT[t.unit]}${level}`.replace(/\s+/g, ' ').trim();
}

function renderTrendsTable(trends: HindcastTrend[]): string[] {
  const out = ["Observed trends beside the scenario's parameters (the scenario's distributions as median [5%, 95%])"];
  const rows = [['trend', 'estimate', 'as the parameter (years)', 'OOM a year', 'parameter', 'scenario']];
  for (const t of trends) {
    const y = t.asParameterYears;
    const o = t.oomPerYear;
    rows.push([
      t.id,
      estimateText(t),
      y ? `${y.value !== null ? `${g(y.value)} ` : ''}[${g(y.low)}, ${g(y.high)}]` : '—',
      `${o.value !== null ? `${g(o.value)} ` : ''}[${g(o.low)}, ${g(o.high)}]`,
      t.parameter ?? '(none)',
      scenarioText(t),
    ]);
  }
  out.push(padTable(rows, ['l', 'l', 'r', 'r', 'l', 'l']));
  out.push('');
  out.push('What each estimate measures, and how far that is the parameter:');
  for (const t of trends) {
    out.push(`  ${t.id}: ${t.quantity}, ${t.period} (${t.source}). ${t.relation}`);
    out.push(
      'unusable' in t.weights
        ? `    --observed-trends cannot use it: ${t.weights.unusable}.`
        : `    --given-observed --observed-trends ${t.id}: a normal in log10 of the rate, ${g(t.weights.log10OomPerYear)} ± ${g(t.weights.sdLog10)} (sd), on every world's drawn ${t.parameter} (as it is, without --trend-error).`,
    );
  }
  return out;
}

/** The trend columns of the hindcast CSV (empty in the rows of yearly figures). */
const TREND_COLUMNS = [
  'trend_id',
  'trend_unit',
  'trend_value',
  'trend_low',
  'trend_high',
  'trend_level',
  'trend_period',
  'parameter',
  'trend_as_parameter_years',
  'trend_as_parameter_years_low',
  'trend_as_parameter_years_high',
  'scenario_parameter_p05',
  'scenario_parameter_p50',
  'scenario_parameter_p95',
  'trend_relation',
];

const finiteOnly = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null && Number.isFinite(x));
const minOf = (xs: (number | null)[]) => (finiteOnly(xs).length ? Math.min(...finiteOnly(xs)) : null);
const maxOf = (xs: (number | null)[]) => (finiteOnly(xs).length ? Math.max(...finiteOnly(xs)) : null);

export function renderHindcastCsv(h: Hindcast, meta: HindcastMeta): string {
  const rows: (string | number)[][] = [
    [
      'year',
      'run',
      'quantity',
      'observed_log10',
      'observed_kind',
      'projected_log10_p10',
      'projected_log10_p50',
      'projected_log10_p90',
      'oom_observed_minus_projected',
      'years_observed_ahead',
      'before_start_year',
      'scenario',
      'seed',
      'source',
      'overrides',
      ...TREND_COLUMNS,
    ],
  ];
  const noTrend = TREND_COLUMNS.map(() => '');
  for (const r of h.rows) {
    for (const c of r.cells) {
      const s = meta.sources[r.year]?.[c.quantity];
      rows.push([
        r.year,
        r.label,
        c.quantity,
        num(c.observed.log10),
        s?.kind ?? '',
        num(c.projected[0]),
        num(c.projected[1]),
        num(c.projected[2]),
        num(c.oomAbove),
        num(c.yearsAhead),
        r.year < meta.startYear ? 'yes' : 'no',
        meta.scenarioId,
        meta.seed,
        s?.source ?? '',
        meta.overrides.join(' '),
        ...noTrend,
      ]);
    }
  }
  // One row per trend estimate: the level columns empty, the trend's beside the scenario's parameter.
  for (const t of meta.trends ?? []) {
    const one = t.scenario?.length ? t.scenario.map((x) => x.value) : [];
    // Per-anchor values: the row gives the range over anchors when they differ (the JSON has each).
    const lo = (f: (v: ParameterValue) => number | null) => num(minOf(one.map(f)));
    const hi = (f: (v: ParameterValue) => number | null) => num(maxOf(one.map(f)));
    const p05 = (v: ParameterValue) => (v.kind === 'point' ? v.value : v.kind === 'dist' ? v.p05 : null);
    const p50 = (v: ParameterValue) => (v.kind === 'point' ? v.value : v.kind === 'dist' ? v.p50 : null);
    const p95 = (v: ParameterValue) => (v.kind === 'point' ? v.value : v.kind === 'dist' ? v.p95 : null);
    rows.push([
      '',
      '',
      `trend:${t.id}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      meta.scenarioId,
      meta.seed,
      t.source,
      meta.overrides.join(' '),
      t.id,
      t.unit,
      num(t.estimate.value),
      num(t.estimate.low),
      num(t.estimate.high),
      num(t.estimate.level),
      t.period,
      t.parameter ?? '',
      num(t.asParameterYears?.value ?? null),
      num(t.asParameterYears?.low ?? null),
      num(t.asParameterYears?.high ?? null),
      lo(p05),
      one.length && minOf(one.map(p50)) === maxOf(one.map(p50)) ? num(minOf(one.map(p50))) : '',
      hi(p95),
      t.relation,
    ]);
  }
  return stringify(rows);
}
