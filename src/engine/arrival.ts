/**
 * Where a world's arrival year is found: the first year, from the scenario's first to its
 * horizon, in which affordable compute plus algorithmic progress reaches the world's requirement.
 *
 * - Every growth value fixed (the spreadsheet's setting): each anchor has a table of running
 *   maxima of the total by year, and a world's year is a bucketed look-up in it (firstReaching).
 * - Otherwise, per world (arrivalYearIndex): the hard-capped curves give the year in closed form
 *   (WorldCurves.firstHardYear); soft caps lie below the hard ones by at most log10 2 per soft
 *   curve, so the real year lies between the hard curves' years for r and for r + that slack, and
 *   the years from the first are checked on the real curves until one reaches r. The result is the year a plain
 *   year-by-year scan finds (tests/engine/arrival.test.ts checks this over many random worlds).
 */
import type { WorldCurves } from './curves.js';
import { firstReaching } from './lookup.js';
import type { Plan } from './plan.js';
import type { Workspace } from './workspace.js';

/**
 * Index (into the years firstYear … firstYear + nYears − 1) of the first year whose total reaches r
 * on one world's curves; nYears if none (after the horizon) or if r is not a number.
 */
export function arrivalYearIndex(world: WorldCurves, firstYear: number, nYears: number, r: number): number {
  const last = firstYear + nYears - 1;
  const hard = world.firstHardYear(r, firstYear, last);
  if (hard > last) return nYears;
  if (world.softSlack(true) === 0) return hard - firstYear;
  // The real total reaches r at the latest by the hard curves' year for r + slack (a few years
  // on, at most), so the years from `hard` are checked in turn until one reaches it.
  for (let y = hard; y <= last; y++) if (world.reaches(y, r)) return y - firstYear;
  return nYears;
}

/** The same by a plain year-by-year scan of the real curves: the definition, for tests and baselines. */
export function arrivalYearIndexByScan(world: WorldCurves, firstYear: number, nYears: number, r: number): number {
  for (let j = 0; j < nYears; j++) if (world.total(firstYear + j) >= r) return j;
  return nYears;
}

export function resolveArrivals(plan: Plan, ws: Workspace): void {
  const years = plan.years;
  const nYears = years.length;
  for (let i = 0; i < ws.groups.length; i++) {
    const g = ws.groups[i];
    const m = g.count;
    if (m === 0) continue;
    const a = plan.anchors[i];
    a.kernel(m, g.variables, g.requirement);
    const requirement = g.requirement;
    const arrival = g.arrival;
    const thresholds = a.thresholds;
    const lookup = a.lookup;
    if (thresholds && lookup) {
      for (let k = 0; k < m; k++) arrival[k] = firstReaching(thresholds, lookup, requirement[k]);
      continue;
    }
    if (a.halvingYears.kind === 'formula') fillFromRequirement(a.halvingYears.fn, requirement, g.halvingYears, m);
    if (a.maxOom.kind === 'formula') fillFromRequirement(a.maxOom.fn, requirement, g.maxOom, m);
    const { world, values, slot } = ws.growth;
    const columns = g.curve;
    const halving = g.halvingYears;
    const maxOom = g.maxOom;
    const { algoStartYear, algoSoft } = a;
    const base = plan.base;
    const firstYear = years[0];
    // Fixed growth curves: set once. Uncertain ones: the drawn values replace their slots world by world.
    world.setGrowthValues(values, base);
    const drawn = slot.length;
    for (let k = 0; k < m; k++) {
      if (drawn !== 0) {
        for (let c = 0; c < drawn; c++) values[slot[c]] = columns[c][k];
        world.setGrowthValues(values, base);
      }
      world.setProgress(algoStartYear, halving[k], maxOom[k], algoSoft);
      arrival[k] = arrivalYearIndex(world, firstYear, nYears, requirement[k]);
    }
  }
}

function fillFromRequirement(fn: (requirement: number) => number, requirement: Float64Array, out: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) out[k] = fn(requirement[k]);
}
