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
import type { Distribution } from '../model/distribution.js';
import type { Param, Scenario, WeightedAnchor } from '../model/scenario.js';
import { ChunkUniforms, HALVING_STREAM, MAX_OOM_STREAM, arrivalsByWorld, curveStream, pairedLayout, runPairedChunk, variableStream } from './paired.js';
import { compileDistribution } from './sampler.js';
import { CHUNK_SIZE, accumulate, chunkCount, createWorkspace, emptyCounts, planScenario, type CurveKey } from './simulate.js';
import { summarize, type Forecast } from './summary.js';

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
const sameDist = (a: Distribution, b: Distribution) => {
  const bare = ({ unit: _u, description: _d, source: _s, ...rest }: Distribution) => JSON.stringify(rest);
  return bare(a) === bare(b);
};

/** The growth parameters a scenario holds, by engine key, with where they sit in the scenario. */
const GROWTH: { key: CurveKey; label: string; get: (s: Scenario) => Param; set: (s: Scenario, p: Param) => Scenario }[] = [
  { key: 'log10FlopPerUsd', label: 'pricePerformance.log10FlopPerUsd', get: (s) => s.pricePerformance.log10FlopPerUsd, set: (s, p) => ({ ...s, pricePerformance: { ...s.pricePerformance, log10FlopPerUsd: p } }) },
  { key: 'flopPerUsdDoublingYears', label: 'pricePerformance.doublingYears', get: (s) => s.pricePerformance.doublingYears, set: (s, p) => ({ ...s, pricePerformance: { ...s.pricePerformance, doublingYears: p } }) },
  { key: 'maxLog10FlopPerUsd', label: 'pricePerformance.maxLog10FlopPerUsd', get: (s) => s.pricePerformance.maxLog10FlopPerUsd, set: (s, p) => ({ ...s, pricePerformance: { ...s.pricePerformance, maxLog10FlopPerUsd: p } }) },
  { key: 'log10UsdPerRun', label: 'spending.log10UsdPerRun', get: (s) => s.spending.log10UsdPerRun, set: (s, p) => ({ ...s, spending: { ...s.spending, log10UsdPerRun: p } }) },
  { key: 'spendDoublingYears', label: 'spending.doublingYears', get: (s) => s.spending.doublingYears, set: (s, p) => ({ ...s, spending: { ...s.spending, doublingYears: p } }) },
  { key: 'log10GdpUsd', label: 'spending.log10GdpUsd', get: (s) => s.spending.log10GdpUsd, set: (s, p) => ({ ...s, spending: { ...s.spending, log10GdpUsd: p } }) },
  { key: 'gdpGrowthPerYear', label: 'spending.gdpGrowthPerYear', get: (s) => s.spending.gdpGrowthPerYear, set: (s, p) => ({ ...s, spending: { ...s.spending, gdpGrowthPerYear: p } }) },
  { key: 'maxGdpFraction', label: 'spending.maxGdpFraction', get: (s) => s.spending.maxGdpFraction, set: (s, p) => ({ ...s, spending: { ...s.spending, maxGdpFraction: p } }) },
];

