/**
 * The reported standard errors are right: over many seeds, the spread of an estimate matches
 * the error each run reports for it.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { meetsTarget, worldsNeeded } from '../../src/analyses/precision.js';
import { planScenario } from '../../src/engine/plan.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/engine/summary.js';
import { loadScenario } from '../../src/io/load.js';
import { fixture } from '../helpers.js';
import { excessKurtosis, sdRatioBounds } from '../stats.js';

const sd = sampleStandardDeviation;

describe('standard errors', () => {
  const plan = planScenario(loadScenario('cotra-2020').scenario);
  // Many small runs: the check is on the spread over runs, whose precision grows with their
  // number. 1000 runs of 10,000 worlds take about 2 s.
  const runs = 1000;
  const samples = 10_000;
  const forecasts = Array.from({ length: runs }, (_, seed) => summarize(plan, simulate(plan, { samples, seed: 1000 + seed }), 1000 + seed));

  /**
   * The observed sd over the runs against the mean reported se. (runs − 1)·s²/σ² is chi-square
   * with runs − 1 degrees of freedom for normal estimates, widened for their observed excess
   * kurtosis (sdRatioBounds); the 4.5-sigma bounds on s/σ are about ±10% for 1000 runs. The mean
   * of the reported se is itself uncertain by about 1.3% at the 75% crossing (where the se varies
   * by 40% from run to run with the slope it divides by) and far less elsewhere; the bounds
   * ignore that.
   */
  function expectCalibrated(estimates: number[], reportedSe: number[]): void {
    const observed = sd(estimates);
    const reported = mean(reportedSe);
    const [lo, hi] = sdRatioBounds(estimates.length, excessKurtosis(estimates));
    expect(observed / reported).toBeGreaterThan(lo);
    expect(observed / reported).toBeLessThan(hi);
  }

  it.each([2030, 2040, 2050, 2070, 2100])('P(TAI by %i): reported se matches the spread over seeds', (year) => {
    const j = year - plan.scenario.startYear;
    expectCalibrated(
      forecasts.map((f) => f.cdf[j]),
      forecasts.map((f) => f.se[j]),
    );
  });

  // Crossing years, interpolated, with the delta-method se (summary.ts): at 50% the curve is
  // steep; at 75% (about 2082) it is flattening, so the slope the delta method divides by varies
  // from run to run and a linearisation error would show.
  it.each([0.1, 0.5, 0.75])('the %s crossing year: the delta-method se matches the spread over seeds', (level) => {
    const crossings = forecasts.map((f) => f.crossings.find((c) => c.level === level)!);
    expect(crossings.every((c) => c.status === 'year')).toBe(true);
    expectCalibrated(
      crossings.map((c) => c.year!),
      crossings.map((c) => c.se!),
    );
  });

  it("each anchor's median year: its se (from that anchor's worlds alone) matches the spread over seeds", () => {
    const ids = plan.anchors.map((a) => a.id);
    const checked = ids.filter((_, i) => forecasts.every((f) => f.anchors[i].crossings.find((c) => c.level === 0.5)!.status === 'year'));
    // Every anchor but evolution reaches its median before 2100.
    expect(checked.length).toBeGreaterThanOrEqual(5);
    for (const id of checked) {
      const i = ids.indexOf(id);
      const crossings = forecasts.map((f) => f.anchors[i].crossings.find((c) => c.level === 0.5)!);
      expectCalibrated(
        crossings.map((c) => c.year!),
        crossings.map((c) => c.se!),
      );
    }
  });
});

describe('precision targets', () => {
  const plan = planScenario(loadScenario(fixture('point.json')).scenario);
  const f = summarize(plan, simulate(plan, { samples: 10_000, seed: 1 }), 1);
  it('estimate the worlds a target needs from the 1/√N law', () => {
    const worst = Math.max(...f.se, f.notByHorizon.se, f.never.se);
    expect(worldsNeeded(f, { probability: worst / 2 })).toBe(40_000);
    expect(worldsNeeded(f, { probability: worst * 2 })).toBe(10_000);
    expect(meetsTarget(f, { probability: worst * 1.01 })).toBe(true);
    expect(meetsTarget(f, { probability: worst * 0.99 })).toBe(false);
  });
});
