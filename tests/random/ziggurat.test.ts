/**
 * The ziggurat's draws against the exact normal distribution (normalCdf): a Kolmogorov–Smirnov
 * test of the whole distribution, and chi-square tests of the tails alone, where the KS statistic
 * has no power (a whole tail beyond 3.44 holds 0.06% of the mass, well under the KS critical
 * value). Thresholds are family-wise (tests/stats.ts): FAMILY_Z = 4.5 sigma.
 */
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/dist/normal.js';
import { Rng } from '../../src/random/rng.js';
import { fillStandardNormals, zigguratNormal } from '../../src/random/ziggurat.js';
import { FAMILY_Z, binnedChiSquare, chiSquareCritical, ksCritical, ksStatistic } from '../stats.js';

/** The right edge of the ziggurat's base strip for 128 layers (Marsaglia & Tsang 2000, table 1); beyond it the tail algorithm draws. */
const BASE_STRIP_EDGE = 3.442619855899;

describe('fillStandardNormals', () => {
  it('gives the same numbers as zigguratNormal, tail and wedge draws included, and the same state after', () => {
    // 200,000 draws take the tail and the wedge test a few thousand times (about 1.2% of draws).
    const n = 200_000;
    const a = new Rng(5, 1, 'z');
    const b = new Rng(5, 1, 'z');
    const out = new Float64Array(n);
    fillStandardNormals(a, out, n);
    let outside = 0;
    for (let k = 0; k < n; k++) {
      const z = zigguratNormal(b);
      if (Math.abs(z) > 3.442619855899) outside++;
      if (out[k] !== z) expect.fail(`draw ${k}: ${out[k]} against ${z}`);
    }
    expect(outside).toBeGreaterThan(20);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});

describe('zigguratNormal', () => {
  const n = 2_000_000;
  const rng = new Rng(99);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = zigguratNormal(rng);
  x.sort();

  it('passes a Kolmogorov–Smirnov test against Φ on 2e6 draws', () => {
    // Critical value at α = 2·(1 − Φ(4.5)) ≈ 6.8e-6: √n·D ≤ 2.51, D ≤ 1.77e-3 for n = 2e6.
    expect(ksStatistic(x, normalCdf)).toBeLessThan(ksCritical(n));
  });

  it('passes a chi-square test against Φ over 200 equally probable bins', () => {
    // 10,000 draws expected per bin; 199 degrees of freedom, critical value at 4.5 sigma ≈ 321.
    // More sensitive than KS to a local error such as a wrong wedge test in one layer.
    const chi = binnedChiSquare(
      x,
      normalCdf,
      Array.from({ length: 201 }, (_, i) => normalQuantile(i / 200)),
    );
    expect(chi.outside).toBe(0);
    expect(chi.stat).toBeLessThan(chiSquareCritical(chi.df));
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
    expect(Math.abs(s1 / n)).toBeLessThan(FAMILY_Z / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(FAMILY_Z * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(FAMILY_Z * Math.sqrt(96 / n));
  });

  // The tails alone, on 1e7 further draws: about 27,000 beyond |z| = 3, 5,800 beyond the base
  // strip, 2,600 beyond 3.654 and 630 beyond 4. Given |Z| > t, |Z| has CDF 1 − Φ(−z)/Φ(−t)
  // exactly; its bins are equally probable under that law, with 40 or more draws expected in
  // each. The number of draws in the tail is binomial(m, 2Φ(−t)); their signs binomial(·, 1/2).
  describe('the tails', () => {
    const m = 10_000_000;
    const tailRng = new Rng(2718);
    const beyond3: number[] = [];
    for (let i = 0; i < m; i++) {
      const z = zigguratNormal(tailRng);
      if (Math.abs(z) > 3) beyond3.push(z);
    }
    it.each([
      [3, 40],
      [BASE_STRIP_EDGE, 40],
      // The base strip's edge for 256 layers (Doornik 2005), should the table grow.
      [3.6541528853610088, 20],
      [4, 10],
    ])('beyond |z| > %s: count, signs, and the conditional law of |z| in %i bins', (t, bins) => {
      const tail = beyond3.filter((v) => Math.abs(v) > t);
      const p = 2 * normalCdf(-t);
      expect(Math.abs(tail.length - m * p)).toBeLessThan(FAMILY_Z * Math.sqrt(m * p * (1 - p)));
      const negatives = tail.filter((v) => v < 0).length;
      expect(Math.abs(negatives - tail.length / 2)).toBeLessThan(FAMILY_Z * Math.sqrt(tail.length / 4));
      const upper = normalCdf(-t);
      const conditional = (z: number) => 1 - normalCdf(-z) / upper;
      const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? Infinity : -normalQuantile(upper * (1 - i / bins))));
      edges[0] = t;
      const chi = binnedChiSquare(tail.map(Math.abs), conditional, edges);
      expect(chi.outside).toBe(0);
      expect(chi.minExpected).toBeGreaterThan(40);
      expect(chi.stat).toBeLessThan(chiSquareCritical(chi.df));
    });
  });
});
