import { all, compile, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { compileScalar, roundHalfEven } from '../../src/engine/expression.js';
import { closest } from '../../src/io/closest.js';
import { checkDomain, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, parseFormula } from '../../src/model/formula.js';
import { compileRequirement } from '../../src/engine/requirement.js';

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
  it.each(MATHJS_CASES)("%s agrees with mathjs's evaluator", (source) => {
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
      expect(Math.abs(got - expected), `${source} at a=${a}, b=${b}, c=${c}: ${got} vs ${expected}`).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(expected)),
      );
    }
  });

  // The parser against mathjs's own on random formulas: signs, powers, chains, parentheses and calls
  // mixed at random (a seeded generator), each evaluated both ways at random points. A tree that
  // groups differently from mathjs's gives a different value almost everywhere.
  const predictable = create(all, { predictable: true });
  it("builds mathjs's trees: 600 random formulas agree with mathjs's evaluator", () => {
    const rng = new Rng(23);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)];
    const calls: [string, number][] = [
      ['log10', 1],
      ['exp', 1],
      ['abs', 1],
      ['min', 3],
      ['max', 2],
      ['pow', 2],
      ['sqrt', 1],
      ['floor', 1],
    ];
    const gen = (depth: number): string => {
      const r = rng.uniform();
      if (depth <= 0 || r < 0.2) return pick(['a', 'b', 'c', '2', '0.5', '.25', '3', '1e-1', 'pi', 'e']);
      if (r < 0.6) return `${gen(depth - 1)}${pick(['', ' '])}${pick(['+', '-', '*', '/', '^'])}${pick(['', ' '])}${gen(depth - 1)}`;
      if (r < 0.7) return `${pick(['-', '+', '--', '-+', '- '])}${gen(depth - 1)}`;
      if (r < 0.85) return `(${gen(depth - 1)})`;
      const [name, arity] = pick(calls);
      return `${name}(${Array.from({ length: arity }, () => gen(depth - 1)).join(pick([',', ', ']))})`;
    };
    const names = ['a', 'b', 'c'];
    let compared = 0;
    for (let t = 0; t < 600; t++) {
      const source = gen(5);
      const r = parse(source, names);
      if (!r.ok) throw new Error(`${source}: ${r.message}`);
      const f = compileScalar(r.formula.expr, names);
      // Predictable: a root or power of a negative number is NaN, as in JavaScript, not a complex number.
      const byMathjs = predictable.compile(source);
      for (let i = 0; i < 10; i++) {
        const a = -2 + 4 * rng.uniform();
        const b = 0.1 + 3 * rng.uniform();
        const c = 0.01 + 10 * rng.uniform();
        const expected = byMathjs.evaluate({ a, b, c }) as number;
        const got = f([a, b, c]);
        // A power of a negative number: NaN in JavaScript, where mathjs has values of its own (not a question of grouping).
        if (Number.isNaN(got)) continue;
        const same =
          Object.is(got, expected) || Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected)) || (Number.isNaN(got) && Number.isNaN(expected));
        if (!same) expect.fail(`${source} at a=${a}, b=${b}, c=${c}: ${got} against mathjs's ${expected}`);
        compared++;
      }
    }
    // Most points are real numbers both ways.
    expect(compared).toBeGreaterThan(4000);
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

  it("flag formulas that can be undefined over the variables' ranges", () => {
    const log = parse('log10(x)', ['x']);
    if (!log.ok) throw new Error();
    expect(checkDomain(log.formula.expr, { x: { lo: -Infinity, hi: Infinity } }).problem).toMatch(/log10\(…\) can be ≤ 0/);
    expect(checkDomain(log.formula.expr, { x: { lo: 1e-300, hi: Infinity } }).problem).toBeUndefined();
    const div = parse('1 / (x - 2)', ['x']);
    if (!div.ok) throw new Error();
    expect(checkDomain(div.formula.expr, { x: { lo: 0, hi: 3 } }).problem).toMatch(/denominator can be 0/);
    expect(checkDomain(div.formula.expr, { x: { lo: 3, hi: 4 } }).problem).toBeUndefined();
  });

  it("compute the range of a clamped formula (Rethink Priorities' halving rule stays in [2, 3.5])", () => {
    const r = parse('clamp(3.5 - roundHalfEven((requirement - 29) / 2) / 2, 2, 3.5)', ['requirement']);
    if (!r.ok) throw new Error(r.message);
    expect(checkDomain(r.formula.expr, { requirement: { lo: -Infinity, hi: Infinity } }).range).toEqual({ lo: 2, hi: 3.5 });
  });
});

