#!/usr/bin/env node
// The rp-* anchors and the rp-2020 / rp-2022 mixtures beside Rethink Priorities' printed percentiles.
// Usage: node bench/rp-requirements.mjs [--samples N --seed S]   (needs `npm run build` first)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../dist/engine/loop.js';
import { loadScenario } from '../dist/io/load.js';
import { useNodeFiles } from '../dist/node/files.js';

useNodeFiles();
import { planScenario } from '../dist/engine/plan.js';
import { quantileSorted } from '../dist/dist/quantile.js';
import { anchorRequirementDraws, mixtureRequirementDraws, quantileStandardError } from '../dist/engine/requirementDraws.js';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '1000000' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } });
const n = Number(values.samples);
const seed = Number(values.seed);
const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, '..', 'tests', 'fixtures', 'reference', 'rp-requirement-percentiles.json'), 'utf8'));
const plans = { 'rp-2020': planScenario(loadScenario('rp-2020').scenario), 'rp-2022': planScenario(loadScenario('rp-2022').scenario) };

function rows(label, rp, sorted) {
  const ours = ref.percentiles.map((p) => quantileSorted(sorted, p / 100));
  const rpSe = ref.percentiles.map((p) => quantileStandardError(sorted, p / 100, ref.rpSamples));
  const maxZ = Math.max(
    ...ours.map(
      (q, i) => Math.abs(q - rp[i]) / Math.hypot(rpSe[i], quantileStandardError(sorted, ref.percentiles[i] / 100, sorted.length), 0.05 / Math.sqrt(3)),
    ),
  );
  console.log(`| ${label} (RP) | ${rp.map((x) => x.toFixed(1)).join(' | ')} | |`);
  console.log(`| ${label} (bioanchors) | ${ours.map((x) => x.toFixed(1)).join(' | ')} | ${maxZ.toFixed(1)} |`);
}

console.log(`Requirement percentiles (log10 FLOP): ${n.toLocaleString('en-US')} draws per anchor, seed ${seed}, beside RP's 10,000-sample printout`);
console.log(`| | ${ref.percentiles.map((p) => `p${p}`).join(' | ')} | max z |`);
console.log(`|---|${ref.percentiles.map(() => '---').join('|')}|---|`);
const plan = plans['rp-2022'];
for (const [id, rp] of Object.entries(ref.anchors)) {
  const i = plan.anchors.findIndex((a) => a.id === id);
  rows(id, rp, anchorRequirementDraws(plan, i, n, seed));
}
for (const [id, rp] of Object.entries(ref.mixtures)) rows(`${id} mixture`, rp, mixtureRequirementDraws(plans[id], n, seed, ref.noPath));
console.log("\nmax z: the largest |bioanchors − RP| over the row, in standard errors (RP's 10,000-sample error, ours, and RP's rounding to 0.1).");
