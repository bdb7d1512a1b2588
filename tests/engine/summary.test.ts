import { describe, expect, it } from 'vitest';
import { crossingText } from '../../src/report/format.js';
import { crossing } from '../../src/engine/summary.js';

describe('crossing years', () => {
  const years = [2020, 2021, 2022, 2023];
  const cdf = [0.02, 0.1, 0.3, 0.6];

  it('interpolates linearly between whole years, with a delta-method standard error', () => {
    // Level 0.25 lies between 0.1 (2021) and 0.3 (2022): 3/4 of the way, on a slope of 0.2 a year.
    // The level and the slope differ, so se(p)/slope is told apart from se(p)/level.
    const c = crossing(years, cdf, 10_000, 0.25, 0.1);
    expect(c.status).toBe('year');
    // Relative to where the curve reaches 0.1 and 0.3 exactly, so whichever year a row stands for.
    const at = (level: number) => crossing(years, cdf, 10_000, level, 0.1);
    expect(c.year! - at(0.1).year!).toBeCloseTo(0.75, 12);
    expect(at(0.3).year! - c.year!).toBeCloseTo(0.25, 12);
    expect(c.firstYear).toBe(at(0.3).firstYear);
    // As a date: a row is the end of its year (model/years.ts), so row 2021 is the date 2022.0.
    expect(c.year).toBeCloseTo(2022.75, 12);
    expect(c.se).toBeCloseTo(Math.sqrt((0.25 * 0.75) / 10_000) / 0.2, 12);
  });

  it('says when the level is reached at or before the first year', () => {
    expect(crossing(years, cdf, 100, 0.01, 0).status).toBe('at-or-before-start');
  });

  it('tells "after the horizon" from "never"', () => {
    expect(crossing(years, cdf, 100, 0.85, 0.1).status).toBe('after-horizon');
    expect(crossing(years, cdf, 100, 0.9, 0.1).status).toBe('after-horizon');
    expect(crossing(years, cdf, 100, 0.95, 0.1).status).toBe('never');
  });
});

describe('crossings that a run cannot settle', () => {
  const years = [2020, 2021, 2022, 2023];
  it("flags a crossing within 2 standard errors of the curve's last value (it may really be after the horizon)", () => {
    const cdf = [0.5, 0.7, 0.745, 0.751];
    const n = 10_000; // se at the end ≈ 0.0043: 0.751 − 0.75 is 0.2 se
    const near = crossing(years, cdf, n, 0.75, 0.1);
    expect(near.status).toBe('year');
    expect(near.nearPlateau).toBe(true);
    expect(crossingText(near, 2023)).toMatch(/\?$/);
    const clear = crossing(years, cdf, n, 0.6, 0.1);
    expect(clear.nearPlateau).toBeUndefined();
    expect(crossingText(clear, 2023)).toBe('2021.5');
  });

  it('says n/a, not ">horizon", for an anchor no world drew', () => {
    const c = crossing(years, [NaN, NaN, NaN, NaN], 0, 0.5, 0);
    expect(c.status).toBe('no-worlds');
    expect(crossingText(c, 2023)).toBe('n/a');
  });
});
