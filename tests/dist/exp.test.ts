/** The table exp of lognormal columns against Math.exp: its stated relative error, over its whole range. */
import { describe, expect, it } from 'vitest';
import { EXP_TABLE_LIMIT, expColumn, tableExp } from '../../src/dist/exp.js';
import { LARGEST_NORMAL } from '../../src/random/ziggurat.js';
import { Rng } from '../../src/random/rng.js';

describe('tableExp', () => {
  it('is within 3.7e-11 of Math.exp relative over ±EXP_TABLE_LIMIT (the cubic’s bound r⁴/24 at |r| = ln 2/128, plus roundings)', () => {
    let worst = 0;
    // A fine grid over the whole range, and random points near 0, where lognormal draws are.
    const rng = new Rng(3);
    for (let j = 0; j <= 1_400_000; j++) {
      const x = -EXP_TABLE_LIMIT + j / 1000;
      worst = Math.max(worst, Math.abs(tableExp(x) / Math.exp(x) - 1));
    }
    for (let j = 0; j < 200_000; j++) {
      const x = 10 * (2 * rng.uniform() - 1);
      worst = Math.max(worst, Math.abs(tableExp(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(3.7e-11);
    expect(worst).toBeGreaterThan(1e-12); // the cubic is really there, not Math.exp
  });

  it('gives exp(0) = 1 exactly and the powers of two at multiples of ln 2 / 64 to rounding', () => {
    expect(tableExp(0)).toBe(1);
    for (let k = -640; k <= 640; k += 7) expect(Math.abs(tableExp((k * Math.LN2) / 64) / 2 ** (k / 64) - 1)).toBeLessThan(1e-15);
  });

  it('expColumn(out, n, mu, sigma) is tableExp(mu + sigma·out[k]) for k < n and leaves the rest', () => {
    const out = Float64Array.from([0, 1, -1, 3.5, 9]);
    expColumn(out, 4, 0.5, 2);
    expect(Array.from(out)).toEqual([tableExp(0.5), tableExp(2.5), tableExp(-1.5), tableExp(7.5), 9]);
  });

  it('covers every ziggurat draw of a lognormal with |mu| + sigma·14.12 within the limit', () => {
    expect(LARGEST_NORMAL).toBeGreaterThan(14.11);
    expect(LARGEST_NORMAL).toBeLessThan(14.12);
  });
});
