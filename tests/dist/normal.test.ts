import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalQuantileColumn } from '../../src/dist/normal.js';
import { Rng } from '../../src/random/rng.js';

// Expected values: scipy.stats.norm.ppf / norm.cdf (scipy 1.17), which use Cephes' ndtri/ndtr.
const QUANTILES: [number, number][] = [
  [0.975, 1.959963984540054],
  [0.95, 1.6448536269514722],
  [0.9, 1.2815515655446004],
  [0.5, 0],
  [0.3, -0.5244005127080409],
  [1e-10, -6.361340902404056],
  [1 - 1e-6, 4.753424308817087],
  // AS 241's third branch (r > 5, p < 1.4e-11); values by root-finding on mpmath's ncdf at 40 digits.
  [1e-15, -7.941345326170997],
  [1e-20, -9.262340089798408],
  [1e-300, -37.0470962993612],
];
const CDF: [number, number][] = [
  [-1, 0.15865525393145707],
  [0.5, 0.6914624612740131],
  [-3, 0.0013498980316300933],
  [-8, 6.22096057427174e-16],
  [2.5, 0.9937903346742238],
  // Far tails (mpmath.ncdf at 30 digits): the second branch of the algorithm beyond |x| = 7.07.
  [-5, 2.866515718791939e-7],
  [-7.5, 3.190891672910896e-14],
  [-10, 7.619853024160526e-24],
  [-36.5, 5.544725713074845e-292],
  [7.5, 0.9999999999999681],
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
  // Relative to the smaller tail, min(p, 1 − p): an absolute 1e-14 would let Φ(−8) = 6e-16 be 0.
  // The rational approximation is good to about 5e-11 relative out to |x| = 7.07; the continued
  // fraction beyond it to about 1e-8 (its absolute error there is below 1e-23, as documented).
  it.each(CDF)('Φ(%s) = %s to its relative accuracy in the tail', (x, p) => {
    const relative = Math.abs(x) < 7.07 ? 1e-10 : 1e-7;
    // Above 1/2 the value is 1 − tail, rounded to a multiple of 2^-53 near 1.
    const rounding = p > 0.5 ? 2 ** -52 : 0;
    expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(relative * Math.min(p, 1 - p) + rounding);
  });
  it('inverts normalQuantile', () => {
    for (let p = 0.001; p < 1; p += 0.01) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 13);
  });
});

describe('normalQuantileColumn', () => {
  it('gives normalQuantile of every value to the last bit: the central region, both tails, the edges and non-numbers', () => {
    const rng = new Rng(4);
    const edges = [0, 1, -0.1, 1.1, Number.NaN, 0.075, 0.925, 0.5, 2 ** -53, 1 - 2 ** -53, 1e-300, 0.07499999999999999, 0.92500000000000001];
    const n = 50_000;
    const p = new Float64Array(n + edges.length);
    rng.fillUniform(p, n);
    p.set(edges, n);
    const out = new Float64Array(p.length);
    normalQuantileColumn(p, out, p.length);
    for (let j = 0; j < p.length; j++) if (!Object.is(out[j], normalQuantile(p[j]))) expect.fail(`p = ${p[j]}: ${out[j]} against ${normalQuantile(p[j])}`);
  });
});
