import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';

describe('Rng (xoshiro128**)', () => {
  it('matches the reference algorithm from state (1, 2, 3, 4)', () => {
    // Computed with a direct transcription of Blackman & Vigna's xoshiro128starstar.c.
    const rng = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same (seed, chunk, stream)', () => {
    const draw = (seed: number, chunk: number, stream?: string) => {
      const r = new Rng(seed, chunk, stream);
      return Array.from({ length: 4 }, () => r.nextUint32());
    };
    expect(draw(7, 3, 'a')).toEqual(draw(7, 3, 'a'));
    expect(new Rng(7, 3).state()).toEqual(new Rng(7, 3, 'default').state());
  });

  it('derives distinct states for distinct (seed, chunk, stream) over a grid, including the old XOR collisions', () => {
    // The former derivation folded seed, chunk and lane into one 32-bit value by XOR, so that
    // (seed 951, chunk 8) and (seed 977, chunk 59) shared a stream. Each state word now depends on
    // all of the seed, chunk and stream name through 64-bit mixing: no two keys of the grid may
    // share a 128-bit state, nor even one of its 64-bit halves.
    expect(new Rng(951, 8, 'run:requirements').state()).not.toEqual(new Rng(977, 59, 'run:requirements').state());
    const seeds = [0, 1, 2, 3, 951, 977, 20200918, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1];
    for (let s = 0; s < 30; s++) seeds.push(1000 + s * 37);
    const streams = ['default', 'run:requirements', 'run:curves', 'crn:anchor-choice', 'crn:variable:anchor', 'crn:variable:a', 'crn:variable:b', 'crn:curve:spendDoublingYears'];
    const chunks = Array.from({ length: 64 }, (_, c) => c).concat([2 ** 31, 2 ** 32, 2 ** 40, 2 ** 53 - 1]);
    const full = new Set<string>();
    const halves = new Set<string>();
    let keys = 0;
    for (const seed of seeds) {
      for (const chunk of chunks) {
        for (const stream of streams) {
          const [a, b, c, d] = new Rng(seed, chunk, stream).state();
          full.add(`${a},${b},${c},${d}`);
          halves.add(`lo${a},${b}`);
          halves.add(`hi${c},${d}`);
          keys++;
        }
      }
    }
    expect(full.size).toBe(keys);
    expect(halves.size).toBe(2 * keys);
  });

  it('changes about half the state bits when one bit of the seed or chunk changes (avalanche)', () => {
    const popcount = (x: number) => {
      let n = 0;
      for (let v = x >>> 0; v; v &= v - 1) n++;
      return n;
    };
    const flips = (a: number[], b: number[]) => a.reduce((n, w, i) => n + popcount(w ^ b[i]), 0);
    let total = 0;
    let cases = 0;
    for (let bit = 0; bit < 40; bit++) {
      const base = new Rng(123456789, 77, 'run:requirements').state();
      total += flips(base, new Rng(123456789 ^ (2 ** (bit % 26)), 77, 'run:requirements').state());
      total += flips(base, new Rng(123456789, 77 + 2 ** (bit % 20), 'run:requirements').state());
      cases += 2;
    }
    // 128 bits per state, each flipping with probability 1/2: mean 64, sd sqrt(32)/sqrt(cases).
    const mean = total / cases;
    expect(Math.abs(mean - 64)).toBeLessThan(4.5 * Math.sqrt(32 / cases));
  });

  it('uniform() stays strictly inside (0, 1) at the extreme outputs of the generator', () => {
    class Stub extends Rng {
      constructor(private readonly word: number) {
        super(0);
      }
      override nextUint32(): number {
        return this.word;
      }
    }
    const top = new Stub(0xffffffff).uniform();
    const bottom = new Stub(0).uniform();
    expect(top).toBeLessThan(1);
    expect(1 - top).toBe(2 ** -53);
    expect(bottom).toBeGreaterThan(0);
    expect(bottom).toBe(2 ** -53);
    expect(Math.log(1 - top)).toBeGreaterThan(-Infinity);
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
    expect(() => new Rng(2 ** 53)).toThrow(RangeError);
  });
});
