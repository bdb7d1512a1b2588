import { describe, expect, it } from 'vitest';
import { analyticRequirementCdf, closedFormCdf, empiricalRequirementCdf } from '../../src/engine/closedForm.js';
import { CHUNK_SIZE, chunkCount } from '../../src/engine/loop.js';
import { mergeCounts, type Counts } from '../../src/engine/counts.js';
import { planScenario } from '../../src/engine/plan.js';
import { simulate, simulateChunks } from '../../src/engine/simulate.js';
import { summarize } from '../../src/engine/summary.js';
import { loadScenario } from '../../src/io/load.js';
import { fixture } from '../helpers.js';
import { FAMILY_Z } from '../stats.js';

const plainCounts = (c: Counts) => ({ worlds: c.worlds, never: c.never, perAnchor: c.perAnchor.map((h) => Array.from(h)) });

describe('simulate', () => {
  it('gives identical counts for the same seed, and different ones for another seed', () => {
    const plan = planScenario(loadScenario(fixture('point.json')).scenario);
    const a = simulate(plan, { samples: 50_000, seed: 3 });
    const b = simulate(plan, { samples: 50_000, seed: 3 });
    const c = simulate(plan, { samples: 50_000, seed: 4 });
    expect(plainCounts(a)).toEqual(plainCounts(b));
    expect(plainCounts(a)).not.toEqual(plainCounts(c));
  });

  it('does not depend on how the chunks are split between workers', () => {
    const plan = planScenario(loadScenario(fixture('uncertain.json')).scenario);
    const samples = 5 * CHUNK_SIZE + 123;
    const whole = simulate(plan, { samples, seed: 11 });
    const parts = [simulateChunks(plan, 11, samples, 0, 2), simulateChunks(plan, 11, samples, 2, 5), simulateChunks(plan, 11, samples, 5, chunkCount(samples))];
    const merged = parts[0];
    mergeCounts(merged, parts[2]);
    mergeCounts(merged, parts[1]);
    expect(plainCounts(merged)).toEqual(plainCounts(whole));
  });

  it('with point-valued curves agrees with the closed form Σ w_i F_i(threshold_i(Y)) in every year', () => {
    const plan = planScenario(loadScenario(fixture('point.json')).scenario);
    const samples = 400_000;
    const forecast = summarize(plan, simulate(plan, { samples, seed: 5 }), 5);
    const exact = closedFormCdf(
      plan,
      plan.anchors.map((_, i) => analyticRequirementCdf(plan, i)!),
    );
    // All 77 years at the family-wise 4.5 standard errors (a 3-sigma check of 6 years alone would
    // fail by chance for about one seed in 60).
    exact.forEach((p, j) => expect(Math.abs(forecast.cdf[j] - p), `year ${plan.years[j]}`).toBeLessThan(FAMILY_Z * Math.sqrt((p * (1 - p)) / samples) + 1e-12));
  });

  it('the default scenario agrees with the closed form over independently drawn requirements', () => {
    const plan = planScenario(loadScenario('cotra-2020').scenario);
    const samples = 300_000;
    const forecast = summarize(plan, simulate(plan, { samples, seed: 9 }), 9);
    const perAnchor = 400_000;
    const cdfs = plan.anchors.map((_, i) => empiricalRequirementCdf(plan, i, 1234, perAnchor));
    const reference = closedFormCdf(plan, cdfs);
    for (const year of [2030, 2036, 2040, 2050, 2100]) {
      const j = year - plan.scenario.startYear;
      // Both sides are estimates: combine the Monte Carlo error with that of the empirical CDFs.
      const seMc = Math.sqrt((reference[j] * (1 - reference[j])) / samples);
      const seRef = Math.sqrt(
        plan.anchors.reduce((s, a, i) => {
          const f = cdfs[i](a.thresholds![j]);
          return s + (a.weight ** 2 * f * (1 - f)) / perAnchor;
        }, 0),
      );
      expect(Math.abs(forecast.cdf[j] - reference[j]), `year ${year}`).toBeLessThan(FAMILY_Z * Math.hypot(seMc, seRef));
    }
  });

  it('an uncertain parameter with (almost) no spread gives the point-valued answer', () => {
    const point = planScenario(loadScenario(fixture('point.json')).scenario);
    const nearly = planScenario(
      loadScenario(fixture('point.json'), {
        sets: ['spending.doublingYears={"dist":"uniform","min":2.4999999,"max":2.5000001}', 'algorithmicProgress.maxOom={"formula":"3 + 0 * requirement"}'],
      }).scenario,
    );
    expect(nearly.anchors[0].thresholds).toBeNull();
    const a = summarize(point, simulate(point, { samples: 100_000, seed: 2 }), 2);
    const b = summarize(nearly, simulate(nearly, { samples: 100_000, seed: 2 }), 2);
    // Same seed and the same draws for the requirement: the arrival years can only differ for a
    // requirement within about 1e-7 OOM of a year's threshold, which one world in 1e7 or so has.
    // Allow 2 worlds per year (0.5 se, as before, allowed about 75: enough to hide requirement
    // draws that moved when a growth parameter became uncertain, in most years).
    a.cdf.forEach((p, j) => expect(Math.abs(p - b.cdf[j]) * 100_000, `year ${a.years[j]}`).toBeLessThanOrEqual(2 + 1e-6));
  });

  it('keeps "never" (no anchor) and "not by the horizon" apart', () => {
    const plan = planScenario(loadScenario(fixture('point.json')).scenario);
    const samples = 200_000;
    const f = summarize(plan, simulate(plan, { samples, seed: 1 }), 1);
    expect(Math.abs(f.never.p - 0.1)).toBeLessThan(FAMILY_Z * Math.sqrt((0.1 * 0.9) / samples));
    expect(f.notByHorizon.p).toBeGreaterThan(0.01);
    expect(f.cdf[f.cdf.length - 1] + f.notByHorizon.p + f.never.p).toBeCloseTo(1, 12);
    expect(f.crossings.find((c) => c.level === 0.95)!.status).toBe('never');
  });
});
