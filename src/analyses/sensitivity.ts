/**
 * Which inputs move the forecast most. For every uncertain input (each anchor variable, each
 * anchor's weight, each uncertain growth parameter, and any point value given a stated range),
 * two variants of the scenario fix the input at its low and high value (5th and 95th percentile
 * of its distribution; half and one and a half times a weight, the other anchors making room),
 * and the swing is the chosen output's change between them. All variants run on common random
 * numbers with the baseline, so swings are differences of the same worlds.
 *
 * Each input's first-order variance share, Var(E[Y | input]) / Var(Y), comes from the baseline
 * run alone: Y is the world's "TAI by the metric's year" indicator (for the median metric, by the
 * baseline's median year), and E[Y | input] is estimated in 20 equal-probability bins of the
 * input's random stream, less the binning noise (a bias correction), floored at 0.
 */
import { distributionKey, type Distribution } from '../model/distribution.js';
import type { Param, Scenario, WeightedAnchor } from '../model/scenario.js';
import { CHUNK_SIZE, chunkCount, runChunks, type Observer } from '../engine/loop.js';
import { HALVING_STREAM, MAX_OOM_STREAM, arrivalsByWorld, curveStream, variableStream } from '../engine/paired.js';
import { compileDistribution } from '../dist/sampler.js';
import { accumulate, addInto, countsObserver, emptyCounts, mergeCounts, type Counts } from '../engine/counts.js';
import { planScenario, type Plan } from '../engine/plan.js';
import { ALGORITHMIC_FIELDS, GROWTH_PARAMETERS, parameterAt, setParameter, type ParameterRef } from '../model/paths.js';
import { medianCrossing, summarize, type Forecast } from '../engine/summary.js';

export type Metric = { kind: 'median' } | { kind: 'p-by-year'; year: number };

export interface SensitivityInput {
  /** Human-readable name, e.g. "brainLog10FlopPerS" or "weight of lifetime". */
  name: string;
  kind: 'variable' | 'weight' | 'growth';
  /** Anchors whose worlds the input affects. */
  anchorIds: string[];
  low: number;
  high: number;
  /** How low and high were chosen. */
  swingRule: string;
  /** Random stream whose uniforms drive the input (for the variance share); null for point values. */
  stream: string | null;
  apply: (scenario: Scenario, value: number) => Scenario;
}

export interface SensitivityRow {
  input: SensitivityInput;
  atLow: number | null;
  atHigh: number | null;
  /** atHigh − atLow (years for the median, probability otherwise); null if either is off the chart. */
  swing: number | null;
  /** First-order variance share (0–1); null for inputs with no distribution. */
  varianceShare: number | null;
}

const point = (value: number): Distribution => ({ dist: 'point', value });
const pointParam = (value: number): Param => ({ kind: 'point', value });
/** Same distribution, whatever the unit, description or source say. */
const sameDist = (a: Distribution, b: Distribution) => distributionKey(a) === distributionKey(b);

function percentiles(d: Distribution): [number, number] {
  const s = compileDistribution(d);
  return [s.quantile(0.05), s.quantile(0.95)];
}

function withAnchors(s: Scenario, f: (a: WeightedAnchor) => WeightedAnchor): Scenario {
  return { ...s, anchors: s.anchors.map(f) };
}

/**
 * The inputs of a scenario. `ranges` gives low/high values for point-valued growth parameters
 * (by path, e.g. "spending.doublingYears"); point values without one are listed in `fixed`.
 */
