/**
 * The forecast as tidy CSV: one row per year, a column per quantity, then one row for
 * "after the horizon" and one for "never" (kept apart, never merged). p_arrival is the chance
 * TAI arrives in that row's year (or outcome); p_tai_by_end_of_year accumulates it. Every row
 * also says what produced it: seed, worlds, scenario, command-line overrides and conditioning.
 */
import { stringify } from 'csv-stringify/sync';
import type { Forecast } from '../engine/summary.js';

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(8)) : '');

export function renderCsv(f: Forecast, overrides: readonly string[] = []): string {
  const anchorCols = f.anchors.map((a) => `p_tai_by_end_of_year_given_${a.id.replace(/-/g, '_')}`);
  const header = ['year', 'p_arrival', 'p_tai_by_end_of_year', 'se_p_tai_by_end_of_year', ...anchorCols, 'seed', 'samples', 'scenario', 'overrides', 'given_no_tai_by'];
  const rows: (string | number)[][] = [header];
  const meta = [f.seed, f.samples, f.scenarioId, overrides.join(' '), f.condition ? f.condition.givenNoTaiBy : ''];
  f.years.forEach((y, j) => {
    const arrival = f.cdf[j] - (j > 0 ? f.cdf[j - 1] : 0);
    rows.push([y, round(arrival), round(f.cdf[j]), round(f.se[j]), ...f.anchors.map((a) => round(a.cdf[j])), ...meta]);
  });
  const byHorizon = f.cdf[f.cdf.length - 1];
  rows.push([`after-${f.horizonYear}`, round(f.notByHorizon.p), round(byHorizon + f.notByHorizon.p), round(Math.sqrt(((byHorizon + f.notByHorizon.p) * (1 - byHorizon - f.notByHorizon.p)) / f.samples)), ...f.anchors.map(() => 1), ...meta]);
  rows.push(['never', round(f.never.p), 1, 0, ...f.anchors.map(() => ''), ...meta]);
  return stringify(rows);
}
