/**
 * Scenarios side by side on common random numbers (paired.ts). Besides each scenario's own
 * counts, a paired run keeps, per year, how many worlds had arrived in the first scenario but not
 * in another, and the reverse: the difference of their P(TAI by year) is the mean of a per-world
 * difference in {-1, 0, 1}, whose standard error follows from those two counts.
 */
import { CHUNK_SIZE, runChunks, type Observer } from '../engine/loop.js';
import { arrivalsByWorld } from '../engine/paired.js';
import { accumulate, addInto, emptyCounts, mergeCounts, type Counts } from '../engine/counts.js';
import type { Plan } from '../engine/plan.js';
import { binomialSe, summarize, type Forecast, type SummaryOptions } from '../engine/summary.js';

export interface PairedCounts {
  counts: Counts[];
  /**
   * For each scenario s ≥ 1, per year of the span it shares with scenario 0 (pairSpan): worlds
   * arrived by then in scenario 0 but not in s.
   */
  onlyFirst: Float64Array[];
  /** … and arrived in s but not in scenario 0. */
  onlyOther: Float64Array[];
}

/** The years two scenarios both simulate: from the later first year to the earlier horizon (length 0 if none). */
export function pairSpan(a: Pick<Plan, 'scenario'>, b: Pick<Plan, 'scenario'>): { startYear: number; years: number } {
  const startYear = Math.max(a.scenario.startYear, b.scenario.startYear);
  return { startYear, years: Math.max(0, Math.min(a.scenario.horizonYear, b.scenario.horizonYear) - startYear + 1) };
}

export function emptyPairedCounts(plans: Plan[]): PairedCounts {
  const spans = plans.slice(1).map((p) => pairSpan(plans[0], p));
  return {
    counts: plans.map(emptyCounts),
    onlyFirst: spans.map((s) => new Float64Array(s.years + 1)),
    onlyOther: spans.map((s) => new Float64Array(s.years + 1)),
  };
}

/** Adds one scenario pair's chunk: worlds where a arrives before b count for the years in [a, b). */
function addDifferences(a: Int32Array, b: Int32Array, n: number, years: number, aOnly: Float64Array, bOnly: Float64Array): void {
  // Difference arrays: +1 at the first year, -1 at the end, summed up by the caller.
  for (let k = 0; k < n; k++) {
    const x = a[k];
    const y = b[k];
    if (x < y && x < years) {
      aOnly[x]++;
      aOnly[Math.min(y, years)]--;
    } else if (y < x && y < years) {
      bOnly[y]++;
      bOnly[Math.min(x, years)]--;
    }
  }
}

/**
 * Arrival indices of one scenario's worlds as indices into a span of years starting at
 * `startYear` (its own first year or later): an arrival before the span counts at its first year
 * (by then it had arrived), one after it, after the horizon or never, at `years` (not in the span).
 */
function toSpan(arrival: Int32Array, n: number, plan: Plan, startYear: number, years: number, out: Int32Array): void {
  const shift = plan.scenario.startYear - startYear;
  const own = plan.years.length;
  for (let k = 0; k < n; k++) {
    const i = arrival[k];
    out[k] = i >= own ? years : Math.min(years, Math.max(0, i + shift));
  }
}

/**
 * The observer of compare: each scenario's counts, and where scenario 0 and each other one differ
 * world by world, over the years the two share (scenarios may start and end in different years).
 */
export function pairedObserver(plans: Plan[]): Observer<PairedCounts> {
  const arrivals = plans.map(() => new Int32Array(CHUNK_SIZE));
  const spans = plans.slice(1).map((p) => pairSpan(plans[0], p));
  const sameYears = spans.map(
    (s, i) => s.startYear === plans[0].scenario.startYear && plans[0].years.length === plans[i + 1].years.length && s.years === plans[0].years.length,
  );
  const first = new Int32Array(CHUNK_SIZE);
  const other = new Int32Array(CHUNK_SIZE);
  return {
    empty: () => emptyPairedCounts(plans),
    observe(out, chunk) {
      plans.forEach((plan, p) => {
        accumulate(plan, chunk.workspaces[p], out.counts[p]);
        arrivalsByWorld(plan, chunk.workspaces[p], arrivals[p]);
      });
      for (let s = 1; s < plans.length; s++) {
        const span = spans[s - 1];
        if (sameYears[s - 1]) {
          addDifferences(arrivals[0], arrivals[s], chunk.n, span.years, out.onlyFirst[s - 1], out.onlyOther[s - 1]);
          continue;
        }
        toSpan(arrivals[0], chunk.n, plans[0], span.startYear, span.years, first);
        toSpan(arrivals[s], chunk.n, plans[s], span.startYear, span.years, other);
        addDifferences(first, other, chunk.n, span.years, out.onlyFirst[s - 1], out.onlyOther[s - 1]);
      }
    },
    merge: mergePairedCounts,
  };
}

