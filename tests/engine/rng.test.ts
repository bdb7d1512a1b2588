import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { FAMILY_Z, chiSquareCritical, pearson } from '../stats.js';

describe('Rng (xoshiro128**)', () => {
  it('matches the reference algorithm from state (1, 2, 3, 4)', () => {
    // Computed with a direct transcription of Blackman & Vigna's xoshiro128starstar.c.
    const rng = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same (seed, index, lane)', () => {
    const draw = (seed: number, index: number, lane = 0) => {
      const r = new Rng(seed, index, lane);
      return Array.from({ length: 1000 }, () => r.uniform());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3, 5)).toEqual(draw(7, 3, 5));
  });

  // Streams that differ in one coordinate (the neighbours a bad seeding would correlate or make
  // overlap): the first 100,000 draws of the two must share no value (53-bit uniforms: by chance,
  // any shared value among 1e10 pairs has probability about 1e-6; a stream shifted against the
  // other by fewer than 1e5 steps shares almost all), and the pairs (a_k, b_k) must fill a 16×16
  // grid evenly: chi-square with 255 degrees of freedom below its 4.5-sigma critical value.
  it.each([
    ['next index', [7, 3, 0], [7, 4, 0]],
    ['next seed', [7, 3, 0], [8, 3, 0]],
    ['next lane', [7, 3, 0], [7, 3, 1]],
    ['index 2^32 apart', [7, 3, 0], [7, 3 + 2 ** 32, 0]],
    ['seed 2^32 apart', [7, 3, 0], [7 + 2 ** 32, 3, 0]],
    ['seed 2^40 against 0', [0, 0, 0], [2 ** 40, 0, 0]],
    ['seed and index swapped', [3, 7, 0], [7, 3, 0]],
  ] as const)('streams that differ by the %s are independent', (_name, a, b) => {
    const n = 100_000;
    const ra = new Rng(a[0], a[1], a[2]);
    const rb = new Rng(b[0], b[1], b[2]);
    const seen = new Set<number>();
    const grid = new Float64Array(256);
    const bs: number[] = [];
    for (let k = 0; k < n; k++) {
      const u = ra.uniform();
      const v = rb.uniform();
      seen.add(u);
      bs.push(v);
      grid[Math.floor(u * 16) * 16 + Math.floor(v * 16)]++;
    }
    expect(bs.filter((v) => seen.has(v)).length).toBe(0);
    expect(pearson(grid, new Float64Array(256).fill(n / 256))).toBeLessThan(chiSquareCritical(255));
  });

  it('the first draws of consecutive streams are uniform, and independent of each other', () => {
    // 100,000 streams of one seed and 100,000 seeds of one stream: the first uniform of each in
    // 100 bins (99 degrees of freedom), and consecutive pairs in a 16×16 grid (255).
    for (const stream of [(i: number) => new Rng(12345, i), (i: number) => new Rng(i, 0)]) {
      const m = 100_000;
      const first = Float64Array.from({ length: m }, (_, i) => stream(i).uniform());
      const bins = new Float64Array(100);
      for (const u of first) bins[Math.floor(u * 100)]++;
      expect(pearson(bins, new Float64Array(100).fill(m / 100))).toBeLessThan(chiSquareCritical(99));
      const grid = new Float64Array(256);
      for (let i = 0; i + 1 < m; i += 2) grid[Math.floor(first[i] * 16) * 16 + Math.floor(first[i + 1] * 16)]++;
      expect(pearson(grid, new Float64Array(256).fill(m / 2 / 256))).toBeLessThan(chiSquareCritical(255));
    }
  });

  it('draws uniforms strictly inside (0, 1): evenly over 1000 bins, with successive pairs even over a 32×32 grid', () => {
    const rng = new Rng(1);
    const n = 1_000_000;
    const bins = new Float64Array(1000);
    const grid = new Float64Array(1024);
    let outside = 0;
    let previous = rng.uniform();
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u > 0 && u < 1)) outside++;
      bins[Math.floor(u * 1000)]++;
      if (i % 2 === 0) grid[Math.floor(previous * 32) * 32 + Math.floor(u * 32)]++;
      previous = u;
    }
    expect(outside).toBe(0);
    // Chi-square with 999 and 1023 degrees of freedom, against 4.5-sigma critical values.
    expect(pearson(bins, new Float64Array(1000).fill(n / 1000))).toBeLessThan(chiSquareCritical(999));
    expect(pearson(grid, new Float64Array(1024).fill(n / 2 / 1024))).toBeLessThan(chiSquareCritical(1023));
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    expect(() => new Rng(-1)).toThrow(RangeError);
    expect(() => new Rng(1.5)).toThrow(RangeError);
    expect(() => new Rng(1, -2)).toThrow(RangeError);
  });
});