export function sensitivityInputs(scenario: Scenario, ranges: Record<string, [number, number]> = {}): { inputs: SensitivityInput[]; fixed: string[] } {
  const inputs: SensitivityInput[] = [];
  const fixed: string[] = [];
  // Variables and weights given a stated range (--swing) take the place of their default inputs.
  const swung = Object.keys(ranges).map((path) => parameterAt(scenario, path));
  const swungVariable = new Set(swung.flatMap((ref) => (ref?.kind === 'variable' ? ref.anchorIds.map((id) => `${id}\u0000${ref.name}`) : [])));
  const swungWeight = new Set(swung.flatMap((ref) => (ref?.kind === 'weight' ? [ref.anchorId] : [])));
  // Anchor variables: one input per name and distribution (anchors that share both move together).
  const groups: { name: string; dist: Distribution; anchorIds: string[] }[] = [];
  // An anchor without weight has no worlds: its variables cannot move the forecast.
  const unweighted = scenario.anchors.filter((wa) => !(wa.weight > 0)).map((wa) => wa.anchor.id);
  for (const wa of scenario.anchors) {
    if (!(wa.weight > 0)) continue;
    for (const v of wa.anchor.variables) {
      if (v.dist.dist === 'point' || swungVariable.has(`${wa.anchor.id}\u0000${v.name}`)) continue;
      const group = groups.find((g) => g.name === v.name && sameDist(g.dist, v.dist));
      if (group) group.anchorIds.push(wa.anchor.id);
      else groups.push({ name: v.name, dist: v.dist, anchorIds: [wa.anchor.id] });
    }
  }
  for (const g of groups) {
    const shared = groups.filter((o) => o.name === g.name).length > 1;
    const [low, high] = percentiles(g.dist);
    inputs.push({
      name: shared ? `${g.name} (${g.anchorIds.join(', ')})` : g.name,
      kind: 'variable',
      anchorIds: g.anchorIds,
      low,
      high,
      swingRule: '5th–95th percentile',
      stream: variableStream(g.name),
      apply: (s, value) =>
        withAnchors(s, (wa) =>
          g.anchorIds.includes(wa.anchor.id)
            ? { ...wa, anchor: { ...wa.anchor, variables: wa.anchor.variables.map((v) => (v.name === g.name ? { ...v, dist: point(value) } : v)) } }
            : wa,
        ),
    });
  }
  // Weights: ×0.5 and ×1.5, the other anchors scaled so the anchors' total (and "no anchor") stay put.
  const total = scenario.anchors.reduce((s, a) => s + a.weight, 0);
  for (const wa of scenario.anchors) {
    if (wa.weight <= 0 || wa.weight >= total || swungWeight.has(wa.anchor.id)) continue;
    const id = wa.anchor.id;
    inputs.push({
      name: `weight of ${id}`,
      kind: 'weight',
      anchorIds: scenario.anchors.map((a) => a.anchor.id),
      low: wa.weight * 0.5,
      high: Math.min(total, wa.weight * 1.5),
      swingRule: '×0.5 to ×1.5, others rescaled',
      stream: null,
      apply: (s, value) => {
        const others = total - wa.weight;
        const scale = (total - value) / others;
        return withAnchors(s, (a) => ({ ...a, weight: a.anchor.id === id ? value : a.weight * scale }));
      },
    });
  }
  // Stated ranges (--swing): each path as the registry (model/paths.ts) reads it, as --set would.
  const allIds = scenario.anchors.map((a) => a.anchor.id);
  for (const [path, [low, high]] of Object.entries(ranges)) {
    const ref = parameterAt(scenario, path);
    if (!ref) throw new Error(`bug: --swing ${path} is not a parameter of ${scenario.id} (the caller checks)`);
    // A weight moves worlds between its anchor and "no anchor"; a growth value, every anchor's.
    const every = ref.kind === 'growth' || ref.kind === 'weight' || ref.anchorIds === 'all';
    inputs.push({
      name: path,
      kind: ref.kind === 'weight' || ref.kind === 'variable' ? ref.kind : 'growth',
      anchorIds: every ? allIds : (ref.anchorIds as string[]),
      low,
      high,
      swingRule: ref.kind === 'algorithmic' && every ? 'stated range, every anchor' : 'stated range',
      stream: null,
      apply: (s, value) => setParameter(s, ref, pointParam(value)),
    });
  }
  // Growth parameters: distributions by their percentiles; point values only with a stated range.
  for (const g of GROWTH_PARAMETERS) {
    if (ranges[g.path] || !g.present(scenario)) continue;
    const p = g.get(scenario);
    if (p.kind === 'dist') {
      const [low, high] = percentiles(p.dist);
      inputs.push({
        name: g.path,
        kind: 'growth',
        anchorIds: allIds,
        low,
        high,
        swingRule: '5th–95th percentile',
        stream: curveStream(g.key),
        apply: (s, value) => g.set(s, pointParam(value)),
      });
    } else fixed.push(g.path);
  }
  for (const field of ALGORITHMIC_FIELDS) {
    const label = `algorithmicProgress.${field}`;
    if (ranges[label]) continue;
    const stream = field === 'halvingYears' ? HALVING_STREAM : MAX_OOM_STREAM;
    const own = (a: WeightedAnchor) => ranges[`anchors.${a.anchor.id}.${label}`] !== undefined;
    const dists = scenario.anchors.filter((a) => a.weight > 0 && !own(a) && a.algorithmicProgress[field].kind === 'dist');
    if (dists.length) {
      const d = (dists[0].algorithmicProgress[field] as { dist: Distribution }).dist;
      const ids = dists.filter((a) => sameDist((a.algorithmicProgress[field] as { dist: Distribution }).dist, d)).map((a) => a.anchor.id);
      const [low, high] = percentiles(d);
      const ref: ParameterRef = { kind: 'algorithmic', field, anchorIds: ids };
      inputs.push({
        name: ids.length === allIds.length ? label : `${label} (${ids.join(', ')})`,
        kind: 'growth',
        anchorIds: ids,
        low,
        high,
        swingRule: '5th–95th percentile',
        stream,
        apply: (s, value) => setParameter(s, ref, pointParam(value)),
      });
    } else if (scenario.anchors.every((a) => a.algorithmicProgress[field].kind === 'formula')) fixed.push(`${label} (a formula of the requirement)`);
    else fixed.push(`${label} (per anchor)`);
  }
  if (unweighted.length) fixed.push(`the variables of anchors with no weight (${unweighted.join(', ')})`);
  return { inputs, fixed };
}

