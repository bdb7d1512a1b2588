/**
 * The explore page's Web Worker: the public API (bundled for the browser) over the page's scenario
 * and anchor files held in memory. For each request it loads the scenario with the reader's
 * overrides (the loader refuses what a file would, with its own message), forecasts it (the same
 * call `bioanchors run` makes, so the same numbers), draws the requirement bands, and compares it
 * with the scenario as loaded (or another) on common random numbers. Results are posted as each is
 * ready; a newer request replaces this worker (protocol.ts), so nothing here needs to stop early.
 */
// The public API's own modules (src/api.ts gathers them), not its index: that also gathers `samples`,
// whose CSV writer needs Node's Buffer when it loads.
import { compare } from '../api/compare.js';
import { forecast } from '../api/forecast.js';
import { loadInput, type ScenarioInput } from '../api/input.js';
import { BAND_WORLDS, requirementBands } from '../api/trajectories.js';
import { memoryFiles, useFiles } from '../io/files.js';
import { InputError, UsageError } from '../io/errors.js';
import { exploredId, scenarioFile } from './download.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}
declare const self: WorkerScope;

let cwd = '/';
const loadedBase = new Map<string, ScenarioInput>();

/** The scenario as loaded (cached: loading it again gives the same plan). */
function baseInput(ref: string): ScenarioInput {
  let input = loadedBase.get(ref);
  if (!input) loadedBase.set(ref, (input = loadInput(ref, { cwd })));
  return input;
}

/** The same input under another id and label, so two forecasts of one scenario can be told apart in a comparison. */
function renamed(input: ScenarioInput, id: string, label: string): ScenarioInput {
  const scenario = { ...input.loaded.scenario, id, label };
  return { ...input, loaded: { ...input.loaded, scenario }, plan: { ...input.plan, scenario } };
}

const isUserError = (error: unknown) => error instanceof UsageError || error instanceof InputError;

async function run(request: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const { g, ref, shownRef, sets, worlds, first, seed, versus } = request;
  const post = (m: FromWorker) => self.postMessage(m);
  let input: ScenarioInput;
  try {
    input = loadInput(ref, { set: [...sets], cwd });
  } catch (error) {
    if (!isUserError(error)) throw error;
    post({ type: 'refused', g, message: (error as Error).message });
    return;
  }
  const base = baseInput(ref);
  // The forecasts first (the quick stage, then the full run), then what is drawn beside them.
  const stages = first < worlds ? [first, worlds] : [worlds];
  let overrides: string[] = [];
  for (const n of stages) {
    const started = performance.now();
    const run = await forecast(input, { samples: n, seed });
    overrides = run.overrides;
    post({
      type: 'forecast',
      g,
      worlds: n,
      forecast: run.forecast,
      overrides,
      file: scenarioFile({ ref: shownRef, id: base.loaded.scenario.id, label: base.loaded.scenario.label, sets, before: (path) => request.before[path] }),
      ms: performance.now() - started,
    });
  }
  if (sets.length) {
    for (const n of request.needBase) {
      const asLoaded = await forecast(base, { samples: n, seed });
      post({ type: 'base', g, worlds: n, forecast: asLoaded.forecast });
    }
  }
  const bandWorlds = Math.min(worlds, BAND_WORLDS);
  post({ type: 'bands', g, worlds: bandWorlds, trajectories: requirementBands(input, { samples: bandWorlds, seed }), overrides });
  if (sets.length || versus) {
    const other = versus ? baseInput(versus) : base;
    const id = base.loaded.scenario.id;
    const label = base.loaded.scenario.label;
    const a = renamed(other, versus ? other.loaded.scenario.id : id, versus ? other.loaded.scenario.label : `${label}, as loaded`);
    const b = renamed(input, sets.length ? exploredId(id) : id, sets.length ? `${label}, changed` : label);
    try {
      const compared = await compare([a, b], { samples: worlds, seed });
      post({ type: 'compare', g, worlds, comparison: compared.comparison });
    } catch (error) {
      if (!isUserError(error)) throw error;
      post({ type: 'compare-refused', g, message: (error as Error).message });
    }
  }
  post({ type: 'done', g });
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    cwd = message.cwd;
    useFiles(memoryFiles(message.root, message.texts));
    // Warm the engine on the first scenario (compiled plans, JIT), so the reader's first change is quick.
    baseInput(message.warm);
    self.postMessage({ type: 'ready' });
    return;
  }
  run(message).catch((error: unknown) => self.postMessage({ type: 'error', g: message.g, message: (error as Error)?.stack ?? String(error) }));
};
