/** `bioanchors hindcast`: a scenario's projected growth beside what was observed since 2020. */
import { resolve } from 'node:path';
import { hindcast, inputPaths, type HindcastResult } from '../../api.js';
import type { ScenarioInput } from '../../api/input.js';
import { renderHindcastCsv, renderHindcastTable, type HindcastMeta } from '../../report/hindcast.js';
import type { CliContext } from '../context.js';
import { formatFor, loadCliInput, type CommonOptions } from '../inputs.js';
import { emit, prepareOutput } from '../output.js';

export interface HindcastOptions extends CommonOptions {
  observations?: string;
}

/** What the hindcast's table and CSV say produced them. */
export function hindcastMeta(input: ScenarioInput, result: HindcastResult): HindcastMeta {
  const s = input.loaded.scenario;
  return {
    scenarioId: s.id,
    scenarioLabel: s.label,
    seed: result.manifest.seed,
    startYear: s.startYear,
    observationsPath: result.observationsPath,
    sources: result.sources,
    trends: result.trends,
    overrides: result.overrides,
  };
}

export function hindcastCommand(ctx: CliContext, ref: string, options: HindcastOptions): void {
  const input = loadCliInput(ctx, ref, options);
  const result = hindcast(input, { samples: options.samples, seed: options.seed, observations: options.observations });
  const target = prepareOutput(ctx, options.output, [
    ...inputPaths([input]),
    ...(options.observations !== undefined ? [resolve(ctx.cwd, options.observations)] : []),
  ]);
  const format = formatFor(ctx, options.format, target);
  const meta = hindcastMeta(input, result);
  const content =
    format === 'table'
      ? renderHindcastTable(result.hindcast, meta)
      : format === 'csv'
        ? renderHindcastCsv(result.hindcast, meta)
        : `${JSON.stringify({ manifest: result.manifest, observations: result.observationsPath, yearConvention: result.yearConvention, ...result.hindcast, trends: result.trends, sources: result.sources }, null, 2)}\n`;
  emit(ctx, content, target);
}
