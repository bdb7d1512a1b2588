/**
 * The arrival year found in closed form (hard caps) and by the bracketed check (soft caps) is
 * exactly the year a plain year-by-year scan of the curves finds, over many random worlds:
 * soft and hard caps, caps reached before the first year, shrinking budgets, progress starting
 * after the first year, requirements at or below the first year's total, and beyond the horizon;
 * and the same with a ceiling on the largest run (hard and soft, fixed and growing).
 */
import { describe, expect, it } from 'vitest';
import { arrivalYearIndex, arrivalYearIndexByScan } from '../../src/engine/arrival.js';
import { WorldCurves, type CurveValues } from '../../src/engine/curves.js';
import { Rng } from '../../src/random/rng.js';

type Ceiling = 'none' | 'hard' | 'soft';

function randomWorld(rng: Rng, ceiling: Ceiling = 'none'): { world: WorldCurves; firstYear: number; nYears: number; total0: number } {
  const u = () => rng.uniform();
  const pick = <T>(xs: T[]) => xs[Math.floor(u() * xs.length)];
  const v: CurveValues = {
    log10FlopPerUsd: 15 + 4 * u(),
    flopPerUsdYear: pick([2015, 2020, 2025]),
    flopPerUsdDoublingYears: pick([0.5 + 4 * u(), -(1 + 5 * u()), 1e6]),
    // Ceilings below today's level (reached before the first year) as well as far above.
    maxLog10FlopPerUsd: pick([14 + 4 * u(), 18 + 8 * u()]),
    flopPerUsdSoft: u() < 0.5,
    log10UsdPerRun: 6 + 4 * u(),
    spendYear: pick([2020, 2025]),
    spendDoublingYears: pick([0.5 + 4 * u(), -(2 + 5 * u())]),
    log10GdpUsd: 12.5 + u(),
    gdpYear: 2020,
    gdpGrowthPerYear: pick([0.03, -0.05 * u(), 0.1 * u()]),
    maxGdpFraction: pick([1e-4, 0.01 * u() + 1e-6, 1]),
    spendSoft: u() < 0.5,
    log10CeilingFlop: Infinity,
    ceilingYear: 0,
    ceilingDoublingYears: Infinity,
    ceilingSoft: false,
  };
  if (ceiling !== 'none') {
    // Bought FLOP starts between 1e21 and 1e29: ceilings below it, at about its level and far above; fixed, slow and fast.
    v.log10CeilingFlop = pick([19 + 4 * u(), 23 + 6 * u(), 29 + 4 * u()]);
    v.ceilingYear = pick([2020, 2030]);
    v.ceilingDoublingYears = pick([Infinity, 0.3 + u(), 1 + 5 * u()]);
    v.ceilingSoft = ceiling === 'soft';
  }
  const world = new WorldCurves();
  world.setGrowth(v);
  const firstYear = pick([2020, 2024, 2025]);
  world.setProgress(pick([2015, 2020, 2030, firstYear]), 0.5 + 4 * u(), pick([0, 2 * u(), 3 + 3 * u()]), u() < 0.5);
  const nYears = pick([1, 2, 77, 100]);
  return { world, firstYear, nYears, total0: world.total(firstYear) };
}

function agreement(rng: Rng, ceiling: Ceiling, worlds: number) {
  let mismatches = 0;
  let checked = 0;
  let ceiled = 0;
  const kinds = { atStart: 0, inside: 0, after: 0 };
  for (let i = 0; i < worlds; i++) {
    const { world, firstYear, nYears, total0 } = randomWorld(rng, ceiling);
    const last = world.total(firstYear + nYears - 1);
    const lastYear = firstYear + nYears - 1;
    // The ceiling holds affordable FLOP below what spending buys in some year of this world.
    if (ceiling !== 'none' && world.affordable(lastYear) < world.spendUsd(lastYear) + world.flopPerUsd(lastYear) - 1e-6) ceiled++;
    // Requirements below, at and above the first year's total, inside the range, exactly at a year's total, and far beyond.
    const atYear = world.total(firstYear + Math.floor(rng.uniform() * nYears));
    for (const r of [total0 - 1, total0, total0 + (last - total0) * rng.uniform(), atYear, last + 1e-9, last + 5]) {
      const fast = arrivalYearIndex(world, firstYear, nYears, r);
      const scan = arrivalYearIndexByScan(world, firstYear, nYears, r);
      if (fast !== scan) mismatches++;
      checked++;
      if (scan === 0) kinds.atStart++;
      else if (scan === nYears) kinds.after++;
      else kinds.inside++;
    }
  }
  return { mismatches, checked, ceiled, kinds };
}

describe('arrivalYearIndex', () => {
  it.each(['hard', 'soft'] as const)(
    'agrees with a year-by-year scan on 120,000 random worlds and requirements with a %s ceiling on the largest run',
    (ceiling) => {
      const { mismatches, checked, ceiled, kinds } = agreement(new Rng(20240820, 0, `test:arrival:${ceiling}`), ceiling, 20_000);
      expect(mismatches).toBe(0);
      expect(checked).toBe(120_000);
      // The ceiling binds in many of the worlds, and every outcome is exercised.
      expect(ceiled).toBeGreaterThan(5_000);
      expect(Math.min(kinds.atStart, kinds.inside, kinds.after)).toBeGreaterThan(5_000);
    },
  );

  it('agrees with a year-by-year scan on 240,000 random worlds and requirements', () => {
    const { mismatches, checked, kinds } = agreement(new Rng(20200918, 0, 'test:arrival'), 'none', 40_000);
    expect(mismatches).toBe(0);
    expect(checked).toBe(240_000);
    // The random worlds exercise every outcome.
    expect(Math.min(kinds.atStart, kinds.inside, kinds.after)).toBeGreaterThan(10_000);
  });

  it('finds the first year when the requirement is exactly the total there and a sum of slopes nearly cancels', () => {
    // Spending falls at almost exactly the rate progress rises (the sum of their slopes is −7e-7 OOM a year),
    // so the closed form's upper bound on the years is far off its rounding: the first year still counts.
    const v: CurveValues = {
      log10FlopPerUsd: 17.053239014504467,
      flopPerUsdYear: 2020,
      flopPerUsdDoublingYears: Math.log10(2) / 0.0837885652838034,
      maxLog10FlopPerUsd: 15.925428243374244,
      flopPerUsdSoft: false,
      log10UsdPerRun: 6.448586084879512,
      spendYear: 2025,
      spendDoublingYears: -Math.log10(2) / 0.07478638144469489,
      log10GdpUsd: 12.565821340119777,
      gdpYear: 2020,
      gdpGrowthPerYear: 0.0361762190489671,
      maxGdpFraction: 1e-4,
      spendSoft: false,
      log10CeilingFlop: Infinity,
      ceilingYear: 0,
      ceilingDoublingYears: Infinity,
      ceilingSoft: false,
    };
    const world = new WorldCurves().setGrowth(v);
    world.setProgress(2020, Math.log10(2) / 0.0747856791319212, 0.4732876618022812, true);
    const r = world.total(2020);
    expect(arrivalYearIndexByScan(world, 2020, 100, r)).toBe(0);
    expect(arrivalYearIndex(world, 2020, 100, r)).toBe(0);
  });

  it('says "after the horizon" for a requirement that is not a number', () => {
    const { world, firstYear, nYears } = randomWorld(new Rng(1, 0, 'test:arrival'));
    expect(arrivalYearIndex(world, firstYear, nYears, NaN)).toBe(nYears);
  });
});
