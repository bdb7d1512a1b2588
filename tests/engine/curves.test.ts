import { describe, expect, it } from 'vitest';
import {
  algorithmicOom,
  capped,
  log10AffordableFlop,
  log10FlopPerUsd,
  log10SpendCapUsd,
  log10SpendUsd,
  softMinLog10,
  type CurveValues,
} from '../../src/engine/curves.js';

const base: CurveValues = {
  log10FlopPerUsd: 17,
  flopPerUsdYear: 2020,
  flopPerUsdDoublingYears: 2.5,
  maxLog10FlopPerUsd: 24,
  flopPerUsdSoft: false,
  log10UsdPerRun: 9,
  spendYear: 2025,
  spendDoublingYears: 2.5,
  log10GdpUsd: Math.log10(2.13e13),
  gdpYear: 2020,
  gdpGrowthPerYear: 0.03,
  maxGdpFraction: 0.01,
  spendSoft: false,
  log10CeilingFlop: Infinity,
  ceilingYear: 0,
  ceilingDoublingYears: Infinity,
  ceilingSoft: false,
};

describe('growth curves', () => {
  it('FLOP per dollar doubles every doublingYears until the cap', () => {
    expect(log10FlopPerUsd(base, 2020)).toBe(17);
    expect(log10FlopPerUsd(base, 2025)).toBeCloseTo(17 + 2 * Math.log10(2), 12);
    expect(log10FlopPerUsd(base, 2200)).toBe(24);
  });

  it('a soft cap is half the cap where trend and cap meet, and below both elsewhere', () => {
    expect(softMinLog10(5, 5)).toBeCloseTo(5 - Math.log10(2), 12);
    expect(capped(3, 5, true)).toBeLessThan(3);
    expect(capped(3, 5, true)).toBeCloseTo(-Math.log10(10 ** -3 + 10 ** -5), 12);
    expect(capped(30, 5, true)).toBeCloseTo(5, 12);
  });

  it('spending follows its trend until 1% of GDP, which grows 3% a year', () => {
    expect(log10SpendUsd(base, 2025)).toBe(9);
    expect(log10SpendCapUsd(base, 2020)).toBeCloseTo(Math.log10(2.13e11), 12);
    expect(log10SpendUsd(base, 2100)).toBeCloseTo(Math.log10(2.13e11 * 1.03 ** 80), 10);
  });

  it('algorithmic progress: none before the start, halving time, capped, never negative', () => {
    expect(algorithmicOom(2020, 2.5, 3, false, 2019)).toBe(0);
    expect(algorithmicOom(2020, 2.5, 3, false, 2030)).toBeCloseTo(4 * Math.log10(2), 12);
    expect(algorithmicOom(2020, 2.5, 3, false, 2100)).toBe(3);
    expect(algorithmicOom(2020, 2.5, 3, true, 2020)).toBe(0);
    expect(algorithmicOom(2020, 2.5, 3, true, 2100)).toBeLessThan(3);
  });
});

describe('the ceiling on the largest run', () => {
  const ceiled = { ...base, log10CeilingFlop: Math.log10(2e29), ceilingYear: 2030, ceilingDoublingYears: Infinity };

  it('a hard ceiling caps what spending buys, and a fixed one stays where it is', () => {
    // Bought in 2100: spending at 1% of GDP × FLOP per dollar at its 1e24 ceiling, far above 2e29.
    const bought = log10SpendUsd(base, 2100) + log10FlopPerUsd(base, 2100);
    expect(bought).toBeGreaterThan(34);
    expect(log10AffordableFlop(ceiled, 2100)).toBe(Math.log10(2e29));
    // Below the ceiling nothing changes, to the bit.
    expect(log10AffordableFlop(ceiled, 2021)).toBe(log10AffordableFlop(base, 2021));
  });

  it('a growing ceiling doubles every doublingYears from its year', () => {
    // 1e26 in 2030, doubling every 5 years: 4e26 in 2040, where spending would buy ~1e30.
    const growing = { ...base, log10CeilingFlop: 26, ceilingYear: 2030, ceilingDoublingYears: 5 };
    expect(log10SpendUsd(base, 2040) + log10FlopPerUsd(base, 2040)).toBeGreaterThan(30);
    expect(log10AffordableFlop(growing, 2040)).toBeCloseTo(26 + 2 * Math.log10(2), 12);
  });

  it('a soft ceiling halves the affordable FLOP where trend and ceiling meet', () => {
    // The year's bought FLOP as the ceiling: trend and cap meet there, and the soft cap is half of either.
    const year = 2040;
    const bought = log10SpendUsd(base, year) + log10FlopPerUsd(base, year);
    const meet = { ...base, log10CeilingFlop: bought, ceilingYear: year, ceilingDoublingYears: Infinity };
    expect(log10AffordableFlop({ ...meet, ceilingSoft: true }, year)).toBeCloseTo(bought - Math.log10(2), 12);
    expect(10 ** (log10AffordableFlop({ ...meet, ceilingSoft: true }, year) - bought)).toBeCloseTo(0.5, 12);
    expect(log10AffordableFlop(meet, year)).toBe(bought);
  });
});

describe('WorldCurves (the per-world form used when growth is uncertain)', () => {
  it('equals the plain curves, and its hard-capped bound lies within the soft slack above them', async () => {
    const { Rng } = await import('../../src/random/rng.js');
    const { WorldCurves, log10AffordableFlop, algorithmicOom } = await import('../../src/engine/curves.js');
    const rng = new Rng(12);
    const world = new WorldCurves();
    for (let i = 0; i < 500; i++) {
      const v = {
        ...base,
        flopPerUsdDoublingYears: 1 + 3 * rng.uniform(),
        spendDoublingYears: 0.5 + 3 * rng.uniform(),
        gdpGrowthPerYear: 0.05 * rng.uniform(),
        maxGdpFraction: 0.002 + 0.05 * rng.uniform(),
        maxLog10FlopPerUsd: 21 + 5 * rng.uniform(),
        flopPerUsdSoft: rng.uniform() < 0.5,
        spendSoft: rng.uniform() < 0.5,
        // A ceiling on the largest run in a third of the worlds, hard or soft, fixed or growing.
        ...(i % 3 === 0
          ? {
              log10CeilingFlop: 27 + 4 * rng.uniform(),
              ceilingYear: 2030,
              ceilingDoublingYears: i % 2 ? Infinity : 1 + 3 * rng.uniform(),
              ceilingSoft: rng.uniform() < 0.5,
            }
          : {}),
      };
      const [h, m, soft] = [1.5 + 2 * rng.uniform(), 5 * rng.uniform(), rng.uniform() < 0.5];
      world.setGrowth(v);
      world.setProgress(2020, h, m, soft);
      for (const year of [2024, 2030, 2050, 2100]) {
        const exact = log10AffordableFlop(v, year) + algorithmicOom(2020, h, m, soft, year);
        expect(world.affordable(year) + world.progress(year)).toBeCloseTo(exact, 10);
        const hard = world.totalHard(year);
        expect(hard).toBeGreaterThanOrEqual(exact - 1e-12);
        expect(hard - world.softSlack(true)).toBeLessThanOrEqual(exact + 1e-12);
      }
    }
  });
});
