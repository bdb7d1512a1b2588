/** `bioanchors compare`: scenarios side by side on common random numbers. */
import { chunkCount } from '../../engine/loop.js';
import { mergePairedCounts, simulatePaired, summarizeComparison, type Comparison, type PairedCounts } from '../../engine/compare.js';
import { runJob, type WorkerPool } from '../parallel.js';
import { unpairedComparison } from '../../engine/unpaired.js';
import type { Forecast } from '../../engine/summary.js';
import { UsageError } from '../../io/errors.js';
import { renderCompareCsv, renderCompareJson, renderCompareTable } from '../../report/compare.js';
import type { Manifest } from '../../report/json.js';
import type { CliContext } from '../context.js';
import { emit, prepareOutput, type OutputTarget } from '../output.js';
import { createProgress } from '../progress.js';
import { forecastGivenObserved, observedLabel, readObserved } from '../given-observed.js';
import { checkFinite, checkGivenYear, checkKept, distinguishRepeats, inputPaths, loadInput, manifestFor, formatFor, type CommonOptions, type Input } from '../scenario-input.js';

export interface CompareOptions extends CommonOptions {
  givenNoTaiBy?: number;
  givenObserved?: string | true;
  observationError?: number;
}

export interface ScenarioComparison {
  comparison: Comparison;
  manifests: Manifest[];
  inputs: Input[];
  /** --set and --horizon as typed, and any conditioning (--given-observed), to label the outputs. */
  overrides: string[];
}

/**
 * Loads and runs the scenarios on common random numbers (or, with --given-observed, each weighted
 * by the observations); shared by `compare` and `plot compare`. `beforeRun` sees the loaded inputs
 * before anything is simulated (to check an --output against them).
 */
export async function compareScenarios(ctx: CliContext, refs: string[], options: CompareOptions, beforeRun?: (inputs: Input[]) => void, pool?: WorkerPool): Promise<ScenarioComparison> {
  if (refs.length < 2) throw new UsageError('compare needs at least two scenarios (differences are against the first)');
  if (options.observationError !== undefined && options.givenObserved === undefined) throw new UsageError('--observation-error applies only with --given-observed');
  const inputs = distinguishRepeats(refs.map((ref) => loadInput(ctx, ref, options)));
  const [first] = inputs;
  for (const input of inputs.slice(1)) {
    const a = first.plan.scenario;
    const b = input.plan.scenario;
    if (a.startYear !== b.startYear || a.horizonYear !== b.horizonYear) {
      throw new UsageError(
        `compare needs the same years: ${a.id} runs ${a.startYear}–${a.horizonYear}, ${b.id} ${b.startYear}–${b.horizonYear}; align them with --horizon and --set startYear=…`,
      );
    }
    checkGivenYear(input.plan, options.givenNoTaiBy);
  }
  checkGivenYear(first.plan, options.givenNoTaiBy);
  beforeRun?.(inputs);
  if (options.givenObserved !== undefined) return compareGivenObserved(ctx, inputs, options, pool);
  const plans = inputs.map((i) => i.plan);
  const progress = createProgress(ctx, Boolean(options.quiet), 'compare');
  const paired = await runJob<PairedCounts>(
    { kind: 'paired', scenarios: plans.map((p) => p.scenario) },
    (first, end, onChunk) => simulatePaired(plans, options.seed, options.samples, first, end, onChunk),
    mergePairedCounts,
    options.seed,
    options.samples,
    0,
    chunkCount(options.samples),
    pool,
    { onProgress: (worlds) => progress.update(worlds, options.samples), worldsPerChunk: plans.length },
  );
  progress.stop();
  inputs.forEach((input, i) => checkFinite(ctx, input, paired.counts[i]));
  const comparison = summarizeComparison(plans, paired, options.seed, { givenNoTaiBy: options.givenNoTaiBy });
  comparison.forecasts.forEach(checkKept);
  const manifests = inputs.map((input) => manifestFor(ctx, input, options.seed, options.samples, { pairing: 'common random numbers', ...(options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {}) }));
  return { comparison, manifests, inputs, overrides: inputs[0].overrides };
}

/**
 * --given-observed: each scenario's worlds weighted by the observations. The weights differ
 * between scenarios, so the pairing no longer holds: differences use unpaired errors.
 */
async function compareGivenObserved(ctx: CliContext, inputs: Input[], options: CompareOptions, pool?: WorkerPool): Promise<ScenarioComparison> {
  if (options.givenNoTaiBy !== undefined) throw new UsageError('--given-observed does not combine with --given-no-tai-by');
  const observed = readObserved(ctx, options.givenObserved ?? true, options.observationError);
  const forecasts: Forecast[] = [];
  for (const input of inputs) forecasts.push(await forecastGivenObserved(ctx, input, observed, options.samples, options.seed, pool));
  const comparison = unpairedComparison(forecasts);
  const manifests = inputs.map((input) => manifestFor(ctx, input, options.seed, options.samples, { givenObserved: { file: observed.file, observationErrorOom: observed.sigma } }));
  return { comparison, manifests, inputs, overrides: [...inputs[0].overrides, observedLabel(observed)] };
}

export async function compareCommand(ctx: CliContext, refs: string[], options: CompareOptions, pool?: WorkerPool): Promise<void> {
  let target: OutputTarget | undefined;
  const { comparison, manifests, overrides } = await compareScenarios(ctx, refs, options, (loaded) => (target = prepareOutput(ctx, options.output, inputPaths(loaded))), pool);
  const format = formatFor(ctx, options.format, target);
  const content = format === 'table' ? renderCompareTable(comparison, overrides) : format === 'csv' ? renderCompareCsv(comparison, overrides) : renderCompareJson(comparison, manifests);
  emit(ctx, content, target);
}
