/** The tornado table: inputs sorted by how far they move the output. */
import { stringify } from 'csv-stringify/sync';
import type { SensitivityResult } from '../analyses/sensitivity.js';
import { count, CSV_DIGITS, padTable, percent, significant } from './format.js';
import type { Manifest } from './json.js';

function metricName(r: SensitivityResult): string {
  return r.metric.kind === 'median' ? 'median year (50% crossing, interpolated)' : `P(TAI by ${r.metric.year})`;
}

function show(r: SensitivityResult, x: number | null): string {
  if (x === null) return r.metric.kind === 'median' ? `>${r.baseline.horizonYear}` : 'n/a';
  return r.metric.kind === 'median' ? x.toFixed(1) : percent(x);
}

function showSwing(r: SensitivityResult, x: number | null): string {
  if (x === null) return 'off the chart';
  return r.metric.kind === 'median' ? `${x >= 0 ? '+' : ''}${x.toFixed(1)} y` : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
}

const value = (x: number) => (Math.abs(x) >= 100 || Number.isInteger(x) ? String(+x.toFixed(2)) : x.toPrecision(3));

export function renderSensitivityTable(r: SensitivityResult, overrides: readonly string[] = []): string {
  const out: string[] = [];
  out.push(`Sensitivity of ${metricName(r)} · ${r.baseline.scenarioLabel} [${r.baseline.scenarioId}]`);
  if (overrides.length) out.push(`Changed on the command line: ${overrides.join(' · ')}`);
  out.push(`${count(r.baseline.samples)} worlds per variant on common random numbers · seed ${r.baseline.seed} · baseline ${show(r, r.baselineValue)}`);
  out.push('');
  out.push('Swing: the output with the input at its low and at its high value, everything else as in the scenario.');
  out.push(`Variance share: first-order share of the variance of "TAI by the end of ${r.indicatorYear}" explained by the input.`);
  out.push('');
  const rows = [['input', 'low', 'high', 'range', 'output at low', 'at high', 'swing', 'variance share']];
  for (const row of r.rows) {
    rows.push([
      row.input.name,
      value(row.input.low),
      value(row.input.high),
      row.input.swingRule,
      show(r, row.atLow),
      show(r, row.atHigh),
      showSwing(r, row.swing),
      row.varianceShare === null ? '' : percent(row.varianceShare),
    ]);
  }
  out.push(padTable(rows, ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push(`Which anchor is right explains ${percent(r.anchorShare)} of that variance (the weights' own rows show how moving them changes the output).`);
  if (r.fixed.length) out.push(`Not varied (point values and formulas; give a range with --swing path=low,high): ${r.fixed.join(', ')}`);
  return `${out.join('\n')}\n`;
}

export function renderSensitivityCsv(r: SensitivityResult, overrides: readonly string[] = []): string {
  const metric = r.metric.kind === 'median' ? 'median_year' : `p_tai_by_${r.metric.year}`;
  const rows: (string | number)[][] = [
    [
      'input',
      'kind',
      'low',
      'high',
      'range',
      'metric',
      'baseline',
      'output_at_low',
      'output_at_high',
      'swing',
      'variance_share',
      'seed',
      'samples',
      'overrides',
    ],
  ];
  const num = (x: number | null) => (x === null ? '' : (significant(x, CSV_DIGITS) ?? ''));
  for (const row of r.rows) {
    rows.push([
      row.input.name,
      row.input.kind,
      num(row.input.low),
      num(row.input.high),
      row.input.swingRule,
      metric,
      num(r.baselineValue),
      num(row.atLow),
      num(row.atHigh),
      num(row.swing),
      num(row.varianceShare),
      r.baseline.seed,
      r.baseline.samples,
      overrides.join(' '),
    ]);
  }
  return stringify(rows);
}

export function renderSensitivityJson(r: SensitivityResult, manifest: Manifest): string {
  const body = {
    manifest,
    metric: r.metric,
    baseline: r.baselineValue,
    indicatorYear: r.indicatorYear,
    anchorVarianceShare: r.anchorShare,
    notVaried: r.fixed,
    inputs: r.rows.map((row) => ({
      name: row.input.name,
      kind: row.input.kind,
      anchors: row.input.anchorIds,
      low: row.input.low,
      high: row.input.high,
      range: row.input.swingRule,
      atLow: row.atLow,
      atHigh: row.atHigh,
      swing: row.swing,
      varianceShare: row.varianceShare,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
