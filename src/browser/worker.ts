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
  const stages = first < worlds ? [first, worlds] : [worlds];
  for (const [stage, n] of stages.entries()) {
    const started = performance.now();
    const run = await forecast(input, { samples: n, seed });
    post({
      type: 'forecast',
      g,
      worlds: n,
      forecast: run.forecast,
      overrides: run.overrides,
      file: scenarioFile({ ref: shownRef, id: base.loaded.scenario.id, label: base.loaded.scenario.label, sets, before: (path) => request.before[path] }),
      ms: performance.now() - started,
    });
    if (sets.length && request.needBase.includes(n)) {
      const asLoaded = await forecast(base, { samples: n, seed });
      post({ type: 'base', g, worlds: n, forecast: asLoaded.forecast });
    }
    if (stage === 0) {
      const bands = requirementBands(input, { samples: Math.min(n, BAND_WORLDS), seed });
      post({ type: 'bands', g, worlds: Math.min(n, BAND_WORLDS), trajectories: bands, overrides: run.overrides });
    }
    if (sets.length || versus) {
      const other = versus ? baseInput(versus) : base;
      const id = base.loaded.scenario.id;
      const a = renamed(other, versus ? other.loaded.scenario.id : id, versus ? other.loaded.scenario.label : `${base.loaded.scenario.label}, as loaded`);
      const b = renamed(input, sets.length ? exploredId(id) : id, sets.length ? `${base.loaded.scenario.label}, changed` : base.loaded.scenario.label);
      try {
        const compared = await compare([a, b], { samples: n, seed });
        post({ type: 'compare', g, worlds: n, comparison: compared.comparison });
      } catch (error) {
        if (!isUserError(error)) throw error;
        post({ type: 'compare-refused', g, message: (error as Error).message });
      }
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
