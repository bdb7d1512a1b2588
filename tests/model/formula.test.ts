import { compile } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { compileScalar, roundHalfEven } from '../../src/engine/expression.js';
import { closest } from '../../src/io/closest.js';
import { checkDomain, parseFormula } from '../../src/model/formula.js';

const parse = (source: string, names: string[]) => parseFormula(source, names, closest);

describe('formulas', () => {
  it('compile to plain functions with the same arithmetic as mathjs', () => {
    const r = parse('a + b * log10(c) - max(a, 2)^2 / 4 + -a', ['a', 'b', 'c']);
    if (!r.ok) throw new Error(r.message);
    expect(r.formula.variables).toEqual(['a', 'b', 'c']);
  });

  // Each formula evaluated by the compiled function and by mathjs's own evaluator, at many points:
  // precedence and associativity (unary minus under ^, right-associative ^, left-associative / and
  // *), every function in the formula language, and mathjs's round (half away from zero). mathjs
  // lacks ln, clamp and roundHalfEven, so the scope defines them from their documented meaning.
  const MATHJS_CASES = [
    'a + b * log10(c) - max(a, 2)^2 / 4 + -a',
    '-a^2 + 2^-b',
    'c^b^0.5 + (c / 50)^-b',
    'a / b * c - a - b - c',
    'log(c) + log(c, b) + ln(c) + log2(c) + exp(b / 4)',
    'sqrt(c) * abs(a - b) + min(a, b, c) - max(a, b)',
    'floor(a * 3.7) + ceil(-b * 2.2) + round(a - b) + round(2.5) + round(-2.5)',
    'clamp(a * 10 - b, -3, 4) + roundHalfEven(a * 4) / 2 + roundHalfEven(2.5) + roundHalfEven(-3.5)',
    'pow(c, 1 / 3) + pi * e - (a - (b - c)) / (1 + c)',
    '29 + 2 * (a - 0.5) - 3 * -b',
  ];
  it.each(MATHJS_CASES)('%s agrees with mathjs\'s evaluator', (source) => {
    const names = ['a', 'b', 'c'];
    const r = parse(source, names);
    if (!r.ok) throw new Error(r.message);
    const f = compileScalar(r.formula.expr, names);
    const byMathjs = compile(source);
    const halfEven = (x: number) => (Math.abs(x - Math.trunc(x)) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x));
    const extra = { ln: Math.log, clamp: (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi), roundHalfEven: halfEven };
    const rng = new Rng(17);
    for (let i = 0; i < 200; i++) {
      // a and b cross the rounding halves; c stays positive for the logarithms.
      const a = i < 4 ? [0.5, 0.125, 0.625, 0.375][i] : -2 + 4 * rng.uniform();
      const b = i < 4 ? [1.5, 0.25, 1.25, 0.5][i] : 0.1 + 3 * rng.uniform();
      const c = 0.01 + 100 * rng.uniform();
      const expected = byMathjs.evaluate({ a, b, c, ...extra }) as number;
      const got = f([a, b, c]);
      expect(Math.abs(got - expected), `${source} at a=${a}, b=${b}, c=${c}: ${got} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    }
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
