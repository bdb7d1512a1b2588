/** Parsers for command-line values: each rejects bad input with a usage error (exit 2). */
import type { SweepDesignSpec } from '../analyses/sweep.js';
import { UsageError } from '../io/errors.js';

/** A number as typed: Number("") and Number(" ") are 0, which no one means. */
const numberOf = (raw: string): number => (raw.trim() === '' ? NaN : Number(raw));

export function parseCount(name: string, max = 1e10) {
  return (raw: string): number => {
    const value = numberOf(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new UsageError(`${name} must be a whole number from 1 to ${max >= 1e6 ? max.toExponential(0) : max}; found "${raw}"`);
    }
    return value;
  };
}

export function parseSeed(raw: string): number {
  const value = numberOf(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new UsageError(`--seed must be a whole number from 0 to 2^53-1; found "${raw}"`);
  return value;
}

export function parseYear(name: string) {
  return (raw: string): number => {
    const value = numberOf(raw);
    if (!Number.isInteger(value) || value < 1900 || value > 3000) throw new UsageError(`${name} must be a year from 1900 to 3000; found "${raw}"`);
    return value;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseChoice<T extends string>(name: string, choices: readonly T[]) {
  return (raw: string): T => {
    if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`${name} must be one of ${choices.join(', ')}; found "${raw}"`);
    return raw as T;
  };
}

/**
 * --target-se values: a probability (0.001), percentage points (0.1pp or 0.1%), or years for
 * the median crossing (0.05y). Repeatable: every target given must be met.
 */
export function parseTargetSe(raw: string, previous: { probability?: number; medianYears?: number } = {}): { probability?: number; medianYears?: number } {
  const match = /^\s*([0-9]*\.?[0-9]+(?:e-?[0-9]+)?)\s*(pp|%|y|yr|yrs|years?)?\s*$/i.exec(raw);
  const value = match ? Number(match[1]) : NaN;
  if (!match || !(value > 0)) {
    throw new UsageError(
      `--target-se takes a positive standard error: a probability (0.001), percentage points (0.1pp) or years for the median (0.05y); found "${raw}"`,
    );
  }
  const unit = (match[2] ?? '').toLowerCase();
  if (unit.startsWith('y')) return { ...previous, medianYears: value };
  const probability = unit === 'pp' || unit === '%' ? value / 100 : value;
  if (probability >= 0.5) throw new UsageError(`--target-se ${raw} is not a useful standard error for a probability (it must be below 0.5)`);
  return { ...previous, probability };
}

/** --range FROM,TO: two years, the first before the second. */
export function parseRange(raw: string): { from: number; to: number } {
  const parts = raw.split(/[,:]/).map(numberOf);
  if (parts.length !== 2 || !parts.every(Number.isFinite) || !(parts[0] < parts[1])) {
    throw new UsageError(`--range takes two years FROM,TO with FROM before TO, e.g. 2025,2100; found "${raw}"`);
  }
  return { from: parts[0], to: parts[1] };
}

/** --swing path=LOW,HIGH for sensitivity: a stated range for a point-valued growth parameter. */
export function collectSwing(raw: string, previous: Record<string, [number, number]> = {}): Record<string, [number, number]> {
  const eq = raw.indexOf('=');
  const range =
    eq > 0
      ? raw
          .slice(eq + 1)
          .split(',')
          .map(numberOf)
      : [];
  if (eq <= 0 || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] !== range[1])) {
    throw new UsageError(`--swing takes path=LOW,HIGH, e.g. spending.doublingYears=2,3; found "${raw}"`);
  }
  return { ...previous, [raw.slice(0, eq).trim()]: [range[0], range[1]] };
}

/** --chunks FROM:TO: a range of chunk indices, FROM included, TO excluded. */
export function parseChunks(raw: string): { from: number; to: number } {
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(raw);
  const [from, to] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || !Number.isSafeInteger(to) || !(from < to))
    throw new UsageError(
      `--chunks takes FROM:TO, chunk numbers with FROM below TO (chunk c holds worlds c·16384 to c·16384+16383), e.g. 0:100; found "${raw}"`,
    );
  return { from, to };
}

