/**
 * From arrival counts to the forecast: P(TAI by year), crossing years, per-anchor curves, and the
 * Monte Carlo standard error of each. Worlds are independent, so a probability p estimated from
 * N worlds has standard error sqrt(p(1-p)/N). A crossing is a date (decimal year) found by linear
 * interpolation of the yearly curve, each year row placed at the end of its year (years.ts); its
 * standard error follows by the delta method, se(p) divided by the curve's slope there.
 */
import type { Counts } from './counts.js';
import type { Plan } from './plan.js';
import { timeOfYearRow } from '../model/years.js';

export const QUANTILE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export interface Estimate {
  p: number;
  se: number;
}

export { crossingAt, medianCrossing, type Crossing, type CrossingStatus } from '../model/crossing.js';
import type { Crossing, CrossingStatus } from '../model/crossing.js';

/** How many standard errors from the curve's last value make a crossing "near the plateau". */
export const PLATEAU_SIGMAS = 2;

export interface AnchorForecast {
  id: string;
  label: string;
  weight: number;
  worlds: number;
  /** P(TAI by year | this anchor is right). */
  cdf: number[];
  se: number[];
  notByHorizon: Estimate;
  crossings: Crossing[];
}

export interface Forecast {
  scenarioId: string;
  scenarioLabel: string;
  seed: number;
  samples: number;
  startYear: number;
  horizonYear: number;
  years: number[];
  /** P(TAI by year), for every year. */
  cdf: number[];
  se: number[];
  /** Arrives some time after the horizon year. */
  notByHorizon: Estimate;
  /** "No anchor": never. */
  never: Estimate;
  crossings: Crossing[];
  anchors: AnchorForecast[];
  noneWeight: number;
  /** Set when the forecast is conditioned on no TAI by a year. */
  condition?: Condition;
  /** Set when the worlds are weighted by how well their growth matches observations (--given-observed). */
  observed?: ObservedCondition;
}

/** Importance weighting on observations: how many worlds, how many they are worth, under what error. */
export interface ObservedCondition {
  file: string;
  /** Observed figures used (derived ones are left out: they repeat the others). */
  figures: number;
  /** The trend estimates that weighed on this scenario's worlds (ids), if any. */
  trends?: string[];
  observationErrorOom: number;
  worlds: number;
  effectiveWorlds: number;
}

/** √(p(1−p)/n); p a hair outside [0, 1] (a sum of weights rounded, --given-observed) has error 0, not NaN. */
export function binomialSe(p: number, n: number): number {
  return n > 0 ? Math.sqrt(Math.max(0, p * (1 - p)) / n) : NaN;
}

/** Crossing of `level` by a yearly CDF estimated from n worlds; `neverShare` is mass that never arrives. */
export function crossing(years: readonly number[], cdf: readonly number[], n: number, level: number, neverShare: number): Crossing {
  if (!(n > 0)) return { level, status: 'no-worlds', year: null, firstYear: null, se: null };
  const j = cdf.findIndex((p) => p >= level);
  if (j < 0) {
    const status: CrossingStatus = level <= 1 - neverShare + 1e-12 ? 'after-horizon' : 'never';
    return { level, status, year: null, firstYear: null, se: null };
  }
  if (j === 0) return { level, status: 'at-or-before-start', year: timeOfYearRow(years[0]), firstYear: years[0], se: null };
  const slope = cdf[j] - cdf[j - 1];
  const year = timeOfYearRow(years[j - 1]) + (level - cdf[j - 1]) / slope;
  const se = binomialSe(level, n) / slope;
  const last = cdf[cdf.length - 1];
  const nearPlateau = last - level < PLATEAU_SIGMAS * binomialSe(last, n);
  return { level, status: 'year', year, firstYear: years[j], se, ...(nearPlateau ? { nearPlateau } : {}) };
}

