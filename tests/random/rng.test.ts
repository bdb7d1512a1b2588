import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { chiSquareCritical, pearson } from '../stats.js';

describe('Rng (xoshiro128**)', () => {
  it('matches the reference algorithm from state (1, 2, 3, 4)', () => {
    // Computed with a direct transcription of Blackman & Vigna's xoshiro128starstar.c.
    const rng = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('fillUint32 gives the same numbers as nextUint32 and leaves the generator in the same state', () => {
    const a = new Rng(7, 3, 'x');
    const b = new Rng(7, 3, 'x');
    const out = new Uint32Array(1000);
    a.fillUint32(out, 1000);
    for (let k = 0; k < 1000; k++) expect(out[k]).toBe(b.nextUint32());
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('fillUniform gives the same numbers as uniform() and leaves the generator in the same state', () => {
    const a = new Rng(8, 2, 'u');
    const b = new Rng(8, 2, 'u');
    const out = new Float64Array(1000);
    a.fillUniform(out, 1000);
    for (let k = 0; k < 1000; k++) expect(out[k]).toBe(b.uniform());
    expect(a.nextUint32()).toBe(b.nextUint32());
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
    const streams = [
      'default',
      'run:requirements',
      'run:curves',
      'crn:anchor-choice',
      'crn:variable:anchor',
      'crn:variable:a',
      'crn:variable:b',
      'crn:curve:spendDoublingYears',
    ];
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

  // Streams that differ in one coordinate (the neighbours a bad seeding would correlate or make
  // overlap): the first 100,000 draws of the two must share no value (52-bit uniforms: by chance,
  // any shared value among 1e10 pairs has probability about 2e-6; a stream shifted against the
  // other by fewer than 1e5 steps shares almost all), and the pairs (a_k, b_k) must fill a 16×16
  // grid evenly: chi-square with 255 degrees of freedom below its 4.5-sigma critical value.
  it.each([
    ['next index', [7, 3, 'run:requirements'], [7, 4, 'run:requirements']],
    ['next seed', [7, 3, 'run:requirements'], [8, 3, 'run:requirements']],
    ['next stream', [7, 3, 'run:requirements'], [7, 3, 'run:curves']],
    ['index 2^32 apart', [7, 3, 'run:requirements'], [7, 3 + 2 ** 32, 'run:requirements']],
    ['seed 2^32 apart', [7, 3, 'run:requirements'], [7 + 2 ** 32, 3, 'run:requirements']],
    ['seed 2^40 against 0', [0, 0, 'run:requirements'], [2 ** 40, 0, 'run:requirements']],
    ['seed and index swapped', [3, 7, 'run:requirements'], [7, 3, 'run:requirements']],
    ['a variable named like the anchor stream', [7, 3, 'crn:anchor-choice'], [7, 3, 'crn:variable:anchor']],
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
    expect(() => new Rng(2 ** 53)).toThrow(RangeError);
  });
});
