/** What a scenario projected for the years already observed, beside what was observed. */
import { manifestFor, type ScenarioInput } from './input.js';
import { hindcast as project, type Hindcast, type HindcastQuantity, type ObservedYear } from '../analyses/hindcast.js';
import { DEFAULT_SEED } from '../engine/loop.js';
import { UsageError } from '../io/errors.js';
import { loadObservations } from '../io/observations.js';
import { displayPath } from '../io/paths.js';
import type { Manifest } from '../model/manifest.js';
import type { ObservationsFile } from '../model/observations.js';

export const DEFAULT_HINDCAST_DRAWS = 10_000;

export type HindcastSources = Record<number, Partial<Record<HindcastQuantity, { kind: string; source: string }>>>;

const FIELD: Record<HindcastQuantity, 'trainingFlop' | 'flopPerUsd' | 'costUsd'> = { largestRun: 'trainingFlop', flopPerUsd: 'flopPerUsd', spending: 'costUsd' };

/** Observation rows as log10 figures for the hindcast, with their sources for the report. */
export function observedYears(file: ObservationsFile): { years: ObservedYear[]; sources: HindcastSources } {
  const sources: HindcastSources = {};
  const years = file.rows.map((row): ObservedYear => {
    const figures: ObservedYear['figures'] = {};
    sources[row.year] = {};
    for (const [quantity, field] of Object.entries(FIELD) as [HindcastQuantity, (typeof FIELD)[HindcastQuantity]][]) {
      const f = row[field];
      if (!f) continue;
      figures[quantity] = { log10: Math.log10(f.value), atLeast: f.kind === 'lower-bound' };
      sources[row.year][quantity] = { kind: f.kind, source: f.source };
    }
    return { year: row.year, label: row.model.replace(/,.*$/, ''), figures };
  });
  return { years, sources };
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
