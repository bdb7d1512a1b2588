/**
 * Anchor adjustments: steps applied in order to the formula's value (Rethink Priorities' update
 * against low FLOP is four conditional additions and a floor; its timeline model rounds to 0.1).
 */
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/io/closest.js';
import { compileRequirement } from '../../src/engine/requirement.js';
import { Rng } from '../../src/random/rng.js';
import { compileDistribution } from '../../src/dist/sampler.js';
import { buildAnchor, type AnchorFile } from '../../src/model/anchor.js';

function anchor(file: Partial<AnchorFile>) {
  const built = buildAnchor({ id: 'x', label: 'x', description: 'x', sources: ['test'], variables: {}, formula: '0', ...file } as AnchorFile, {}, closest);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.value;
}

function requirements(a: ReturnType<typeof anchor>, columns: number[][]): number[] {
  const n = columns[0].length;
  const out = new Float64Array(n);
  compileRequirement(a)(
    n,
    columns.map((c) => Float64Array.from(c)),
    out,
  );
  return [...out];
}

describe('anchor adjustments', () => {
  const file: Partial<AnchorFile> = {
    variables: {
      base: { unit: 'log10 FLOP', dist: 'uniform', min: 20, max: 30 },
      bump: {
        unit: 'OOM',
        dist: 'mixture',
        components: [
          { dist: 'point', value: 0, weight: 1 },
          { dist: 'point', value: 10, weight: 1 },
        ],
      },
    },
    formula: 'base',
    adjustments: [{ below: 25, add: 'bump' }, { atLeast: 26 }],
  };

  it('applies the steps in order, each to the value so far', () => {
    const a = anchor(file);
    // below 25: +bump, then the floor at 26; at or above 25: only the floor.
    expect(
      requirements(a, [
        [20, 24.9, 24.9, 25, 25.5, 29],
        [10, 10, 0, 10, 10, 10],
      ]),
    ).toEqual([30, 34.9, 26, 26, 26, 29]);
  });

  it('"add" may read the value so far as `requirement`', () => {
    const a = anchor({ variables: { base: file.variables!.base }, formula: 'base', adjustments: [{ add: '(30 - requirement) / 2' }] });
    expect(requirements(a, [[20, 30]])).toEqual([25, 30]);
  });

  it('roundTo rounds half to even, exactly on tenths', () => {
    const a = anchor({ variables: { base: file.variables!.base }, formula: 'base', adjustments: [{ roundTo: 0.1 }] });
    const [r1, r2, r3, r4] = requirements(a, [[30.04, 30.05, 30.15, 34.0000001]]);
    expect(r1).toBe(30);
    expect(r2).toBe(30); // 300.5 → 300 (half to even; 30.05 is just below 30.05 in binary anyway)
    expect(r3).toBe(30.2);
    expect(r4).toBe(34); // exactly 34, so the halving rule's (34 − 29) / 2 is exactly 2.5
  });

  it('a probabilistic step (a mixture with a point at 0) gives the known distribution', () => {
    // base ~ U(20, 30); below 25 add 0 or 10 with equal odds; floor 26. Then
    // P(r = 26) = P(base < 25, bump 0) + P(25 ≤ base ≤ 26) = 0.25 + 0.1; P(r ≥ 30) = 0.25 (from 30–35) + 0 (base < 30).
    const a = anchor(file);
    const n = 200_000;
    const rng = new Rng(7);
    const columns = a.variables.map((v) => {
      const c = new Float64Array(n);
      compileDistribution(v.dist).fill(rng, c, n);
      return c;
    });
    const out = new Float64Array(n);
    compileRequirement(a)(n, columns, out);
    const share = (f: (x: number) => boolean) => out.filter(f).length / n;
    const tolerance = (p: number) => 4.5 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(share((x) => x === 26) - 0.35)).toBeLessThan(tolerance(0.35));
    expect(Math.abs(share((x) => x >= 30) - 0.25)).toBeLessThan(tolerance(0.25));
    expect(out.reduce((m, x) => Math.min(m, x), Infinity)).toBe(26);
  });

  it('variables used only by an adjustment count as used', () => {
    expect(() => anchor(file)).not.toThrow();
  });
});