/** Chunks [firstChunk, endChunk) of the scenarios on common random numbers. */
export function simulatePaired(
  plans: Plan[],
  seed: number,
  samples: number,
  firstChunk: number,
  endChunk: number,
  onChunk?: (n: number) => void,
): PairedCounts {
  return runChunks({ plans, draws: 'paired', seed, samples }, pairedObserver(plans), firstChunk, endChunk, onChunk);
}

export interface Difference {
  /** The scenario compared with the first. */
  scenarioId: string;
  /** The years both forecasts cover (every year when the two share their years), which diff, se and unpairedSe follow. */
  years: number[];
  /** P_s(TAI by year) − P_first(TAI by year), and its paired standard error. */
  diff: number[];
  se: number[];
  /** What the standard error would be for two independent runs of the same size. */
  unpairedSe: number[];
  /** Whether `se` is the paired error (false once conditioned: each scenario keeps its own worlds). */
  paired: boolean;
}

export interface Comparison {
  forecasts: Forecast[];
  differences: Difference[];
}

/** The years two forecasts both cover, in order. */
export function sharedYears(a: Pick<Forecast, 'years'>, b: Pick<Forecast, 'years'>): number[] {
  return a.years.filter((y) => b.years[0] <= y && y <= b.years[b.years.length - 1]);
}

/** P(by each of `years`) of a forecast, and its standard error. */
export function atYears(f: Forecast, years: readonly number[]): { p: number[]; se: number[] } {
  const j = (y: number) => y - f.years[0];
  return { p: years.map((y) => f.cdf[j(y)]), se: years.map((y) => f.se[j(y)]) };
}

export function summarizeComparison(plans: Plan[], paired: PairedCounts, seed: number, options: SummaryOptions = {}): Comparison {
  const forecasts = plans.map((plan, p) => summarize(plan, paired.counts[p], seed, options));
  const first = forecasts[0];
  const differences = forecasts.slice(1).map((f, s): Difference => {
    const span = pairSpan(plans[0], plans[s + 1]);
    const years = sharedYears(first, f);
    const running = (d: Float64Array) => {
      const out: number[] = [];
      let acc = 0;
      for (let j = 0; j < span.years; j++) {
        acc += d[j];
        out.push(acc);
      }
      return years.map((y) => out[y - span.startYear]);
    };
    const aOnly = running(paired.onlyFirst[s]);
    const bOnly = running(paired.onlyOther[s]);
    const N = first.samples;
    const a = atYears(first, years);
    const b = atYears(f, years);
    const diff = b.p.map((p, j) => p - a.p[j]);
    const unpairedSe = b.p.map((p, j) => Math.hypot(binomialSe(p, f.samples), binomialSe(a.p[j], first.samples)));
    // Conditioned, each scenario keeps its own set of worlds, so the pairing no longer holds.
    const isPaired = options.givenNoTaiBy === undefined;
    const se = isPaired ? diff.map((d, j) => Math.sqrt(Math.max(0, (aOnly[j] + bOnly[j]) / N - d * d) / N)) : unpairedSe;
    return { scenarioId: f.scenarioId, years, diff, se, unpairedSe, paired: isPaired };
  });
  return { forecasts, differences };
}

/** Adds b into a (paired counts of disjoint chunks). */
export function mergePairedCounts(a: PairedCounts, b: PairedCounts): void {
  a.counts.forEach((c, p) => mergeCounts(c, b.counts[p]));
  a.onlyFirst.forEach((x, s) => addInto(x, b.onlyFirst[s]));
  a.onlyOther.forEach((x, s) => addInto(x, b.onlyOther[s]));
}
