/**
 * A scenario compiled for simulation: samplers for every distribution, formula kernels, the
 * growth parameters (fixed or drawn per world), and, for anchors whose curves are all fixed, the
 * table of arrival thresholds by year.
 */
import { GROWTH_PARAMETERS, type GrowthParameter } from '../model/paths.js';
import type { Anchor } from '../model/anchor.js';
import type { Param, Scenario } from '../model/scenario.js';
import { buildLookup, type ThresholdLookup } from './lookup.js';
import { algorithmicOom, log10AffordableFlop, type CurveValues } from './curves.js';
import { compileScalar, type ColumnKernel } from './expression.js';
import { compileRequirement } from './requirement.js';
import { compileDistribution, type Sampler } from '../dist/sampler.js';

export type ParamPlan = { kind: 'point'; value: number } | { kind: 'dist'; sampler: Sampler } | { kind: 'formula'; fn: (requirement: number) => number };

/** The uncertain-or-not numbers of CurveValues, in the order their draws are made (model/paths.ts). */
export type CurveKey = GrowthParameter['key'];
export const CURVE_KEYS: readonly CurveKey[] = GROWTH_PARAMETERS.map((g) => g.key);

export interface AnchorPlan {
  id: string;
  label: string;
  weight: number;
  variableNames: string[];
  samplers: Sampler[];
  kernel: ColumnKernel;
  algoStartYear: number;
  algoSoft: boolean;
  halvingYears: ParamPlan;
  maxOom: ParamPlan;
  /**
   * When nothing about this anchor's curves is uncertain: the running maximum, year by year, of
   * affordable FLOP plus algorithmic progress. A world arrives at the first year whose threshold
   * reaches its requirement.
   */
  thresholds: Float64Array | null;
  /** Bucketed index into thresholds, for finding that year in O(1) (see firstReaching). */
  lookup: ThresholdLookup | null;
}

export interface Plan {
  scenario: Scenario;
  years: number[];
  anchors: AnchorPlan[];
  /**
   * Cumulative anchor weights scaled to 2^32: a world's anchor is the first whose bound exceeds a
   * 32-bit draw (a draw above the last picks "no anchor").
   */
  anchorBounds: Float64Array;
  /** anchorByTopByte[b]: the anchor of every draw whose top byte is b, or -1 when b straddles two. */
  anchorByTopByte: Int32Array;
  curve: Record<CurveKey, ParamPlan>;
  /** The curve values that are fixed (uncertain ones are NaN here and drawn per world). */
  base: CurveValues;
  uncertainCurveKeys: CurveKey[];
  /** log10 affordable FLOP per year, when no price, spending or ceiling parameter is uncertain. */
  affordable: Float64Array | null;
}

function planParam(p: Param): ParamPlan {
  switch (p.kind) {
    case 'point':
      return { kind: 'point', value: p.value };
    case 'dist':
      return { kind: 'dist', sampler: compileDistribution(p.dist) };
    case 'formula': {
      const f = compileScalar(p.formula.expr, ['requirement']);
      const args = new Float64Array(1);
      return {
        kind: 'formula',
        fn: (requirement) => {
          args[0] = requirement;
          return f(args);
        },
      };
    }
  }
}

const pointValue = (p: ParamPlan): number => (p.kind === 'point' ? p.value : NaN);

/**
 * An anchor's requirement kernel and variable samplers depend on the anchor alone, so plans of
 * scenarios that share an anchor object (a sweep's variants, which change growth values only)
 * share them: one compiled kernel for the JIT to optimise instead of one per variant, and memory
 * that does not grow with the number of variants.
 */
const compiledAnchors = new WeakMap<Anchor, { kernel: ColumnKernel; samplers: Sampler[] }>();

function compiledAnchor(anchor: Anchor): { kernel: ColumnKernel; samplers: Sampler[] } {
  let compiled = compiledAnchors.get(anchor);
  if (compiled === undefined) {
    compiled = { kernel: compileRequirement(anchor), samplers: anchor.variables.map((v) => compileDistribution(v.dist)) };
    compiledAnchors.set(anchor, compiled);
  }
  return compiled;
}

