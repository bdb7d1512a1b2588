/** What a scenario projected for the years already observed, beside what was observed. */
import { manifestFor, type ScenarioInput } from './input.js';
import { hindcast as project, type Hindcast, type HindcastQuantity, type ObservedYear } from '../analyses/hindcast.js';
import { DEFAULT_SEED } from '../engine/loop.js';
import { UsageError } from '../io/errors.js';
import { loadObservations } from '../io/observations.js';
import { displayPath } from '../io/paths.js';
import type { Manifest } from '../model/manifest.js';
import { describeFigure, frontierFigures, type FigureField, type ObservationsFile } from '../model/observations.js';

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

export interface HindcastOptions {
  /** Draws of the growth parameters (default 10,000). */
  samples?: number;
  seed?: number;
  /** The observations file (default: the bundled data/observations.json). */
  observations?: string;
}

export interface HindcastResult {
  hindcast: Hindcast;
  sources: HindcastSources;
  /** The observations file as outputs show it, and its year convention. */
  observationsPath: string;
  yearConvention: string;
  manifest: Manifest;
  overrides: string[];
}

export function hindcast(input: ScenarioInput, options: HindcastOptions = {}): HindcastResult {
  // A hindcast projects years already observed: a horizon would change nothing, so it is refused rather than ignored.
  if (input.options.horizon !== undefined) throw new UsageError('--horizon does not apply to hindcast: it projects the years already observed, whatever the horizon');
  const seed = options.seed ?? DEFAULT_SEED;
  const observations = loadObservations(options.observations, input.cwd);
  const { years, sources } = observedYears(observations.file);
  const h = project(input.plan, years, { samples: options.samples ?? DEFAULT_HINDCAST_DRAWS, seed });
  return {
    hindcast: h,
    sources,
    observationsPath: displayPath(observations.path, input.cwd),
    yearConvention: observations.file.yearConvention,
    manifest: manifestFor(input, seed, h.draws),
    overrides: input.overrides,
  };
}
