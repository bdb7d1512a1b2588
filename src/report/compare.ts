/** Scenarios side by side: crossing years, P(TAI by year) and paired differences. */
import { stringify } from 'csv-stringify/sync';
import type { Comparison } from '../analyses/compare.js';
import { count, crossingText, CSV_DIGITS, keyYears, levelText, observedEvidence, padTable, percent, plateauNote, significant, YEAR_NOTE } from './format.js';
import { forecastBody, round, type Manifest } from './json.js';

const column = (id: string) => id.replace(/-/g, '_');

/** Every year some scenario covers, first to last. */
function allYears(c: Comparison): number[] {
  const from = Math.min(...c.forecasts.map((f) => f.years[0]));
  const to = Math.max(...c.forecasts.map((f) => f.years[f.years.length - 1]));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Whether the scenarios cover different years (each forecast then keeps its own, and differences the years a pair shares). */
const differentYears = (c: Comparison) => c.forecasts.some((f) => f.years[0] !== c.forecasts[0].years[0] || f.horizonYear !== c.forecasts[0].horizonYear);

/** The distinct horizons, in the scenarios' order: one "after" row each. */
const horizons = (c: Comparison) => [...new Set(c.forecasts.map((f) => f.horizonYear))];

/** P(by year) of a forecast, or undefined outside its years. */
const pAt = (f: Comparison['forecasts'][number], y: number) => (y >= f.years[0] && y <= f.years[f.years.length - 1] ? f.cdf[y - f.years[0]] : undefined);

/** A difference at a year, or undefined outside the years its pair shares. */
function diffAt(d: Comparison['differences'][number], y: number): { diff: number; se: number; unpairedSe: number } | undefined {
  const j = d.years.indexOf(y);
  return j < 0 ? undefined : { diff: d.diff[j], se: d.se[j], unpairedSe: d.unpairedSe[j] };
}

/** The years line when they differ: each scenario's own, and what the differences cover. */
function yearsLine(c: Comparison): string {
  const [first] = c.forecasts;
  const own = c.forecasts.map((f) => `${f.scenarioId} ${f.years[0]}–${f.horizonYear}`).join(', ');
  const pairs = c.differences.map((d) => `${d.scenarioId} − ${first.scenarioId} ${d.years[0]}–${d.years[d.years.length - 1]}`).join(', ');
  return `Years differ: ${own}; each scenario is shown over its own years (— outside them) and differences over the years both cover: ${pairs}`;
}

export function renderCompareTable(c: Comparison, overrides: readonly string[] = []): string {
  const [first] = c.forecasts;
  const out: string[] = [];
  if (first.observed) {
    const o = first.observed;
    out.push(
      `Given the observations in ${observedEvidence(o)}: ${c.forecasts.every((f) => f.observed?.worlds === o.worlds) ? `${count(o.worlds)} worlds each` : `${c.forecasts.map((f) => count(f.observed?.worlds ?? f.samples)).join(' / ')} worlds`}, importance-weighted · seed ${first.seed} · years ${differentYears(c) ? 'by scenario (below)' : `${first.startYear}–${first.horizonYear}`}`,
    );
    out.push(
      `Effective worlds: ${c.forecasts.map((f) => `${f.scenarioId} ${count(f.observed?.effectiveWorlds ?? f.samples)}`).join(', ')} (each scenario weighted on its own worlds; differences use unpaired errors)`,
    );
  } else {
    out.push(
      `Compared on common random numbers: ${count(first.condition ? first.condition.keptWorlds / first.condition.keptShare : first.samples)} worlds each · seed ${first.seed} · years ${differentYears(c) ? 'by scenario (below)' : `${first.startYear}–${first.horizonYear}`}`,
    );
  }
  if (overrides.length) out.push(`Changed on the command line (every scenario): ${overrides.join(' · ')}`);
  if (differentYears(c)) out.push(yearsLine(c));
  if (first.condition) {
    const kept = c.forecasts.map((f) => `${f.scenarioId} ${count(f.condition!.keptWorlds)}`).join(', ');
    out.push(`Given no TAI by the end of ${first.condition.givenNoTaiBy}: worlds kept ${kept} (each scenario keeps its own; differences use unpaired errors)`);
  }
  out.push('');
  out.push('Date by which the probability is reached (decimal year; ± standard error in years)');
  const rows = [['level', ...c.forecasts.map((f) => f.scenarioId)]];
  for (let q = 0; q < first.crossings.length; q++) {
    rows.push([
      levelText(first.crossings[q].level),
      ...c.forecasts.map((f) => {
        const x = f.crossings[q];
        return `${crossingText(x, f.horizonYear)}${x.se !== null ? ` ±${x.se.toFixed(2)}` : ''}`;
      }),
    ]);
  }
  out.push(padTable(rows, ['l', ...c.forecasts.map(() => 'r' as const)]));
  out.push('');
  out.push(
    first.observed || first.condition
      ? `P(TAI by the end of year); differences against ${first.scenarioId} in percentage points, ± unpaired standard error (repeated in brackets)`
      : `P(TAI by the end of year); differences against ${first.scenarioId} in percentage points, ± paired standard error (unpaired in brackets)`,
  );
  const header = ['year', ...c.forecasts.map((f) => f.scenarioId), ...c.differences.map((d) => `${d.scenarioId} − ${first.scenarioId}`)];
  const prows = [header];
  // Key years of all the years covered, and each scenario's own first and last year.
  const shown = [...new Set([...keyYears(allYears(c)), ...c.forecasts.flatMap((f) => [f.years[0], f.horizonYear])])].sort((a, b) => a - b);
  for (const y of shown) {
    prows.push([
      String(y),
      ...c.forecasts.map((f) => {
        const p = pAt(f, y);
        return p === undefined ? '—' : percent(p);
      }),
      ...c.differences.map((d) => {
        const x = diffAt(d, y);
        return x === undefined ? '' : `${x.diff >= 0 ? '+' : ''}${(x.diff * 100).toFixed(2)} ±${(x.se * 100).toFixed(2)} (${(x.unpairedSe * 100).toFixed(2)})`;
      }),
    ]);
  }
  for (const h of horizons(c)) prows.push([`after ${h}`, ...c.forecasts.map((f) => (f.horizonYear === h ? percent(f.notByHorizon.p) : ''))]);
  prows.push(['never', ...c.forecasts.map((f) => percent(f.never.p))]);
  out.push(padTable(prows, ['l', ...header.slice(1).map(() => 'r' as const)]));
  if ([...c.forecasts.flatMap((f) => f.crossings)].some((x) => x.nearPlateau)) out.push(plateauNote(first.horizonYear));
  out.push(YEAR_NOTE);
  return `${out.join('\n')}\n`;
}

/** Worlds simulated for each scenario (before conditioning or weighting). */
const simulated = (f: Comparison['forecasts'][number]) =>
  f.observed ? f.observed.worlds : f.condition ? Math.round(f.condition.keptWorlds / f.condition.keptShare) : f.samples;

/**
 * One row per year any scenario covers (a scenario's cells empty outside its own years, a
 * difference's outside the years its pair shares), then one after-<horizon> row per horizon, and never; per scenario p_, se_ and worlds_ (the worlds
 * its numbers rest on: all of them, those kept by --given-no-tai-by, or the effective number
 * under --given-observed), per difference diff_, se_diff_ and unpaired_se_diff_, each column named
 * by its scenario's id; samples is the number of worlds simulated for each scenario.
 */
export function renderCompareCsv(c: Comparison, overrides: readonly string[] = []): string {
  const [first] = c.forecasts;
  const header = [
    'year',
    ...c.forecasts.flatMap((f) => [`p_${column(f.scenarioId)}`, `se_${column(f.scenarioId)}`, `worlds_${column(f.scenarioId)}`]),
    ...c.differences.flatMap((d) => [`diff_${column(d.scenarioId)}`, `se_diff_${column(d.scenarioId)}`, `unpaired_se_diff_${column(d.scenarioId)}`]),
    'seed',
    'samples',
    'overrides',
    'given_no_tai_by',
  ];
  const meta = [first.seed, simulated(first), overrides.join(' '), first.condition ? first.condition.givenNoTaiBy : ''];
  const num = (x: number) => significant(x, CSV_DIGITS) ?? '';
  const rows: (string | number)[][] = [header];
  // Every year some scenario covers; a scenario's cells are empty outside its years, a difference's outside the years its pair shares.
  for (const y of allYears(c)) {
    rows.push([
      y,
      ...c.forecasts.flatMap((f) => {
        const p = pAt(f, y);
        return p === undefined ? ['', '', ''] : [num(p), num(f.se[y - f.years[0]]), num(f.samples)];
      }),
      ...c.differences.flatMap((d) => {
        const x = diffAt(d, y);
        return x === undefined ? ['', '', ''] : [num(x.diff), num(x.se), num(x.unpairedSe)];
      }),
      ...meta,
    ]);
  }
  // The outcomes past the years: their own probabilities, no differences; one after-<horizon> row per horizon.
  for (const h of horizons(c)) {
    rows.push([
      `after-${h}`,
      ...c.forecasts.flatMap((f) => (f.horizonYear === h ? [num(f.notByHorizon.p), num(f.notByHorizon.se), num(f.samples)] : ['', '', ''])),
      ...c.differences.flatMap(() => ['', '', '']),
      ...meta,
    ]);
  }
  rows.push(['never', ...c.forecasts.flatMap((f) => [num(f.never.p), num(f.never.se), num(f.samples)]), ...c.differences.flatMap(() => ['', '', '']), ...meta]);
  return stringify(rows);
}

export function renderCompareJson(c: Comparison, manifests: Manifest[]): string {
  const body = {
    manifests,
    scenarios: c.forecasts.map(forecastBody),
    differences: c.differences.map((d) => ({
      scenario: d.scenarioId,
      against: c.forecasts[0].scenarioId,
      paired: d.paired,
      years: d.years,
      diff: d.diff.map(round),
      se: d.se.map(round),
      unpairedSe: d.unpairedSe.map(round),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
