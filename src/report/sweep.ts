/**
 * A sweep's figures: a table (one row per variant, one column per figure, value ± standard error),
 * long-format CSV (one row per variant and figure) and JSON with the manifest. Variant 0 is the
 * scenario as given (the baseline), on the same worlds as every variant.
 */
import { stringify } from 'csv-stringify/sync';
import type { SweepFigure, SweepResult } from '../analyses/sweep.js';
import { count, crossingText, padTable, percent, YEAR_NOTE } from './format.js';
import { round, type Manifest } from './json.js';

/** The figure's column title in the table. */
export function figureTitle(name: string, horizonYear: number): string {
  const by = /^p_by_(\d+)$/.exec(name);
  if (by) return `P(by ${by[1]})`;
  const date = /^date_(\d+)$/.exec(name);
  if (date) return `${date[1]}% date`;
  if (name === 'p_not_by_horizon') return `after ${horizonYear}`;
  if (name === 'p_never') return 'never';
  return name;
}

function figureText(f: SweepFigure, horizonYear: number): string {
  if (f.status !== undefined) {
    const text = crossingText({ level: 0, status: f.status, year: f.value, firstYear: null, se: f.se }, horizonYear);
    return f.status === 'year' && f.se !== null ? `${text} ±${f.se.toFixed(1)}` : text;
  }
  return f.value === null ? 'n/a' : `${percent(f.value)} ±${((f.se ?? NaN) * 100).toFixed(2)}`;
}

const valueText = (x: number | null) => (x === null ? '—' : String(x));

/** The rows of a sweep, baseline first: index, path values, figures. */
function rowsOf(r: SweepResult): { index: number; values: (number | null)[]; figures: SweepFigure[] }[] {
  return [{ index: 0, ...r.baseline }, ...r.variants];
}

export function renderSweepTable(r: SweepResult, overrides: readonly string[] = []): string {
  const out: string[] = [];
  out.push(`Sweep of ${r.paths.join(', ')} · ${r.scenarioLabel} [${r.scenarioId}]`);
  if (overrides.length) out.push(`Changed on the command line: ${overrides.join(' · ')}`);
  out.push(
    `${count(r.variants.length)} variant${r.variants.length === 1 ? '' : 's'} (${r.kind === 'grid' ? 'grid' : 'random design, Latin hypercube'}) and the scenario as given (variant 0) · ${count(r.samples)} worlds each, on common random numbers · seed ${r.seed}`,
  );
  out.push('');
  const rows = [['variant', ...r.paths, ...r.figureNames.map((n) => figureTitle(n, r.horizonYear))]];
  for (const row of rowsOf(r)) rows.push([String(row.index), ...row.values.map(valueText), ...row.figures.map((f) => figureText(f, r.horizonYear))]);
  out.push(
    padTable(
      rows,
      rows[0].map((_, c) => (c === 0 ? 'l' : 'r')),
    ),
  );
  out.push('');
  out.push('± is one Monte Carlo standard error (probabilities in percentage points, dates in years).');
  out.push(YEAR_NOTE);
  return `${out.join('\n')}\n`;
}

/** A number as CSV and JSON both write it (the same rounding, so every cell matches the JSON). */
const cell = (x: number | null | undefined): number | string => (x === null || x === undefined ? '' : (round(x) ?? ''));

export function renderSweepCsv(r: SweepResult, overrides: readonly string[] = []): string {
  const rows: (string | number)[][] = [['variant', ...r.paths, 'figure', 'value', 'se', 'status', 'seed', 'samples', 'scenario', 'overrides']];
  for (const row of rowsOf(r)) {
    for (const f of row.figures)
      rows.push([row.index, ...row.values.map(cell), f.name, cell(f.value), cell(f.se), f.status ?? '', r.seed, r.samples, r.scenarioId, overrides.join(' ')]);
  }
  return stringify(rows);
}

export function renderSweepJson(r: SweepResult, manifest: Manifest): string {
  const figures = (fs: SweepFigure[]) =>
    Object.fromEntries(
      fs.map((f) => [
        f.name,
        { value: f.value === null ? null : round(f.value), se: f.se === null ? null : round(f.se), ...(f.status !== undefined ? { status: f.status } : {}) },
      ]),
    );
  const values = (vs: (number | null)[]) => Object.fromEntries(r.paths.map((p, j) => [p, vs[j] === null ? null : round(vs[j] as number)]));
  const body = {
    manifest,
    scenario: { id: r.scenarioId, label: r.scenarioLabel },
    design: { kind: r.kind, paths: r.paths, variants: r.variants.length },
    samplesPerVariant: r.samples,
    byYears: r.byYears,
    figures: r.figureNames,
    variants: rowsOf(r).map((row) => ({
      index: row.index,
      ...(row.index === 0 ? { baseline: true } : {}),
      values: values(row.values),
      figures: figures(row.figures),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
