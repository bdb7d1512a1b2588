/**
 * Formulas in anchor and scenario files: mathjs expression syntax, checked at load time and
 * turned into a small expression tree that the engine compiles to plain JavaScript. mathjs is
 * used only to parse, from its number-only build: the same parser, without the BigNumber,
 * Fraction and matrix conversions that the full build sets up on the first parse (60-90 ms).
 */
import { create, parseDependencies, type MathNode } from 'mathjs/number';

const math = create({ parseDependencies }, {});

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'variable'; name: string }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] };

/** The functions a formula may call, with their arity. */
export const FUNCTIONS = {
  log10: { min: 1, max: 1, doc: 'base-10 logarithm' },
  log2: { min: 1, max: 1, doc: 'base-2 logarithm' },
  ln: { min: 1, max: 1, doc: 'natural logarithm' },
  log: { min: 1, max: 2, doc: 'log(x) natural logarithm, log(x, base)' },
  exp: { min: 1, max: 1, doc: 'e^x' },
  sqrt: { min: 1, max: 1, doc: 'square root' },
  abs: { min: 1, max: 1, doc: 'absolute value' },
  min: { min: 1, max: Infinity, doc: 'smallest argument' },
  max: { min: 1, max: Infinity, doc: 'largest argument' },
  clamp: { min: 3, max: 3, doc: 'clamp(x, lo, hi)' },
  floor: { min: 1, max: 1, doc: 'round down' },
  ceil: { min: 1, max: 1, doc: 'round up' },
  round: { min: 1, max: 1, doc: 'round half away from zero (mathjs)' },
  roundHalfEven: { min: 1, max: 1, doc: "round half to even (Python's round)" },
  pow: { min: 2, max: 2, doc: 'pow(x, y) = x^y' },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

/** Named constants a formula may use. */
export const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

export interface ParsedFormula {
  source: string;
  expr: Expr;
  /** Variables the formula reads, in order of first use. */
  variables: string[];
}

export type FormulaResult = { ok: true; formula: ParsedFormula } | { ok: false; message: string };

function suggestion(name: string, candidates: readonly string[], closest: (a: string, b: readonly string[]) => string | undefined): string {
  const best = closest(name, candidates);
  return best ? ` (did you mean "${best}"?)` : '';
}

/**
 * Parses `source` and checks it against the declared variable names.
 * `closest` finds a near spelling for "did you mean" hints.
 */
export function parseFormula(
  source: string,
  declared: readonly string[],
  closest: (a: string, b: readonly string[]) => string | undefined,
): FormulaResult {
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (error) {
    return { ok: false, message: `cannot parse formula: ${(error as Error).message}` };
  }
  const used: string[] = [];
  const declaredSet = new Set(declared);
  const convert = (n: MathNode): Expr => {
    const any = n as unknown as Record<string, unknown> & { type: string };
    switch (any.type) {
      case 'ParenthesisNode':
        return convert(any.content as MathNode);
      case 'ConstantNode': {
        const value = any.value;
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`only finite numbers are allowed, found ${String(value)}`);
        return { kind: 'number', value };
      }
      case 'SymbolNode': {
        const name = any.name as string;
        if (declaredSet.has(name)) {
          if (!used.includes(name)) used.push(name);
          return { kind: 'variable', name };
        }
        if (Object.hasOwn(CONSTANTS, name)) return { kind: 'number', value: CONSTANTS[name] };
        const known = declared.length ? `declared: ${declared.join(', ')}` : 'no variables are declared';
        throw new Error(`"${name}" is not a declared variable${suggestion(name, declared, closest)}; ${known}`);
      }
      case 'OperatorNode': {
        const op = any.op as string;
        const args = (any.args as MathNode[]).map(convert);
        if (args.length === 1 && op === '-') return { kind: 'negate', arg: args[0] };
        if (args.length === 1 && op === '+') return args[0];
        if (args.length === 2 && (op === '+' || op === '-' || op === '*' || op === '/' || op === '^')) {
          return { kind: 'binary', op, left: args[0], right: args[1] };
        }
        throw new Error(`operator "${op}" is not supported; use + - * / ^`);
      }
      case 'FunctionNode': {
        const fnNode = any.fn as { type: string; name?: string };
        const name = fnNode.type === 'SymbolNode' ? (fnNode.name as string) : '';
        if (!Object.hasOwn(FUNCTIONS, name)) {
          throw new Error(
            `unknown function "${name}"${suggestion(name, Object.keys(FUNCTIONS), closest)}; available: ${Object.keys(FUNCTIONS).join(', ')}`,
          );
        }
        const spec = FUNCTIONS[name as FunctionName];
        const args = (any.args as MathNode[]).map(convert);
        if (args.length < spec.min || args.length > spec.max) {
          const wanted = spec.max === Infinity ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min} or ${spec.max}`;
          throw new Error(`${name} takes ${wanted} argument(s), found ${args.length}`);
        }
        return { kind: 'call', fn: name as FunctionName, args };
      }
      default:
        throw new Error(`${any.type.replace(/Node$/, '').toLowerCase()} expressions are not supported in formulas`);
    }
  };
  try {
    const expr = convert(node);
    return { ok: true, formula: { source, expr, variables: used } };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** A closed interval of possible values; bounds may be infinite. */
export interface Range {
  lo: number;
  hi: number;
}

/**
 * Checks by interval arithmetic that no value of the variables within their ranges makes the
 * formula undefined (log of a non-positive number, division by an interval holding zero, square
 * root of a negative number, a non-integer power of a negative number). Returns a message naming
 * the first such place, or undefined. Conservative: it may refuse a formula whose undefined
 * region cannot actually be reached, and says how to make the ranges explicit (truncation).
 * Also returns the range of values the formula can take.
 */
export function checkDomain(expr: Expr, ranges: Record<string, Range>): { problem?: string; range: Range } {
  let problem: string | undefined;
  const show = (r: Range) => `[${r.lo}, ${r.hi}]`;
  const walk = (e: Expr): Range => {
    if (problem) return { lo: -Infinity, hi: Infinity };
    switch (e.kind) {
      case 'number':
        return { lo: e.value, hi: e.value };
      case 'variable':
        return ranges[e.name] ?? { lo: -Infinity, hi: Infinity };
      case 'negate': {
        const a = walk(e.arg);
        return { lo: -a.hi, hi: -a.lo };
      }
      case 'binary': {
        const a = walk(e.left);
        const b = walk(e.right);
        return binaryRange(e.op, a, b);
      }
      case 'call': {
        const args = e.args.map(walk);
        const positive = (what: string, r: Range) => {
          if (!(r.lo > 0)) problem = `${what} can be ≤ 0 (its argument ranges over ${show(r)}); truncate the variables involved or use a lognormal`;
        };
        switch (e.fn) {
          case 'log10':
          case 'log2':
          case 'ln':
            positive(`${e.fn}(…)`, args[0]);
            return mapMonotone(args[0], e.fn === 'log10' ? Math.log10 : e.fn === 'log2' ? Math.log2 : Math.log);
          case 'log':
            positive('log(…)', args[0]);
            if (args.length === 2) {
              positive('the base of log(x, base)', args[1]);
              return { lo: -Infinity, hi: Infinity };
            }
            return mapMonotone(args[0], Math.log);
          case 'exp':
            return mapMonotone(args[0], Math.exp);
          case 'sqrt':
            if (args[0].lo < 0) problem = `sqrt(…) can take a negative argument (ranges over ${show(args[0])})`;
            return mapMonotone(args[0], (x) => Math.sqrt(Math.max(0, x)));
          case 'abs': {
            const [a] = args;
            if (a.lo >= 0) return a;
            if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo };
            return { lo: 0, hi: Math.max(-a.lo, a.hi) };
          }
          case 'min':
            return { lo: Math.min(...args.map((r) => r.lo)), hi: Math.min(...args.map((r) => r.hi)) };
          case 'max':
            return { lo: Math.max(...args.map((r) => r.lo)), hi: Math.max(...args.map((r) => r.hi)) };
          case 'clamp':
            return { lo: Math.min(Math.max(args[0].lo, args[1].lo), args[2].hi), hi: Math.max(Math.min(args[0].hi, args[2].hi), args[1].lo) };
          case 'floor':
            return { lo: Math.floor(args[0].lo), hi: Math.floor(args[0].hi) };
          case 'ceil':
            return { lo: Math.ceil(args[0].lo), hi: Math.ceil(args[0].hi) };
          case 'round':
          case 'roundHalfEven':
            return { lo: Math.floor(args[0].lo), hi: Math.ceil(args[0].hi) };
          case 'pow':
            return binaryRange('^', args[0], args[1]);
        }
      }
    }
  };
  const range = walk(expr);
  return { problem, range };

  function binaryRange(op: '+' | '-' | '*' | '/' | '^', a: Range, b: Range): Range {
    switch (op) {
      case '+':
        return { lo: a.lo + b.lo, hi: a.hi + b.hi };
      case '-':
        return { lo: a.lo - b.hi, hi: a.hi - b.lo };
      case '*':
        return spread([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]);
      case '/':
        if (b.lo <= 0 && b.hi >= 0) {
          problem ??= `a division's denominator can be 0 (it ranges over ${show(b)}); truncate the variables involved`;
          return { lo: -Infinity, hi: Infinity };
        }
        return spread([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]);
      case '^': {
        const integerExponent = b.lo === b.hi && Number.isInteger(b.lo);
        if (a.lo < 0 && !integerExponent) {
          problem ??= `a power's base can be negative (it ranges over ${show(a)}) with a non-integer exponent`;
          return { lo: -Infinity, hi: Infinity };
        }
        if (a.lo === 0 && b.lo < 0) {
          problem ??= `a power's base can be 0 with a negative exponent`;
          return { lo: -Infinity, hi: Infinity };
        }
        return spread([a.lo ** b.lo, a.lo ** b.hi, a.hi ** b.lo, a.hi ** b.hi, ...(integerExponent && a.lo < 0 && a.hi > 0 ? [0] : [])]);
      }
    }
  }
}

function spread(values: number[]): Range {
  const finiteOrInf = values.map((v) => (Number.isNaN(v) ? 0 : v));
  return { lo: Math.min(...finiteOrInf), hi: Math.max(...finiteOrInf) };
}

function mapMonotone(r: Range, f: (x: number) => number): Range {
  return { lo: f(r.lo), hi: f(r.hi) };
}
