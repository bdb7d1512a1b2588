/** What a plain run keeps: per anchor, how many worlds arrive in each year; counts of disjoint chunks add up. */
import type { Observer } from './loop.js';
import type { Plan } from './plan.js';
import type { Workspace } from './workspace.js';

/** Arrival counts: per anchor, a histogram over years plus one slot for "not by the horizon". */
export interface Counts {
  worlds: number;
  /** perAnchor[i][j]: worlds of anchor i arriving in years[j]; index years.length: not by horizon. */
  perAnchor: Float64Array[];
  /** Worlds of "no anchor": never. */
  never: number;
  /** Worlds whose requirement was not a finite number (a formula problem). */
  nonFinite: number;
  firstNonFinite?: { anchorId: string; values: Record<string, number> };
}

export function emptyCounts(plan: Plan): Counts {
  return { worlds: 0, perAnchor: plan.anchors.map(() => new Float64Array(plan.years.length + 1)), never: 0, nonFinite: 0 };
}

/** Adds the workspace's chunk to the counts. */
export function accumulate(plan: Plan, ws: Workspace, counts: Counts): void {
  if (ws.n < ws.drawn) {
    accumulateFirst(plan, ws, counts);
    return;
  }
  counts.worlds += ws.n;
  let assigned = 0;
  ws.groups.forEach((g, i) => {
    const hist = counts.perAnchor[i];
    const { arrival, requirement } = g;
    for (let k = 0; k < g.count; k++) {
      const r = requirement[k];
      if (r - r !== 0) {
        counts.nonFinite++;
        counts.firstNonFinite ??= {
          anchorId: plan.anchors[i].id,
          values: Object.fromEntries(plan.anchors[i].variableNames.map((name, v) => [name, g.variables[v][k]])),
        };
      }
      hist[arrival[k]]++;
    }
    assigned += g.count;
  });
  counts.never += ws.n - assigned;
}

/** accumulate for a chunk of which only the first ws.n worlds count: world by world. */
function accumulateFirst(plan: Plan, ws: Workspace, counts: Counts): void {
  counts.worlds += ws.n;
  const nAnchors = plan.anchors.length;
  for (let k = 0; k < ws.n; k++) {
    const i = ws.anchorOf[k];
    if (i >= nAnchors) {
      counts.never++;
      continue;
    }
    const g = ws.groups[i];
    const p = ws.positionOf[k];
    const r = g.requirement[p];
    if (r - r !== 0) {
      counts.nonFinite++;
      counts.firstNonFinite ??= {
        anchorId: plan.anchors[i].id,
        values: Object.fromEntries(plan.anchors[i].variableNames.map((name, v) => [name, g.variables[v][p]])),
      };
    }
    counts.perAnchor[i][g.arrival[p]]++;
  }
}

/** Adds y into x, element by element (counts of disjoint chunks add up exactly). */
export function addInto(x: Float64Array, y: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) x[i] += y[i];
}

/** Adds b into a (counts of disjoint chunks). */
export function mergeCounts(a: Counts, b: Counts): void {
  a.worlds += b.worlds;
  a.never += b.never;
  a.nonFinite += b.nonFinite;
  a.firstNonFinite ??= b.firstNonFinite;
  a.perAnchor.forEach((h, i) => addInto(h, b.perAnchor[i]));
}

/** The observer of a plain run: arrival counts per anchor and year. */
export function countsObserver(plan: Plan): Observer<Counts> {
  return {
    empty: () => emptyCounts(plan),
    observe: (counts, chunk) => accumulate(plan, chunk.workspaces[0], counts),
    merge: mergeCounts,
  };
}
