/** `bioanchors show`: the resolved definition of an anchor or scenario, as JSON. */
import { quantileSorted } from '../../dist/quantile.js';
import { STREAMS } from '../../random/streams.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../../random/rng.js';
import { requirementDraws } from '../../engine/requirementDraws.js';
import { compileRequirement } from '../../engine/requirement.js';
import { compileDistribution } from '../../dist/sampler.js';
import { closest } from '../../io/closest.js';
import { UsageError } from '../../io/errors.js';
import { bundledAnchors, bundledScenarios } from '../../io/paths.js';
import { checkAnchorFile, inputFileKind, listJsonIds, loadAnchorFile, loadScenario } from '../../io/load.js';
import type { CliContext } from '../context.js';
import { displayPath } from '../../io/paths.js';
import { emit, prepareOutput } from '../output.js';

const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
const SHOW_SAMPLES = 200_000;

/** Percentiles of an anchor's requirement, from SHOW_SAMPLES seeded draws. */
function requirementPercentiles(path: string, seed: number): Record<string, number> {
  const anchor = checkAnchorFile(path).anchor;
  const samplers = anchor.variables.map((v) => compileDistribution(v.dist));
  const requirement = requirementDraws(samplers, compileRequirement(anchor), new Rng(seed, 0, STREAMS.showRequirements), SHOW_SAMPLES);
  return Object.fromEntries(PERCENTILES.map((p) => [`p${Math.round(p * 100)}`, Number(quantileSorted(requirement, p).toFixed(2))]));
}

export function showCommand(ctx: CliContext, ref: string, options: { seed: number; output?: string; set: string[] }): void {
  const asPath = resolve(ctx.cwd, ref);
  const anchorPath = existsSync(join(bundledAnchors(), `${ref}.json`)) ? join(bundledAnchors(), `${ref}.json`) : undefined;
  const scenarioIds = listJsonIds(bundledScenarios());
  let content: unknown;
  let reads: string[];
  if (anchorPath || (existsSync(asPath) && !scenarioIds.includes(ref) && inputFileKind(asPath) === 'anchor')) {
    const path = anchorPath ?? asPath;
    // --set changes a scenario; an anchor shown alone has none to change (it was silently ignored).
    if (options.set.length)
      throw new UsageError(`--set changes a scenario's values; "${ref}" is an anchor: show a scenario that uses it, or edit the anchor's file`);
    const { file } = loadAnchorFile(path);
    reads = [path];
    content = {
      kind: 'anchor',
      ...file,
      $schema: undefined,
      requirementPercentilesLog10Flop: { samples: SHOW_SAMPLES, seed: options.seed, ...requirementPercentiles(path, options.seed) },
    };
  } else if (existsSync(asPath) || scenarioIds.includes(ref)) {
    const loaded = loadScenario(ref, { sets: options.set, cwd: ctx.cwd });
    reads = loaded.files.map((f) => f.path);
    content = {
      kind: 'scenario',
      ...loaded.merged,
      noAnchorWeight: Number(loaded.scenario.noneWeight.toPrecision(12)),
      files: loaded.files.map((f) => displayPath(f.path, ctx.cwd)),
    };
  } else {
    const known = [...listJsonIds(bundledAnchors()), ...scenarioIds];
    const hint = closest(ref, known);
    throw new UsageError(`no anchor or scenario "${ref}"${hint ? ` (did you mean "${hint}"?)` : ''}; available: ${known.join(', ')}`);
  }
  emit(ctx, `${JSON.stringify(content, null, 2)}\n`, prepareOutput(ctx, options.output, reads));
}
