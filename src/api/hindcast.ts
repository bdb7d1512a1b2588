/** What a scenario projected for the years already observed, beside what was observed. */
import { manifestFor, type ScenarioInput } from './input.js';
import { hindcast as project, parameterValue, type Hindcast, type HindcastQuantity, type ObservedYear, type ParameterValue } from '../analyses/hindcast.js';
import { trendEvidence } from './observed.js';
import { DEFAULT_SEED } from '../engine/loop.js';
import { UsageError } from '../io/errors.js';
import { loadObservations } from '../io/observations.js';
import { displayPath } from '../io/paths.js';
import type { Manifest } from '../model/manifest.js';
import {
  describeFigure,
  describeSource,
  frontierFigures,
  trendOomPerYear,
  type FigureField,
  type ObservationsFile,
  type Trend,
} from '../model/observations.js';
import { parameterAt } from '../model/paths.js';
import type { Plan } from '../engine/plan.js';

export const DEFAULT_HINDCAST_DRAWS = 10_000;

export type HindcastSources = Record<number, Partial<Record<HindcastQuantity, { kind: string; source: string }>>>;

const QUANTITY_OF: Record<FigureField, HindcastQuantity> = { trainingFlop: 'largestRun', flopPerUsd: 'flopPerUsd', costUsd: 'spending' };

/**
 * The frontier figures as log10 figures for the hindcast, one entry per run (a year whose figures
 * come from two runs has two), with their sources for the report.
 */
export function observedYears(file: ObservationsFile): { years: ObservedYear[]; sources: HindcastSources } {
  const sources: HindcastSources = {};
  const years: (ObservedYear & { model: string })[] = [];
  for (const { year, model, field, figure } of frontierFigures(file)) {
    const quantity = QUANTITY_OF[field];
    let entry = years.find((y) => y.year === year && y.model === model);
    if (!entry) {
      entry = { year, model, label: model.replace(/,.*$/, ''), figures: {} };
      years.push(entry);
    }
    entry.figures[quantity] = { log10: Math.log10(figure.value), atLeast: figure.kind === 'bound' };
    (sources[year] ??= {})[quantity] = { kind: figure.kind, source: describeFigure(file, figure) };
  }
  return { years: years.map(({ model: _, ...y }) => y), sources };
}

/** A trend estimate beside the scenario's parameter it bears on. */
export interface HindcastTrend {
  id: string;
  quantity: string;
  unit: Trend['unit'];
  kind: Trend['kind'];
  period: string;
  /** The source and its snapshot, in one line. */
  source: string;
  /** As the source states it, in `unit`. */
  estimate: { value: number | null; low: number | null; high: number | null; level: number | null };
  /** The same in the parameter's unit, doubling or halving years (low is the fast end); null without a parameter. */
  asParameterYears: { value: number | null; low: number | null; high: number | null } | null;
  /** In orders of magnitude a year (how the weights compare it), low is the slow end. */
  oomPerYear: { value: number | null; low: number | null; high: number | null };
  parameter: string | null;
  /** The scenario's value: one entry for a growth parameter, one per anchor for algorithmic progress; null when the scenario has no such parameter. */
  scenario: { anchorId?: string; value: ParameterValue }[] | null;
  relation: string;
  note: string | null;
  /** How --given-observed --observed-trends would weigh on it, or why it cannot. */
  weights: { log10OomPerYear: number; sdLog10: number } | { unusable: string };
}

const orNull = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

/** Each trend of the file beside the scenario's parameter it bears on. */
export function hindcastTrends(plan: Plan, file: ObservationsFile): HindcastTrend[] {
  return (file.trends ?? []).map((t) => {
    const i = t.interval;
    const scale = i?.relative ? (t.value ?? NaN) : 1;
    const [low, high] = [i?.low === undefined ? undefined : i.low * scale, i?.high === undefined ? undefined : i.high * scale];
    const oom = (x: number | undefined) => orNull(x === undefined ? undefined : trendOomPerYear(t.unit, x));
    const years = (x: number | undefined) => {
      const r = oom(x);
      return r === null || !(r > 0) ? null : (Math.LOG10E * Math.LN2) / r;
    };
    // A time to halve or double falls as the rate rises: the interval's ends swap for factors a year.
    const rising = t.unit === 'factorPerYear';
    const ref = t.parameter === null ? undefined : parameterAt(plan.scenario, t.parameter);
    // A trend bears on a growth or algorithmic-progress rate; a weight or a variable has no scenario value to show beside it.
    const scenario =
      !ref || ref.kind === 'weight' || ref.kind === 'variable'
        ? null
        : ref.kind === 'growth'
          ? [{ value: parameterValue(plan.curve[ref.parameter.key]) }]
          : plan.anchors
              .filter((a) => ref.anchorIds === 'all' || ref.anchorIds.includes(a.id))
              .map((a) => ({ anchorId: a.id, value: parameterValue(ref.field === 'halvingYears' ? a.halvingYears : a.maxOom) }));
    const e = trendEvidence(t);
    return {
      id: t.id,
      quantity: t.quantity,
      unit: t.unit,
      kind: t.kind,
      period: t.period,
      source: describeSource(file, t.source),
      estimate: { value: orNull(t.value), low: orNull(low), high: orNull(high), level: orNull(i?.level) },
      asParameterYears: t.parameter === null ? null : { value: years(t.value), low: years(rising ? high : low), high: years(rising ? low : high) },
      oomPerYear: { value: oom(t.value), low: oom(rising ? low : high), high: oom(rising ? high : low) },
      parameter: t.parameter,
      scenario,
      relation: t.relation,
      note: t.note ?? null,
      weights: typeof e === 'string' ? { unusable: e } : { log10OomPerYear: e.log10Rate, sdLog10: e.sigmaLog10 },
    };
  });
}

export interface HindcastOptions {
  /** Draws of the growth parameters (default 10,000). */
  samples?: number;
  seed?: number;
  /** The observations file (default: the bundled data/observations.json). */
  observations?: string;
}

export interface HindcastResult {
  hindcast: Hindcast;
  /** The file's trend estimates beside the scenario's parameters. */
  trends: HindcastTrend[];
  sources: HindcastSources;
  /** The observations file as outputs show it, and its year convention. */
  observationsPath: string;
  yearConvention: string;
  manifest: Manifest;
  overrides: string[];
}

export function hindcast(input: ScenarioInput, options: HindcastOptions = {}): HindcastResult {
  // A hindcast projects years already observed: a horizon would change nothing, so it is refused rather than ignored.
  if (input.options.horizon !== undefined)
    throw new UsageError('--horizon does not apply to hindcast: it projects the years already observed, whatever the horizon');
  const seed = options.seed ?? DEFAULT_SEED;
  const observations = loadObservations(options.observations, input.cwd);
  const { years, sources } = observedYears(observations.file);
  const h = project(input.plan, years, { samples: options.samples ?? DEFAULT_HINDCAST_DRAWS, seed });
  return {
    hindcast: h,
    trends: hindcastTrends(input.plan, observations.file),
    sources,
    observationsPath: displayPath(observations.path, input.cwd),
    yearConvention: observations.file.yearConvention,
    manifest: manifestFor(input, seed, h.draws),
    overrides: input.overrides,
  };
}
