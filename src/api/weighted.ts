/**
 * A scenario's forecast weighted by observations (--given-observed), on any number of threads:
 * a run of a fixed size, or one grown by whole batches of chunks until its headline standard
 * errors meet a target, the way --target-se grows a plain run.
 */
import { checkFinite, MIN_KEPT_WORLDS, type ScenarioInput } from './input.js';
import { trendConstraints, type Observed } from './observed.js';
import { emptyWeightedCounts, effectiveCounts, effectiveWorlds, mergeWeightedCounts, type WeightedCounts } from '../analyses/observed.js';
import { headlineErrors, meetsTarget, worldsNeeded, type PrecisionTarget } from '../analyses/precision.js';
import { CHUNK_SIZE, chunkCount } from '../engine/loop.js';
import { summarize, type Forecast } from '../engine/summary.js';
import { UsageError } from '../io/errors.js';
import { BATCH_CHUNKS, runJob, type WorkerPool } from '../jobs/pool.js';
import { count } from '../report/format.js';

/**
 * What "enough effective worlds" means when the size of a weighted run is not given: every
 * headline probability (P by each year, after the horizon, never) with a standard error of at
 * most 0.5 percentage points, which takes about 10,000 effective worlds (√(0.25/10,000) = 0.005).
 * That is three times the error of a default plain run (100,000 worlds, at most 0.16pp), at a
 * tenth of its worth in effective worlds: weighted runs draw hundreds of worlds for every one
 * that counts, and 0.5pp is finer than any difference the observations' stated error can resolve.
 */
export const DEFAULT_OBSERVED_TARGET: PrecisionTarget = { probability: 0.005 };
/** The most worlds a grown weighted run may draw by default (a plain --target-se run may draw 1e9). */
export const DEFAULT_OBSERVED_MAX_SAMPLES = 1e8;
/**
 * A grown run adds whole batches of chunks (the pool's unit of merging), so its weighted sums are
 * merged in the same order, batch by batch, as a run of its final size: the two agree to the bit.
 */
const STEP_WORLDS = BATCH_CHUNKS * CHUNK_SIZE;
const roundUpToSteps = (n: number) => Math.ceil(n / STEP_WORLDS) * STEP_WORLDS;

/** How big a weighted run is: fixed, or grown from a first size until a target (bounded). */
export type WeightedSize = { fixed: number } | { first: number; target: PrecisionTarget; maxSamples: number };

export interface WeightedRun {
  forecast: Forecast;
  /** Worlds drawn. */
  samples: number;
}

/** A target as a command line gives it, for messages: "0.5pp", "0.1y". */
export function targetText(target: PrecisionTarget): string {
  return [
    target.probability !== undefined && `${Number((target.probability * 100).toPrecision(6))}pp`,
    target.medianYears !== undefined && `${target.medianYears}y`,
  ]
    .filter(Boolean)
    .join(' and ');
}

/**
 * The worlds of a plain run with `seed`, each weighted by how well its growth matches the
 * observations (analyses/observed.ts). A fixed run refuses (exit 2) when the weights leave fewer
 * than MIN_KEPT_WORLDS effective worlds. A grown run adds worlds until the target is met; when the
 * effective share of the worlds drawn so far says the target would take more than maxSamples, it
 * stops there (exit 2 below MIN_KEPT_WORLDS, else the forecast it has, with a note).
 */
