import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { buildLookup, firstReaching } from '../../src/engine/lookup.js';

/** The plain definition: first j with thresholds[j] >= r, else the length. */
const reference = (t: Float64Array, r: number) => {
  const j = t.findIndex((v) => v >= r);
  return j < 0 ? t.length : j;
};

describe('firstReaching with its bucketed lookup', () => {
  const rng = new Rng(4);
  const cases: Float64Array[] = [
    Float64Array.from([26.5, 26.6, 26.9, 27.5, 28, 28, 28, 28.1, 36.3]),
    Float64Array.from([30, 30, 30]),
    Float64Array.from([25]),
    Float64Array.from({ length: 77 }, (_, j) => 26 + Math.min(j, 40) * 0.25 + j * 1e-9),
  ];
  it.each(cases.map((c, i) => [i, c]))('agrees with the definition (case %i)', (_i, t) => {
    const lookup = buildLookup(t as Float64Array);
    const thresholds = t as Float64Array;
    const probes = [-Infinity, Infinity, NaN, ...thresholds, ...thresholds.map((v) => v - 1e-12), ...thresholds.map((v) => v + 1e-12)];
    for (let i = 0; i < 2000; i++) probes.push(thresholds[0] - 1 + rng.uniform() * (thresholds[thresholds.length - 1] - thresholds[0] + 2));
    for (const r of probes) expect(firstReaching(thresholds, lookup, r), `r = ${r}`).toBe(Number.isNaN(r) ? thresholds.length : reference(thresholds, r));
  });
});
