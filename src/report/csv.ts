/**
 * The forecast as tidy CSV: one row per scenario and year, a column per quantity, then one row
 * for "after the horizon" and one for "never" (kept apart, never merged). p_arrival is the chance
 * TAI arrives in that row's year (or outcome); p_tai_by_end_of_year accumulates it. Every row
 * also says what produced it: seed, worlds, scenario, command-line overrides and conditioning.
 *
 * Several scenarios share one header: the per-anchor columns are the union of every scenario's
 * anchors, in the order they first appear, each named by its anchor id; a scenario without an
 * anchor leaves that column empty. So a column always holds the same anchor's curve, whatever the
 * mix of scenarios and the order their files list their anchors in.
 */
import { significant, CSV_DIGITS } from './format.js';
import { stringify } from 'csv-stringify/sync';
import type { Forecast } from '../engine/summary.js';

const round = (x: number) => significant(x, CSV_DIGITS) ?? '';

/** The CSV column of an anchor's curve (anchor ids are slugs, so this is one to one). */
export const anchorColumn = (id: string): string => `p_tai_by_end_of_year_given_${id.replace(/-/g, '_')}`;

export interface CsvRun {
  forecast: Forecast;
  /** --set, --horizon and conditioning as typed, for the overrides column. */
  overrides: readonly string[];
}

export function renderRunsCsv(runs: readonly CsvRun[]): string {
  const anchorIds = [...new Set(runs.flatMap((r) => r.forecast.anchors.map((a) => a.id)))];
  const header = [
    'year',
    'p_arrival',
    'p_tai_by_end_of_year',
    'se_p_tai_by_end_of_year',
    ...anchorIds.map(anchorColumn),
    'seed',
    'samples',
    'scenario',
    'overrides',
    'given_no_tai_by',
  ];
  const rows: (string | number)[][] = [header];
  for (const { forecast: f, overrides } of runs) {
    const meta = [f.seed, f.samples, f.scenarioId, overrides.join(' '), f.condition ? f.condition.givenNoTaiBy : ''];
    const byId = new Map(f.anchors.map((a) => [a.id, a]));
    const anchorCells = (cell: (a: Forecast['anchors'][number]) => string | number) => anchorIds.map((id) => (byId.has(id) ? cell(byId.get(id)!) : ''));
    f.years.forEach((y, j) => {
      const arrival = f.cdf[j] - (j > 0 ? f.cdf[j - 1] : 0);
      rows.push([y, round(arrival), round(f.cdf[j]), round(f.se[j]), ...anchorCells((a) => round(a.cdf[j])), ...meta]);
    });
    const byHorizon = f.cdf[f.cdf.length - 1];
    const last = f.years.length - 1;
    // Past the horizon every world of an anchor has arrived or will later: 1, or empty for an anchor without worlds.
    rows.push([
      `after-${f.horizonYear}`,
      round(f.notByHorizon.p),
      round(byHorizon + f.notByHorizon.p),
      round(Math.sqrt(((byHorizon + f.notByHorizon.p) * (1 - byHorizon - f.notByHorizon.p)) / f.samples)),
      ...anchorCells((a) => (a.worlds > 0 && Number.isFinite(a.cdf[last]) ? 1 : '')),
      ...meta,
    ]);
    rows.push(['never', round(f.never.p), 1, 0, ...anchorCells(() => ''), ...meta]);
  }
  return stringify(rows);
}

export function renderCsv(f: Forecast, overrides: readonly string[] = []): string {
  return renderRunsCsv([{ forecast: f, overrides }]);
}
