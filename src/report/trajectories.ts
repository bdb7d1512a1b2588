/** Trajectories as a table (selected years) or CSV (every year). */
import { stringify } from 'csv-stringify/sync';
import type { Forecast } from '../engine/summary.js';
import type { Manifest } from '../model/manifest.js';
import type { Band, Trajectories } from '../analyses/trajectories.js';
import { count, keyYears, padTable, percent } from './format.js';

const col = (id: string) => id.replace(/-/g, '_');
const fixed = (b: Band) => b[0] === b[2];
const num = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(4)) : '');

export function renderTrajectoriesCsv(t: Trajectories, f: Forecast, overrides: readonly string[] = []): string {
  const bandCols = (name: string) => [`${name}_p10`, `${name}_p50`, `${name}_p90`];
  const header = [
    'year',
    ...bandCols('log10_spend_usd'),
    ...bandCols('log10_flop_per_usd'),
    ...bandCols('log10_affordable_flop'),
    ...t.anchors.map((a) => `algorithmic_oom_${col(a.id)}`),
    ...bandCols('requirement_log10_flop'),
    ...t.anchors.flatMap((a) => bandCols(`requirement_log10_flop_${col(a.id)}`)),
    'p_tai_by_end_of_year',
    'se_p_tai_by_end_of_year',
    'seed',
    'overrides',
  ];
  const rows: (string | number)[][] = [header];
  t.years.forEach((y, j) => {
    const fj = y - f.startYear;
    rows.push([
      y,
      ...t.log10SpendUsd[j].map(num),
      ...t.log10FlopPerUsd[j].map(num),
      ...t.log10AffordableFlop[j].map(num),
      ...t.anchors.map((a) => num(a.algorithmicOom[j])),
      ...t.requirement[j].map(num),
      ...t.anchors.flatMap((a) => a.requirement[j].map(num)),
      num(f.cdf[fj]),
      num(f.se[fj]),
      f.seed,
      overrides.join(' '),
    ]);
  });
  return stringify(rows);
}

export function renderTrajectoriesTable(t: Trajectories, f: Forecast, overrides: readonly string[] = []): string {
  const show = (b: Band) => (fixed(b) ? b[1].toFixed(2) : `${b[1].toFixed(2)} [${b[0].toFixed(1)}, ${b[2].toFixed(1)}]`);
  const out: string[] = [];
  out.push(`Trajectories · ${f.scenarioLabel} [${f.scenarioId}] · seed ${f.seed}`);
  if (overrides.length) out.push(`Changed on the command line: ${overrides.join(' · ')}`);
  out.push(
    `log10 units. Requirement: the 2020 requirement less algorithmic progress, 10/50/90% over ${count(t.worlds)} worlds with an anchor; P(TAI by the end of year) over ${count(f.samples)} worlds. Curves are evaluated at each year (the budget and prices of that year).`,
  );
  out.push('');
  const rows = [['year', 'spend $', 'FLOP/$', 'affordable FLOP', 'requirement p10', 'p50', 'p90', 'P(by year)']];
  for (const y of keyYears(t.years)) {
    const j = y - t.years[0];
    const r = t.requirement[j];
    rows.push([
      String(y),
      show(t.log10SpendUsd[j]),
      show(t.log10FlopPerUsd[j]),
      show(t.log10AffordableFlop[j]),
      r[0].toFixed(1),
      r[1].toFixed(1),
      r[2].toFixed(1),
      percent(f.cdf[y - f.startYear]),
    ]);
  }
  out.push(padTable(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('');
  out.push('Per anchor: algorithmic progress (OOM) and median requirement in that year');
  const years = keyYears(t.years).filter((y) => y % 10 === 0 || y === t.years[0]);
  const arows = [['anchor', ...years.map(String)]];
  for (const a of t.anchors) {
    const shown = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
    arows.push([`${a.id} progress`, ...years.map((y) => shown(a.algorithmicOom[y - t.years[0]], 2))]);
    arows.push([`${a.id} requirement`, ...years.map((y) => shown(a.requirement[y - t.years[0]][1], 1))]);
  }
  out.push(padTable(arows, ['l', ...years.map(() => 'r' as const)]));
  out.push('');
  out.push('Every year and the per-anchor bands: --format csv.');
  return `${out.join('\n')}\n`;
}

/** The trajectories as JSON, with the forecast's P(TAI by year) and the run's manifest. */
export function renderTrajectoriesJson(r: { trajectories: Trajectories; forecast: Forecast; manifest: Manifest }): string {
  const t = r.trajectories;
  return `${JSON.stringify({ manifest: r.manifest, bandWorlds: t.worlds, ...t, pTaiByYear: r.forecast.cdf, se: r.forecast.se }, null, 2)}\n`;
}
