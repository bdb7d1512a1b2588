#!/usr/bin/env node
// How close the bundled best-guess scenario comes to the report's published curve.
// Usage: npm run reproduce [-- --samples N --seed S]   (needs `npm run build` first)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { crossing, summarize } from '../dist/engine/summary.js';
import { DEFAULT_SEED } from '../dist/engine/loop.js';
import { loadScenario } from '../dist/io/load.js';
import { useNodeFiles } from '../dist/node/files.js';

useNodeFiles();
import { planScenario } from '../dist/engine/plan.js';
import { simulate } from '../dist/engine/simulate.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    scenario: { type: 'string', default: 'cotra-2020' },
  },
});
const samples = Number(values.samples);
const seed = Number(values.seed);
const here = dirname(fileURLToPath(import.meta.url));
const reference = new Map(
  readFileSync(join(here, '..', 'tests', 'fixtures', 'reference', 'cotra-2020-best-guess-cdf.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number)),
);

const plan = planScenario(loadScenario(values.scenario).scenario);
const f = summarize(plan, simulate(plan, { samples, seed }), seed);
const at = (year) => f.cdf[year - f.startYear];
const seAt = (year) => f.se[year - f.startYear];

/**
 * The reference curve's crossing of a level (a probability), as a date under the project's year
 * convention (row Y = the end of year Y, the date Y + 1), interpolated as ours are.
 */
function referenceCrossing(level) {
  const years = [...reference.keys()];
  return crossing(
    years,
    years.map((y) => reference.get(y) / 100),
    Infinity,
    level,
    0.1,
  ).year;
}

console.log(`Reproduction of Cotra (2020) best guess: scenario ${values.scenario}, ${samples.toLocaleString('en-US')} worlds, seed ${seed}\n`);
console.log('| year | report | bioanchors | ± se | difference (pp) |');
console.log('|---|---|---|---|---|');
let maxAbs = 0;
for (const year of reference.keys()) maxAbs = Math.max(maxAbs, Math.abs(at(year) * 100 - reference.get(year)));
for (const year of [2025, 2030, 2036, 2040, 2045, 2050, 2060, 2070, 2080, 2090, 2100]) {
  const ours = at(year) * 100;
  const ref = reference.get(year);
  console.log(
    `| ${year} | ${ref.toFixed(2)}% | ${ours.toFixed(2)}% | ${(seAt(year) * 100).toFixed(2)} | ${(ours - ref >= 0 ? '+' : '') + (ours - ref).toFixed(2)} |`,
  );
}
console.log(`\nLargest difference over every year 2024–2100: ${maxAbs.toFixed(2)} pp\n`);
console.log("Crossing dates: a year row is the end of its year (the report's own figures, interpolated with rows at Y.0, are one year less).\n");
console.log('| level | report (rows at Y.0) | report (date) | bioanchors (date) | ± se (years) | difference (years) |');
console.log('|---|---|---|---|---|---|');
for (const c of f.crossings.filter((c) => [0.05, 0.1, 0.25, 0.5, 0.75].includes(c.level))) {
  const ref = referenceCrossing(c.level);
  const ours = c.status === 'year' ? c.year : NaN;
  console.log(
    `| ${c.level * 100}% | ${(ref - 1).toFixed(1)} | ${ref.toFixed(1)} | ${Number.isFinite(ours) ? ours.toFixed(1) : c.status} | ${c.se === null ? '' : c.se.toFixed(2)} | ${Number.isFinite(ours) ? (ours - ref >= 0 ? '+' : '') + (ours - ref).toFixed(1) : ''} |`,
  );
}
