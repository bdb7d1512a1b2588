/** Comparisons on common random numbers: the paired errors are right, and smaller. */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { chunkCount, planScenario } from '../../src/engine/simulate.js';
import { simulatePaired, summarizeComparison } from '../../src/engine/compare.js';
import { sensitivity } from '../../src/engine/sensitivity.js';
import { loadScenario } from '../../src/io/load.js';
import { fixture } from '../helpers.js';

const sd = sampleStandardDeviation;

describe('paired comparison', () => {
  const plans = ['cotra-2020', 'cotra-2020-spend-doubling-2y', 'cotra-2020-aggressive'].map((s) => planScenario(loadScenario(s).scenario));
  const samples = 20_000;
  const runs = 120;
  const comparisons = Array.from({ length: runs }, (_, seed) => summarizeComparison(plans, simulatePaired(plans, seed, samples, 0, chunkCount(samples)), seed));
  const j = 2040 - 2024;

  it('the paired standard error of a difference is far smaller than the unpaired one', () => {
    const c = comparisons[0];
    for (const d of c.differences) expect(d.se[j]).toBeLessThan(0.9 * d.unpairedSe[j]);
    expect(c.differences[0].se[j]).toBeLessThan(0.5 * c.differences[0].unpairedSe[j]);
  });

  it.each([0, 1])('the reported paired error matches the spread of the difference over seeds (scenario %i)', (s) => {
    const observed = sd(comparisons.map((c) => c.differences[s].diff[j]));
    const reported = mean(comparisons.map((c) => c.differences[s].se[j]));
    // The sd of 120 runs is itself uncertain by 1/sqrt(2·119) ≈ 6.5%: allow 3 of those.
    expect(Math.abs(observed / reported - 1)).toBeLessThan(3 / Math.sqrt(2 * (runs - 1)));
  });

  it('each scenario alone matches its own run within its standard error', () => {
    const c = comparisons[0];
    const f = c.forecasts[2];
    expect(f.cdf[j]).toBeGreaterThan(0.6);
    expect(f.cdf[j]).toBeLessThan(0.67);
  });
});

describe('sensitivity', () => {
  it('finds the one input that decides a one-variable scenario, with a variance share near 1', () => {
    const scenario = loadScenario(fixture('point.json'), { sets: ['anchors.simple-low.weight=0', 'anchors.simple-high.weight=1'] }).scenario;
    const r = sensitivity(scenario, { samples: 100_000, seed: 3, metric: { kind: 'p-by-year', year: 2060 } });
    const top = r.rows[0];
    expect(top.input.name).toBe('x (simple-high)');
    // Y is a step function of x, so 20 bins recover all but the bin holding the step.
    expect(top.varianceShare!).toBeGreaterThan(0.9);
    expect(top.varianceShare!).toBeLessThanOrEqual(1);
    // Fixing x at its 5th percentile makes every world arrive by 2060 (requirement 31 < threshold); at its 95th, none.
    expect(top.atLow).toBe(1);
    expect(top.atHigh).toBe(0);
  });
});