/** Compiles a scenario for simulation: samplers, formula kernels, and fixed trajectories. */
export function planScenario(scenario: Scenario): Plan {
  const years: number[] = [];
  for (let y = scenario.startYear; y <= scenario.horizonYear; y++) years.push(y);
  const pp = scenario.pricePerformance;
  const sp = scenario.spending;
  const curve = Object.fromEntries(GROWTH_PARAMETERS.map((g) => [g.key, planParam(g.get(scenario))])) as Record<CurveKey, ParamPlan>;
  const base: CurveValues = {
    log10FlopPerUsd: pointValue(curve.log10FlopPerUsd),
    flopPerUsdYear: pp.year,
    flopPerUsdDoublingYears: pointValue(curve.flopPerUsdDoublingYears),
    maxLog10FlopPerUsd: pointValue(curve.maxLog10FlopPerUsd),
    flopPerUsdSoft: pp.cap === 'soft',
    log10UsdPerRun: pointValue(curve.log10UsdPerRun),
    spendYear: sp.year,
    spendDoublingYears: pointValue(curve.spendDoublingYears),
    log10GdpUsd: pointValue(curve.log10GdpUsd),
    gdpYear: sp.gdpYear,
    gdpGrowthPerYear: pointValue(curve.gdpGrowthPerYear),
    maxGdpFraction: pointValue(curve.maxGdpFraction),
    spendSoft: sp.cap === 'soft',
    log10CeilingFlop: pointValue(curve.log10CeilingFlop),
    ceilingYear: scenario.computeCeiling?.year ?? 0,
    ceilingDoublingYears: pointValue(curve.ceilingDoublingYears),
    ceilingSoft: scenario.computeCeiling?.cap === 'soft',
  };
  const uncertainCurveKeys = CURVE_KEYS.filter((k) => curve[k].kind !== 'point');
  const affordable = uncertainCurveKeys.length === 0 ? Float64Array.from(years, (y) => log10AffordableFlop(base, y)) : null;

  const anchors = scenario.anchors.map((wa): AnchorPlan => {
    const names = wa.anchor.variables.map((v) => v.name);
    const algo = wa.algorithmicProgress;
    const halvingYears = planParam(algo.halvingYears);
    const maxOom = planParam(algo.maxOom);
    let thresholds: Float64Array | null = null;
    if (affordable && halvingYears.kind === 'point' && maxOom.kind === 'point') {
      thresholds = new Float64Array(years.length);
      let runningMax = -Infinity;
      years.forEach((y, j) => {
        const gap = affordable[j] + algorithmicOom(algo.startYear, halvingYears.value, maxOom.value, algo.cap === 'soft', y);
        runningMax = Math.max(runningMax, gap);
        thresholds![j] = runningMax;
      });
    }
    return {
      id: wa.anchor.id,
      label: wa.anchor.label,
      weight: wa.weight,
      variableNames: names,
      ...compiledAnchor(wa.anchor),
      algoStartYear: algo.startYear,
      algoSoft: algo.cap === 'soft',
      halvingYears,
      maxOom,
      thresholds,
      lookup: thresholds ? buildLookup(thresholds) : null,
    };
  });
  const { bounds: anchorBounds, byTopByte: anchorByTopByte } = anchorTables(anchors.map((a) => a.weight));
  return { scenario, years, anchors, anchorBounds, anchorByTopByte, curve, base, uncertainCurveKeys, affordable };
}

/**
 * Tables for choosing a world's anchor from one 32-bit draw: the cumulative weights scaled to 2^32
 * (a weight's resolution is then 2^-32; weights adding up to 1 leave nothing to "no anchor"), and
 * for each top byte of the draw the anchor it settles, or -1 when that byte straddles two.
 */
export function anchorTables(weights: readonly number[]): { bounds: Float64Array; byTopByte: Int32Array } {
  let acc = 0;
  const bounds = Float64Array.from(weights, (w) => {
    acc += w;
    return acc >= 1 - 1e-12 ? 2 ** 32 : Math.round(acc * 2 ** 32);
  });
  const anchorOfDraw = (u: number) => {
    let i = 0;
    while (i < bounds.length && u >= bounds[i]) i++;
    return i;
  };
  const byTopByte = Int32Array.from({ length: 256 }, (_, b) => {
    const first = anchorOfDraw(b * 2 ** 24);
    return first === anchorOfDraw((b + 1) * 2 ** 24 - 1) ? first : -1;
  });
  return { bounds, byTopByte };
}

const plans = new WeakMap<Scenario, Plan>();

/**
 * The plan of a scenario, compiled once per scenario object in each thread (a scenario is not
 * changed once loaded), so the main thread and a job built from the same scenario share one plan
 * and its workspaces.
 */
export function planFor(scenario: Scenario): Plan {
  let plan = plans.get(scenario);
  if (plan === undefined) {
    plan = planScenario(scenario);
    plans.set(scenario, plan);
  }
  return plan;
}
