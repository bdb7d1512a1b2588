import { describe, expect, it } from 'vitest';
import { algorithmicOom, capped, log10FlopPerUsd, log10SpendCapUsd, log10SpendUsd, softMinLog10, type CurveValues } from '../../src/engine/curves.js';

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
