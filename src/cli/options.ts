/** Parsers for command-line values: each rejects bad input with a usage error (exit 2). */
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
    throw new UsageError(`--target-se takes a positive standard error: a probability (0.001), percentage points (0.1pp) or years for the median (0.05y); found "${raw}"`);
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
  const range = eq > 0 ? raw.slice(eq + 1).split(',').map(numberOf) : [];
  if (eq <= 0 || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] !== range[1])) {
    throw new UsageError(`--swing takes path=LOW,HIGH, e.g. spending.doublingYears=2,3; found "${raw}"`);
  }
  return { ...previous, [raw.slice(0, eq).trim()]: [range[0], range[1]] };
}

/** --chunks FROM:TO: a range of chunk indices, FROM included, TO excluded. */
export function parseChunks(raw: string): { from: number; to: number } {
  const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(raw);
  const [from, to] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || !Number.isSafeInteger(to) || !(from < to)) throw new UsageError(`--chunks takes FROM:TO, chunk numbers with FROM below TO (chunk c holds worlds c·16384 to c·16384+16383), e.g. 0:100; found "${raw}"`);
  return { from, to };
}
