import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/engine/normal.js';
import { Rng } from '../../src/engine/rng.js';
import { zigguratNormal } from '../../src/engine/ziggurat.js';

describe('zigguratNormal', () => {
  const n = 2_000_000;
  const rng = new Rng(99);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = zigguratNormal(rng);
  x.sort();

  // The empirical CDF at each point must lie within 4 binomial standard errors of Φ; points past
  // 3.44 exercise the tail algorithm, points near layer edges the wedge tests.
  it.each([-4, -3.6, -3.44, -3, -2, -1.3, -0.5, -0.1, 0, 0.2, 0.77, 1.5, 2.5, 3.2, 3.5, 4])('P(Z ≤ %s) matches Φ', (point) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x[mid] <= point) lo = mid + 1;
      else hi = mid;
    }
    const p = normalCdf(point);
    expect(Math.abs(lo / n - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1 / n);
  });

  it('has mean 0, variance 1 and kurtosis 3 within their standard errors', () => {
    let s1 = 0;
    let s2 = 0;
    let s4 = 0;
    for (const v of x) {
      s1 += v;
      s2 += v * v;
      s4 += v ** 4;
    }
    // sd of the sample mean: 1/sqrt(n); of the mean of Z^2: sqrt(2/n); of the mean of Z^4: sqrt(96/n).
    expect(Math.abs(s1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });
});
