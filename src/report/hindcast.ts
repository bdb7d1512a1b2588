/** The hindcast as a table or CSV. */
import { stringify } from 'csv-stringify/sync';
import type { Hindcast, HindcastQuantity } from '../analyses/hindcast.js';
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
      : 'Projected: the scenario\'s curves (growth parameters are fixed).',
  );
  out.push('');
  const rows = [['year', 'run', 'quantity', 'observed', 'projected', 'obs − proj (OOM)', 'years ahead']];
  for (const r of h.rows) {
    for (const c of r.cells) {
      const ge = c.observed.atLeast ? '≥' : '';
      const projected = h.uncertain ? `${c.projected[1].toFixed(2)} [${c.projected[0].toFixed(2)}, ${c.projected[2].toFixed(2)}]` : c.projected[1].toFixed(2);
      const years = c.yearsAhead === null ? 'never reached' : `${ge}${signed(c.yearsAhead, 1)}`;
      rows.push([`${r.year}${r.year < meta.startYear ? '*' : ''}`, r.label, QUANTITY_LABEL[c.quantity], `${ge}${c.observed.log10.toFixed(2)}`, projected, `${ge}${signed(c.oomAbove, 2)}`, years]);
    }
  }
  out.push(padTable(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push('obs − proj: orders of magnitude by which the observation exceeds the projection (negative: below it).');
  out.push('years ahead: when the projection reaches the observed level, less the observed year (negative: behind).');
  out.push('≥: the observation is a lower bound. Spending is in the scenario\'s dollars; observed costs are in the source\'s (2024 $).');
  if (h.rows.some((r) => r.year < meta.startYear)) out.push(`*: before the forecast's first year (${meta.startYear}); the curves there are their trends extended back.`);
  out.push('Sources for every figure: --format csv, or the observations file.');
  return `${out.join('\n')}\n`;
}

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
    ],
  ];
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
      ]);
    }
  }
  return stringify(rows);
}
