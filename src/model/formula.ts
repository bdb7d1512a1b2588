/**
 * Formulas in anchor and scenario files: the arithmetic of mathjs's expression syntax (numbers,
 * names, + - * / ^, unary signs, parentheses, function calls; mathjs's precedence: ^ binds tighter
 * than a sign, which binds tighter than * and /, and ^ groups to the right, its exponent taking a
 * sign: 2^-a), checked at load time and turned into a small expression tree that the engine compiles
 * to plain JavaScript. The tokenizer below refuses everything else mathjs would read (implicit
 * products, units, matrices, …) with a message of its own, so what is left is parsed here by
 * recursive descent into nodes of mathjs's shapes (ConstantNode, SymbolNode, OperatorNode,
 * FunctionNode, ParenthesisNode), the trees mathjs's parser gives for these formulas: parsing
 * with mathjs itself cost about 50 ms of every start (its module and the functions it sets up on
 * the first parse) for what takes a fraction of a millisecond here.
 */
import { MAX_MAGNITUDE } from './distribution.js';

/** A parsed node, in the shape and with the fields mathjs's parser gives it. */
type MathNode =
  | { type: 'ConstantNode'; value: unknown }
  | { type: 'SymbolNode'; name: string }
  | { type: 'ParenthesisNode'; content: MathNode }
  | { type: 'OperatorNode'; op: string; args: MathNode[] }
  | { type: 'FunctionNode'; fn: { type: 'SymbolNode'; name: string }; args: MathNode[] };

/** Names mathjs reads as values rather than symbols. */
const NAMED_VALUES: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  undefined: undefined,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
};

class SyntaxProblem extends Error {}

/** Parses the tokens of a formula (tokenize's, so only numbers, names, + - * / ^, parentheses and commas). */
function parseTokens(tokens: readonly Token[], length: number): MathNode {
  let i = 0;
  /** A problem at token `k` (or at the end), as mathjs words it, with its column counted from 1. */
  const problem = (what: string, k = i): never => {
    const at = k < tokens.length ? tokens[k].at + 1 : length + 1;
    throw new SyntaxProblem(`${k < tokens.length ? what : 'Unexpected end of expression'} (at column ${at} of the formula)`);
  };
  const peek = () => tokens[i];
  const isOp = (op: string) => peek()?.kind === 'op' && peek().text === op;
  const binary = (op: string, left: MathNode, right: MathNode): MathNode => ({ type: 'OperatorNode', op, args: [left, right] });
  /** A left-grouped chain of `operand`s joined by the operators in `ops` (a - b + c is (a - b) + c), in a loop. */
  const chain = (operand: () => MathNode, ops: readonly string[]): MathNode => {
    let node = operand();
    while (ops.some(isOp)) {
      const op = tokens[i++].text;
      node = binary(op, node, operand());
    }
    return node;
  };
  const addSubtract = (): MathNode => chain(multiplyDivide, ['+', '-']);
  const multiplyDivide = (): MathNode => chain(unary, ['*', '/']);
  const unary = (): MathNode => {
    if (isOp('-') || isOp('+')) {
      const op = tokens[i++].text;
      return { type: 'OperatorNode', op, args: [unary()] };
    }
    return power();
  };
  const power = (): MathNode => {
    const base = primary();
    if (!isOp('^')) return base;
    i++;
    return binary('^', base, unary());
  };
  const primary = (): MathNode => {
    const t = peek();
    if (t === undefined) return problem('');
    if (t.kind === 'number') {
      i++;
      return { type: 'ConstantNode', value: Number(t.text) };
    }
    if (t.kind === 'name') {
      i++;
      if (peek()?.kind === '(') {
        i++;
        const args: MathNode[] = [];
        if (peek()?.kind !== ')') {
          args.push(addSubtract());
          while (peek()?.kind === ',') {
            i++;
            args.push(addSubtract());
          }
        }
        if (peek()?.kind !== ')') problem(`Parenthesis ) expected, found "${peek()?.text}"`);
        i++;
        return { type: 'FunctionNode', fn: { type: 'SymbolNode', name: t.text }, args };
      }
      return Object.hasOwn(NAMED_VALUES, t.text) ? { type: 'ConstantNode', value: NAMED_VALUES[t.text] } : { type: 'SymbolNode', name: t.text };
    }
    if (t.kind === '(') {
      i++;
      const content = addSubtract();
      if (peek()?.kind !== ')') problem(`Parenthesis ) expected, found "${peek()?.text}"`);
      i++;
      return { type: 'ParenthesisNode', content };
    }
    return problem(
      t.kind === ')' ? 'Unexpected ")": a value is expected' : t.kind === ',' ? 'Unexpected ",": a value is expected' : `Value expected, found "${t.text}"`,
    );
  };
  const node = addSubtract();
  if (i < tokens.length)
    problem(tokens[i].kind === ',' ? 'Unexpected ",": a comma separates the arguments of a function call only' : `Unexpected "${tokens[i].text}"`);
  return node;
}

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

