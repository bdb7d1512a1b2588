/**
 * The columns one chunk of worlds is simulated in, reused from chunk to chunk: each world's
 * anchor, and per anchor its worlds' variables, requirement, growth draws and arrival year.
 */
import { WorldCurves } from './curves.js';
import { CURVE_KEYS, type Plan } from './plan.js';

/** Worlds per chunk: chunk c of a run draws from its own streams (seed, c, …) (see loop.ts). */
export const CHUNK_SIZE = 16384;

export interface GroupColumns {
  count: number;
  /** Length of the columns (see fitGroups). */
  capacity: number;
  /** Whether the anchor's curves are drawn per world (else curve, halvingYears and maxOom stay empty). */
  growthColumns: boolean;
  variables: Float64Array[];
  requirement: Float64Array;
  /** Index into years of the arrival year; years.length means "not by the horizon". */
  arrival: Int32Array;
  /** Drawn values of the uncertain global curve parameters, in plan.uncertainCurveKeys order. */
  curve: Float64Array[];
  halvingYears: Float64Array;
  maxOom: Float64Array;
}

export interface Workspace {
  /** Worlds of the chunk that count (the first n). */
  n: number;
  /** Worlds drawn: a whole chunk in a run, so that world k's draws do not depend on the run's size. */
  drawn: number;
  /** The 32-bit draws that choose each world's anchor. */
  anchorDraws: Uint32Array;
  /** Anchor index of each world of the chunk; anchors.length means "no anchor". */
  anchorOf: Int32Array;
  /** Position of each world within its anchor's columns. */
  positionOf: Int32Array;
  /** Worlds per anchor in this chunk; the last slot counts "no anchor". */
  groupCounts: Int32Array;
  groups: GroupColumns[];
  /**
   * One world's curves for the per-world search: `values` holds the eight growth numbers in
   * CURVE_KEYS order (fixed ones from the plan), and slot[c] is where the c-th drawn one goes.
   */
  growth: { world: WorldCurves; values: Float64Array; slot: Int32Array };
}

export function createWorkspace(plan: Plan, size = CHUNK_SIZE): Workspace {
  return {
    n: 0,
    drawn: 0,
    anchorDraws: new Uint32Array(size),
    anchorOf: new Int32Array(size),
    positionOf: new Int32Array(size),
    groupCounts: new Int32Array(plan.anchors.length + 1),
    growth: {
      world: new WorldCurves(),
      values: Float64Array.from(CURVE_KEYS, (key) => plan.base[key]),
      slot: Int32Array.from(plan.uncertainCurveKeys, (key) => CURVE_KEYS.indexOf(key)),
    },
    groups: plan.anchors.map((a) => ({
      count: 0,
      capacity: 0,
      growthColumns: a.thresholds === null,
      variables: a.variableNames.map(() => EMPTY),
      requirement: EMPTY,
      arrival: EMPTY_INDEX,
      curve: plan.uncertainCurveKeys.map(() => EMPTY),
      halvingYears: EMPTY,
      maxOom: EMPTY,
    })),
  };
}

/**
 * What a workspace's layout depends on: the anchors, their variables, which growth values are drawn
 * per world and which anchors look their year up in a table. Plans of one shape (a scenario's
 * variants that change point values only) can take turns in one workspace, rebound to each in turn.
 */
export function workspaceShape(plan: Plan): string {
  return JSON.stringify([plan.uncertainCurveKeys, plan.anchors.map((a) => [a.variableNames.length, a.thresholds === null])]);
}

/** Makes a workspace created for a plan of the same shape (workspaceShape) that of `plan`: its fixed growth values. */
export function rebindWorkspace(ws: Workspace, plan: Plan): void {
  for (let c = 0; c < CURVE_KEYS.length; c++) ws.growth.values[c] = plan.base[CURVE_KEYS[c]];
}

const EMPTY = new Float64Array(0);
const EMPTY_INDEX = new Int32Array(0);

/**
 * Gives every group columns for at least its worlds in this chunk. A group holds about its
 * anchor's weight of a chunk, so columns grow to fit (with a quarter to spare, never past a chunk)
 * instead of each holding a whole chunk: that is what keeps tens of sensitivity variants small.
 */
function fitGroups(ws: Workspace): void {
  const size = ws.anchorOf.length;
  for (const g of ws.groups) {
    if (g.count <= g.capacity) continue;
    const capacity = Math.min(size, Math.ceil(g.count * 1.25));
    const column = () => new Float64Array(capacity);
    g.capacity = capacity;
    g.variables = g.variables.map(column);
    g.requirement = column();
    g.arrival = new Int32Array(capacity);
    if (g.growthColumns) {
      g.curve = g.curve.map(column);
      g.halvingYears = column();
      g.maxOom = column();
    }
  }
}

/** Assigns each world its anchor from 32-bit draws against `bounds` (cumulative weights × 2^32). */
export function assignAnchors(ws: Workspace, n: number, draws: Uint32Array, bounds: Float64Array, byTopByte: Int32Array, order: Int32Array | null): void {
  const { anchorOf, positionOf, groups, groupCounts } = ws;
  const nAnchors = bounds.length;
  ws.n = n;
  ws.drawn = n;
  groupCounts.fill(0);
  for (let k = 0; k < n; k++) {
    const u = draws[k];
    // Most draws are settled by their top byte; only those in a byte that straddles two anchors search.
    let i = byTopByte[u >>> 24];
    if (i < 0) {
      i = 0;
      while (i < nAnchors && u >= bounds[i]) i++;
    }
    if (order !== null && i < nAnchors) i = order[i];
    anchorOf[k] = i;
    positionOf[k] = groupCounts[i]++;
  }
  for (let i = 0; i < nAnchors; i++) groups[i].count = groupCounts[i];
  fitGroups(ws);
}