function metricOf(f: Forecast, metric: Metric): number | null {
  if (metric.kind === 'median') {
    const c = medianCrossing(f.crossings);
    return c.status === 'year' ? c.year : null;
  }
  const j = metric.year - f.startYear;
  return f.cdf[j];
}

const BINS = 20;

export interface SensitivityResult {
  baseline: Forecast;
  metric: Metric;
  baselineValue: number | null;
  /** The year whose "arrived by" indicator the variance shares explain. */
  indicatorYear: number;
  rows: SensitivityRow[];
  fixed: string[];
  /** Share of the indicator's variance explained by which anchor is right. */
  anchorShare: number;
}

export interface SensitivityOptions {
  samples: number;
  seed: number;
  metric: Metric;
  ranges?: Record<string, [number, number]>;
}

/** Everything a sensitivity run needs before its chunks: inputs, plans, the indicator's year. */
export interface SensitivitySetup {
  scenario: Scenario;
  options: SensitivityOptions;
  inputs: SensitivityInput[];
  fixed: string[];
  plans: Plan[];
  indicatorYear: number;
  /** Inputs with a random stream (for variance shares), with their index among all inputs. */
  streamInputs: { input: SensitivityInput; index: number }[];
  /** inSet[s][a]: whether stream input s moves anchor a's worlds. */
  inSet: Uint8Array[];
}

/** What chunks add up to (counts of disjoint chunk ranges merge by addition, in any order). */
export interface SensitivityState {
  counts: Counts[];
  binCount: Float64Array[];
  binSum: Float64Array[];
  perAnchorCount: Float64Array;
  perAnchorSum: Float64Array;
}

