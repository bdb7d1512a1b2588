/** --given-observed, shared by `run` and `compare`: a scenario's forecast weighted by the observations. */
import { chunkCount, runChunks } from '../engine/loop.js';
import { observedObserver, weightedRun, type ObservationConstraint, type ObservedChunk } from '../engine/observed.js';
import { summarize, type Forecast } from '../engine/summary.js';
import { UsageError } from '../io/errors.js';
import { loadObservations } from '../io/observations.js';
import { frontierFigures, type ObservationsFile } from '../model/observations.js';
import { count } from '../report/format.js';
import type { CliContext } from './context.js';
import { runJob, type WorkerPool } from './parallel.js';
import { checkFinite, displayPath, MIN_KEPT_WORLDS, type Input } from './scenario-input.js';

export const DEFAULT_OBSERVATION_ERROR_OOM = 0.5;

const QUANTITY_OF = { trainingFlop: 'largestRun', flopPerUsd: 'flopPerUsd', costUsd: 'spending' } as const;

/** The observed figures the weights use: every frontier figure but the derived ones, which repeat the others. */
export function observationConstraints(file: ObservationsFile): ObservationConstraint[] {
  return frontierFigures(file)
    .filter(({ figure }) => figure.kind !== 'derived')
    .map(({ year, field, figure }) => ({ year, quantity: QUANTITY_OF[field], log10: Math.log10(figure.value), atLeast: figure.kind === 'bound' }));
}

export interface Observed {
  file: string;
  constraints: ObservationConstraint[];
  sigma: number;
}

/** How a weighted run is labelled with its overrides (table titles, CSV rows): the conditioning is part of what produced the numbers. */
export function observedLabel(observed: Observed): string {
  return `--given-observed ${observed.file} --observation-error ${observed.sigma}`;
}

export function readObserved(ctx: CliContext, given: string | true, sigma: number | undefined): Observed {
  const observations = loadObservations(given === true ? undefined : given, ctx.cwd);
  return { file: displayPath(ctx, observations.path), constraints: observationConstraints(observations.file), sigma: sigma ?? DEFAULT_OBSERVATION_ERROR_OOM };
}

/**
 * The worlds of a plain run of `samples` with `seed`, each weighted by how well its growth
 * trajectories match the observations (engine/observed.ts). Refuses (exit 2) when the weights
 * leave fewer than MIN_KEPT_WORLDS effective worlds.
 */
export async function forecastGivenObserved(ctx: CliContext, input: Input, observed: Observed, samples: number, seed: number, pool?: WorkerPool): Promise<Forecast> {
  const { plan } = input;
  const observer = observedObserver(plan, seed, observed.constraints, observed.sigma);
  const records = await runJob<ObservedChunk[]>(
    { kind: 'observed', scenario: plan.scenario, constraints: observed.constraints, sigma: observed.sigma },
    (first, end, onChunk) => runChunks({ plans: [plan], draws: 'own', seed, samples }, observer, first, end, onChunk),
    observer.merge,
    seed,
    samples,
    0,
    chunkCount(samples),
    pool,
  );
  const run = weightedRun(plan, records);
  checkFinite(ctx, input, run.counts);
  if (!(run.effectiveWorlds >= MIN_KEPT_WORLDS)) {
    throw new UsageError(
      `the observations leave ${count(run.effectiveWorlds)} effective worlds of ${count(run.worlds)} (${input.loaded.scenario.id}, observation error ${observed.sigma} OOM); at least ${MIN_KEPT_WORLDS} are needed: raise --samples or --observation-error`,
    );
  }
  return {
    ...summarize(input.plan, run.counts, seed),
    observed: { file: observed.file, figures: observed.constraints.length, observationErrorOom: observed.sigma, worlds: run.worlds, effectiveWorlds: run.effectiveWorlds },
  };
}
