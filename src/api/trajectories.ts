/** The year-by-year curves behind a forecast, and the forecast itself. */
import { forecast, type ForecastOptions, type ForecastResult } from './forecast.js';
import type { ScenarioInput } from './input.js';
import { trajectories as bands, type Trajectories } from '../analyses/trajectories.js';
import { DEFAULT_SEED } from '../engine/loop.js';

/** The requirement bands come from the first this-many worlds: plenty for 10/50/90% and fast to sort. */
export const BAND_WORLDS = 20_000;

export interface TrajectoriesResult extends ForecastResult {
  trajectories: Trajectories;
}

export async function trajectories(
  input: ScenarioInput,
  options: Pick<ForecastOptions, 'samples' | 'seed' | 'threads' | 'workers' | 'pool' | 'minWorldsPerThread' | 'onProgress'> = {},
): Promise<TrajectoriesResult> {
  const run = await forecast(input, options);
  const seed = options.seed ?? DEFAULT_SEED;
  return { ...run, trajectories: bands(input.plan, seed, Math.min(run.forecast.samples, BAND_WORLDS)) };
}

/** The requirement bands alone (the requirements chart): the first `samples` worlds, at most BAND_WORLDS. */
export function requirementBands(input: ScenarioInput, options: { samples?: number; seed?: number } = {}): Trajectories {
  return bands(input.plan, options.seed ?? DEFAULT_SEED, Math.min(options.samples ?? BAND_WORLDS, BAND_WORLDS));
}