/**
 * The inputs, the variants' plans, and the indicator's year: the metric's year, or the median year
 * of a first pass over the first 8 chunks. The same for the same scenario and options, so every
 * worker thread of a split run computes the same setup.
 */
export function sensitivitySetup(scenario: Scenario, options: SensitivityOptions): SensitivitySetup {
  const { inputs, fixed } = sensitivityInputs(scenario, options.ranges);
  const basePlan = planScenario(scenario);
  const variantPlans = inputs.flatMap((input) => [planScenario(input.apply(scenario, input.low)), planScenario(input.apply(scenario, input.high))]);
  const plans = [basePlan, ...variantPlans];
  const pilotChunks = Math.min(chunkCount(options.samples), 8);
  const pilot = runChunks({ plans: [basePlan], draws: 'paired', seed: options.seed, samples: options.samples }, countsObserver(basePlan), 0, pilotChunks);
  const pilotMedian = medianCrossing(summarize(basePlan, pilot, options.seed).crossings);
  // The median's first whole year row: worlds arrived by the end of the year the median date falls in.
  const indicatorYear =
    options.metric.kind === 'p-by-year' ? options.metric.year : pilotMedian.status === 'year' ? pilotMedian.firstYear! : scenario.horizonYear;
  const streamInputs = inputs.map((input, index) => ({ input, index })).filter((x) => x.input.stream !== null);
  const anchorIndex = new Map(basePlan.anchors.map((a, i) => [a.id, i]));
  const inSet = streamInputs.map(({ input }) => {
    const set = new Uint8Array(basePlan.anchors.length + 1);
    for (const id of input.anchorIds) set[anchorIndex.get(id)!] = 1;
    return set;
  });
  return { scenario, options, inputs, fixed, plans, indicatorYear, streamInputs, inSet };
}

export function emptySensitivityState(setup: SensitivitySetup): SensitivityState {
  const anchors = setup.plans[0].anchors.length + 1;
  return {
    counts: setup.plans.map(emptyCounts),
    binCount: setup.streamInputs.map(() => new Float64Array(BINS)),
    binSum: setup.streamInputs.map(() => new Float64Array(BINS)),
    perAnchorCount: new Float64Array(anchors),
    perAnchorSum: new Float64Array(anchors),
  };
}

/** Adds b into a. */
export function mergeSensitivityStates(a: SensitivityState, b: SensitivityState): void {
  a.counts.forEach((c, p) => mergeCounts(c, b.counts[p]));
  a.binCount.forEach((x, s) => addInto(x, b.binCount[s]));
  a.binSum.forEach((x, s) => addInto(x, b.binSum[s]));
  addInto(a.perAnchorCount, b.perAnchorCount);
  addInto(a.perAnchorSum, b.perAnchorSum);
}

/**
 * The observer of sensitivity: every variant's counts, and for the base scenario the indicator
 * (arrived by the indicator year) binned by each stream input's uniform, and per anchor.
 */
export function sensitivityObserver(setup: SensitivitySetup): Observer<SensitivityState> {
  const { plans, streamInputs, inSet } = setup;
  const basePlan = plans[0];
  const arrivals = new Int32Array(CHUNK_SIZE);
  const yearIndex = setup.indicatorYear - setup.scenario.startYear;
  return {
    empty: () => emptySensitivityState(setup),
    observe(state, chunk) {
      const { counts, binCount, binSum, perAnchorCount, perAnchorSum } = state;
      const { n, workspaces, uniforms } = chunk;
      plans.forEach((plan, p) => accumulate(plan, workspaces[p], counts[p]));
      const ws = workspaces[0];
      arrivalsByWorld(basePlan, ws, arrivals);
      for (let k = 0; k < n; k++) {
        const y = arrivals[k] <= yearIndex ? 1 : 0;
        perAnchorCount[ws.anchorOf[k]]++;
        perAnchorSum[ws.anchorOf[k]] += y;
      }
      streamInputs.forEach(({ input }, s) => {
        const u = uniforms!.get(input.stream!);
        const set = inSet[s];
        for (let k = 0; k < n; k++) {
          if (!set[ws.anchorOf[k]]) continue;
          const b = Math.min(BINS - 1, Math.floor(u[k] * BINS));
          binCount[s][b]++;
          binSum[s][b] += arrivals[k] <= yearIndex ? 1 : 0;
        }
      });
    },
    merge: mergeSensitivityStates,
  };
}

