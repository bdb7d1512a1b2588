/**
 * Observations as the API uses them: loaded from a file, as constraints on the worlds' growth
 * (the yearly levels) and on their growth parameters (the trend estimates), with an observation
 * error, and with the user's choice of which evidence to use.
 */
import type { ObservationConstraint, TrendConstraint } from '../analyses/observed.js';
import { normalQuantile } from '../dist/normal.js';
import type { Plan } from '../engine/plan.js';
import { UsageError } from '../io/errors.js';
import { loadObservations } from '../io/observations.js';
import { displayPath, workingFolder } from '../io/paths.js';
import { parameterAt } from '../model/paths.js';
import { frontierFigures, HINDCAST_QUANTITIES, trendOomPerYear, type HindcastQuantity, type ObservationsFile, type Trend } from '../model/observations.js';

export const DEFAULT_OBSERVATION_ERROR_OOM = 0.5;

const QUANTITY_OF = { trainingFlop: 'largestRun', flopPerUsd: 'flopPerUsd', costUsd: 'spending' } as const;

/** The observed figures the weights use: every frontier figure but the derived ones, which repeat the others. */
export function observationConstraints(file: ObservationsFile): ObservationConstraint[] {
  return frontierFigures(file)
    .filter(({ figure }) => figure.kind !== 'derived')
    .map(({ year, field, figure }) => ({ year, quantity: QUANTITY_OF[field], log10: Math.log10(figure.value), atLeast: figure.kind === 'bound' }));
}

/** Which evidence weighs on the worlds: all of a kind, none, or the items named. */
export type EvidenceChoice<T extends string> = 'all' | 'none' | T[];

export interface EvidenceOptions {
  /** Yearly levels by quantity (default all). */
  levels?: EvidenceChoice<HindcastQuantity>;
  /** Trend estimates by id (default none: see DEFAULT_TRENDS). */
  trends?: EvidenceChoice<string>;
  /** Added in quadrature to every trend's own error, in log10 of the rate (default 0). */
  trendErrorOom?: number;
}

/**
 * Trends are left out unless asked for: the price-performance and cost-growth estimates are
 * fitted to many of the runs whose levels are already evidence (used at face value together, the
 * same runs count twice), and the algorithmic-progress estimate measures another quantity than
 * the report's (its `relation`): whether and how far it transfers is the user's call.
 */
export const DEFAULT_TRENDS = 'none';

/** A trend estimate as the weights use it, before a scenario says which parameter value it meets. */
export interface TrendEvidence {
  id: string;
  /** The scenario parameter it bears on, as --set writes it. */
  parameter: string;
  /** log10 of the rate, OOM a year, and its standard deviation (the estimate's and the transfer error). */
  log10Rate: number;
  sigmaLog10: number;
  /** The estimate's own interval and level, and what it measures against the parameter. */
  quantity: string;
  relation: string;
}

export interface Observed {
  /** The file as outputs show it. */
  file: string;
  /** Its absolute path. */
  path: string;
  constraints: ObservationConstraint[];
  /** The observations' error: a standard deviation in orders of magnitude. */
  sigma: number;
  /** The yearly levels used, and the trends. */
  levels: EvidenceChoice<HindcastQuantity>;
  trends: TrendEvidence[];
  /** As chosen: 'none', 'all' or the ids (for the label and the manifest). */
  trendChoice: EvidenceChoice<string>;
  trendErrorOom: number;
}

/** How a weighted run is labelled with its overrides (table titles, CSV rows): the conditioning is part of what produced the numbers. */
export function observedLabel(observed: Observed): string {
  const parts = [`--given-observed ${observed.file} --observation-error ${observed.sigma}`];
  if (observed.levels !== 'all') parts.push(`--observed-levels ${choiceText(observed.levels)}`);
  if (observed.trendChoice !== DEFAULT_TRENDS) parts.push(`--observed-trends ${choiceText(observed.trendChoice)}`);
  if (observed.trendErrorOom) parts.push(`--trend-error ${observed.trendErrorOom}`);
  return parts.join(' ');
}

const choiceText = (c: EvidenceChoice<string>) => (typeof c === 'string' ? c : c.join(','));