/** Longest formula accepted: the bundled ones are under 100 characters; a sum of 2,000 terms fits. */
export const MAX_FORMULA_LENGTH = 10_000;
/**
 * Deepest nesting accepted (parentheses, function calls, signs, powers; a chain such as
 * a + b - c + … or a * b / c is one level however long): far more than any formula needs, and
 * far less than what the parser, the checks and the generated JavaScript could not take.
 */
export const MAX_FORMULA_DEPTH = 64;

const ACCEPTED = 'a formula uses numbers, declared variables, + - * / ^, parentheses and functions such as log10(x)';

/** Characters, outside numbers and names, that mean some mathjs syntax formulas do not have. */
const FOREIGN: Record<string, string> = {
  '%': '"%" (percent or modulo) is not an operator here; write a/100 for a percentage',
  '!': '"!" (factorial) is not supported',
  "'": 'quotes and "\'" (transpose) are not supported: text is not a number',
  '"': 'quotes are not allowed: text is not a number',
  '?': 'conditionals (a ? b : c) are not supported; use min, max or clamp',
  ':': 'ranges and conditionals (":") are not supported',
  ';': 'a formula is one expression; ";" separates several',
  '\n': 'a formula is one expression on one line; a new line separates several',
  '\r': 'a formula is one expression on one line; a new line separates several',
  '=': 'assignments and comparisons ("=") are not supported',
  '<': 'comparisons and shifts ("<") are not supported; use min, max or clamp',
  '>': 'comparisons and shifts (">") are not supported; use min, max or clamp',
  '[': 'lists, matrices and indexing ("[") are not supported',
  ']': 'lists, matrices and indexing ("]") are not supported',
  '{': 'objects ("{") are not supported',
  '}': 'objects ("}") are not supported',
  '&': 'bitwise and logical operators ("&") are not supported',
  '|': 'bitwise and logical operators ("|") are not supported',
  '~': 'bitwise operators ("~") are not supported',
  '#': 'comments ("#") are not allowed in formulas; use the "description" or "notes" field',
  '.': 'a "." is only a decimal point (as in 0.5): element-wise operators (.^ .* ./) and fields (a.b) are not supported',
};

/** mathjs operators written as words, which would otherwise read as variable names. */
const WORD_OPERATORS: Record<string, string> = {
  mod: 'modulo ("mod") is not supported',
  and: 'logical operators ("and") are not supported; use min, max or clamp',
  or: 'logical operators ("or") are not supported; use min, max or clamp',
  xor: 'logical operators ("xor") are not supported',
  not: 'logical operators ("not") are not supported',
  to: 'unit conversion ("to") is not supported: values carry their unit in the variable\'s "unit"',
  in: 'unit conversion ("in") is not supported: values carry their unit in the variable\'s "unit"',
};

type Token = { kind: 'number' | 'name' | 'op' | '(' | ')' | ','; text: string; at: number };

/**
 * Splits a formula into tokens, or says what in it is not formula syntax and where (a column,
 * counted from 1). Done before mathjs parses it, so that mathjs never reads syntax the formula
 * language does not have (and so that every message can give a column, which mathjs's tree lacks).
 */
