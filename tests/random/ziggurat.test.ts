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
  it("gives zigguratNormal's value of pair k for every pair accepted at once, and leaves the rest (about 2.8%) to later outputs", () => {
    // 200,000 draws take the tail and the wedge test a few thousand times.
    const n = 200_000;
    const a = new Rng(5, 1, 'z');
    const b = new Rng(5, 1, 'z');
    const out = new Float64Array(n);
    fillStandardNormals(a, out, n);
    let later = 0;
    let tail = 0;
    for (let k = 0; k < n; k++) {
      // zigguratNormal from pair k: when it takes no more than that pair, draw k is its value.
      const probe = Rng.fromState(...b.state());
      const z = zigguratNormal(probe);
      b.nextUint32();
      b.nextUint32();
      if (probe.state().every((w, i) => w === b.state()[i])) {
        if (out[k] !== z) expect.fail(`draw ${k}: ${out[k]} against ${z}`);
      } else {
        later++;
        if (!Number.isFinite(out[k])) expect.fail(`draw ${k} is ${out[k]}`);
        if (Math.abs(out[k]) > BASE_STRIP_EDGE) tail++;
      }
    }
    // Pairs outside their rectangle: the mean over the 128 equally likely layers of 1 − x[i+1]/x[i]
    // (the layers' edges by Marsaglia & Tsang's recurrence; 2.76%), binomial within 4.5 standard errors.
    const density = (x: number) => Math.exp(-0.5 * x * x);
    const edges = [9.91256303526217e-3 / density(BASE_STRIP_EDGE), BASE_STRIP_EDGE];
    for (let i = 2; i < 128; i++) edges.push(Math.sqrt(-2 * Math.log(9.91256303526217e-3 / edges[i - 1] + density(edges[i - 1]))));
    edges.push(0);
    const rate = edges.slice(0, 128).reduce((s, x, i) => s + 1 - edges[i + 1] / x, 0) / 128;
    expect(Math.abs(later / n - rate)).toBeLessThan(FAMILY_Z * Math.sqrt((rate * (1 - rate)) / n));
    expect(tail).toBeGreaterThan(20);
    // The queued draws used the outputs after the column's pairs: the state moved on past them.
    expect(a.state()).not.toEqual(b.state());
  });

  it('passes a Kolmogorov–Smirnov test and a chi-square test over 200 bins against Φ on 2e6 draws of a column', () => {
    const n = 2_000_000;
    const x = new Float64Array(n);
    // In chunk-sized columns, as the engine draws them.
    const rng = new Rng(31, 0, 'column');
    for (let from = 0; from < n; from += 16384) fillStandardNormals(rng, x.subarray(from), Math.min(16384, n - from));
    x.sort();
    expect(ksStatistic(x, normalCdf)).toBeLessThan(ksCritical(n));
    const chi = binnedChiSquare(
      x,
      normalCdf,
      Array.from({ length: 201 }, (_, i) => normalQuantile(i / 200)),
    );
    expect(chi.outside).toBe(0);
    expect(chi.stat).toBeLessThan(chiSquareCritical(chi.df));
    // Beyond the base strip (the tail algorithm's draws): binomial(n, 2Φ(−R)).
    const beyond = x.filter((v) => Math.abs(v) > BASE_STRIP_EDGE).length;
    const q = 2 * normalCdf(-BASE_STRIP_EDGE);
    expect(Math.abs(beyond - n * q)).toBeLessThan(FAMILY_Z * Math.sqrt(n * q * (1 - q)));
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
