/** Comparisons on common random numbers: the paired errors are right, and smaller. */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { chunkCount } from '../../src/engine/loop.js';
import { planScenario } from '../../src/engine/plan.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/engine/summary.js';
import { simulatePaired, summarizeComparison } from '../../src/analyses/compare.js';
import { sensitivity } from '../../src/analyses/sensitivity.js';
import { loadScenario } from '../../src/io/load.js';
import { fixture } from '../helpers.js';
import { FAMILY_Z, excessKurtosis, sdRatioBounds } from '../stats.js';

const sd = sampleStandardDeviation;

describe('paired comparison', () => {
  const plans = ['cotra-2020', 'cotra-2020-spend-doubling-2y', 'cotra-2020-aggressive'].map((s) => planScenario(loadScenario(s).scenario));
  // Many small runs rather than a few large ones: the spread over runs is what is checked, and
  // its precision grows with the number of runs (see sdRatioBounds).
  const samples = 5_000;
  const runs = 480;
  const comparisons = Array.from({ length: runs }, (_, seed) => summarizeComparison(plans, simulatePaired(plans, seed, samples, 0, chunkCount(samples)), seed));
  const j = 2040 - 2024;

  it('the paired standard error of a difference is far smaller than the unpaired one', () => {
    const c = comparisons[0];
    for (const d of c.differences) expect(d.se[j]).toBeLessThan(0.9 * d.unpairedSe[j]);
    expect(c.differences[0].se[j]).toBeLessThan(0.5 * c.differences[0].unpairedSe[j]);
  });

  it.each([0, 1])('the reported paired error matches the spread of the difference over seeds (scenario %i)', (s) => {
    const diffs = comparisons.map((c) => c.differences[s].diff[j]);
    const observed = sd(diffs);
    const reported = mean(comparisons.map((c) => c.differences[s].se[j]));
    // (runs − 1)·s²/σ² is about chi-square with runs − 1 degrees of freedom (widened for the
    // observed kurtosis); for 480 runs the 4.5-sigma bounds on s/σ are about ±15%.
    const [lo, hi] = sdRatioBounds(runs, excessKurtosis(diffs));
    expect(observed / reported).toBeGreaterThan(lo);
    expect(observed / reported).toBeLessThan(hi);
  });

  it('each scenario, run paired, agrees with its own independent run in every year', () => {
    // The paired runs draw every quantity by its quantile function from named streams, the plain
    // run by its own samplers: two independent estimates of the same curve. Averaged over the
    // 480 paired runs (2.4e6 worlds) against one 400,000-world run, every year must agree within
    // 4.5 standard errors of the difference, sqrt(p(1-p)/N₁ + p(1-p)/N₂).
    for (let s = 0; s < plans.length; s++) {
      const own = summarize(plans[s], simulate(plans[s], { samples: 400_000, seed: 77 }), 77);
      own.cdf.forEach((p, year) => {
        const paired = mean(comparisons.map((c) => c.forecasts[s].cdf[year]));
        const se = Math.sqrt(p * (1 - p) * (1 / 400_000 + 1 / (runs * samples)));
        expect(Math.abs(paired - p), `scenario ${s}, year ${own.years[year]}`).toBeLessThanOrEqual(FAMILY_Z * se + 1e-12);
      });
    }
  });
});

describe('sensitivity', () => {
  it('finds the one input that decides a one-variable scenario, with the variance share a step function has', () => {
    const scenario = loadScenario(fixture('point.json'), { sets: ['anchors.simple-low.weight=0', 'anchors.simple-high.weight=1'] }).scenario;
    const samples = 100_000;
    const r = sensitivity(scenario, { samples, seed: 3, metric: { kind: 'p-by-year', year: 2060 } });
    const top = r.rows[0];
    // simple-low has no weight, so its x cannot move the forecast: x is simple-high's alone.
    expect(top.input.name).toBe('x');
    expect(r.fixed).toContain('the variables of anchors with no weight (simple-low)');
    // Y = 1{x ≤ c} is a step function of x. Of 20 equal-probability bins of x, those below the
    // step have E[Y | bin] = 1, those above 0, and the bin holding it q = 20p − ⌊20p⌋: the
    // binned index is 1 − q(1 − q)/(20·p(1 − p)) (0.954 at p = 0.58), not 1.
    const p = r.baseline.cdf[2060 - r.baseline.startYear];
    const binned = (pp: number) => {
      const q = 20 * pp - Math.floor(20 * pp);
      return 1 - (q * (1 - q)) / (20 * pp * (1 - pp));
    };
    // p is the run's own estimate, so the exact value carries its error: slope·se(p). The
    // estimator's own se at fixed p: 0.0008·√(1e5/N) (sd over 60 runs of 1e5 worlds).
    const slope = (binned(p + 1e-4) - binned(p - 1e-4)) / 2e-4;
    const se = Math.hypot(0.0008 * Math.sqrt(1e5 / samples), slope * Math.sqrt((p * (1 - p)) / samples));
    expect(Math.abs(top.varianceShare! - binned(p))).toBeLessThan(FAMILY_Z * se);
    // Fixing x at its 5th percentile makes every world arrive by 2060 (requirement 31 < threshold); at its 95th, none.
    expect(top.atLow).toBe(1);
    expect(top.atHigh).toBe(0);
  });
});
