#!/usr/bin/env node
// The deliberately naive baseline: the same scenario, simulated the way a straightforward
// JavaScript program would do it: one loop per world, variables drawn one at a time (Box–Muller
// normals), the anchor's formula evaluated by mathjs, and the years walked one by one.
// Usage: node bench/naive.mjs [--samples N] [--seed S] [--scenario ID]; prints JSON.
import { parseArgs } from 'node:util';
import { compile } from 'mathjs';
import { loadScenario } from '../dist/io/load.js';
import { useNodeFiles } from '../dist/node/files.js';

useNodeFiles();
import { normalQuantile } from '../dist/dist/normal.js';
import { Rng } from '../dist/random/rng.js';
import { DEFAULT_SEED } from '../dist/engine/loop.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    scenario: { type: 'string', default: 'cotra-2020' },
  },
});
const samples = Number(values.samples);
const rng = new Rng(Number(values.seed));
const scenario = loadScenario(values.scenario).scenario;
const start = performance.now();

// A growth parameter's value in the current world: a point, or a draw made once per world.
let worldValues = new Map();
const pointOf = (p) => {
  if (p.kind === 'point') return p.value;
  if (p.kind !== 'dist') throw new Error('the naive baseline does not evaluate formula-valued parameters');
  if (!worldValues.has(p)) worldValues.set(p, draw(p.dist));
  return worldValues.get(p);
};
const normal = () => Math.sqrt(-2 * Math.log(rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
function draw(d) {
  switch (d.dist) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.uniform();
    case 'triangular': {
      const u = rng.uniform();
      const c = (d.mode - d.min) / (d.max - d.min);
      return u < c ? d.min + Math.sqrt(u * (d.max - d.min) * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * (d.max - d.min) * (d.max - d.mode));
    }
    case 'normal':
    case 'lognormal': {
      const log = d.dist === 'lognormal';
      const at = (x) => (log ? Math.log(x) : x);
      const mu = d.median !== undefined ? at(d.median) : (at(d.low) + at(d.high)) / 2;
      const sigma = d.sd ?? d.sdLn ?? (at(d.high) - at(d.low)) / (2 * normalQuantile(0.5 + d.level / 2));
      // Truncation by rejection, as a straightforward program would.
      for (;;) {
        const x = log ? Math.exp(mu + sigma * normal()) : mu + sigma * normal();
        if ((d.truncate?.min === undefined || x >= d.truncate.min) && (d.truncate?.max === undefined || x <= d.truncate.max)) return x;
      }
    }
    default:
      throw new Error(`the naive baseline does not draw ${d.dist}`);
  }
}
const soft = (a, b) => -Math.log10(10 ** -a + 10 ** -b);
const cap = (trend, c, kind) => (kind === 'soft' ? soft(trend, c) : Math.min(trend, c));
const pp = scenario.pricePerformance;
const sp = scenario.spending;
function affordable(year) {
  const flopPerUsd = cap(pointOf(pp.log10FlopPerUsd) + ((year - pp.year) * Math.log10(2)) / pointOf(pp.doublingYears), pointOf(pp.maxLog10FlopPerUsd), pp.cap);
  const gdpCap = Math.log10(pointOf(sp.maxGdpFraction)) + pointOf(sp.log10GdpUsd) + (year - sp.gdpYear) * Math.log10(1 + pointOf(sp.gdpGrowthPerYear));
  const spend = cap(pointOf(sp.log10UsdPerRun) + ((year - sp.year) * Math.log10(2)) / pointOf(sp.doublingYears), gdpCap, sp.cap);
  return spend + flopPerUsd;
}
const anchors = scenario.anchors.map((a) => ({ ...a, compiled: compile(a.anchor.formula.source) }));
const arrivals = new Map();
let never = 0;
let notByHorizon = 0;
for (let w = 0; w < samples; w++) {
  let u = rng.uniform();
  const a = anchors.find((x) => (u -= x.weight) < 0);
  if (!a) {
    never++;
    continue;
  }
  worldValues = new Map();
  const scope = {};
  for (const v of a.anchor.variables) scope[v.name] = draw(v.dist);
  const requirement = a.compiled.evaluate(scope);
  const algo = a.algorithmicProgress;
  let arrived = false;
  for (let year = scenario.startYear; year <= scenario.horizonYear; year++) {
    const progress = Math.max(0, cap((Math.max(0, year - algo.startYear) * Math.log10(2)) / pointOf(algo.halvingYears), pointOf(algo.maxOom), algo.cap));
    if (affordable(year) + progress >= requirement) {
      arrivals.set(year, (arrivals.get(year) ?? 0) + 1);
      arrived = true;
      break;
    }
  }
  if (!arrived) notByHorizon++;
}
const seconds = (performance.now() - start) / 1000;
let byYear = 0;
for (const [year, n] of arrivals) if (year <= 2050) byYear += n;
console.log(
  JSON.stringify({
    samples,
    seconds,
    worldsPerSecond: samples / seconds,
    pBy2050: byYear / samples,
    never: never / samples,
    notByHorizon: notByHorizon / samples,
  }),
);