/** What a manifest records of the conditioning. */
export function observedManifest(observed: Observed): {
  file: string;
  observationErrorOom: number;
  levels?: string[] | 'none';
  trends?: { id: string; parameter: string; log10OomPerYear: number; sdLog10: number }[];
  trendErrorOom?: number;
} {
  return {
    file: observed.file,
    observationErrorOom: observed.sigma,
    ...(observed.levels !== 'all' ? { levels: observed.levels } : {}),
    ...(observed.trends.length
      ? { trends: observed.trends.map((t) => ({ id: t.id, parameter: t.parameter, log10OomPerYear: t.log10Rate, sdLog10: t.sigmaLog10 })) }
      : {}),
    ...(observed.trendErrorOom ? { trendErrorOom: observed.trendErrorOom } : {}),
  };
}

/**
 * A trend as a normal in log10 of its rate (OOM a year): centred on the estimate (the interval's
 * geometric midpoint when there is none), with the standard deviation that gives the interval's
 * width at its level, log10(r_high / r_low) / (2 Φ⁻¹((1 + level)/2)). A trend without a parameter,
 * or whose interval has no level (a summary range) or lacks an end, cannot be used: the reason.
 */
export function trendEvidence(trend: Trend, trendErrorOom = 0): TrendEvidence | string {
  if (trend.parameter === null) return 'it bears on no single scenario parameter (its relation in the file says what it compares with)';
  const i = trend.interval;
  if (!i || i.low === undefined || i.high === undefined) return 'it has no interval with both ends';
  if (i.level === undefined) return `its interval ${i.low}–${i.high} is a summary range with no stated level (${trend.kind})`;
  const scale = i.relative ? (trend.value ?? NaN) : 1;
  const [low, high] = [i.low * scale, i.high * scale];
  if (trend.unit === 'factorPerYear' && !(low > 1)) return 'its interval reaches a factor of 1 a year or less (no growth), which no doubling time matches';
  const rates = [trendOomPerYear(trend.unit, low), trendOomPerYear(trend.unit, high)].map(Math.log10);
  const centre = trend.value !== undefined ? Math.log10(trendOomPerYear(trend.unit, trend.value)) : (rates[0] + rates[1]) / 2;
  const sd = Math.abs(rates[1] - rates[0]) / (2 * normalQuantile((1 + i.level) / 2));
  return {
    id: trend.id,
    parameter: trend.parameter,
    log10Rate: centre,
    sigmaLog10: Math.hypot(sd, trendErrorOom),
    quantity: trend.quantity,
    relation: trend.relation,
  };
}

/** The parameters a trend may bear on: the doubling and halving times. */
const TREND_PARAMETER = /(^|\.)(doublingYears|halvingYears)$/;

/**
 * The trends' constraints for one scenario: each trend's parameter found in it; a parameter the
 * scenario holds fixed (or gives by a formula of the requirement) gives every world the same
 * weight, which `onNote` is told rather than left silent.
 */
export function trendConstraints(plan: Plan, observed: Observed, onNote?: (message: string) => void): TrendConstraint[] {
  const scenario = plan.scenario;
  const out: TrendConstraint[] = [];
  for (const t of observed.trends) {
    const found = TREND_PARAMETER.test(t.parameter) ? parameterAt(scenario, t.parameter) : undefined;
    // A doubling or halving time is a growth or algorithmic parameter (never a weight or a variable).
    const ref = found?.kind === 'growth' || found?.kind === 'algorithmic' ? found : undefined;
    if (!ref)
      throw new UsageError(
        `trend "${t.id}" bears on ${t.parameter}, which is not a doubling or halving time of ${scenario.id}; leave it out of --observed-trends`,
      );
    const base = { id: t.id, log10Rate: t.log10Rate, sigmaLog10: t.sigmaLog10 };
    if (ref.kind === 'growth') {
      const p = plan.curve[ref.parameter.key];
      if (p.kind !== 'dist') {
        onNote?.(
          `${scenario.id}: trend ${t.id} gives every world the same weight: ${scenario.id} ${p.kind === 'point' ? `holds ${t.parameter} fixed at ${p.value}` : `gives ${t.parameter} by a formula of the requirement`}`,
        );
        continue;
      }
      out.push({ ...base, target: { kind: 'growth', key: ref.parameter.key } });
      continue;
    }
    const anchors = plan.anchors.filter((a) => ref.anchorIds === 'all' || ref.anchorIds.includes(a.id));
    const drawn = anchors.filter((a) => a.halvingYears.kind === 'dist');
    if (drawn.length < anchors.length) {
      const fixed = anchors
        .filter((a) => a.halvingYears.kind !== 'dist')
        .map((a) => (a.halvingYears.kind === 'point' ? `${a.id} ${a.halvingYears.value}` : `${a.id} a formula`));
      onNote?.(
        drawn.length
          ? `${scenario.id}: trend ${t.id} weighs on the anchors that draw ${t.parameter}; the worlds of ${fixed.join(', ')} keep their weights (it is fixed there)`
          : `${scenario.id}: trend ${t.id} gives every world the same weight: ${scenario.id} holds ${t.parameter} fixed (${fixed.join(', ')})`,
      );
    }
    if (drawn.length) out.push({ ...base, target: { kind: 'halving', anchorIds: ref.anchorIds === 'all' ? 'all' : ref.anchorIds } });
  }
  return out;
}

