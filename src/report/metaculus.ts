/**
 * Export for forecasting platforms (Metaculus's continuous questions): the CDF at 201 evenly
 * spaced points over the question's range (dates in decimal years), and the probability outside
 * it. Year row Y is P(TAI by the end of Y), the date Y + 1 (model/years.ts); between rows the CDF
 * is interpolated linearly, as the crossing dates are.
 */
import type { Forecast } from '../engine/summary.js';
import { timeOfYearRow } from '../model/years.js';
import type { Manifest } from './json.js';

export interface MetaculusRange {
  from: number;
  to: number;
}

export const METACULUS_POINTS = 201;

/** The dates a forecast can answer for: from the end of its first year to the end of its last. */
export function datesCovered(f: Forecast): MetaculusRange {
  return { from: timeOfYearRow(f.years[0]), to: timeOfYearRow(f.years[f.years.length - 1]) };
}

/** P(TAI by date t), t a decimal year within datesCovered(f). */
export function cdfAt(f: Forecast, t: number): number {
  const j = t - timeOfYearRow(f.years[0]);
  const i = Math.floor(j);
  if (i >= f.years.length - 1) return f.cdf[f.cdf.length - 1];
  return f.cdf[i] + (j - i) * (f.cdf[i + 1] - f.cdf[i]);
}

export function renderMetaculus(f: Forecast, manifest: Manifest, range: MetaculusRange): string {
  const { from: first, to: last } = datesCovered(f);
  if (range.from < first || range.to > last || !(range.from < range.to))
    throw new Error(`bug: range ${range.from}–${range.to} outside ${first}–${last} (the caller checks)`);
  const cdf = Array.from({ length: METACULUS_POINTS }, (_, i) => {
    const t = range.from + ((range.to - range.from) * i) / (METACULUS_POINTS - 1);
    return Number(cdfAt(f, t).toPrecision(8));
  });
  const below = cdf[0];
  const above = 1 - cdf[cdf.length - 1];
  const body = {
    manifest,
    scenario: { id: f.scenarioId, label: f.scenarioLabel },
    question: { range: [range.from, range.to], points: METACULUS_POINTS, scale: 'linear, dates in decimal years (2030 = 1 January 2030)' },
    yearConvention: 'cdf at date D = P(TAI by D); year row Y of the forecast is the date Y + 1 (by the end of year Y)',
    cdf,
    belowRange: Number(below.toPrecision(8)),
    aboveRange: Number(above.toPrecision(8)),
    aboveRangeIncludes: { afterHorizon: Number(f.notByHorizon.p.toPrecision(8)), never: Number(f.never.p.toPrecision(8)) },
    ...(f.condition ? { condition: f.condition } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
