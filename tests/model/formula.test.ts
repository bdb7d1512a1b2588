import { describe, expect, it } from 'vitest';
import { compileScalar, roundHalfEven } from '../../src/engine/expression.js';
import { closest } from '../../src/io/closest.js';
import { checkDomain, parseFormula } from '../../src/model/formula.js';

const parse = (source: string, names: string[]) => parseFormula(source, names, closest);

describe('formulas', () => {
  it('compile to plain functions with the same arithmetic as mathjs', () => {
    const r = parse('a + b * log10(c) - max(a, 2)^2 / 4 + -a', ['a', 'b', 'c']);
    if (!r.ok) throw new Error(r.message);
    expect(r.formula.variables).toEqual(['a', 'b', 'c']);
    const f = compileScalar(r.formula.expr, ['a', 'b', 'c']);
    expect(f([3, 2, 100])).toBeCloseTo(3 + 2 * 2 - 9 / 4 - 3, 12);
  });

  it('name an undeclared variable, with a suggestion', () => {
    const r = parse('brainFlops + 1', ['brainFlop', 'x']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('"brainFlops" is not a declared variable (did you mean "brainFlop"?); declared: brainFlop, x');
  });

  it('name an unknown function, with a suggestion', () => {
    const r = parse('logg10(x)', ['x']);
    expect(!r.ok && r.message).toMatch(/unknown function "logg10" \(did you mean "log10"\?\)/);
  });

  it('refuse syntax errors, assignments, comparisons and wrong arities', () => {
    expect(parse('x +', ['x']).ok).toBe(false);
    expect(!parse('y = x', ['x']).ok).toBe(true);
    expect(!parse('x > 1', ['x']).ok).toBe(true);
    const r = parse('pow(x)', ['x']);
    expect(!r.ok && r.message).toMatch(/pow takes 2 argument/);
  });

  it('flag formulas that can be undefined over the variables\' ranges', () => {
    const log = parse('log10(x)', ['x']);
    if (!log.ok) throw new Error();
    expect(checkDomain(log.formula.expr, { x: { lo: -Infinity, hi: Infinity } }).problem).toMatch(/log10\(…\) can be ≤ 0/);
    expect(checkDomain(log.formula.expr, { x: { lo: 1e-300, hi: Infinity } }).problem).toBeUndefined();
    const div = parse('1 / (x - 2)', ['x']);
    if (!div.ok) throw new Error();
    expect(checkDomain(div.formula.expr, { x: { lo: 0, hi: 3 } }).problem).toMatch(/denominator can be 0/);
    expect(checkDomain(div.formula.expr, { x: { lo: 3, hi: 4 } }).problem).toBeUndefined();
  });

  it('compute the range of a clamped formula (Rethink Priorities\' halving rule stays in [2, 3.5])', () => {
    const r = parse('clamp(3.5 - roundHalfEven((requirement - 29) / 2) / 2, 2, 3.5)', ['requirement']);
    if (!r.ok) throw new Error(r.message);
    expect(checkDomain(r.formula.expr, { requirement: { lo: -Infinity, hi: Infinity } }).range).toEqual({ lo: 2, hi: 3.5 });
  });
});

describe('roundHalfEven', () => {
  // Python's round() on the halves the Rethink Priorities model meets (fact sheet §5.7):
  // its printed tables show requirement 30 → 3.5-year halving, 34 → 2.5 years and 2 OOM, 42 → 4 OOM.
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [-0.5, -0],
    [-1.5, -2],
    [2.4, 2],
    [2.6, 3],
  ])('round(%s) = %s', (x, expected) => {
    expect(roundHalfEven(x)).toBe(expected);
  });
  it('gives the printed Rethink Priorities halving times and caps', () => {
    const halving = (s: number) => Math.min(Math.max(3.5 - roundHalfEven((s - 29) / 2) / 2, 2), 3.5);
    const cap = (s: number) => Math.min(Math.max(2 + roundHalfEven((s - 32) / 4), 2), 5);
    expect([30, 31, 32, 34, 35].map(halving)).toEqual([3.5, 3, 2.5, 2.5, 2]);
    expect([34, 35, 38, 42, 43].map(cap)).toEqual([2, 3, 4, 4, 5]);
  });
});
