/**
 * The reported standard errors are right: over many seeds, the spread of an estimate matches
 * the error each run reports for it.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { meetsTarget, worldsNeeded } from '../../src/engine/precision.js';
import { planScenario, simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/engine/summary.js';
import { loadScenario } from '../../src/io/load.js';
import { fixture } from '../helpers.js';

const sd = sampleStandardDeviation;

describe('standard errors', () => {
  const plan = planScenario(loadScenario('cotra-2020').scenario);
  const runs = 300;
  const samples = 20_000;
  const forecasts = Array.from({ length: runs }, (_, seed) => summarize(plan, simulate(plan, { samples, seed: 1000 + seed }), seed));
  // With 300 runs the observed sd is itself uncertain by about 1/sqrt(2·299) ≈ 4%: allow 3 of those.
  const tolerance = 3 / Math.sqrt(2 * (runs - 1));

  it.each([2030, 2040, 2050, 2070, 2100])('P(TAI by %i): reported se matches the spread over seeds', (year) => {
    const j = year - plan.scenario.startYear;
    const observed = sd(forecasts.map((f) => f.cdf[j]));
    const reported = mean(forecasts.map((f) => f.se[j]));
    expect(Math.abs(observed / reported - 1)).toBeLessThan(tolerance);
  });

  it('the median year: the delta-method se matches the spread over seeds', () => {
    const years = forecasts.map((f) => f.crossings.find((c) => c.level === 0.5)!);
    const observed = sd(years.map((c) => c.year!));
    const reported = mean(years.map((c) => c.se!));
    expect(Math.abs(observed / reported - 1)).toBeLessThan(tolerance + 0.05);
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