/** PATH=REST: the path and the text after "=" (a usage error naming `option` and `form` otherwise). */
function pathAndRest(option: string, form: string, raw: string): [string, string] {
  const eq = raw.indexOf('=');
  if (eq <= 0 || raw.slice(0, eq).trim() === '') throw new UsageError(`${option} takes ${form}; found "${raw}"`);
  return [raw.slice(0, eq).trim(), raw.slice(eq + 1)];
}

/** Numbers separated by `sep`, each a finite number (a usage error otherwise). */
function numbersOf(option: string, form: string, raw: string, text: string, sep: string, count?: number): number[] {
  const parts = text.split(sep).map(numberOf);
  if ((count !== undefined && parts.length !== count) || !parts.every(Number.isFinite)) throw new UsageError(`${option} takes ${form}; found "${raw}"`);
  return parts;
}

const GRID_FORM = 'PATH=LO:HI:STEP, e.g. spending.doublingYears=1.5:3.5:0.25';
const VALUES_FORM = 'PATH=A,B,C, e.g. spending.doublingYears=2,2.5,3';
const RANGE_FORM = 'PATH=LO:HI, e.g. spending.doublingYears=1.5:3.5';

/** --grid PATH=LO:HI:STEP (repeatable): the range's values, checked (STEP above 0, LO at most HI) by the API. */
export function collectGrid(raw: string, previous: { path: string; lo: number; hi: number; step: number }[] = []) {
  const [path, rest] = pathAndRest('--grid', GRID_FORM, raw);
  const [lo, hi, step] = numbersOf('--grid', GRID_FORM, raw, rest, ':', 3);
  return [...previous, { path, lo, hi, step }];
}

/** --values PATH=A,B,C (repeatable). */
export function collectValues(raw: string, previous: { path: string; values: number[] }[] = []) {
  const [path, rest] = pathAndRest('--values', VALUES_FORM, raw);
  return [...previous, { path, values: numbersOf('--values', VALUES_FORM, raw, rest, ',') }];
}

/** --range PATH=LO:HI for a random design (repeatable). */
export function collectSweepRange(raw: string, previous: { path: string; lo: number; hi: number }[] = []) {
  const [path, rest] = pathAndRest('--range', RANGE_FORM, raw);
  const [lo, hi] = numbersOf('--range', RANGE_FORM, raw, rest, ':', 2);
  return [...previous, { path, lo, hi }];
}

/** --by 2030,2040,2050: years, each as parseYear takes it. */
export function parseYears(name: string) {
  const one = parseYear(name);
  return (raw: string): number[] => raw.split(',').map((y) => one(y.trim()));
}

/** What sweep and plot sweep take to describe their design. */
export interface SweepDesignOptions {
  grid: { path: string; lo: number; hi: number; step: number }[];
  values: { path: string; values: number[] }[];
  random?: number;
  range: { path: string; lo: number; hi: number }[];
}

/**
 * The design the options describe: a grid (--grid and --values, every combination, the --grid
 * paths varying slowest, in the order given) or a random design (--random N over each --range),
 * never both.
 */
export function sweepDesignFrom(options: SweepDesignOptions): SweepDesignSpec {
  const axes = [...options.grid, ...options.values];
  if (options.random !== undefined) {
    if (axes.length) throw new UsageError('--random draws its own points: give its paths with --range PATH=LO:HI, not --grid or --values');
    if (!options.range.length)
      throw new UsageError('--random N needs a --range PATH=LO:HI for each path it varies, e.g. --random 100 --range spending.doublingYears=1.5:3.5');
    return { random: { points: options.random, ranges: options.range } };
  }
  if (options.range.length) throw new UsageError('--range PATH=LO:HI is for --random N (a random design); for a grid give --grid PATH=LO:HI:STEP');
  return { axes };
}
