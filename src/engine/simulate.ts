/**
 * The Monte Carlo over whole worlds. A world draws its anchor, the anchor's variables (each once),
 * its requirement from the anchor's formula, every uncertain growth parameter, and then finds
 * the first year in which affordable compute plus algorithmic progress reaches the requirement.
 *
 * Worlds are simulated in chunks of CHUNK_SIZE; chunk c draws from the random streams (seed, c, …),
 * so a run's result does not depend on how its chunks are shared out. Chunks only add to counts
 * (one histogram of arrival years per anchor), so memory does not grow with the number of worlds.
 */
import { GROWTH_PARAMETERS, type GrowthParameter } from '../model/paths.js';
import type { Param, Scenario } from '../model/scenario.js';
import { arrivalYearIndex, buildLookup, firstReaching, type ThresholdLookup } from './arrival.js';
import { algorithmicOom, log10AffordableFlop, WorldCurves, type CurveValues } from './curves.js';
import { compileScalar, type ColumnKernel } from './expression.js';
import { compileRequirement } from './requirement.js';
import { chunkCount, runChunks, type Observer } from './loop.js';
import { Rng } from './rng.js';
import { compileDistribution, type Sampler } from './sampler.js';

export const CHUNK_SIZE = 16384;
/** The default seed: the date the draft report was published (2020-09-18). */
export const DEFAULT_SEED = 20200918;

export type ParamPlan =
  | { kind: 'point'; value: number }
  | { kind: 'dist'; sampler: Sampler }
  | { kind: 'formula'; fn: (requirement: number) => number };

/** The uncertain-or-not numbers of CurveValues, in the order their draws are made (model/paths.ts). */
export type CurveKey = GrowthParameter['key'];
export const CURVE_KEYS: readonly CurveKey[] = GROWTH_PARAMETERS.map((g) => g.key);

export interface AnchorPlan {
  id: string;
  label: string;
  weight: number;
  variableNames: string[];
  samplers: Sampler[];
  kernel: ColumnKernel;
  algoStartYear: number;
  algoSoft: boolean;
  halvingYears: ParamPlan;
  maxOom: ParamPlan;
  /**
   * When nothing about this anchor's curves is uncertain: the running maximum, year by year, of
   * affordable FLOP plus algorithmic progress. A world arrives at the first year whose threshold
   * reaches its requirement.
   */
  thresholds: Float64Array | null;
  /** Bucketed index into thresholds, for finding that year in O(1) (see firstReaching). */
  lookup: ThresholdLookup | null;
}

export { buildLookup, firstReaching, type ThresholdLookup } from './arrival.js';
export { chunkCount } from './loop.js';

export interface Plan {
  scenario: Scenario;
  years: number[];
  anchors: AnchorPlan[];
  /** Cumulative anchor weights; a uniform draw above the last picks "no anchor". */
  cumulativeWeights: Float64Array;
  /** The same, scaled to 2^32: a world's anchor is the first whose bound exceeds a 32-bit draw. */
  anchorBounds: Float64Array;
  /** anchorByTopByte[b]: the anchor of every draw whose top byte is b, or -1 when b straddles two. */
  anchorByTopByte: Int32Array;
  curve: Record<CurveKey, ParamPlan>;
  /** The curve values that are fixed (uncertain ones are NaN here and drawn per world). */
  base: CurveValues;
  uncertainCurveKeys: CurveKey[];
  /** log10 affordable FLOP per year, when no price or spending parameter is uncertain. */
  affordable: Float64Array | null;
}

function planParam(p: Param): ParamPlan {
  switch (p.kind) {
    case 'point':
      return { kind: 'point', value: p.value };
    case 'dist':
      return { kind: 'dist', sampler: compileDistribution(p.dist) };
    case 'formula': {
      const f = compileScalar(p.formula.expr, ['requirement']);
      const args = new Float64Array(1);
      return {
        kind: 'formula',
        fn: (requirement) => {
          args[0] = requirement;
          return f(args);
        },
      };
    }
  }
}

const pointValue = (p: ParamPlan): number => (p.kind === 'point' ? p.value : NaN);

