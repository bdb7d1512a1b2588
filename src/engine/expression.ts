/**
 * Formula trees compiled to plain JavaScript functions, so that the per-world loop never goes
 * through an interpreter. The generated source is built only from the validated tree: numbers,
 * indices into the variable list, and a fixed table of functions; no user text reaches it.
 */
import { chainOf, type Expr, type FunctionName } from '../model/formula.js';

/** Round half away from zero, as mathjs's round does. */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Round half to even, as Python's round does (used by the Rethink Priorities reimplementation). */
export function roundHalfEven(x: number): number {
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
}

/** The helpers generated code reaches through `H`. */
export const HELPERS = { roundHalfAway, roundHalfEven };

const CALLS: Record<FunctionName, (args: string[]) => string> = {
  log10: ([x]) => `Math.log10(${x})`,
  log2: ([x]) => `Math.log2(${x})`,
  ln: ([x]) => `Math.log(${x})`,
  log: ([x, base]) => (base === undefined ? `Math.log(${x})` : `(Math.log(${x}) / Math.log(${base}))`),
  exp: ([x]) => `Math.exp(${x})`,
  sqrt: ([x]) => `Math.sqrt(${x})`,
  abs: ([x]) => `Math.abs(${x})`,
  min: (args) => `Math.min(${args.join(', ')})`,
  max: (args) => `Math.max(${args.join(', ')})`,
  clamp: ([x, lo, hi]) => `Math.min(Math.max(${x}, ${lo}), ${hi})`,
  floor: ([x]) => `Math.floor(${x})`,
  ceil: ([x]) => `Math.ceil(${x})`,
  round: ([x]) => `H.roundHalfAway(${x})`,
  roundHalfEven: ([x]) => `H.roundHalfEven(${x})`,
  pow: ([x, y]) => `Math.pow(${x}, ${y})`,
};

/**
 * JavaScript source of an expression; `ref(name)` gives the source that reads a variable. A chain
 * of + and - (or of * and /) is written without inner parentheses, `((a + b) - c)` as
 * `(a + b - c)`: the same left-to-right evaluation in JavaScript, and no nesting for its parser
 * however long the chain (a sum of thousands of terms nested would exhaust V8's parser stack).
 */
export function toSource(expr: Expr, ref: (name: string) => string): string {
  switch (expr.kind) {
    case 'number':
      // Only finite numbers reach generated code (NaN, Infinity and anything else are bugs upstream).
      if (typeof expr.value !== 'number' || !Number.isFinite(expr.value)) throw new Error(`bug: formula constant ${String(expr.value)} is not a finite number`);
      return `(${String(expr.value)})`;
    case 'variable':
      return ref(expr.name);
    case 'negate':
      return `(-${toSource(expr.arg, ref)})`;
    case 'binary': {
      if (expr.op === '^') return `Math.pow(${toSource(expr.left, ref)}, ${toSource(expr.right, ref)})`;
      // Walk down the chain's left spine without recursion, then write its operands in order.
      const chain = chainOf(expr.op);
      const rights: { op: string; right: Expr }[] = [];
      let left: Expr = expr;
      while (left.kind === 'binary' && chainOf(left.op) === chain) {
        rights.push({ op: left.op, right: left.right });
        left = left.left;
      }
      let out = toSource(left, ref);
      for (let i = rights.length - 1; i >= 0; i--) out += ` ${rights[i].op} ${toSource(rights[i].right, ref)}`;
      return `(${out})`;
    }
    case 'call':
      if (!Object.hasOwn(CALLS, expr.fn)) throw new Error(`bug: unknown formula function ${String(expr.fn)}`);
      return CALLS[expr.fn](expr.args.map((arg) => toSource(arg, ref)));
  }
}

function indexOf(names: readonly string[], name: string): number {
  const i = names.indexOf(name);
  if (i < 0) throw new Error(`bug: variable ${name} not in ${names.join(',')}`);
  return i;
}

/** f(values) where values[i] is the value of names[i]. */
export function compileScalar(expr: Expr, names: readonly string[]): (values: ArrayLike<number>) => number {
  const body = `return ${toSource(expr, (name) => `v[${indexOf(names, name)}]`)};`;
  const fn = new Function('v', 'H', body) as (v: ArrayLike<number>, h: typeof HELPERS) => number;
  return (values) => fn(values, HELPERS);
}

/** A column kernel: out[k] = f(columns[0][k], columns[1][k], …) for k < n. */
export type ColumnKernel = (n: number, columns: readonly Float64Array[], out: Float64Array) => void;

export function compileColumns(expr: Expr, names: readonly string[]): ColumnKernel {
  const locals = names.map((_, i) => `const c${i} = c[${i}];`).join('\n');
  const body = `${locals}\nfor (let k = 0; k < n; k++) { out[k] = ${toSource(expr, (name) => `c${indexOf(names, name)}[k]`)}; }`;
  const fn = new Function('n', 'c', 'out', 'H', body) as (n: number, c: readonly Float64Array[], out: Float64Array, h: typeof HELPERS) => void;
  return (n, columns, out) => fn(n, columns, out, HELPERS);
}
