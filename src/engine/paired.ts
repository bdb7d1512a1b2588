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
import { assignAnchors, CHUNK_SIZE, type Workspace } from './workspace.js';
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
 * The columns are made once per name and reused from chunk to chunk (a stamp says which chunk a
 * column holds), so that a loop of many chunks allocates nothing per chunk.
 */
export class ChunkUniforms {
  private readonly columns = new Map<string, Stamped>();
  private readonly valueColumns = new Map<string, Stamped>();
  private chunk = -1;
  private n = 0;
  /** Counts the chunks seen: a column whose stamp is not it holds another chunk's numbers. */
  private stamp = 0;

  constructor(private readonly seed: number) {}

  reset(chunkIndex: number, n: number): void {
    if (this.chunk === chunkIndex && this.n === n) return;
    this.chunk = chunkIndex;
    this.n = n;
    this.stamp++;
  }

  get(name: string): Float64Array {
    let entry = this.columns.get(name);
    if (entry === undefined) {
      entry = { column: new Float64Array(CHUNK_SIZE), stamp: -1 };
      this.columns.set(name, entry);
    }
    if (entry.stamp !== this.stamp) {
      new Rng(this.seed, this.chunk, name).fillUniform(entry.column, this.n);
      entry.stamp = this.stamp;
    }
    return entry.column;
  }

  /**
   * out[p] = the value of world worlds[p] of stream `name` through `sampler` (its quantile of the
   * world's uniform), for p < count, each world's value computed once per chunk for all who ask
   * with the same distribution (NaN marks a value not yet computed).
   */
  valuesFor(name: string, sampler: Sampler, worlds: Int32Array, count: number, out: Float64Array): void {
    const key = `${name}\u0000${sampler.key ?? keyOf(sampler)}`;
    let entry = this.valueColumns.get(key);
    if (entry === undefined) {
      entry = { column: new Float64Array(CHUNK_SIZE), stamp: -1 };
      this.valueColumns.set(key, entry);
    }
    const values = entry.column;
    if (entry.stamp !== this.stamp) {
      values.fill(NaN, 0, this.n);
      entry.stamp = this.stamp;
    }
    const u = this.get(name);
    // The worlds not yet computed, their uniforms gathered into a column, their values computed as
    // a column (sampler.quantileColumn, where the sampler has one: the same numbers, faster), then
    // scattered into the chunk's values.
    const { missing, missingU, missingValues } = this;
    let m = 0;
    for (let p = 0; p < count; p++) {
      const k = worlds[p];
      missing[m] = k;
      m += values[k] !== values[k] ? 1 : 0;
    }
    if (m > 0) {
      for (let i = 0; i < m; i++) missingU[i] = u[missing[i]];
      if (sampler.quantileColumn) sampler.quantileColumn(missingU, missingValues, m);
      else for (let i = 0; i < m; i++) missingValues[i] = sampler.quantile(missingU[i]);
      for (let i = 0; i < m; i++) values[missing[i]] = missingValues[i];
    }
    for (let p = 0; p < count; p++) out[p] = values[worlds[p]];
  }

  /** Scratch of valuesFor: the worlds it computes, their uniforms and their values. */
  private readonly missing = new Int32Array(CHUNK_SIZE);
  private readonly missingU = new Float64Array(CHUNK_SIZE);
  private readonly missingValues = new Float64Array(CHUNK_SIZE);
}

/** A column of one chunk's numbers, and which chunk (ChunkUniforms' stamp). */
interface Stamped {
  column: Float64Array;
  stamp: number;
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

/** Per workspace, the columns worldsByGroup fills (reused from chunk to chunk). */
const worldColumns = new WeakMap<Workspace, Int32Array[]>();

/** worldOf[i][p], p < the group's count: the world (index in the chunk) at position p of anchor i's columns. */
function worldsByGroup(ws: Workspace): Int32Array[] {
  let out = worldColumns.get(ws);
  if (out === undefined) {
    out = ws.groups.map(() => new Int32Array(0));
    worldColumns.set(ws, out);
  }
  for (let i = 0; i < out.length; i++)
    if (out[i].length < ws.groups[i].count) out[i] = new Int32Array(Math.min(CHUNK_SIZE, Math.ceil(ws.groups[i].count * 1.25)));
  for (let k = 0; k < ws.n; k++) {
    const i = ws.anchorOf[k];
    if (i < out.length) out[i][ws.positionOf[k]] = k;
  }
  return out;
}

function fillFromUniforms(p: ParamPlan, stream: string, uniforms: ChunkUniforms, worlds: Int32Array, count: number, out: Float64Array): void {
  if (p.kind === 'point') out.fill(p.value, 0, count);
  else if (p.kind === 'dist') uniforms.valuesFor(stream, p.sampler, worlds, count, out);
}

/** Draws chunk `chunkIndex` with common random numbers (see the file's comment) and resolves arrivals. */
export function runPairedChunk(plan: Plan, layout: PairedLayout, ws: Workspace, uniforms: ChunkUniforms, chunkIndex: number, n: number): void {
  uniforms.reset(chunkIndex, n);
  const anchorU = uniforms.get(ANCHOR_STREAM);
  const draws = ws.anchorDraws;
  for (let k = 0; k < n; k++) draws[k] = Math.floor(anchorU[k] * 4294967296);
  assignAnchors(ws, n, draws, layout.bounds, layout.byTopByte, layout.order);
  const worlds = worldsByGroup(ws);
  for (let i = 0; i < ws.groups.length; i++) {
    const g = ws.groups[i];
    if (g.count === 0) continue;
    const a = plan.anchors[i];
    for (let v = 0; v < a.samplers.length; v++) {
      const sampler = a.samplers[v];
      const out = g.variables[v];
      if (sampler.constant) out.fill(sampler.quantile(0.5), 0, g.count);
      else uniforms.valuesFor(variableStream(a.variableNames[v]), sampler, worlds[i], g.count, out);
    }
    if (a.thresholds) continue;
    const keys = plan.uncertainCurveKeys;
    for (let c = 0; c < keys.length; c++) fillFromUniforms(plan.curve[keys[c]], curveStream(keys[c]), uniforms, worlds[i], g.count, g.curve[c]);
    fillFromUniforms(a.halvingYears, HALVING_STREAM, uniforms, worlds[i], g.count, g.halvingYears);
    fillFromUniforms(a.maxOom, MAX_OOM_STREAM, uniforms, worlds[i], g.count, g.maxOom);
  }
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
