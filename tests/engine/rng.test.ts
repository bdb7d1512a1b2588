import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';

describe('Rng (xoshiro128**)', () => {
  it('matches the reference algorithm from state (1, 2, 3, 4)', () => {
    // Computed with a direct transcription of Blackman & Vigna's xoshiro128starstar.c.
    const rng = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same (seed, index) and different streams otherwise', () => {
    const draw = (seed: number, index: number) => {
      const r = new Rng(seed, index);
      return Array.from({ length: 4 }, () => r.uniform());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
    expect(draw(2 ** 40, 0)).not.toEqual(draw(0, 0));
  });

  it('draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    // Standard errors: sd(U)/sqrt(n) = sqrt(1/12/n); var estimate's sd ≈ sqrt((1/80 - 1/144)/n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    expect(() => new Rng(-1)).toThrow(RangeError);
    expect(() => new Rng(1.5)).toThrow(RangeError);
    expect(() => new Rng(1, -2)).toThrow(RangeError);
  });
});
