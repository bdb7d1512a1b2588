/**
 * Thresholds and statistics shared by the statistical tests.
 *
 * Every statistical test in the suite passes with probability about 1 − 7e-6 when the code is
 * right: a two-sided 4.5-sigma threshold. With a few hundred such checks the family-wise chance
 * of a false alarm stays near 0.1–0.2%, so reseeding the random streams (a refactor that changes
 * every draw) does not trip them by chance.
 */
import { normalCdf } from '../src/dist/normal.js';

/** The family-wise threshold, in standard errors. */
export const FAMILY_Z = 4.5;
/** Its two-sided tail probability, 2·(1 − Φ(4.5)) ≈ 6.8e-6. */
export const FAMILY_ALPHA = 2 * normalCdf(-FAMILY_Z);

/**
 * Critical value of the Kolmogorov–Smirnov statistic D_n at level alpha, from the asymptotic
 * distribution P(√n·D > t) ≈ 2·exp(−2t²) (Kolmogorov 1933; the further terms of the series are
 * below 1e-40 here), with Stephens' finite-n correction √n → √n + 0.12 + 0.11/√n
 * (M. A. Stephens, JASA 69 (1974) 730–737).
 */
export function ksCritical(n: number, alpha = FAMILY_ALPHA): number {
  const t = Math.sqrt(-Math.log(alpha / 2) / 2);
  return t / (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n));
}

/** D_n = sup |F_n(x) − F(x)| of a sorted sample against a continuous CDF. */
export function ksStatistic(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * Upper critical value of a chi-square with `df` degrees of freedom at the z-sigma one-sided
 * level, by the Wilson–Hilferty cube-root approximation (χ²/df)^(1/3) ≈ N(1 − 2/(9df), 2/(9df))
 * (E. B. Wilson & M. M. Hilferty, PNAS 17 (1931) 684–688), accurate to a few percent of the
 * value in the tail for df ≥ 5.
 */
export function chiSquareCritical(df: number, z = FAMILY_Z): number {
  const v = 2 / (9 * df);
  return df * (1 - v + z * Math.sqrt(v)) ** 3;
}

/** The lower critical value, for two-sided checks of a sample variance. */
export function chiSquareLowerCritical(df: number, z = FAMILY_Z): number {
  const v = 2 / (9 * df);
  return df * Math.max(0, 1 - v - z * Math.sqrt(v)) ** 3;
}

/** Pearson's statistic Σ (observed − expected)² / expected. */
export function pearson(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < observed.length; i++) s += (observed[i] - expected[i]) ** 2 / expected[i];
  return s;
}

/**
 * Chi-square goodness of fit of a sample to a CDF over the bins between consecutive `edges`
 * (the first and last edges bound the support the sample is expected in). Returns the statistic,
 * its degrees of freedom (bins − 1: the total is fixed), the smallest expected count (keep it
 * above ~20 for the chi-square approximation), and how many draws fell outside every bin.
 */
export function binnedChiSquare(
  sample: ArrayLike<number>,
  cdf: (x: number) => number,
  edges: readonly number[],
): { stat: number; df: number; minExpected: number; outside: number } {
  const k = edges.length - 1;
  const observed = new Float64Array(k);
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i];
    let lo = 0;
    let hi = k;
    // The bin b with edges[b] <= x < edges[b + 1].
    if (!(x >= edges[0] && x <= edges[k])) continue;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (x >= edges[mid]) lo = mid;
      else hi = mid;
    }
    observed[lo]++;
  }
  const total = cdf(edges[k]) - cdf(edges[0]);
  const inside = observed.reduce((a, b) => a + b, 0);
  const expected = Float64Array.from({ length: k }, (_, b) => (inside * (cdf(edges[b + 1]) - cdf(edges[b]))) / total);
  return { stat: pearson(observed, expected), df: k - 1, minExpected: Math.min(...expected), outside: sample.length - inside };
}

/** k + 1 edges splitting the probability between F(a) and F(b) into k equal parts, by a quantile function. */
export function equalProbabilityEdges(k: number, quantile: (p: number) => number, pLow = 0, pHigh = 1): number[] {
  return Array.from({ length: k + 1 }, (_, i) => quantile(pLow + ((pHigh - pLow) * i) / k));
}

/**
 * Bounds on s/σ, a sample standard deviation over `runs` independent runs against the true one,
 * at the family-wise level. For normal data (runs − 1)·s²/σ² is chi-square with runs − 1 degrees
 * of freedom. For data with excess kurtosis γ₂ > 0, Var(s²/σ²) ≈ 2/(runs − 1) + γ₂/runs, and a
 * chi-square with the same variance (df = 2 / Var, matching two moments as Satterthwaite does)
 * stands in for it.
 */
export function sdRatioBounds(runs: number, excessKurtosis = 0): [number, number] {
  const df = 2 / (2 / (runs - 1) + Math.max(0, excessKurtosis) / runs);
  return [Math.sqrt(chiSquareLowerCritical(df) / df), Math.sqrt(chiSquareCritical(df) / df)];
}

/** Sample excess kurtosis m4/m2² − 3. */
export function excessKurtosis(x: readonly number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    m2 += (v - mean) ** 2;
    m4 += (v - mean) ** 4;
  }
  m2 /= n;
  m4 /= n;
  return m4 / (m2 * m2) - 3;
}
