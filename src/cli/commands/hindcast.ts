/** `bioanchors hindcast`: a scenario's projected growth beside what was observed since 2020. */
import { hindcast, type HindcastQuantity, type ObservedYear } from '../../engine/hindcast.js';
import { describeFigure, frontierFigures, type FigureField, type ObservationsFile } from '../../model/observations.js';
import { loadObservations } from '../../io/observations.js';
import { renderHindcastCsv, renderHindcastTable, type HindcastMeta } from '../../report/hindcast.js';
import { UsageError } from '../../io/errors.js';
import type { CliContext } from '../context.js';
import { emit, prepareOutput } from '../output.js';
import { displayPath, formatFor, inputPaths, loadInput, manifestFor, type CommonOptions } from '../scenario-input.js';

export interface HindcastOptions extends CommonOptions {
  observations?: string;
}

const QUANTITY_OF: Record<FigureField, HindcastQuantity> = { trainingFlop: 'largestRun', flopPerUsd: 'flopPerUsd', costUsd: 'spending' };

/**
 * The frontier figures as log10 figures for the engine, one entry per run (a year whose figures
 * come from two runs has two), with their sources for the report.
 */
export function observedYears(file: ObservationsFile): { years: ObservedYear[]; sources: HindcastMeta['sources'] } {
  const sources: HindcastMeta['sources'] = {};
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

/** A hindcast projects years already observed: a horizon would change nothing, so it is refused rather than ignored. */
export function refuseHorizon(options: { horizon?: number }): void {
  if (options.horizon !== undefined) throw new UsageError('--horizon does not apply to hindcast: it projects the years already observed, whatever the horizon');
}

export function hindcastCommand(ctx: CliContext, ref: string, options: HindcastOptions): void {
  refuseHorizon(options);
  const input = loadInput(ctx, ref, options);
  const observations = loadObservations(options.observations, ctx.cwd);
  const target = prepareOutput(ctx, options.output, [...inputPaths([input]), observations.path]);
  const { years, sources } = observedYears(observations.file);
  const h = hindcast(input.plan, years, { samples: options.samples, seed: options.seed });
  const s = input.loaded.scenario;
  const meta: HindcastMeta = { scenarioId: s.id, scenarioLabel: s.label, seed: options.seed, startYear: s.startYear, observationsPath: displayPath(ctx, observations.path), sources, overrides: input.overrides };
  const format = formatFor(ctx, options.format, target);
  const content =
    format === 'table'
      ? renderHindcastTable(h, meta)
      : format === 'csv'
        ? renderHindcastCsv(h, meta)
        : `${JSON.stringify({ manifest: manifestFor(ctx, input, options.seed, h.draws), observations: meta.observationsPath, yearConvention: observations.file.yearConvention, ...h, sources }, null, 2)}\n`;
  emit(ctx, content, target);
}
