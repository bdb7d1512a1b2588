/** `bioanchors compare`: scenarios side by side on common random numbers. */
import { chunkCount } from '../../engine/simulate.js';
import { simulatePaired, summarizeComparison, type Comparison } from '../../engine/compare.js';
import { UsageError } from '../../io/errors.js';
import { renderCompareCsv, renderCompareJson, renderCompareTable } from '../../report/compare.js';
import type { Manifest } from '../../report/json.js';
import type { CliContext } from '../context.js';
import { emit } from '../output.js';
import { createProgress } from '../progress.js';
import { checkFinite, checkGivenYear, checkKept, loadInput, manifestFor, formatFor, type CommonOptions } from '../scenario-input.js';

export interface CompareOptions extends CommonOptions {
  givenNoTaiBy?: number;
}

/** Runs the scenarios on common random numbers; shared by `compare` and `plot compare`. */
export function compareScenarios(ctx: CliContext, refs: string[], options: CompareOptions): { comparison: Comparison; manifests: Manifest[] } {
  if (refs.length < 2) throw new UsageError('compare needs at least two scenarios (differences are against the first)');
  const inputs = refs.map((ref) => loadInput(ref, options));
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
  const plans = inputs.map((i) => i.plan);
  const progress = createProgress(ctx, Boolean(options.quiet), 'compare');
  let done = 0;
  const paired = simulatePaired(plans, options.seed, options.samples, 0, chunkCount(options.samples), (n) => progress.update((done += n), options.samples));
  progress.stop();
  inputs.forEach((input, i) => checkFinite(ctx, input, paired.counts[i]));
  const comparison = summarizeComparison(plans, paired, options.seed, { givenNoTaiBy: options.givenNoTaiBy });
  comparison.forecasts.forEach(checkKept);
  const manifests = inputs.map((input) => manifestFor(ctx, input, options.seed, options.samples, { pairing: 'common random numbers', ...(options.givenNoTaiBy !== undefined ? { givenNoTaiBy: options.givenNoTaiBy } : {}) }));
  return { comparison, manifests };
}

export function compareCommand(ctx: CliContext, refs: string[], options: CompareOptions): void {
  const { comparison, manifests } = compareScenarios(ctx, refs, options);
  const format = formatFor(ctx, options);
  const content = format === 'table' ? renderCompareTable(comparison) : format === 'csv' ? renderCompareCsv(comparison) : renderCompareJson(comparison, manifests);
  emit(ctx, content, options.output);
}
