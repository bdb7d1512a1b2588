/**
 * exp for columns of lognormal draws, from tables and a cubic instead of Math.exp (about 2.5 times
 * faster on a column here, and branch-free): exp(x) = 2^(k/64) · e^r, with k the integer nearest
 * x · 64/ln 2 (rounded by adding and subtracting 1.5 · 2^52, exact for |k| < 2^51, where
 * Math.round would branch), r = x − k · ln 2/64, so |r| ≤ ln 2/128 ≈ 0.0054, and e^r by its Taylor
 * cubic, whose error r⁴/24 is below 3.7e-11 relative. 2^(k/64) is 2^(k >> 6) · 2^((k & 63)/64),
 * two small tables. Measured against Math.exp over |x| ≤ 700: relative error at most 3.6e-11
 * (tests/dist/exp.test.ts), far below any Monte Carlo error and below the spread of the
 * parameters' own published digits. The same scheme as the tuned peer script's table exp.
 *
 * Valid for |x| ≤ EXP_TABLE_LIMIT only (out there the tables would be indexed outside their
 * range): callers check their arguments' bound once (sampler.ts: |mu| + sigma · the ziggurat's
 * largest |z|), not per value.
 */

/** The largest |x| the table exp is used for: well inside the range of finite, normal results (±708). */
export const EXP_TABLE_LIMIT = 700;

const K = 64 / Math.LN2;
const R = Math.LN2 / 64;
/** 1.5 · 2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer. */
const SHIFT = 6755399441055744;
/** 2^(j/64), j = 0 … 63. */
const FRACTION = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64));
/** 2^(j − 1024), j = 0 … 2047 (index masked to 11 bits, so never outside the table). */
const WHOLE = Float64Array.from({ length: 2048 }, (_, j) => 2 ** (j - 1024));

/** exp(x) by the tables, for |x| ≤ EXP_TABLE_LIMIT. */
export function tableExp(x: number): number {
  const k = x * K + SHIFT - SHIFT;
  const r = x - k * R;
  const i = k | 0;
  return WHOLE[((i >> 6) + 1024) & 2047] * FRACTION[i & 63] * (1 + r * (1 + r * (0.5 + r * 0.16666666666666666)));
}

/** out[k] = exp(mu + sigma · out[k]) for k < n, by the tables: every value must lie within ±EXP_TABLE_LIMIT. */
export function expColumn(out: Float64Array, n: number, mu: number, sigma: number): void {
  for (let j = 0; j < n; j++) out[j] = tableExp(mu + sigma * out[j]);
}