/** Compiles a scenario for simulation: samplers, formula kernels, and fixed trajectories. */
export function planScenario(scenario: Scenario): Plan {
  const years: number[] = [];
  for (let y = scenario.startYear; y <= scenario.horizonYear; y++) years.push(y);
  const pp = scenario.pricePerformance;
  const sp = scenario.spending;
  const curve = Object.fromEntries(GROWTH_PARAMETERS.map((g) => [g.key, planParam(g.get(scenario))])) as Record<CurveKey, ParamPlan>;
  const base: CurveValues = {
    log10FlopPerUsd: pointValue(curve.log10FlopPerUsd),
    flopPerUsdYear: pp.year,
    flopPerUsdDoublingYears: pointValue(curve.flopPerUsdDoublingYears),
    maxLog10FlopPerUsd: pointValue(curve.maxLog10FlopPerUsd),
    flopPerUsdSoft: pp.cap === 'soft',
    log10UsdPerRun: pointValue(curve.log10UsdPerRun),
    spendYear: sp.year,
    spendDoublingYears: pointValue(curve.spendDoublingYears),
    log10GdpUsd: pointValue(curve.log10GdpUsd),
    gdpYear: sp.gdpYear,
    gdpGrowthPerYear: pointValue(curve.gdpGrowthPerYear),
    maxGdpFraction: pointValue(curve.maxGdpFraction),
    spendSoft: sp.cap === 'soft',
  };
  const uncertainCurveKeys = CURVE_KEYS.filter((k) => curve[k].kind !== 'point');
  const affordable = uncertainCurveKeys.length === 0 ? Float64Array.from(years, (y) => log10AffordableFlop(base, y)) : null;

  const anchors = scenario.anchors.map((wa): AnchorPlan => {
    const names = wa.anchor.variables.map((v) => v.name);
    const algo = wa.algorithmicProgress;
    const halvingYears = planParam(algo.halvingYears);
    const maxOom = planParam(algo.maxOom);
    let thresholds: Float64Array | null = null;
    if (affordable && halvingYears.kind === 'point' && maxOom.kind === 'point') {
      thresholds = new Float64Array(years.length);
      let runningMax = -Infinity;
      years.forEach((y, j) => {
        const gap = affordable[j] + algorithmicOom(algo.startYear, halvingYears.value, maxOom.value, algo.cap === 'soft', y);
        runningMax = Math.max(runningMax, gap);
        thresholds![j] = runningMax;
      });
    }
    return {
      id: wa.anchor.id,
      label: wa.anchor.label,
      weight: wa.weight,
      variableNames: names,
      samplers: wa.anchor.variables.map((v) => compileDistribution(v.dist)),
      kernel: compileRequirement(wa.anchor),
      algoStartYear: algo.startYear,
      algoSoft: algo.cap === 'soft',
      halvingYears,
      maxOom,
      thresholds,
      lookup: thresholds ? buildLookup(thresholds) : null,
    };
  });
  const cumulativeWeights = new Float64Array(anchors.length);
  let acc = 0;
  anchors.forEach((a, i) => {
    acc += a.weight;
    cumulativeWeights[i] = acc;
  });
  const { bounds: anchorBounds, byTopByte: anchorByTopByte } = anchorTables(anchors.map((a) => a.weight));
  return { scenario, years, anchors, cumulativeWeights, anchorBounds, anchorByTopByte, curve, base, uncertainCurveKeys, affordable };
}

/**
 * Tables for choosing a world's anchor from one 32-bit draw: the cumulative weights scaled to 2^32
 * (a weight's resolution is then 2^-32; weights adding up to 1 leave nothing to "no anchor"), and
 * for each top byte of the draw the anchor it settles, or -1 when that byte straddles two.
 */
export function anchorTables(weights: readonly number[]): { bounds: Float64Array; byTopByte: Int32Array } {
  let acc = 0;
  const bounds = Float64Array.from(weights, (w) => {
    acc += w;
    return acc >= 1 - 1e-12 ? 2 ** 32 : Math.round(acc * 2 ** 32);
  });
  const anchorOfDraw = (u: number) => {
    let i = 0;
    while (i < bounds.length && u >= bounds[i]) i++;
    return i;
  };
  const byTopByte = Int32Array.from({ length: 256 }, (_, b) => {
    const first = anchorOfDraw(b * 2 ** 24);
    return first === anchorOfDraw((b + 1) * 2 ** 24 - 1) ? first : -1;
  });
  return { bounds, byTopByte };
}