function tokenize(source: string): { ok: true; tokens: Token[] } | { ok: false; message: string } {
  const tokens: Token[] = [];
  const fail = (at: number, message: string) => ({ ok: false as const, message: `${message} (at column ${at + 1} of the formula); ${ACCEPTED}` });
  const number = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
  const name = /[A-Za-z_][A-Za-z0-9_]*/y;
  let depth = 0;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    number.lastIndex = i;
    const n = number.exec(source);
    if (n) {
      const value = Number(n[0]);
      if (!(Math.abs(value) <= MAX_MAGNITUDE))
        return fail(i, `${n[0]} is too large a number; numbers must be between -1e300 and 1e300, as in the rest of the file`);
      if (n[0] === '0' && /^[xXbBoO][0-9A-Fa-f]/.test(source.slice(i + 1)))
        return fail(i, `${source.slice(i).match(/^0[xXbBoO][0-9A-Fa-f]*/)?.[0]}: only decimal numbers are allowed`);
      // "5.^ 2", "5.* a": mathjs reads the "." with the operator after it (element-wise), not in the number.
      const after = source[i + n[0].length];
      if (n[0].endsWith('.') && (after === '^' || after === '*' || after === '/')) return fail(i + n[0].length - 1, FOREIGN['.']);
      tokens.push({ kind: 'number', text: n[0], at: i });
      i += n[0].length;
      continue;
    }
    name.lastIndex = i;
    const w = name.exec(source);
    if (w) {
      if (Object.hasOwn(WORD_OPERATORS, w[0])) return fail(i, WORD_OPERATORS[w[0]]);
      tokens.push({ kind: 'name', text: w[0], at: i });
      i += w[0].length;
      continue;
    }
    if ('+-*/^'.includes(c)) tokens.push({ kind: 'op', text: c, at: i });
    else if (c === '(') {
      if (++depth > MAX_FORMULA_DEPTH) return fail(i, `parentheses are nested more than ${MAX_FORMULA_DEPTH} deep`);
      tokens.push({ kind: '(', text: c, at: i });
    } else if (c === ')') {
      depth--;
      tokens.push({ kind: ')', text: c, at: i });
    } else if (c === ',') tokens.push({ kind: ',', text: c, at: i });
    else {
      const known = FOREIGN[c];
      const shown = JSON.stringify(c);
      return fail(i, known ?? `${shown} is not part of formula syntax`);
    }
    i++;
  }
  // A value followed by a value is mathjs's implicit multiplication ("2 a", "2(x)", "(a)(b)"):
  // almost always a missing operator, so it is refused instead of silently multiplying.
  for (let k = 1; k < tokens.length; k++) {
    const [prev, next] = [tokens[k - 1], tokens[k]];
    const ends = prev.kind === 'number' || prev.kind === 'name' || prev.kind === ')';
    const starts = next.kind === 'number' || next.kind === 'name' || next.kind === '(';
    const call = prev.kind === 'name' && next.kind === '(';
    if (ends && starts && !call) {
      const seen = source.slice(prev.at, next.at + next.text.length);
      return fail(next.at, `missing operator in "${seen}" (mathjs would read it as a product); write an operator between the two, * if a product is meant`);
    }
  }
  return { ok: true, tokens };
}

/** Which chain a binary operator continues: + and - are one, * and / another, ^ none. */
export function chainOf(op: string | undefined): 0 | 1 | 2 {
  return op === '+' || op === '-' ? 1 : op === '*' || op === '/' ? 2 : 0;
}

/**
 * Nesting of the code a tree becomes (see engine/expression.ts): the left operand of a chain
 * (a + b - c + …, a * b / c …) continues it at the same level; every other operand nests.
 */