function cumulative(hist: ArrayLike<number>, nYears: number, total: number): number[] {
  const out: number[] = new Array(nYears);
  let acc = 0;
  for (let j = 0; j < nYears; j++) {
    acc += hist[j];
    out[j] = total > 0 ? acc / total : NaN;
  }
  return out;
}

/** Conditioning on TAI not having arrived by a year: which worlds remain. */
export interface Condition {
  givenNoTaiBy: number;
  /** Worlds that had not arrived by then, and their share of all worlds. */
  keptWorlds: number;
  keptShare: number;
}

export interface SummaryOptions {
  /** Report the distribution given that TAI has not arrived by the end of this year. */
  givenNoTaiBy?: number;
}

/**
 * The forecast from arrival counts. With `givenNoTaiBy`, only worlds that have not arrived by
 * then count (whole worlds, not a rescaled curve), and the years start the year after.
 */
/** What summarize needs of a plan: its years, its anchors' names and weights, its scenario's. */
export interface SummaryPlan {
  years: readonly number[];
  anchors: readonly Pick<Plan['anchors'][number], 'id' | 'label' | 'weight'>[];
  scenario: Pick<Plan['scenario'], 'id' | 'label' | 'startYear' | 'horizonYear' | 'noneWeight'>;
}

export function summarize(plan: SummaryPlan, counts: Counts, seed: number, options: SummaryOptions = {}): Forecast {
  const first = options.givenNoTaiBy === undefined ? 0 : options.givenNoTaiBy - plan.scenario.startYear + 1;
  const years = plan.years.slice(first);
  const nYears = plan.years.length;
  const arrivedBefore = (h: Float64Array) => {
    let s = 0;
    for (let j = 0; j < first; j++) s += h[j];
    return s;
  };
  const N = counts.worlds - counts.perAnchor.reduce((s, h) => s + arrivedBefore(h), 0);
  const all = new Float64Array(nYears + 1);
  for (const h of counts.perAnchor) for (let j = 0; j <= nYears; j++) all[j] += h[j];
  const tail = (h: Float64Array) => h.subarray(first);
  const cdf = cumulative(tail(all), years.length, N);
  const neverP = counts.never / N;
  const notByHorizonP = all[nYears] / N;
  const anchors = plan.anchors.map((a, i): AnchorForecast => {
    const h = counts.perAnchor[i];
    let worlds = 0;
    for (let j = first; j <= nYears; j++) worlds += h[j];
    const acdf = cumulative(tail(h), years.length, worlds);
    const nb = worlds > 0 ? h[nYears] / worlds : NaN;
    return {
      id: a.id,
      label: a.label,
      weight: a.weight,
      worlds,
      cdf: acdf,
      se: acdf.map((p) => binomialSe(p, worlds)),
      notByHorizon: { p: nb, se: binomialSe(nb, worlds) },
      crossings: QUANTILE_LEVELS.map((q) => crossing(years, acdf, worlds, q, 0)),
    };
  });
  // The share that never arrives is the "no anchor" weight, known exactly (its estimate only adds
  // noise); once conditioned, it is the estimated share of the remaining worlds.
  const neverShare = first === 0 ? plan.scenario.noneWeight : neverP;
  return {
    scenarioId: plan.scenario.id,
    scenarioLabel: plan.scenario.label,
    seed,
    samples: N,
    startYear: years[0],
    horizonYear: plan.scenario.horizonYear,
    years,
    cdf,
    se: cdf.map((p) => binomialSe(p, N)),
    notByHorizon: { p: notByHorizonP, se: binomialSe(notByHorizonP, N) },
    never: { p: neverP, se: binomialSe(neverP, N) },
    crossings: QUANTILE_LEVELS.map((q) => crossing(years, cdf, N, q, neverShare)),
    anchors,
    noneWeight: plan.scenario.noneWeight,
    ...(options.givenNoTaiBy === undefined ? {} : { condition: { givenNoTaiBy: options.givenNoTaiBy, keptWorlds: N, keptShare: N / counts.worlds } }),
  };
}