/** Per-anchor columns of one chunk, reused from chunk to chunk. */
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

/**
 * Random streams of a run's own draws, per chunk: anchors and their variables; growth parameters.
 * (The paired draws of compare and sensitivity name theirs "crn:…", so the two never meet.)
 */
export const STREAM_REQUIREMENTS = 'run:requirements';
export const STREAM_CURVES = 'run:curves';

/**
 * Simulates chunk `chunkIndex` of a run with `seed`, holding `n` worlds, into the workspace:
 * draws (drawChunk, or drawPairedChunk for common random numbers), then arrivals.
 */
export function runChunk(plan: Plan, ws: Workspace, seed: number, chunkIndex: number, n: number): void {
  drawChunk(plan, ws, seed, chunkIndex, n);
  resolveArrivals(plan, ws);
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

/**
 * The run's own draws. Lane 0: every world's anchor, then per anchor its variables column by
 * column; lane 1: per anchor whose curves are uncertain, its worlds' growth parameters. A whole
 * chunk is always drawn (the last chunk of a run included, of which only the first n count), so
 * world k of a chunk is the same world in every run with this seed: `run -n 1000` simulates
 * the first 1,000 worlds of `run -n 1000000`.
 */
export function drawChunk(plan: Plan, ws: Workspace, seed: number, chunkIndex: number, n: number): void {
  const rng = new Rng(seed, chunkIndex, STREAM_REQUIREMENTS);
  const curveRng = new Rng(seed, chunkIndex, STREAM_CURVES);
  rng.fillUint32(ws.anchorDraws, ws.anchorDraws.length);
  assignAnchors(ws, ws.anchorDraws.length, ws.anchorDraws, plan.anchorBounds, plan.anchorByTopByte, null);
  ws.n = n;
  const { groups } = ws;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const a = plan.anchors[i];
    if (g.count === 0) continue;
    for (let v = 0; v < a.samplers.length; v++) a.samplers[v].fill(rng, g.variables[v], g.count);
  }
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const a = plan.anchors[i];
    if (g.count === 0 || a.thresholds) continue;
    plan.uncertainCurveKeys.forEach((key, c) => fillDrawn(plan.curve[key], curveRng, g.curve[c], g.count));
    fillDrawn(a.halvingYears, curveRng, g.halvingYears, g.count);
    fillDrawn(a.maxOom, curveRng, g.maxOom, g.count);
  }
}

/** Fills a column for a point or drawn parameter; formulas wait for the requirement. */
function fillDrawn(p: ParamPlan, rng: Rng, out: Float64Array, n: number): void {
  if (p.kind === 'point') out.fill(p.value, 0, n);
  else if (p.kind === 'dist') p.sampler.fill(rng, out, n);
}

/** Requirements from the drawn variables, formula parameters from the requirements, then arrival years. */
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
  if (ws.n < ws.drawn) return accumulateFirst(plan, ws, counts);
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

export interface SimulateOptions {
  samples: number;
  seed: number;
  /** Called after each chunk with the number of worlds done. */
  onProgress?: (done: number, total: number) => void;
}

/** The observer of a plain run: arrival counts per anchor and year. */
export function countsObserver(plan: Plan): Observer<Counts> {
  return {
    empty: () => emptyCounts(plan),
    observe: (counts, chunk) => accumulate(plan, chunk.workspaces[0], counts),
    merge: mergeCounts,
  };
}

/** Simulates chunks [firstChunk, endChunk) of a run of `samples` worlds. */
export function simulateChunks(plan: Plan, seed: number, samples: number, firstChunk: number, endChunk: number, onChunk?: (n: number) => void): Counts {
  return runChunks({ plans: [plan], draws: 'own', seed, samples }, countsObserver(plan), firstChunk, endChunk, onChunk);
}

/** Simulates a whole run in this thread. */
export function simulate(plan: Plan, options: SimulateOptions): Counts {
  let done = 0;
  return simulateChunks(plan, options.seed, options.samples, 0, chunkCount(options.samples), (n) => {
    done += n;
    options.onProgress?.(done, options.samples);
  });
}
