/**
 * Common random numbers, for comparing scenarios and for sensitivity: every named quantity (the
 * anchor choice, each variable name, each growth parameter) gets its own random stream per chunk,
 * and world k of the chunk takes the k-th uniform of each stream, turned into a value by the
 * quantity's quantile function. Two scenarios run with the same seed then give world k the same
 * brain FLOP/s, the same horizon, …, wherever they share a quantity (and comonotone values where
 * they give it different distributions), so differences between them are far less noisy than
 * between two independent runs. Slower than the run's own draws (every stream is drawn for every
 * world), so `run` does not use it.
 */
import { Rng } from '../random/rng.js';
import type { Sampler } from '../dist/sampler.js';
import { anchorTables, type ParamPlan, type Plan } from './plan.js';
import { assignAnchors, type Workspace } from './workspace.js';
import { resolveArrivals } from './arrival.js';
import { curveStream, STREAMS, variableStream } from '../random/streams.js';

/*
 * Stream names (random/streams.ts). Each kind of quantity has its own prefix, so a user's variable
 * can be called anything (even "anchor") without sharing a stream with the anchor choice or a
 * growth parameter, and none of them meets the run's own streams ("run:…").
 */
export { curveStream, variableStream } from '../random/streams.js';
export const ANCHOR_STREAM = STREAMS.anchorChoice;
export const HALVING_STREAM = STREAMS.halvingYears;
export const MAX_OOM_STREAM = STREAMS.maxOom;

/** Anchor order for the paired anchor choice: by id, so that every scenario lays out its anchors alike. */
export interface PairedLayout {
  bounds: Float64Array;
  byTopByte: Int32Array;
  /** Position in id order → anchor index in the plan. */
  order: Int32Array;
}

export function pairedLayout(plan: Plan): PairedLayout {
  const order = Int32Array.from(plan.anchors.map((_, i) => i).sort((a, b) => (plan.anchors[a].id < plan.anchors[b].id ? -1 : 1)));
  const { bounds, byTopByte } = anchorTables(Array.from(order, (i) => plan.anchors[i].weight));
  return { bounds, byTopByte, order };
}

/**
 * The uniforms of chunk `chunkIndex` for each named stream, filled on demand and kept per chunk;
 * and the values they give through each distribution, kept too: scenarios and sensitivity variants
 * that give a quantity the same distribution share its values instead of inverting the CDF again.
 */
export class ChunkUniforms {
  private readonly columns = new Map<string, Float64Array>();
  private readonly valueColumns = new Map<string, Float64Array>();
  private chunk = -1;
  private n = 0;

  constructor(private readonly seed: number) {}

  reset(chunkIndex: number, n: number): void {
    if (this.chunk === chunkIndex && this.n === n) return;
    this.chunk = chunkIndex;
    this.n = n;
    this.columns.clear();
    this.valueColumns.clear();
  }

  get(name: string): Float64Array {
    let column = this.columns.get(name);
    if (!column) {
      column = new Float64Array(this.n);
      const rng = new Rng(this.seed, this.chunk, name);
      rng.fillUniform(column, this.n);
      this.columns.set(name, column);
    }
    return column;
  }

  /**
   * out[p] = the value of world worlds[p] of stream `name` through `sampler` (its quantile of the
   * world's uniform), each world's value computed once per chunk for all who ask with the same
   * distribution (NaN marks a value not yet computed).
   */
  valuesFor(name: string, sampler: Sampler, worlds: Int32Array, out: Float64Array): void {
    const key = `${name}\u0000${sampler.key ?? keyOf(sampler)}`;
    let values = this.valueColumns.get(key);
    if (!values) {
      values = new Float64Array(this.n).fill(NaN);
      this.valueColumns.set(key, values);
    }
    const u = this.get(name);
    for (let p = 0; p < worlds.length; p++) {
      const k = worlds[p];
      let x = values[k];
      if (x !== x) {
        x = sampler.quantile(u[k]);
        values[k] = x;
      }
      out[p] = x;
    }
  }
}

/** A key of its own for a sampler without one (its values are then shared with no other). */
const ownKeys = new WeakMap<Sampler, string>();
let ownKeyCount = 0;
function keyOf(sampler: Sampler): string {
  let key = ownKeys.get(sampler);
  if (key === undefined) {
    key = `unkeyed sampler ${ownKeyCount++}`;
    ownKeys.set(sampler, key);
  }
  return key;
}

/** worldOf[i][p]: the world (index in the chunk) at position p of anchor i's columns. */
function worldsByGroup(ws: Workspace): Int32Array[] {
  const out = ws.groups.map((g) => new Int32Array(g.count));
  for (let k = 0; k < ws.n; k++) {
    const i = ws.anchorOf[k];
    if (i < out.length) out[i][ws.positionOf[k]] = k;
  }
  return out;
}

function fillFromUniforms(p: ParamPlan, stream: string, uniforms: ChunkUniforms, worlds: Int32Array, out: Float64Array): void {
  if (p.kind === 'point') out.fill(p.value, 0, worlds.length);
  else if (p.kind === 'dist') uniforms.valuesFor(stream, p.sampler, worlds, out);
}

/** Draws chunk `chunkIndex` with common random numbers (see the file's comment) and resolves arrivals. */
export function runPairedChunk(plan: Plan, layout: PairedLayout, ws: Workspace, uniforms: ChunkUniforms, chunkIndex: number, n: number): void {
  uniforms.reset(chunkIndex, n);
  const anchorU = uniforms.get(ANCHOR_STREAM);
  const draws = ws.anchorDraws;
  for (let k = 0; k < n; k++) draws[k] = Math.floor(anchorU[k] * 4294967296);
  assignAnchors(ws, n, draws, layout.bounds, layout.byTopByte, layout.order);
  const worlds = worldsByGroup(ws);
  ws.groups.forEach((g, i) => {
    if (g.count === 0) return;
    const a = plan.anchors[i];
    a.samplers.forEach((sampler, v) => {
      const out = g.variables[v];
      if (sampler.constant) out.fill(sampler.quantile(0.5), 0, g.count);
      else uniforms.valuesFor(variableStream(a.variableNames[v]), sampler, worlds[i], out);
    });
    if (a.thresholds) return;
    plan.uncertainCurveKeys.forEach((key, c) => fillFromUniforms(plan.curve[key], curveStream(key), uniforms, worlds[i], g.curve[c]));
    fillFromUniforms(a.halvingYears, HALVING_STREAM, uniforms, worlds[i], g.halvingYears);
    fillFromUniforms(a.maxOom, MAX_OOM_STREAM, uniforms, worlds[i], g.maxOom);
  });
  resolveArrivals(plan, ws);
}

/** Arrival index of each world of the chunk: 0..years-1, years.length = after the horizon, years.length + 1 = never. */
export function arrivalsByWorld(plan: Plan, ws: Workspace, out: Int32Array): void {
  const never = plan.years.length + 1;
  for (let k = 0; k < ws.n; k++) {
    const i = ws.anchorOf[k];
    out[k] = i < ws.groups.length ? ws.groups[i].arrival[ws.positionOf[k]] : never;
  }
}
