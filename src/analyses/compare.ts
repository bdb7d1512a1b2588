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
  /** For each scenario s ≥ 1, per year index: worlds arrived by then in scenario 0 but not in s. */
  onlyFirst: Float64Array[];
  /** … and arrived in s but not in scenario 0. */
  onlyOther: Float64Array[];
}

export function emptyPairedCounts(plans: Plan[]): PairedCounts {
  const years = plans[0].years.length;
  return {
    counts: plans.map(emptyCounts),
    onlyFirst: plans.slice(1).map(() => new Float64Array(years + 1)),
    onlyOther: plans.slice(1).map(() => new Float64Array(years + 1)),
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

/** The observer of compare: each scenario's counts, and where scenario 0 and each other one differ world by world. */
export function pairedObserver(plans: Plan[]): Observer<PairedCounts> {
  const years = plans[0].years.length;
  if (plans.some((p) => p.years.length !== years || p.years[0] !== plans[0].years[0])) {
    throw new Error('bug: paired scenarios must share their years (the caller checks)');
  }
  const arrivals = plans.map(() => new Int32Array(CHUNK_SIZE));
  return {
    empty: () => emptyPairedCounts(plans),
    observe(out, chunk) {
      plans.forEach((plan, p) => {
        accumulate(plan, chunk.workspaces[p], out.counts[p]);
        arrivalsByWorld(plan, chunk.workspaces[p], arrivals[p]);
      });
      for (let s = 1; s < plans.length; s++) addDifferences(arrivals[0], arrivals[s], chunk.n, years, out.onlyFirst[s - 1], out.onlyOther[s - 1]);
    },
    merge: mergePairedCounts,
  };
}

/** Chunks [firstChunk, endChunk) of the scenarios on common random numbers. */
export function simulatePaired(plans: Plan[], seed: number, samples: number, firstChunk: number, endChunk: number, onChunk?: (n: number) => void): PairedCounts {
  return runChunks({ plans, draws: 'paired', seed, samples }, pairedObserver(plans), firstChunk, endChunk, onChunk);
}

export interface Difference {
  /** The scenario compared with the first. */
  scenarioId: string;
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

export function summarizeComparison(plans: Plan[], paired: PairedCounts, seed: number, options: SummaryOptions = {}): Comparison {
  const forecasts = plans.map((plan, p) => summarize(plan, paired.counts[p], seed, options));
  const first = forecasts[0];
  const offset = first.startYear - plans[0].scenario.startYear;
  const differences = forecasts.slice(1).map((f, s): Difference => {
    const running = (d: Float64Array) => {
      const out: number[] = [];
      let acc = 0;
      for (let j = 0; j < plans[0].years.length; j++) {
        acc += d[j];
        out.push(acc);
      }
      return out.slice(offset);
    };
    const aOnly = running(paired.onlyFirst[s]);
    const bOnly = running(paired.onlyOther[s]);
    const N = first.samples;
    const diff = f.cdf.map((p, j) => p - first.cdf[j]);
    const unpairedSe = f.cdf.map((p, j) => Math.hypot(binomialSe(p, f.samples), binomialSe(first.cdf[j], first.samples)));
    // Conditioned, each scenario keeps its own set of worlds, so the pairing no longer holds.
    const isPaired = options.givenNoTaiBy === undefined;
    const se = isPaired ? diff.map((d, j) => Math.sqrt(Math.max(0, (aOnly[j] + bOnly[j]) / N - d * d) / N)) : unpairedSe;
    return { scenarioId: f.scenarioId, diff, se, unpairedSe, paired: isPaired };
  });
  return { forecasts, differences };
}

/** Adds b into a (paired counts of disjoint chunks). */
export function mergePairedCounts(a: PairedCounts, b: PairedCounts): void {
  a.counts.forEach((c, p) => mergeCounts(c, b.counts[p]));
  a.onlyFirst.forEach((x, s) => addInto(x, b.onlyFirst[s]));
  a.onlyOther.forEach((x, s) => addInto(x, b.onlyOther[s]));
}