export function exprDepth(expr: Expr): number {
  let deepest = 0;
  const stack: { e: Expr; depth: number }[] = [{ e: expr, depth: 1 }];
  while (stack.length) {
    const { e, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (e.kind === 'negate') stack.push({ e: e.arg, depth: depth + 1 });
    else if (e.kind === 'call') for (const a of e.args) stack.push({ e: a, depth: depth + 1 });
    else if (e.kind === 'binary') {
      const chain = chainOf(e.op);
      const continues = chain !== 0 && e.left.kind === 'binary' && chainOf(e.left.op) === chain;
      stack.push({ e: e.left, depth: continues ? depth : depth + 1 }, { e: e.right, depth: depth + 1 });
    }
  }
  return deepest;
}

/**
 * Parses `source` and checks it against the declared variable names.
 * `closest` finds a near spelling for "did you mean" hints.
 */
export function parseFormula(source: string, declared: readonly string[], closest: (a: string, b: readonly string[]) => string | undefined): FormulaResult {
  if (source.length > MAX_FORMULA_LENGTH) {
    return { ok: false, message: `the formula is ${source.length} characters long; at most ${MAX_FORMULA_LENGTH} are accepted` };
  }
  if (source.trim() === '') return { ok: false, message: `the formula is empty; ${ACCEPTED}` };
  const tokens = tokenize(source);
  if (!tokens.ok) return tokens;
  let node: MathNode;
  try {
    node = parseTokens(tokens.tokens, source.length);
  } catch (error) {
    if (error instanceof RangeError)
      return { ok: false, message: `the formula is nested more than ${MAX_FORMULA_DEPTH} deep (parentheses, function calls, signs and powers)` };
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ok: false, message: `cannot read the formula: ${error.message}; ${ACCEPTED}` };
  }
  const used: string[] = [];
  const declaredSet = new Set(declared);
  const convert = (n: MathNode): Expr => {
    switch (n.type) {
      case 'ParenthesisNode':
        return convert(n.content);
      case 'ConstantNode': {
        const value = n.value;
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${String(value)} is not a number; ${ACCEPTED}`);
        return { kind: 'number', value };
      }
      case 'SymbolNode': {
        const name = n.name;
        if (declaredSet.has(name)) {
          if (!used.includes(name)) used.push(name);
          return { kind: 'variable', name };
        }
        if (Object.hasOwn(CONSTANTS, name)) return { kind: 'number', value: CONSTANTS[name] };
        if (Object.hasOwn(FUNCTIONS, name)) throw new Error(`${name} is a function: call it with its argument in parentheses, e.g. ${name}(x)`);
        const known = declared.length ? `declared: ${declared.join(', ')}` : 'no variables are declared';
        throw new Error(`"${name}" is not a declared variable${suggestion(name, declared, closest)}; ${known}`);
      }
      case 'OperatorNode': {
        const op = n.op;
        const chain = n.args.length === 2 ? chainOf(op) : 0;
        if (chain !== 0) {
          // A chain (a + b - c …) is a left spine as long as the formula: walked without recursion.
          const rights: { op: '+' | '-' | '*' | '/'; node: MathNode }[] = [];
          let left: MathNode = n;
          while (left.type === 'OperatorNode' && left.args.length === 2 && chainOf(left.op) === chain) {
            rights.push({ op: left.op as '+' | '-' | '*' | '/', node: left.args[1] });
            left = left.args[0];
          }
          let expr = convert(left);
          for (let i = rights.length - 1; i >= 0; i--) expr = { kind: 'binary', op: rights[i].op, left: expr, right: convert(rights[i].node) };
          return expr;
        }
        const args = n.args.map(convert);
        if (args.length === 1 && op === '-') return { kind: 'negate', arg: args[0] };
        if (args.length === 1 && op === '+') return args[0];
        if (args.length === 2 && op === '^') return { kind: 'binary', op, left: args[0], right: args[1] };
        throw new Error(`bug: operator "${op}" with ${args.length} operands from the parser`);
      }
      case 'FunctionNode': {
        const name = n.fn.name;
        if (!Object.hasOwn(FUNCTIONS, name)) {
          const what =
            declaredSet.has(name) || Object.hasOwn(CONSTANTS, name)
              ? `"${name}" is a ${declaredSet.has(name) ? 'variable' : 'constant'}, not a function: write ${name} * (…) for a product`
              : `unknown function "${name}"${suggestion(name, Object.keys(FUNCTIONS), closest)}`;
          throw new Error(`${what}; available: ${Object.keys(FUNCTIONS).join(', ')}`);
        }
        const spec = FUNCTIONS[name as FunctionName];
        const args = n.args.map(convert);
        if (args.length < spec.min || args.length > spec.max) {
          const wanted = spec.max === Infinity ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min} or ${spec.max}`;
          throw new Error(`${name} takes ${wanted} argument(s), found ${args.length}`);
        }
        return { kind: 'call', fn: name as FunctionName, args };
      }
    }
  };
  let expr: Expr;
  try {
    expr = convert(node);
  } catch (error) {
    if (error instanceof RangeError)
      return { ok: false, message: `the formula is nested more than ${MAX_FORMULA_DEPTH} deep (parentheses, function calls, signs and powers)` };
    return { ok: false, message: (error as Error).message };
  }
  const depth = exprDepth(expr);
  if (depth > MAX_FORMULA_DEPTH)
    return {
      ok: false,
      message: `the formula is nested ${depth} deep (parentheses, function calls, signs and powers); at most ${MAX_FORMULA_DEPTH} is accepted`,
    };
  return { ok: true, formula: { source, expr, variables: used } };
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
        if (e.op === '^') return binaryRange(e.op, walk(e.left), walk(e.right));
        // A chain (a + b - c …) is a left spine as long as the formula: walked without recursion.
        const spine: Expr[] = [];
        let left: Expr = e;
        while (left.kind === 'binary' && chainOf(left.op) === chainOf(e.op)) {
          spine.push(left);
          left = left.left;
        }
        let range = walk(left);
        for (let i = spine.length - 1; i >= 0; i--) {
          const link = spine[i] as Extract<Expr, { kind: 'binary' }>;
          range = binaryRange(link.op, range, walk(link.right));
        }
        return range;
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