export const GROWTH_PATHS = GROWTH.map((g) => g.label);

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
  // Anchor variables: one input per name and distribution (anchors that share both move together).
  const groups: { name: string; dist: Distribution; anchorIds: string[] }[] = [];
  for (const wa of scenario.anchors) {
    for (const v of wa.anchor.variables) {
      if (v.dist.dist === 'point') continue;
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
    if (wa.weight <= 0 || wa.weight >= total) continue;
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
  // Growth parameters: distributions by their percentiles; point values only with a stated range.
  const allIds = scenario.anchors.map((a) => a.anchor.id);
  for (const g of GROWTH) {
    const p = g.get(scenario);
    const range = ranges[g.label];
    if (p.kind === 'dist' || range) {
      const [low, high] = range ?? percentiles((p as { dist: Distribution }).dist);
      inputs.push({ name: g.label, kind: 'growth', anchorIds: allIds, low, high, swingRule: range ? 'stated range' : '5th–95th percentile', stream: p.kind === 'dist' && !range ? curveStream(g.key) : null, apply: (s, value) => g.set(s, pointParam(value)) });
    } else if (p.kind === 'point') fixed.push(g.label);
  }
  for (const [field, stream] of [
    ['halvingYears', HALVING_STREAM],
    ['maxOom', MAX_OOM_STREAM],
  ] as const) {
    const label = `algorithmicProgress.${field}`;
    const dists = scenario.anchors.filter((a) => a.algorithmicProgress[field].kind === 'dist');
    const range = ranges[label];
    if (range) {
      inputs.push({
        name: label,
        kind: 'growth',
        anchorIds: allIds,
        low: range[0],
        high: range[1],
        swingRule: 'stated range, every anchor',
        stream: null,
        apply: (s, value) => withAnchors(s, (a) => ({ ...a, algorithmicProgress: { ...a.algorithmicProgress, [field]: pointParam(value) } })),
      });
    } else if (dists.length) {
      const d = (dists[0].algorithmicProgress[field] as { dist: Distribution }).dist;
      const ids = dists.filter((a) => sameDist((a.algorithmicProgress[field] as { dist: Distribution }).dist, d)).map((a) => a.anchor.id);
      const [low, high] = percentiles(d);
      inputs.push({
        name: ids.length === allIds.length ? label : `${label} (${ids.join(', ')})`,
        kind: 'growth',
        anchorIds: ids,
        low,
        high,
        swingRule: '5th–95th percentile',
        stream,
        apply: (s, value) => withAnchors(s, (a) => (ids.includes(a.anchor.id) ? { ...a, algorithmicProgress: { ...a.algorithmicProgress, [field]: pointParam(value) } } : a)),
      });
    } else fixed.push(`${label} (per anchor)`);
  }
  return { inputs, fixed };
}

function metricOf(f: Forecast, metric: Metric): number | null {
  if (metric.kind === 'median') {
    const c = f.crossings.find((x) => x.level === 0.5)!;
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

/** Runs the baseline and every input's low and high variant on common random numbers. */
export function sensitivity(scenario: Scenario, options: { samples: number; seed: number; metric: Metric; ranges?: Record<string, [number, number]>; onProgress?: (done: number, total: number) => void }): SensitivityResult {
  const { inputs, fixed } = sensitivityInputs(scenario, options.ranges);
  const basePlan = planScenario(scenario);
  const variantPlans = inputs.flatMap((input) => [planScenario(input.apply(scenario, input.low)), planScenario(input.apply(scenario, input.high))]);
  const plans = [basePlan, ...variantPlans];
  const layouts = plans.map(pairedLayout);
  const workspaces = plans.map((p) => createWorkspace(p));
  const counts = plans.map(emptyCounts);
  const uniforms = new ChunkUniforms(options.seed);
  const arrivals = new Int32Array(CHUNK_SIZE);
  const chunks = chunkCount(options.samples);

  // The indicator's year: the metric's year, or the median year of a first pass over one chunk's worth.
  const pilot = emptyCounts(basePlan);
  for (let c = 0; c < Math.min(chunks, 8); c++) {
    const n = Math.min(CHUNK_SIZE, options.samples - c * CHUNK_SIZE);
    runPairedChunk(basePlan, layouts[0], workspaces[0], uniforms, c, n);
    accumulate(basePlan, workspaces[0], pilot);
  }
  const pilotMedian = summarize(basePlan, pilot, options.seed).crossings.find((x) => x.level === 0.5)!;
  // The median's first whole year row: worlds arrived by the end of the year the median date falls in.
  const indicatorYear = options.metric.kind === 'p-by-year' ? options.metric.year : pilotMedian.status === 'year' ? pilotMedian.firstYear! : scenario.horizonYear;
  const yearIndex = indicatorYear - scenario.startYear;

  // Binned sums of the indicator, per input (restricted to its anchors' worlds), and per anchor.
  const streamInputs = inputs.map((input, index) => ({ input, index })).filter((x) => x.input.stream !== null);
  const anchorIndex = new Map(basePlan.anchors.map((a, i) => [a.id, i]));
  const binCount = streamInputs.map(() => new Float64Array(BINS));
  const binSum = streamInputs.map(() => new Float64Array(BINS));
  const inSet = streamInputs.map(({ input }) => {
    const set = new Uint8Array(basePlan.anchors.length + 1);
    for (const id of input.anchorIds) set[anchorIndex.get(id)!] = 1;
    return set;
  });
  const perAnchorCount = new Float64Array(basePlan.anchors.length + 1);
  const perAnchorSum = new Float64Array(basePlan.anchors.length + 1);
  let done = 0;
  for (let c = 0; c < chunks; c++) {
    const n = Math.min(CHUNK_SIZE, options.samples - c * CHUNK_SIZE);
    plans.forEach((plan, p) => {
      runPairedChunk(plan, layouts[p], workspaces[p], uniforms, c, n);
      accumulate(plan, workspaces[p], counts[p]);
    });
    const ws = workspaces[0];
    arrivalsByWorld(basePlan, ws, arrivals);
    for (let k = 0; k < n; k++) {
      const y = arrivals[k] <= yearIndex ? 1 : 0;
      perAnchorCount[ws.anchorOf[k]]++;
      perAnchorSum[ws.anchorOf[k]] += y;
    }
    streamInputs.forEach(({ input }, s) => {
      const u = uniforms.get(input.stream!);
      const set = inSet[s];
      for (let k = 0; k < n; k++) {
        if (!set[ws.anchorOf[k]]) continue;
        const b = Math.min(BINS - 1, Math.floor(u[k] * BINS));
        binCount[s][b]++;
        binSum[s][b] += arrivals[k] <= yearIndex ? 1 : 0;
      }
    });
    done += n;
    options.onProgress?.(done, options.samples);
  }
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
    return { input, atLow, atHigh, swing: atLow === null || atHigh === null ? null : atHigh - atLow, varianceShare: s >= 0 ? share(binCount[s], binSum[s], N) : null };
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