/** Runs chunks [firstChunk, endChunk) of every variant on common random numbers. */
export function sensitivityChunks(setup: SensitivitySetup, firstChunk: number, endChunk: number, onChunk?: (n: number) => void): SensitivityState {
  return runChunks(
    { plans: setup.plans, draws: 'paired', seed: setup.options.seed, samples: setup.options.samples },
    sensitivityObserver(setup),
    firstChunk,
    endChunk,
    onChunk,
  );
}

/** Swings and variance shares from the merged state of every chunk. */
export function sensitivityResult(setup: SensitivitySetup, state: SensitivityState): SensitivityResult {
  const { plans, inputs, fixed, options, streamInputs, indicatorYear } = setup;
  const { counts, binCount, binSum, perAnchorCount, perAnchorSum } = state;
  const N = counts[0].worlds;
  const totalY = perAnchorSum.reduce((a, b) => a + b, 0);
  const meanY = totalY / N;
  const varY = meanY * (1 - meanY);
  /** Between-group variance of the group means, less its expected noise, over Var(Y). */
  const share = (count: Float64Array, sum: Float64Array, population: number) => {
    let between = 0;
    let inGroups = 0;
    let totalSum = 0;
    for (let b = 0; b < count.length; b++) {
      inGroups += count[b];
      totalSum += sum[b];
    }
    if (inGroups === 0 || varY === 0) return 0;
    const mean = totalSum / inGroups;
    let noise = 0;
    let groups = 0;
    for (let b = 0; b < count.length; b++) {
      if (count[b] === 0) continue;
      const m = sum[b] / count[b];
      between += (count[b] / inGroups) * (m - mean) ** 2;
      noise += (m * (1 - m)) / inGroups;
      groups++;
    }
    const withinSet = Math.max(0, between - noise * ((groups - 1) / groups));
    // Worlds outside the set do not depend on the input: E[Y | x] varies only through the set's share.
    const p = inGroups / population;
    return Math.min(1, (p * p * withinSet) / varY);
  };
  const forecasts = plans.map((plan, p) => summarize(plan, counts[p], options.seed));
  const baseline = forecasts[0];
  const rows: SensitivityRow[] = inputs.map((input, i) => {
    const atLow = metricOf(forecasts[1 + 2 * i], options.metric);
    const atHigh = metricOf(forecasts[2 + 2 * i], options.metric);
    const s = streamInputs.findIndex((x) => x.index === i);
    return {
      input,
      atLow,
      atHigh,
      swing: atLow === null || atHigh === null ? null : atHigh - atLow,
      varianceShare: s >= 0 ? share(binCount[s], binSum[s], N) : null,
    };
  });
  rows.sort((a, b) => Math.abs(b.swing ?? Infinity) - Math.abs(a.swing ?? Infinity));
  return {
    baseline,
    metric: options.metric,
    baselineValue: metricOf(baseline, options.metric),
    indicatorYear,
    rows,
    fixed,
    anchorShare: share(perAnchorCount, perAnchorSum, N),
  };
}

/** Runs the baseline and every input's low and high variant on common random numbers, in this thread. */
export function sensitivity(scenario: Scenario, options: SensitivityOptions & { onProgress?: (done: number, total: number) => void }): SensitivityResult {
  const setup = sensitivitySetup(scenario, options);
  let done = 0;
  const state = sensitivityChunks(setup, 0, chunkCount(options.samples), (n) => options.onProgress?.((done += n), options.samples));
  return sensitivityResult(setup, state);
}
