import { compileDistribution, EmptyTruncationError } from '../dist/sampler.js';
import { MAX_MAGNITUDE, type Distribution } from './distribution.js';
import type { Range } from './formula.js';

/** The set of values a distribution can produce, as an interval (its support, after truncation). */
export function supportOf(d: Distribution): Range {
  let range: Range;
  switch (d.dist) {
    case 'point':
      return { lo: d.value, hi: d.value };
    case 'uniform':
    case 'triangular':
      return { lo: d.min, hi: d.max };
    case 'normal':
      range = { lo: -Infinity, hi: Infinity };
      break;
    case 'lognormal':
      range = { lo: Number.MIN_VALUE, hi: Infinity }; // strictly positive
      break;
    case 'mixture': {
      const parts = d.components.map(supportOf);
      range = { lo: Math.min(...parts.map((p) => p.lo)), hi: Math.max(...parts.map((p) => p.hi)) };
      break;
    }
  }
  const t = d.truncate;
  if (t) range = { lo: Math.max(range.lo, t.min ?? -Infinity), hi: Math.min(range.hi, t.max ?? Infinity) };
  return range;
}

/**
 * Why a distribution cannot be drawn from, or undefined: a truncation that leaves it (or every
 * component of a mixture) no probability, e.g. a normal around 15 truncated to [100, 200].
 */
export function drawProblem(d: Distribution): string | undefined {
  try {
    const sampler = compileDistribution(d);
    // Draws stay within the files' number range (±1e300), so the model's sums of them stay finite.
    const beyond = sampler.cdf(-MAX_MAGNITUDE) + (1 - sampler.cdf(MAX_MAGNITUDE));
    if (beyond > 1e-12) {
      return `the distribution draws values beyond ±1e300 (probability ${beyond.toPrecision(2)}), where the model's arithmetic overflows; narrow its spread or truncate it`;
    }
    return undefined;
  } catch (error) {
    if (error instanceof EmptyTruncationError) return `${error.message}: move the truncation towards the distribution's bulk, or widen it`;
    throw error;
  }
}
