/**
 * The one loop over worlds. Every command that simulates (run and its --chunks ranges, compare,
 * sensitivity, trajectories, samples, --given-observed) is this loop with an observer:
 *
 *   for each chunk c of the range: draw chunk c for every plan, resolve its arrivals, then hand
 *   the finished chunk to the observer, which adds it to its state.
 *
 * Draws are the run's own streams ('own', one plan) or common random numbers across several plans
 * ('paired', compare and sensitivity; see paired.ts). Chunk c always draws from the streams
 * (seed, c, …), so a chunk's worlds do not depend on which thread runs it, and an observer's states
 * for disjoint ranges of chunks merge into the state of their union (tests/cli/threads.test.ts
 * checks every command gives byte-identical output on 1 and 2 threads).
 */
import { ChunkUniforms, pairedLayout, runPairedChunk, type PairedLayout } from './paired.js';
import { resolveArrivals } from './arrival.js';
import { drawChunk } from './draws.js';
import type { Plan } from './plan.js';
import { CHUNK_SIZE, createWorkspace, rebindWorkspace, workspaceShape, type Workspace } from './workspace.js';

export { CHUNK_SIZE } from './workspace.js';
/** The default seed: the date the draft report was published (2020-09-18). */
export const DEFAULT_SEED = 20200918;

export type DrawMode = 'own' | 'paired';

/** One finished chunk, as observers see it. */
export interface Chunk {
  /** The chunk's index in the run. */
  index: number;
  /** Worlds of the chunk that count (the first n; a run's last chunk may be partial). */
  n: number;
  plans: readonly Plan[];
  /** workspaces[p]: plan p's draws, requirements and arrival years for this chunk. */
  workspaces: readonly Workspace[];
  /** The index in the loop's plans of plans[0] (0, except for a loop of one plan at a time). */
  firstPlan: number;
  /** The common random numbers of the chunk (paired draws only). */
  uniforms: ChunkUniforms | null;
}

/**
 * What is kept from the worlds: an empty state, how a finished chunk is added to a state, and how
 * two states of disjoint chunk ranges are combined (into `a`). States cross threads by structured
 * clone, so they hold plain data: numbers, arrays and typed arrays; empty() makes them fresh (no
 * array shared with the observer's own scratch), so a worker can move their buffers to the main thread.
 */
export interface Observer<S> {
  empty(): S;
  observe(state: S, chunk: Chunk): void;
  merge(a: S, b: S): void;
}

/** The plans of a loop, how their worlds are drawn, and the run's seed and size. */
export interface LoopSpec {
  plans: readonly Plan[];
  draws: DrawMode;
  seed: number;
  samples: number;
  /**
   * Paired draws only: simulate the plans of each chunk one after another, in one workspace per
   * shape of plan (workspaceShape), handing each plan's chunk to the observer on its own
   * (chunk.plans = [that plan], chunk.firstPlan = its index). Memory then holds a few workspaces
   * whatever the number of plans (a sweep's thousands of variants), and the chunk's common random
   * numbers, drawn once, serve every plan.
   */
  onePlanAtATime?: boolean;
}

/** One chunk-sized workspace per plan, reused by every call (loops run one at a time per thread). */
const workspaces = new WeakMap<Plan, Workspace>();
const layouts = new WeakMap<Plan, PairedLayout>();

function cached<T>(map: WeakMap<Plan, T>, plan: Plan, make: (plan: Plan) => T): T {
  let value = map.get(plan);
  if (value === undefined) {
    value = make(plan);
    map.set(plan, value);
  }
  return value;
}

export function chunkCount(samples: number): number {
  return Math.ceil(samples / CHUNK_SIZE);
}

/** Worlds in chunk c of a run of `samples` (0 past its end). */
export function worldsInChunk(samples: number, c: number): number {
  return Math.max(0, Math.min(CHUNK_SIZE, samples - c * CHUNK_SIZE));
}

/** The workspaces plans take turns in (onePlanAtATime): plan p uses sharedSpaces(plans)[p], one per shape. */
const shared = new WeakMap<readonly Plan[], Workspace[]>();

function sharedSpaces(plans: readonly Plan[]): Workspace[] {
  let spaces = shared.get(plans);
  if (spaces === undefined) {
    const byShape = new Map<string, Workspace>();
    spaces = plans.map((plan) => {
      const shape = workspaceShape(plan);
      let ws = byShape.get(shape);
      if (ws === undefined) byShape.set(shape, (ws = createWorkspace(plan)));
      return ws;
    });
    shared.set(plans, spaces);
  }
  return spaces;
}

/** Runs chunks [first, end) of the spec and returns the observer's state for them. */
export function runChunks<S>(spec: LoopSpec, observer: Observer<S>, first: number, end: number, onChunk?: (n: number) => void): S {
  if (spec.onePlanAtATime) return runOnePlanAtATime(spec, observer, first, end, onChunk);
  const out = observer.empty();
  const { plans, seed, samples } = spec;
  const spaces = plans.map((p) => cached(workspaces, p, (plan) => createWorkspace(plan)));
  const paired = spec.draws === 'paired' ? plans.map((p) => cached(layouts, p, pairedLayout)) : null;
  const uniforms = paired ? new ChunkUniforms(seed) : null;
  const chunk: Chunk = { index: first, n: 0, plans, workspaces: spaces, firstPlan: 0, uniforms };
  for (let c = first; c < end; c++) {
    const n = worldsInChunk(samples, c);
    if (n === 0) break;
    for (let p = 0; p < plans.length; p++) {
      if (paired && uniforms) runPairedChunk(plans[p], paired[p], spaces[p], uniforms, c, n);
      else runChunk(plans[p], spaces[p], seed, c, n);
    }
    chunk.index = c;
    chunk.n = n;
    observer.observe(out, chunk);
    onChunk?.(n);
  }
  return out;
}

/** runChunks for onePlanAtATime: per chunk, each plan in turn in its shape's workspace, observed at once. */
function runOnePlanAtATime<S>(spec: LoopSpec, observer: Observer<S>, first: number, end: number, onChunk?: (n: number) => void): S {
  if (spec.draws !== 'paired') throw new Error('bug: onePlanAtATime takes paired draws');
  const out = observer.empty();
  const { plans, seed, samples } = spec;
  const spaces = sharedSpaces(plans);
  const layout = plans.map((p) => cached(layouts, p, pairedLayout));
  const uniforms = new ChunkUniforms(seed);
  const one: Plan[] = [plans[0]];
  const space: Workspace[] = [spaces[0]];
  const chunk: Chunk = { index: first, n: 0, plans: one, workspaces: space, firstPlan: 0, uniforms };
  for (let c = first; c < end; c++) {
    const n = worldsInChunk(samples, c);
    if (n === 0) break;
    chunk.index = c;
    chunk.n = n;
    for (let p = 0; p < plans.length; p++) {
      rebindWorkspace(spaces[p], plans[p]);
      runPairedChunk(plans[p], layout[p], spaces[p], uniforms, c, n);
      one[0] = plans[p];
      space[0] = spaces[p];
      chunk.firstPlan = p;
      observer.observe(out, chunk);
    }
    onChunk?.(n);
  }
  return out;
}

/**
 * Simulates chunk `chunkIndex` of a run with `seed`, holding `n` worlds, into the workspace:
 * draws (drawChunk, or runPairedChunk for common random numbers), then arrivals.
 */
export function runChunk(plan: Plan, ws: Workspace, seed: number, chunkIndex: number, n: number): void {
  drawChunk(plan, ws, seed, chunkIndex, n);
  resolveArrivals(plan, ws);
}
