/**
 * A published forecast drawn or tabled beside one of ours: a year-by-year curve (the report's
 * spreadsheet line) or a few stated numbers (Cotra's 2022 probabilities). Kept apart from the
 * charts so the table can use it without loading them.
 */
import { keyYears } from './format.js';

export interface ReferenceCurve {
  /** Shown in the legend and as the table's column, e.g. "Cotra (2020) spreadsheet". */
  label: string;
  points: { year: number; p: number }[];
  /** A curve is drawn as a dashed line (the default); a few stated numbers as points, each labelled. */
  marks?: 'line' | 'points';
  /** Stated as "~15%": shown rounded, with the "~". */
  approximate?: boolean;
}

/**
 * A published (unconditional) curve conditioned like a forecast given no TAI by year c:
 * P(by y | not by c) = (F(y) − F(c)) / (1 − F(c)). Without F(c) on the curve, nothing to draw.
 */
export function conditionReference(reference: ReferenceCurve, givenNoTaiBy: number): ReferenceCurve | undefined {
  const at = reference.points.find((r) => r.year === givenNoTaiBy);
  if (!at || at.p >= 1) return undefined;
  return {
    ...reference,
    label: `${reference.label}, given no TAI by ${givenNoTaiBy}`,
    points: reference.points.filter((r) => r.year > givenNoTaiBy).map((r) => ({ year: r.year, p: (r.p - at.p) / (1 - at.p) })),
  };
}

/** A reference's value as the tables show it: "7.7%", or "~15%" for a stated (approximate) number. */
export function referenceText(reference: ReferenceCurve, p: number): string {
  return reference.approximate ? `~${(p * 100).toFixed(0)}%` : `${(p * 100).toFixed(1)}%`;
}

/** The reference as the forecast is shown: conditioned when the forecast is, or nothing. */
export function referenceFor(reference: ReferenceCurve | undefined, givenNoTaiBy: number | undefined): ReferenceCurve | undefined {
  return reference && givenNoTaiBy !== undefined ? conditionReference(reference, givenNoTaiBy) : reference;
}

/** The years a P(by year) table shows: its key years, and every year of stated points within the run (a curve is read at the key years). */
export function yearsWithReference(years: readonly number[], reference: ReferenceCurve | undefined): number[] {
  const first = years[0];
  const last = years[years.length - 1];
  const stated = reference?.marks === 'points' ? reference.points.map((r) => r.year).filter((y) => y >= first && y <= last) : [];
  return [...new Set([...keyYears(years), ...stated])].sort((a, b) => a - b);
}