/** Parses --observed-levels: all, none, or quantities separated by commas. */
export function parseLevels(raw: string): EvidenceChoice<HindcastQuantity> {
  return parseChoiceList('--observed-levels', raw, HINDCAST_QUANTITIES, 'quantity');
}

/** Parses --observed-trends: all, none, or trend ids separated by commas (readObserved checks the file has them). */
export function parseTrends(raw: string): EvidenceChoice<string> {
  const text = raw.trim();
  if (text === 'all' || text === 'none') return text;
  const items = text.split(',').map((s) => s.trim());
  if (!items.every((s) => /^[a-z0-9][a-z0-9-]*$/.test(s)))
    throw new UsageError(
      `--observed-trends takes all, none, or trend ids separated by commas (e.g. algorithmic-progress-language-models; see bioanchors hindcast); found "${raw}"`,
    );
  return [...new Set(items)];
}

function parseChoiceList<T extends string>(option: string, raw: string, known: readonly T[], what: string): EvidenceChoice<T> {
  const text = raw.trim();
  if (text === 'all' || text === 'none') return text;
  const items = text.split(',').map((s) => s.trim());
  const unknown = items.filter((s) => !(known as readonly string[]).includes(s));
  if (unknown.length || items.length === 0) {
    throw new UsageError(
      `${option} takes all, none, or ${what}s separated by commas (${known.length ? known.join(', ') : `this file has no ${what}s`}); found "${unknown.join(',') || raw}"`,
    );
  }
  return [...new Set(items)] as T[];
}

/**
 * Loads observations: a file (relative to `cwd`), or the bundled data/observations.json, with
 * the evidence chosen. A trend named that cannot be used is a usage error; `all` takes the
 * usable ones and tells `onNote` which it leaves out and why.
 */
export function readObserved(
  file: string | undefined,
  sigma: number | undefined,
  cwd: string = workingFolder(),
  evidence: EvidenceOptions = {},
  onNote?: (message: string) => void,
): Observed {
  const observations = loadObservations(file, cwd);
  const levels = evidence.levels ?? 'all';
  const trendChoice = evidence.trends ?? DEFAULT_TRENDS;
  const trendErrorOom = evidence.trendErrorOom ?? 0;
  const all = observations.file.trends ?? [];
  const chosen = trendChoice === 'all' ? all : trendChoice === 'none' ? [] : all.filter((t) => trendChoice.includes(t.id));
  if (Array.isArray(trendChoice)) {
    const missing = trendChoice.filter((id) => !all.some((t) => t.id === id));
    if (missing.length)
      throw new UsageError(
        `--observed-trends: no trend ${missing.join(', ')} in ${displayPath(observations.path, cwd)}; it has ${all.map((t) => t.id).join(', ') || 'none'}`,
      );
  }
  const trends: TrendEvidence[] = [];
  for (const t of chosen) {
    const e = trendEvidence(t, trendErrorOom);
    if (typeof e !== 'string') trends.push(e);
    else if (trendChoice === 'all') onNote?.(`--observed-trends all leaves out ${t.id}: ${e}`);
    else throw new UsageError(`--observed-trends ${t.id}: the trend cannot weigh on the worlds: ${e}`);
  }
  const constraints = observationConstraints(observations.file).filter((c) => levels === 'all' || (levels !== 'none' && levels.includes(c.quantity)));
  if (constraints.length === 0 && trends.length === 0)
    throw new UsageError('--given-observed with no evidence left: --observed-levels and --observed-trends leave nothing to weigh the worlds on');
  return {
    file: displayPath(observations.path, cwd),
    path: observations.path,
    constraints,
    sigma: sigma ?? DEFAULT_OBSERVATION_ERROR_OOM,
    levels,
    trends,
    trendChoice,
    trendErrorOom,
  };
}
