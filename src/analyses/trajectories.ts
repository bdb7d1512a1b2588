/**
 * Year-by-year curves behind a forecast: spending, FLOP per dollar, affordable FLOP, each
 * anchor's algorithmic progress, and the requirement band in each year's FLOP (the 2020
 * requirement less that anchor's progress by then), from a sample of worlds. Growth parameters
 * that are uncertain give a 10/50/90% band across those worlds instead of one curve.
 */
import { quantileSorted } from '../dist/quantile.js';
import { algorithmicOom, WorldCurves } from '../engine/curves.js';
import { chunkCount, runChunks, type Observer } from '../engine/loop.js';
import type { Plan } from '../engine/plan.js';

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

const band = (values: Float64Array): Band => {
  values.sort();
  return [quantileSorted(values, BAND[0]), quantileSorted(values, BAND[1]), quantileSorted(values, BAND[2])];
};

/** The worlds behind the bands: per world with an anchor, its anchor, requirement, algorithmic parameters and drawn curve values. */
export interface BandWorlds {
  anchorOf: number[];
  requirement: number[];
  halving: number[];
  maxOom: number[];
  /** curve[j][w]: world w's value of plan.uncertainCurveKeys[j] (empty when growth is fixed). */
  curve: number[][];
}

/** The observer of trajectories: the worlds' values, kept (bands are quantiles, whatever the order of the worlds). */
export function bandWorldsObserver(plan: Plan): Observer<BandWorlds> {
  const keys = plan.uncertainCurveKeys;
  return {
    empty: () => ({ anchorOf: [], requirement: [], halving: [], maxOom: [], curve: keys.map(() => []) }),
    observe(state, chunk) {
      const ws = chunk.workspaces[0];
      for (let k = 0; k < chunk.n; k++) {
        const i = ws.anchorOf[k];
        if (i >= plan.anchors.length) continue;
        const a = plan.anchors[i];
        const g = ws.groups[i];
        const p = ws.positionOf[k];
        state.anchorOf.push(i);
        state.requirement.push(g.requirement[p]);
        state.halving.push(a.halvingYears.kind === 'point' ? a.halvingYears.value : g.halvingYears[p]);
        state.maxOom.push(a.maxOom.kind === 'point' ? a.maxOom.value : g.maxOom[p]);
        if (!a.thresholds) keys.forEach((_key, j) => state.curve[j].push(g.curve[j][p]));
      }
    },
    merge(a, b) {
      for (const key of ['anchorOf', 'requirement', 'halving', 'maxOom'] as const) for (const x of b[key]) a[key].push(x);
      a.curve.forEach((column, j) => {
        for (const x of b.curve[j]) column.push(x);
      });
    },
  };
}

/** Trajectories from the first `samples` worlds of a run with `seed` (the same worlds as `run`). */
export function trajectories(plan: Plan, seed: number, samples: number): Trajectories {
  return trajectoriesOf(plan, runChunks({ plans: [plan], draws: 'own', seed, samples }, bandWorldsObserver(plan), 0, chunkCount(samples)));
}

/** The bands of the observed worlds. */
export function trajectoriesOf(plan: Plan, state: BandWorlds): Trajectories {
  const { years } = plan;
  const { anchorOf, requirement, halving, maxOom } = state;
  const keys = plan.uncertainCurveKeys;
  const worlds = requirement.length;
  const drawnWorlds = keys.length ? state.curve[0].length : 0;
  const curveSet: WorldCurves[] = drawnWorlds
    ? Array.from({ length: drawnWorlds }, (_, w) => {
        const v = { ...plan.base };
        keys.forEach((key, j) => (v[key] = state.curve[j][w]));
        return new WorldCurves().setGrowth(v);
      })
    : [new WorldCurves().setGrowth(plan.base)];
  const across = (f: (world: WorldCurves, year: number) => number) => years.map((y) => band(Float64Array.from(curveSet, (world) => f(world, y))));
  const progress = (w: number, year: number) => {
    const a = plan.anchors[anchorOf[w]];
    return algorithmicOom(a.algoStartYear, halving[w], maxOom[w], a.algoSoft, year);
  };
  const members = plan.anchors.map((_, i) => anchorOf.flatMap((x, w) => (x === i ? [w] : [])));
  return {
    years,
    log10SpendUsd: across((world, year) => world.spendUsd(year)),
    log10FlopPerUsd: across((world, year) => world.flopPerUsd(year)),
    log10AffordableFlop: across((world, year) => world.affordable(year)),
    anchors: plan.anchors.map((a, i) => ({
      id: a.id,
      algorithmicOom: years.map((y) => band(Float64Array.from(members[i], (w) => progress(w, y)))[1]),
      requirement: years.map((y) => band(Float64Array.from(members[i], (w) => requirement[w] - progress(w, y)))),
    })),
    requirement: years.map((y) => band(Float64Array.from({ length: worlds }, (_, w) => requirement[w] - progress(w, y)))),
    worlds,
  };
}
