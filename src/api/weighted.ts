/** A scenario's forecast weighted by observations (--given-observed), on any number of threads. */
import { checkFinite, MIN_KEPT_WORLDS, type ScenarioInput } from './input.js';
import type { Observed } from './observed.js';
import { effectiveCounts, effectiveWorlds, type WeightedCounts } from '../analyses/observed.js';
import { chunkCount } from '../engine/loop.js';
import { summarize, type Forecast } from '../engine/summary.js';
import { UsageError } from '../io/errors.js';
import { runJob, type WorkerPool } from '../jobs/pool.js';
import { count } from '../report/format.js';

/**
 * The worlds of a plain run of `samples` with `seed`, each weighted by how well its growth
 * trajectories match the observations (analyses/observed.ts). Refuses (exit 2) when the weights
 * leave fewer than MIN_KEPT_WORLDS effective worlds.
 */
export async function weightedForecast(input: ScenarioInput, observed: Observed, samples: number, seed: number, pool?: WorkerPool, onProgress?: (done: number) => void): Promise<Forecast> {
  const { plan } = input;
  const weighted = await runJob<WeightedCounts>(
    { kind: 'observed', params: { scenario: plan.scenario, constraints: observed.constraints, sigma: observed.sigma } },
    { seed, samples, firstChunk: 0, endChunk: chunkCount(samples) },
    pool,
    { onProgress },
  );
  checkFinite(input, weighted);
  const ess = effectiveWorlds(weighted);
  if (!(ess >= MIN_KEPT_WORLDS)) {
    throw new UsageError(
      `the observations leave ${count(ess)} effective worlds of ${count(weighted.worlds)} (${input.loaded.scenario.id}, observation error ${observed.sigma} OOM); at least ${MIN_KEPT_WORLDS} are needed: raise --samples or --observation-error`,
    );
  }
  return {
    ...summarize(plan, effectiveCounts(plan, weighted), seed),
    observed: { file: observed.file, figures: observed.constraints.length, observationErrorOom: observed.sigma, worlds: weighted.worlds, effectiveWorlds: ess },
  };
}
