/** Number formatting shared by the reports. */
import type { Crossing } from '../engine/summary.js';

export const percent = (p: number, digits = 1): string => (Number.isFinite(p) ? `${(p * 100).toFixed(digits)}%` : 'n/a');
/** 1234567 → "1,234,567" (without Intl, whose first use costs ~15 ms of start-up). */
/** x to `digits` significant digits, as a number (how CSV, JSON and Metaculus outputs print figures); null when not finite. */
export const significant = (x: number, digits: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : null);

/** Digits a CSV cell of a probability or figure keeps. */
export const CSV_DIGITS = 8;

export const count = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const pp = (se: number, digits = 2): string => (Number.isFinite(se) ? `±${(se * 100).toFixed(digits)}` : '');

/**
 * A crossing date as text: "2053.9", "≤2025" (by the end of the first year), ">2100" (not by the
 * end of the horizon year), "never", "n/a" (no worlds), with "?" after a date that may really be
 * after the horizon (near the curve's plateau; see PLATEAU_NOTE).
 */
export function crossingText(c: Crossing, horizonYear: number): string {
  switch (c.status) {
    case 'year':
      return `${(c.year as number).toFixed(1)}${c.nearPlateau ? '?' : ''}`;
    case 'at-or-before-start':
      // A date, like the others: the end of the first year (≤2025.0 is "by the end of 2024").
      return `≤${(c.year as number).toFixed(1)}`;
    case 'after-horizon':
      return `>${horizonYear}`;
    case 'never':
      return 'never';
    case 'no-worlds':
      return 'n/a';
  }
}

/** The footnote for crossings marked "?". */
export function plateauNote(horizonYear: number): string {
  return `?: the level is within 2 standard errors of the curve's value at the end of ${horizonYear}, so whether it is reached by then at all is not settled by this many worlds (it may be >${horizonYear}); the ± does not cover that`;
}

/** How the year rows and dates of every output read. */
export const YEAR_NOTE = 'Years: a year Y means by the end of year Y; dates (2053.9) are decimal years, so year Y ends at the date Y+1.';

export function levelText(level: number): string {
  return `${Math.round(level * 100)}%`;
}

/** Years shown in the table: every decade mark and the report's reference years, within range. */
export function keyYears(years: readonly number[]): number[] {
  const first = years[0];
  const last = years[years.length - 1];
  const marks = new Set<number>([first, last, 2036]);
  for (let y = Math.ceil(first / 5) * 5; y <= last; y += y < 2050 ? 5 : 10) marks.add(y);
  return [...marks].filter((y) => y >= first && y <= last).sort((a, b) => a - b);
}

export function padTable(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (align[c] === 'l' ? (cell ?? '').padEnd(widths[c]) : (cell ?? '').padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The evidence of a weighted forecast, as its header gives it: "FILE (12 figures, trends a, b; observation error 0.5 OOM)". */
export function observedEvidence(o: { file: string; figures: number; trends?: string[]; observationErrorOom: number }): string {
  return `${o.file} (${o.figures} figures${o.trends?.length ? `, trends ${o.trends.join(', ')}` : ''}, observation error ${o.observationErrorOom} OOM)`;
}
