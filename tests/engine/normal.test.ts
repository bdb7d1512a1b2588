import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/engine/normal.js';

// Expected values: scipy.stats.norm.ppf / norm.cdf (scipy 1.17), which use Cephes' ndtri/ndtr.
const QUANTILES: [number, number][] = [
  [0.975, 1.959963984540054],
  [0.95, 1.6448536269514722],
  [0.9, 1.2815515655446004],
  [0.5, 0],
  [0.3, -0.5244005127080409],
  [1e-10, -6.361340902404056],
  [1 - 1e-6, 4.753424308817087],
];
const CDF: [number, number][] = [
  [-1, 0.15865525393145707],
  [0.5, 0.6914624612740131],
  [-3, 0.0013498980316300933],
  [-8, 6.22096057427174e-16],
  [2.5, 0.9937903346742238],
];

describe('normalQuantile (AS 241)', () => {
  it.each(QUANTILES)('Φ⁻¹(%s) = %s to 1e-12 relative', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z)));
  });
  it('is -∞/∞ at 0/1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('normalCdf (Hart 5666 / West 2005)', () => {
  it.each(CDF)('Φ(%s) = %s', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1e-14 + 1e-12 * p);
  });
  it('inverts normalQuantile', () => {
    for (let p = 0.001; p < 1; p += 0.01) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13);
  });
});
