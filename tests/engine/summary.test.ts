import { describe, expect, it } from 'vitest';
import { binomialSe, crossing } from '../../src/engine/summary.js';

describe('crossing years', () => {
  const years = [2020, 2021, 2022, 2023];
  const cdf = [0.02, 0.1, 0.3, 0.6];

  it('interpolates linearly between year ends (row Y at the date Y + 1), with a delta-method standard error', () => {
    const c = crossing(years, cdf, 10_000, 0.2, 0.1);
    expect(c.status).toBe('year');
    // 0.2 lies halfway between row 2021 (0.1, the date 2022.0) and row 2022 (0.3, the date 2023.0).
    expect(c.year).toBeCloseTo(2022.5, 12);
    expect(c.firstYear).toBe(2022);
    expect(c.se).toBeCloseTo(binomialSe(0.2, 10_000) / 0.2, 12);
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