describe('formula syntax outside the formula language (issue 14)', () => {
  const abc = ['a', 'b', 'c'];
  const refuse = (source: string) => {
    const r = parse(source, abc);
    expect(r.ok, source).toBe(false);
    return r.ok ? '' : r.message;
  };

  // mathjs reads a missing operator as a product: "a b + c" is a·b + c. Every place it does so is refused, with the column.
  it.each([
    ['a b + c', 3, '"a b"'],
    ['2 (a)', 3, '"2 ("'],
    ['2a + b + c', 2, '"2a"'],
    ['(a)(b) + c', 4, '")("'],
    ['sqrt(a)(2) + b + c', 8, '")("'],
    ['log10(a)b + c', 9, '")b"'],
    ['2e + a + b + c', 2, '"2e"'],
    ['5 cm', 3, '"5 cm"'],
  ])('implicit multiplication %s is refused at column %i', (source, column, seen) => {
    const message = refuse(source);
    expect(message).toContain(`missing operator in ${seen} (mathjs would read it as a product)`);
    expect(message).toContain(`(at column ${column} of the formula)`);
    expect(message).toContain('a formula uses numbers, declared variables, + - * / ^, parentheses and functions such as log10(x)');
  });

  // Every other piece of mathjs syntax a formula could contain, with what the message names.
  it.each([
    ['1:3', /ranges and conditionals/],
    ['[1, 2]', /lists, matrices and indexing/],
    ['a = 1', /assignments and comparisons/],
    ['f(x) = x', /assignments and comparisons/],
    ['a ? b : c', /conditionals \(a \? b : c\) are not supported; use min, max or clamp/],
    ['a and b', /logical operators \("and"\)/],
    ['a or b', /logical operators \("or"\)/],
    ['not a', /logical operators \("not"\)/],
    ['a xor b', /logical operators \("xor"\)/],
    ['a < b', /comparisons/],
    ['a == b', /assignments and comparisons/],
    ['"s"', /text is not a number/],
    ["a'", /transpose/],
    ['a!', /factorial/],
    ['a % b', /"%" \(percent or modulo\)/],
    ['50%', /"%" \(percent or modulo\)/],
    ['a mod b', /modulo \("mod"\)/],
    ['a[1]', /indexing/],
    ['{x: 1}', /objects/],
    ['a.b', /fields \(a\.b\)/],
    ['a .^ b', /element-wise operators/],
    ['a .* b', /element-wise operators/],
    ['a | b', /"\|"/],
    ['a & b', /"&"/],
    ['~a', /"~"/],
    ['a << 1', /"<"/],
    ['a to b', /unit conversion/],
    ['a; b', /one expression/],
    ['a\nb', /one expression on one line/],
    ['a # note', /comments/],
    ['0x10', /only decimal numbers/],
    ['0b11', /only decimal numbers/],
    ['1e400', /too large a number/],
    ['true', /true is not a number/],
    ['NaN', /NaN is not a number/],
    ['Infinity', /Infinity is not a number/],
    ['a(1)', /"a" is a variable, not a function/],
    ['e(1)', /"e" is a constant, not a function/],
    ['log10', /log10 is a function: call it/],
    ['@a', /"@" is not part of formula syntax/],
    ['a +', /cannot read the formula: .*\(at column 4 of the formula\)/],
  ])('%s is refused', (source, pattern) => {
    expect(refuse(source)).toMatch(pattern);
  });

  it('accepts what docs/files.md lists: + - * / ^, unary minus, decimals, exponents, constants, functions', () => {
    for (const source of [
      'a + b - c * a / b ^ c',
      '-a + -(b) - -c',
      '.5 * a + 5. * b + 1e-3 * c',
      'pi * a + e * b + c',
      'log10(a) + min(a, b, c) + max(a, 1) + clamp(c, 0, 1)',
      '2^-a + b + c',
    ]) {
      expect(parse(source, abc).ok, source).toBe(true);
    }
  });
});

describe('formula size (issue 14): what validate accepts, run compiles', () => {
  const anchorWith = (source: string) => {
    const r = parse(source, ['a']);
    if (!r.ok) return r;
    const anchor = {
      id: 't',
      label: 't',
      description: '',
      sources: [],
      variables: [{ name: 'a', unit: 'u', dist: { dist: 'point' as const, value: 1 } }],
      formula: r.formula,
      adjustments: [],
    };
    return { ok: true as const, kernel: compileRequirement(anchor) };
  };

  it('a flat sum of 2,000 terms (and of the most the length allows) compiles and evaluates; it used to overflow the stack in run', () => {
    for (const terms of [2000, Math.floor((MAX_FORMULA_LENGTH + 1) / 2)]) {
      const built = anchorWith(Array(terms).fill('a').join('+'));
      if (!built.ok) throw new Error(built.message);
      const out = new Float64Array(1);
      built.kernel(1, [new Float64Array([1])], out);
      expect(out[0]).toBe(terms);
    }
    const product = anchorWith(Array(2000).fill('a').join(' * '));
    expect(product.ok).toBe(true);
  });

  it('deep nesting and long formulas are refused with the limit, not a stack overflow', () => {
    const parens = parse(`${'('.repeat(10_000)}a${')'.repeat(10_000)}`, ['a']);
    expect(!parens.ok && parens.message).toBe(`the formula is 20001 characters long; at most ${MAX_FORMULA_LENGTH} are accepted`);
    const deep = parse(`${'('.repeat(MAX_FORMULA_DEPTH + 1)}a${')'.repeat(MAX_FORMULA_DEPTH + 1)}`, ['a']);
    expect(!deep.ok && deep.message).toMatch(
      new RegExp(`parentheses are nested more than ${MAX_FORMULA_DEPTH} deep \\(at column ${MAX_FORMULA_DEPTH + 1} of the formula\\)`),
    );
    expect(parse(`${'('.repeat(MAX_FORMULA_DEPTH - 1)}a${')'.repeat(MAX_FORMULA_DEPTH - 1)}`, ['a']).ok).toBe(true);
    for (const source of [`${'-'.repeat(4000)}a`, `${'a^'.repeat(3000)}a`, `${'log10('.repeat(1000)}a${')'.repeat(1000)}`]) {
      const r = parse(source, ['a']);
      expect(!r.ok && r.message).toMatch(new RegExp(`nested (more than )?\\d+ deep|nested more than ${MAX_FORMULA_DEPTH} deep`));
    }
    const long = 'x'.repeat(100_000);
    const r = parse(long, [long]);
    expect(!r.ok && r.message).toBe(`the formula is 100000 characters long; at most ${MAX_FORMULA_LENGTH} are accepted`);
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
