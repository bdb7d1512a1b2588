/** Sweeps: the designs, the variants as --set makes them, and their worlds on common random numbers. */
import { describe, expect, it } from 'vitest';
import { designSize, gridValues, latinHypercube, makeDesign, MAX_SWEEP_VARIANTS, sweepChunks, sweepPlans, variantScenario } from '../../src/analyses/sweep.js';
import { forecast, loadInput, sweep } from '../../src/api.js';
import { chunkCount } from '../../src/engine/loop.js';
import { loadScenario } from '../../src/io/load.js';
import { FAMILY_Z } from '../stats.js';

describe('designs', () => {
  it('grids from LO to HI in steps, HI included when a whole number of steps reaches it, values as typed', () => {
    expect(gridValues(1.5, 3.5, 0.25)).toEqual([1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5]);
    expect(gridValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(gridValues(2, 2, 1)).toEqual([2]);
    expect(gridValues(1, 2, 0.4)).toEqual([1, 1.4, 1.8]);
  });

  it('makes every combination, the first axis slowest, as many as designSize says', () => {
    const spec = {
      axes: [
        { path: 'a', lo: 1, hi: 2, step: 1 },
        { path: 'b', values: [5, 6, 7] },
      ],
    };
    const design = makeDesign(spec, 1);
    expect(design).toEqual({
      kind: 'grid',
      paths: ['a', 'b'],
      values: [
        [1, 5],
        [1, 6],
        [1, 7],
        [2, 5],
        [2, 6],
        [2, 7],
      ],
    });
    expect(designSize(spec)).toBe(6);
    // A huge grid is sized without being made.
    expect(
      designSize({
        axes: [
          { path: 'a', lo: 0, hi: 1e6, step: 1 },
          { path: 'b', lo: 0, hi: 1e6, step: 1 },
        ],
      }),
    ).toBeGreaterThan(MAX_SWEEP_VARIANTS);
  });

  it('draws a Latin hypercube: one point in each of N equal slices of every range, the same for the same seed', () => {
    const spec = {
      points: 50,
      ranges: [
        { path: 'a', lo: 1, hi: 3 },
        { path: 'b', lo: -5, hi: 5 },
      ],
    };
    const points = latinHypercube(spec, 7);
    expect(points).toHaveLength(50);
    spec.ranges.forEach(({ lo, hi }, j) => {
      const slices = points.map((p) => Math.floor(((p[j] - lo) / (hi - lo)) * 50)).sort((x, y) => x - y);
      expect(slices).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });
    expect(latinHypercube(spec, 7)).toEqual(points);
    expect(latinHypercube(spec, 8)).not.toEqual(points);
    // The paths are paired at random, not in order.
    expect(points.map((p) => p[0]).sort((x, y) => x - y)).not.toEqual(points.map((p) => p[0]));
  });
});

describe('variants', () => {
  it('are the scenario --set would load, for every kind of path', () => {
    const base = loadScenario('cotra-2020').scenario;
    const paths = [
      'spending.doublingYears',
      'algorithmicProgress.halvingYears',
      'anchors.genome.algorithmicProgress.maxOom',
      'pricePerformance.maxLog10FlopPerUsd',
    ];
    const values = [2, 3, 4, 25];
    const loaded = loadScenario('cotra-2020', { sets: paths.map((p, j) => `${p}=${values[j]}`) }).scenario;
    expect(variantScenario(base, paths, values)).toEqual(loaded);
  });

  it("share the baseline's compiled anchors (one kernel and sampler per anchor, whatever the number of variants)", () => {
    const scenario = loadScenario('cotra-2020').scenario;
    const plans = sweepPlans({ scenario, paths: ['spending.doublingYears'], values: [[2], [3]] });
    plans.slice(1).forEach((plan) =>
      plan.anchors.forEach((a, i) => {
        expect(a.kernel).toBe(plans[0].anchors[i].kernel);
        expect(a.samplers).toBe(plans[0].anchors[i].samplers);
      }),
    );
    // The variants' own arrival tables differ.
    expect(plans[1].anchors[0].thresholds).not.toEqual(plans[2].anchors[0].thresholds);
  });

  it("at the scenario's own value have exactly the baseline's counts (common random numbers), elsewhere not", () => {
    const scenario = loadScenario('cotra-2020-uncertain-growth').scenario;
    const job = { scenario, paths: ['spending.log10UsdPerRun'], values: [[9], [9.5]] };
    expect(scenario.spending.log10UsdPerRun).toEqual({ kind: 'point', value: 9 });
    const state = sweepChunks(job, 3, 50_000, 0, chunkCount(50_000));
    expect(state.counts[1]).toEqual(state.counts[0]);
    expect(state.counts[2].perAnchor).not.toEqual(state.counts[0].perAnchor);
  });
});

describe('sweep (API)', () => {
  it('gives a variant the figures of a plain run --set of the same value, within Monte Carlo error', async () => {
    const samples = 200_000;
    const input = loadInput('cotra-2020');
    const { result } = await sweep(input, { axes: [{ path: 'spending.doublingYears', values: [1.75, 3.25] }] }, { samples, seed: 4, by: [2035, 2050] });
    for (const [v, value] of [
      [0, 1.75],
      [1, 3.25],
    ] as const) {
      const plain = (await forecast(loadInput('cotra-2020', { set: [`spending.doublingYears=${value}`] }), { samples, seed: 9 })).forecast;
      const figures = result.variants[v].figures;
      const expected: Record<string, { value: number | null; se: number | null }> = {
        p_by_2035: { value: plain.cdf[2035 - plain.startYear], se: plain.se[2035 - plain.startYear] },
        p_by_2050: { value: plain.cdf[2050 - plain.startYear], se: plain.se[2050 - plain.startYear] },
        p_not_by_horizon: plain.notByHorizon,
        p_never: plain.never,
        ...Object.fromEntries(
          [0.1, 0.5].map((l) => {
            const c = plain.crossings.find((x) => x.level === l)!;
            return [`date_${l * 100}`, { value: c.year, se: c.se }];
          }),
        ),
      };
      for (const [name, want] of Object.entries(expected)) {
        const got = figures.find((f) => f.name === name)!;
        const [a, b] = [got.value as number, 'p' in want ? (want as { p: number }).p : (want.value as number)];
        const se = Math.hypot(got.se as number, ('se' in want ? want.se : 0) as number);
        expect(Math.abs(a - b), `${name} at ${value}: ${a} vs ${b} ± ${se}`).toBeLessThan(FAMILY_Z * se);
      }
    }
    expect(result.variants[0].values).toEqual([1.75]);
    expect(result.samples).toBe(samples);
  });

  it('moves every world the same way on common random numbers: a slower FLOP-per-dollar doubling never brings TAI earlier', async () => {
    // FLOP per dollar doubles from 2020, before the first year: a longer doubling time lowers it in
    // every year of every world, so each world arrives no earlier, and P(by any year) cannot rise
    // from one variant to the next. Independent runs of 20,000 worlds (se ≈ 0.3 pp) against steps
    // of about 0.5 pp would break that order by chance.
    const { result } = await sweep(
      loadInput('cotra-2020'),
      { axes: [{ path: 'pricePerformance.doublingYears', lo: 2, hi: 3, step: 0.1 }] },
      { samples: 20_000, seed: 5, by: [2040, 2060] },
    );
    for (const f of [0, 1]) {
      const p = result.variants.map((v) => v.figures[f].value as number);
      for (let i = 1; i < p.length; i++) expect(p[i], `${result.figureNames[f]} at variant ${i + 1}`).toBeLessThanOrEqual(p[i - 1]);
      expect(p[p.length - 1]).toBeLessThan(p[0]);
    }
  });

  it("reports the baseline's own values, and the figures of the scenario as given", async () => {
    const input = loadInput('cotra-2020');
    const { result, design } = await sweep(
      input,
      {
        random: {
          points: 4,
          ranges: [
            { path: 'spending.doublingYears', lo: 2, hi: 3 },
            { path: 'algorithmicProgress.halvingYears', lo: 2, hi: 3 },
          ],
        },
      },
      { samples: 20_000, seed: 2 },
    );
    expect(design.kind).toBe('random');
    expect(result.variants).toHaveLength(4);
    // halvingYears differs by anchor in cotra-2020: no one value.
    expect(result.baseline.values).toEqual([2.5, null]);
    expect(result.figureNames).toEqual(['p_by_2030', 'p_by_2040', 'p_by_2050', 'date_10', 'date_50', 'date_90', 'p_not_by_horizon', 'p_never']);
    const plain = (await forecast(input, { samples: 20_000, seed: 2 })).forecast;
    // The baseline is the scenario itself, on the paired draws: its figures are a forecast's, within error.
    const p2050 = result.baseline.figures[2];
    expect(Math.abs((p2050.value as number) - plain.cdf[2050 - plain.startYear])).toBeLessThan(
      FAMILY_Z * Math.hypot(p2050.se as number, plain.se[2050 - plain.startYear]),
    );
  });
});
