/** A chunk's own random draws (the plain run's; common random numbers are paired.ts). */
import { STREAMS } from '../random/streams.js';
import type { ParamPlan, Plan } from './plan.js';
import { Rng } from '../random/rng.js';
import { assignAnchors, type Workspace } from './workspace.js';

/**
 * Random streams of a run's own draws, per chunk: anchors and their variables; growth parameters.
 * (The paired draws of compare and sensitivity name theirs "crn:…", so the two never meet.)
 */
export const STREAM_REQUIREMENTS = STREAMS.requirements;
export const STREAM_CURVES = STREAMS.curves;

/**
 * The run's own draws. Lane 0: every world's anchor, then per anchor its variables column by
 * column; lane 1: per anchor whose curves are uncertain, its worlds' growth parameters. A whole
 * chunk is always drawn (the last chunk of a run included, of which only the first n count), so
 * world k of a chunk is the same world in every run with this seed: `run -n 1000` simulates
 * the first 1,000 worlds of `run -n 1000000`.
 */
export function drawChunk(plan: Plan, ws: Workspace, seed: number, chunkIndex: number, n: number): void {
  const rng = new Rng(seed, chunkIndex, STREAM_REQUIREMENTS);
  const curveRng = new Rng(seed, chunkIndex, STREAM_CURVES);
  rng.fillUint32(ws.anchorDraws, ws.anchorDraws.length);
  assignAnchors(ws, ws.anchorDraws.length, ws.anchorDraws, plan.anchorBounds, plan.anchorByTopByte, null);
  ws.n = n;
  const { groups } = ws;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const a = plan.anchors[i];
    if (g.count === 0) continue;
    for (let v = 0; v < a.samplers.length; v++) a.samplers[v].fill(rng, g.variables[v], g.count);
  }
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const a = plan.anchors[i];
    if (g.count === 0 || a.thresholds) continue;
    plan.uncertainCurveKeys.forEach((key, c) => fillDrawn(plan.curve[key], curveRng, g.curve[c], g.count));
    fillDrawn(a.halvingYears, curveRng, g.halvingYears, g.count);
    fillDrawn(a.maxOom, curveRng, g.maxOom, g.count);
  }
}

/** Fills a column for a point or drawn parameter; formulas wait for the requirement. */
function fillDrawn(p: ParamPlan, rng: Rng, out: Float64Array, n: number): void {
  if (p.kind === 'point') out.fill(p.value, 0, n);
  else if (p.kind === 'dist') p.sampler.fill(rng, out, n);
}