export async function weightedForecast(
  input: ScenarioInput,
  observed: Observed,
  size: WeightedSize,
  seed: number,
  pool?: WorkerPool,
  onProgress?: (done: number, total: number) => void,
  onNote?: (message: string) => void,
): Promise<WeightedRun> {
  const { plan } = input;
  const id = input.loaded.scenario.id;
  const trends = trendConstraints(plan, observed, onNote);
  const job = { kind: 'observed', params: { scenario: plan.scenario, constraints: observed.constraints, sigma: observed.sigma, trends } } as const;
  const total = emptyWeightedCounts(plan);
  // Batches are taken in chunk order and merged into one total, step after step.
  const draw = (samples: number, from: number, before: number) =>
    runJob<WeightedCounts>(job, { seed, samples, firstChunk: from, endChunk: chunkCount(samples) }, pool, {
      take: (state) => mergeWeightedCounts(total, state),
      onProgress: (done) => onProgress?.(before + done, samples),
    });
  const result = () => {
    checkFinite(input, total);
    const ess = effectiveWorlds(total);
    const forecast: Forecast = {
      ...summarize(plan, effectiveCounts(plan, total), seed),
      observed: {
        file: observed.file,
        figures: observed.constraints.length,
        ...(trends.length ? { trends: trends.map((t) => t.id) } : {}),
        observationErrorOom: observed.sigma,
        worlds: total.worlds,
        effectiveWorlds: ess,
      },
    };
    return { forecast, ess };
  };
  const tooFew = (ess: number, why: string) =>
    new UsageError(
      `the observations leave ${count(ess)} effective worlds of ${count(total.worlds)} (${id}, ${observedText(observed)}); at least ${MIN_KEPT_WORLDS} are needed: ${why}`,
    );

  if ('fixed' in size) {
    await draw(size.fixed, 0, 0);
    const { forecast, ess } = result();
    if (!(ess >= MIN_KEPT_WORLDS))
      throw tooFew(ess, 'raise --samples (or leave -n out, and the run grows until its errors meet a target), or raise --observation-error');
    return { forecast, samples: size.fixed };
  }
  const { target, maxSamples } = size;
  let samples = Math.min(roundUpToSteps(size.first), maxSamples);
  await draw(samples, 0, 0);
  for (;;) {
    const { forecast, ess } = result();
    // Enough: the target met, on at least MIN_KEPT_WORLDS (errors of a few hundred heavily weighted worlds can look small by chance).
    if (meetsTarget(forecast, target) && ess >= MIN_KEPT_WORLDS) return { forecast, samples };
    // Effective worlds needed, and the worlds drawn that takes at the share seen so far.
    const share = ess / total.worlds;
    const needed = share > 0 ? Math.max(worldsNeeded(forecast, target), MIN_KEPT_WORLDS) / share : Infinity;
    if (samples >= maxSamples || !(needed <= maxSamples)) {
      const errors = headlineErrors(forecast);
      const why =
        samples >= maxSamples
          ? `--max-samples ${count(maxSamples)} worlds reached`
          : `at ${count(ess)} effective worlds of ${count(total.worlds)} drawn (1 in ${count(1 / share)}), it would take about ${Number.isFinite(needed) ? count(Number(needed.toPrecision(2))) : 'infinitely many'} worlds, more than --max-samples ${count(maxSamples)}: the observations are far from the scenario's prior`;
      const advice =
        'raise --observation-error, leave some evidence out (--observed-levels, --observed-trends), ask for less (--target-se), or raise --max-samples';
      if (!(ess >= MIN_KEPT_WORLDS)) throw tooFew(ess, `the target standard error ${targetText(target)} is out of reach (${why}); ${advice}`);
      onNote?.(
        `${id}: target standard error ${targetText(target)} not reached (${why}); reporting the ${count(ess)} effective worlds drawn so far (largest headline error ${(errors.probability * 100).toFixed(2)}pp); ${advice}`,
      );
      return { forecast, samples };
    }
    const next = Math.min(maxSamples, roundUpToSteps(Math.max(needed * 1.05, samples * 1.25)));
    const before = samples;
    await draw(next, chunkCount(before), before);
    samples = next;
  }
}

/** The observation error and the trends used, as messages give them. */
function observedText(observed: Observed): string {
  return `observation error ${observed.sigma} OOM${observed.trends.length ? `, trends ${observed.trends.map((t) => t.id).join(', ')}` : ''}`;
}
