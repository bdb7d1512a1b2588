/**
 * The threshold look-up of fixed-growth runs: with every growth value fixed, each anchor has a
 * table of running maxima of the total by year, and a world's year is a bucketed look-up in it.
 */
/**
 * A grid over [thresholds[0], thresholds[last]]: start[k] is the first year whose threshold
 * reaches the lower edge of bucket k. A requirement's year is then start[k] plus the few
 * thresholds inside its bucket, instead of a branchy binary search over all years.
 */
export interface ThresholdLookup {
  low: number;
  high: number;
  bucketsPerUnit: number;
  start: Int32Array;
}

const LOOKUP_BUCKETS_PER_YEAR = 16;

export function buildLookup(thresholds: Float64Array): ThresholdLookup {
  const n = thresholds.length;
  const low = thresholds[0];
  const high = thresholds[n - 1];
  const buckets = Math.max(1, n * LOOKUP_BUCKETS_PER_YEAR);
  const bucketsPerUnit = high > low ? buckets / (high - low) : 0;
  const start = new Int32Array(buckets + 1);
  let j = 0;
  for (let k = 0; k <= buckets; k++) {
    const edge = low + k / bucketsPerUnit;
    while (j < n && thresholds[j] < edge) j++;
    start[k] = j;
  }
  return { low, high, bucketsPerUnit, start };
}

/** First index j with thresholds[j] >= requirement; thresholds.length if none (or NaN). */
export function firstReaching(thresholds: Float64Array, lookup: ThresholdLookup, requirement: number): number {
  if (requirement <= lookup.low) return 0;
  if (!(requirement <= lookup.high)) return thresholds.length;
  let j = lookup.start[Math.floor((requirement - lookup.low) * lookup.bucketsPerUnit)];
  while (thresholds[j] < requirement) j++;
  return j;
}
