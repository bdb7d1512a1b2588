/**
 * The arrival year found in closed form (hard caps) and by the bracketed check (soft caps) is
 * exactly the year a plain year-by-year scan of the curves finds, over many random worlds:
 * soft and hard caps, caps reached before the first year, shrinking budgets, progress starting
 * after the first year, requirements at or below the first year's total, and beyond the horizon.
 */
import { describe, expect, it } from 'vitest';
import { arrivalYearIndex, arrivalYearIndexByScan } from '../../src/engine/arrival.js';
import { WorldCurves, type CurveValues } from '../../src/engine/curves.js';
import { Rng } from '../../src/random/rng.js';

function randomWorld(rng: Rng): { world: WorldCurves; firstYear: number; nYears: number; total0: number } {
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
  };
  const world = new WorldCurves();
  world.setGrowth(v);
  const firstYear = pick([2020, 2024, 2025]);
  world.setProgress(pick([2015, 2020, 2030, firstYear]), 0.5 + 4 * u(), pick([0, 2 * u(), 3 + 3 * u()]), u() < 0.5);
  const nYears = pick([1, 2, 77, 100]);
  return { world, firstYear, nYears, total0: world.total(firstYear) };
}

describe('arrivalYearIndex', () => {
  it('agrees with a year-by-year scan on 200,000 random worlds and requirements', () => {
    const rng = new Rng(20200918, 0, 'test:arrival');
    let mismatches = 0;
    let checked = 0;
    const kinds = { atStart: 0, inside: 0, after: 0 };
    for (let i = 0; i < 40_000; i++) {
      const { world, firstYear, nYears, total0 } = randomWorld(rng);
      const last = world.total(firstYear + nYears - 1);
      // Requirements below, at and above the first year's total, inside the range, and far beyond.
      for (const r of [total0 - 1, total0, total0 + (last - total0) * rng.uniform(), last + 1e-9, last + 5]) {
        const fast = arrivalYearIndex(world, firstYear, nYears, r);
        const scan = arrivalYearIndexByScan(world, firstYear, nYears, r);
        if (fast !== scan) mismatches++;
        checked++;
        if (scan === 0) kinds.atStart++;
        else if (scan === nYears) kinds.after++;
        else kinds.inside++;
      }
    }
    expect(mismatches).toBe(0);
    expect(checked).toBe(200_000);
    // The random worlds exercise every outcome.
    expect(Math.min(kinds.atStart, kinds.inside, kinds.after)).toBeGreaterThan(10_000);
  });

  it('says "after the horizon" for a requirement that is not a number', () => {
    const { world, firstYear, nYears } = randomWorld(new Rng(1, 0, 'test:arrival'));
    expect(arrivalYearIndex(world, firstYear, nYears, NaN)).toBe(nYears);
  });
});
