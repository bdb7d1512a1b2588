#!/usr/bin/env node
// How scenarios/cotra-2022-fit.json was found: a grid search for the fitted stand-ins that bring the
// report's 2020 model, with Cotra's own 2022 change (FLOP per dollar 10x higher in 2020), closest to
// her stated 2022 numbers (reference/cotra-2022-stated.csv: ~15% by 2030, ~35% by 2036, ~50% by
// 2040, ~60% by 2050).
//
// Usage: node bench/fit-cotra-2022.mjs [--samples N --seed S]   (needs `npm run build` first)
//
// The stand-ins searched, each for one of her qualitative reasons (see the scenario file):
//   - transformativeVsBrainOom's median and spread (cotra-2020: normal, median 1, sd 1.27): a lower,
//     better-defined bar than the 2020 report's (a model that automates AI research);
//   - spending.doublingYears (cotra-2020: 2.5): investment in the largest runs growing faster;
//   - the weight on "no anchor" (cotra-2020: 10%), the six anchors keeping their 2020 proportions.
// Every run uses the same seed, so the grid compares the settings on common random numbers. With
// every growth value fixed, an anchor's curve does not depend on the weights, so the "no anchor"
// weight is solved on each run's per-anchor curves rather than simulated again.
import { parseArgs } from 'node:util';
import { forecast, loadInput } from '../dist/api.js';
import { DEFAULT_SEED } from '../dist/engine/loop.js';
import { readReferenceCsv, cotra2022Stated } from '../dist/io/reference.js';
import { useNodeFiles } from '../dist/node/files.js';

useNodeFiles();

const { values } = parseArgs({ options: { samples: { type: 'string', default: '100000' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } });
const samples = Number(values.samples);
const seed = Number(values.seed);
const stated = readReferenceCsv(cotra2022Stated());

/** Her own change (see the scenario's pricePerformance.source). */
const HERS = ['pricePerformance.log10FlopPerUsd=18'];
const GRID = {
  median: [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75],
  sd: [0.4, 0.55, 0.7, 0.85, 1, 1.27],
  spendDoublingYears: [1.25, 1.5, 1.75, 2, 2.5],
};
const NONE_WEIGHTS = Array.from({ length: 41 }, (_, i) => 0.1 + i * 0.005);

const results = [];
for (const median of GRID.median) {
  for (const sd of GRID.sd) {
    for (const spendDoublingYears of GRID.spendDoublingYears) {
      const set = [
        ...HERS,
        `variables.transformativeVsBrainOom=${JSON.stringify({ dist: 'normal', median, sd })}`,
        `spending.doublingYears=${spendDoublingYears}`,
      ];
      const { forecast: f } = await forecast(loadInput('cotra-2020', { set }), { samples, seed });
      const anchorsAt = stated.map((r) => f.anchors.reduce((sum, a) => sum + a.weight * a.cdf[r.year - f.startYear], 0));
      const anchorWeight = f.anchors.reduce((sum, a) => sum + a.weight, 0);
      for (const none of NONE_WEIGHTS) {
        const p = anchorsAt.map((x) => (x * (1 - none)) / anchorWeight);
        const maxError = Math.max(...p.map((x, i) => Math.abs(x - stated[i].p)));
        results.push({ median, sd, spendDoublingYears, none, p, maxError });
      }
    }
  }
}
results.sort((a, b) => a.maxError - b.maxError);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`Fit of cotra-2022-fit: cotra-2020 with ${HERS.join(', ')}; ${samples.toLocaleString('en-US')} worlds a setting, seed ${seed}`);
console.log(`Cotra's stated 2022 numbers: ${stated.map((r) => `${pct(r.p)} by ${r.year}`).join(', ')}\n`);
console.log(
  `| transformativeVsBrainOom median | sd | spending doubling (years) | no anchor | ${stated.map((r) => `P(by ${r.year})`).join(' | ')} | largest miss (pp) |`,
);
console.log(`|---|---|---|---|${stated.map(() => '---|').join('')}---|`);
for (const r of results.slice(0, 10)) {
  console.log(`| ${r.median} | ${r.sd} | ${r.spendDoublingYears} | ${pct(r.none)} | ${r.p.map(pct).join(' | ')} | ${(100 * r.maxError).toFixed(2)} |`);
}
const at2020 = results.find((r) => r.none === 0.1);
console.log(
  `\nBest with "no anchor" at its 2020 weight (10%): median ${at2020.median}, sd ${at2020.sd}, spending doubling ${at2020.spendDoublingYears}: ${at2020.p.map(pct).join(' / ')}, largest miss ${(100 * at2020.maxError).toFixed(2)} pp`,
);
const best = results[0];
const base = loadInput('cotra-2020').loaded.scenario.anchors;
console.log('\nBest setting, as the scenario file states it (anchor weights: 2020 weights × (1 − no anchor) / 0.9):');
console.log(
  JSON.stringify(
    {
      transformativeVsBrainOom: { dist: 'normal', median: best.median, sd: best.sd },
      spendingDoublingYears: best.spendDoublingYears,
      weights: Object.fromEntries(base.map((a) => [a.anchor.id, +((a.weight * (1 - best.none)) / 0.9).toFixed(4)])),
    },
    null,
    2,
  ),
);
