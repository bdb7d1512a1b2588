/** Scenarios side by side: crossing years, P(TAI by year) and paired differences. */
import { stringify } from 'csv-stringify/sync';
import type { Comparison } from '../analyses/compare.js';
import { count, crossingText, observedEvidence, keyYears, levelText, padTable, percent, plateauNote, YEAR_NOTE } from './format.js';
import { forecastBody, round, type Manifest } from './json.js';

const column = (id: string) => id.replace(/-/g, '_');

export function renderCompareTable(c: Comparison, overrides: readonly string[] = []): string {
  const [first] = c.forecasts;
  const out: string[] = [];
  if (first.observed) {
    const o = first.observed;
    out.push(`Given the observations in ${observedEvidence(o)}: ${c.forecasts.every((f) => f.observed?.worlds === o.worlds) ? `${count(o.worlds)} worlds each` : `${c.forecasts.map((f) => count(f.observed?.worlds ?? f.samples)).join(' / ')} worlds`}, importance-weighted · seed ${first.seed} · years ${first.startYear}–${first.horizonYear}`);
    out.push(`Effective worlds: ${c.forecasts.map((f) => `${f.scenarioId} ${count(f.observed?.effectiveWorlds ?? f.samples)}`).join(', ')} (each scenario weighted on its own worlds; differences use unpaired errors)`);
  } else {
    out.push(`Compared on common random numbers: ${count(first.condition ? first.condition.keptWorlds / first.condition.keptShare : first.samples)} worlds each · seed ${first.seed} · years ${first.startYear}–${first.horizonYear}`);
  }
  if (overrides.length) out.push(`Changed on the command line (every scenario): ${overrides.join(' · ')}`);
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
  for (const y of keyYears(first.years)) {
    const j = y - first.startYear;
    prows.push([
      String(y),
      ...c.forecasts.map((f) => percent(f.cdf[j])),
      ...c.differences.map((d) => `${d.diff[j] >= 0 ? '+' : ''}${(d.diff[j] * 100).toFixed(2)} ±${(d.se[j] * 100).toFixed(2)} (${(d.unpairedSe[j] * 100).toFixed(2)})`),
    ]);
  }
  prows.push([`after ${first.horizonYear}`, ...c.forecasts.map((f) => percent(f.notByHorizon.p))]);
  prows.push(['never', ...c.forecasts.map((f) => percent(f.never.p))]);
  out.push(padTable(prows, ['l', ...header.slice(1).map(() => 'r' as const)]));
  if ([...c.forecasts.flatMap((f) => f.crossings)].some((x) => x.nearPlateau)) out.push(plateauNote(first.horizonYear));
  out.push(YEAR_NOTE);
  return `${out.join('\n')}\n`;
}

/** Worlds simulated for each scenario (before conditioning or weighting). */
const simulated = (f: Comparison['forecasts'][number]) => (f.observed ? f.observed.worlds : f.condition ? Math.round(f.condition.keptWorlds / f.condition.keptShare) : f.samples);

/**
 * One row per year, then after-<horizon> and never; per scenario p_, se_ and worlds_ (the worlds
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
  const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(8)) : '');
  const rows: (string | number)[][] = [header];
  first.years.forEach((y, j) => {
    rows.push([y, ...c.forecasts.flatMap((f) => [num(f.cdf[j]), num(f.se[j]), num(f.samples)]), ...c.differences.flatMap((d) => [num(d.diff[j]), num(d.se[j]), num(d.unpairedSe[j])]), ...meta]);
  });
  // The two outcomes past the years: their own probabilities, no differences.
  rows.push([`after-${first.horizonYear}`, ...c.forecasts.flatMap((f) => [num(f.notByHorizon.p), num(f.notByHorizon.se), num(f.samples)]), ...c.differences.flatMap(() => ['', '', '']), ...meta]);
  rows.push(['never', ...c.forecasts.flatMap((f) => [num(f.never.p), num(f.never.se), num(f.samples)]), ...c.differences.flatMap(() => ['', '', '']), ...meta]);
  return stringify(rows);
}

export function renderCompareJson(c: Comparison, manifests: Manifest[]): string {
  const body = {
    manifests,
    scenarios: c.forecasts.map(forecastBody),
    differences: c.differences.map((d) => ({ scenario: d.scenarioId, against: c.forecasts[0].scenarioId, paired: d.paired, diff: d.diff.map(round), se: d.se.map(round), unpairedSe: d.unpairedSe.map(round) })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
