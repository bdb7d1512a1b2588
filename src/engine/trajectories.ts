/**
 * Year-by-year curves behind a forecast: spending, FLOP per dollar, affordable FLOP, each
 * anchor's algorithmic progress, and the requirement band in each year's FLOP (the 2020
 * requirement less that anchor's progress by then), from a sample of worlds. Growth parameters
 * that are uncertain give a 10/50/90% band across those worlds instead of one curve.
 */
import { algorithmicOom, log10AffordableFlop, log10FlopPerUsd, log10SpendUsd, type CurveValues } from './curves.js';
import { CHUNK_SIZE, chunkCount, createWorkspace, runChunk, type Plan } from './simulate.js';

export const BAND = [0.1, 0.5, 0.9] as const;
export type Band = [number, number, number];

export interface Trajectories {
  years: number[];
  /** Per year: 10/50/90% across worlds (all three equal when the curve is fixed). */
  log10SpendUsd: Band[];
  log10FlopPerUsd: Band[];
  log10AffordableFlop: Band[];
  anchors: {
    id: string;
    /** Median algorithmic progress by year, in OOM. */
    algorithmicOom: number[];
    requirement: Band[];
  }[];
  /** The requirement band over every world that has an anchor. */
  requirement: Band[];
  worlds: number;
}

/** R-7 quantile (the default of R and numpy) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const band = (values: Float64Array): Band => {
  values.sort();
  return [quantileSorted(values, BAND[0]), quantileSorted(values, BAND[1]), quantileSorted(values, BAND[2])];
};

/** Trajectories from the first `samples` worlds of a run with `seed` (the same worlds as `run`). */
export function trajectories(plan: Plan, seed: number, samples: number): Trajectories {
  const { years } = plan;
  const ws = createWorkspace(plan);
  // Per world with an anchor: its anchor, requirement, algorithmic parameters and curve values.
  const anchorOf: number[] = [];
  const requirement: number[] = [];
  const halving: number[] = [];
  const maxOom: number[] = [];
  const curves: CurveValues[] = [];
  for (let c = 0; c < chunkCount(samples); c++) {
    const n = Math.min(CHUNK_SIZE, samples - c * CHUNK_SIZE);
    runChunk(plan, ws, seed, c, n);
    for (let k = 0; k < n; k++) {
      const i = ws.anchorOf[k];
      if (i >= plan.anchors.length) continue;
      const a = plan.anchors[i];
      const g = ws.groups[i];
      const p = ws.positionOf[k];
      anchorOf.push(i);
      requirement.push(g.requirement[p]);
      halving.push(a.halvingYears.kind === 'point' ? a.halvingYears.value : g.halvingYears[p]);
      maxOom.push(a.maxOom.kind === 'point' ? a.maxOom.value : g.maxOom[p]);
      if (plan.uncertainCurveKeys.length && !a.thresholds) {
        const v = { ...plan.base };
        plan.uncertainCurveKeys.forEach((key, j) => (v[key] = g.curve[j][p]));
        curves.push(v);
      }
    }
  }
  const worlds = requirement.length;
  const curveSet = curves.length ? curves : [plan.base];
  const across = (f: (v: CurveValues, year: number) => number) => years.map((y) => band(Float64Array.from(curveSet, (v) => f(v, y))));
  const progress = (w: number, year: number) => {
    const a = plan.anchors[anchorOf[w]];
    return algorithmicOom(a.algoStartYear, halving[w], maxOom[w], a.algoSoft, year);
  };
  const members = plan.anchors.map((_, i) => anchorOf.flatMap((x, w) => (x === i ? [w] : [])));
  return {
    years,
    log10SpendUsd: across(log10SpendUsd),
    log10FlopPerUsd: across(log10FlopPerUsd),
    log10AffordableFlop: across(log10AffordableFlop),
    anchors: plan.anchors.map((a, i) => ({
      id: a.id,
      algorithmicOom: years.map((y) => band(Float64Array.from(members[i], (w) => progress(w, y)))[1]),
      requirement: years.map((y) => band(Float64Array.from(members[i], (w) => requirement[w] - progress(w, y)))),
    })),
    requirement: years.map((y) => band(Float64Array.from({ length: worlds }, (_, w) => requirement[w] - progress(w, y)))),
    worlds,
  };
}
