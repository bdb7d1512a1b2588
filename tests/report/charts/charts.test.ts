/**
 * The charts as SVG: the right series, titles and axes with units, a caption with the seed and
 * worlds, finite coordinates, and the same bytes for the same input. The numbers themselves are
 * the engine's (tested there); these tests pin structure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/io/load.js';
import { planScenario } from '../../../src/engine/plan.js';
import { simulatePaired, summarizeComparison, type Comparison } from '../../../src/analyses/compare.js';
import { sensitivity, type SensitivityResult } from '../../../src/analyses/sensitivity.js';
import { simulate } from '../../../src/engine/simulate.js';
import { summarize, type Forecast } from '../../../src/engine/summary.js';
import { trajectories } from '../../../src/analyses/trajectories.js';
import { cdfSpec, conditionReference, renderCdfChart } from '../../../src/report/charts/cdf.js';
import { renderCompareChart } from '../../../src/report/charts/compare.js';
import { renderRequirementsChart } from '../../../src/report/charts/requirements.js';
import { prefixIds } from '../../../src/report/charts/theme.js';
import { renderTornadoChart } from '../../../src/report/charts/tornado.js';
import { hasBadNumbers, markPaths, textsOf, texts } from './svg.js';

const SEED = 7;
const N = 8000;
const info = { seed: SEED, samples: N, version: '9.9.9' };
const forecastOf = (ref: string): Forecast => {
  const plan = planScenario(loadScenario(ref).scenario);
  return summarize(plan, simulate(plan, { samples: N, seed: SEED }), SEED);
};

describe('cdf chart', () => {
  let f: Forecast;
  let svg: string;
  const reference = { label: 'Cotra (2020) spreadsheet', points: [2030, 2040, 2050].map((year, i) => ({ year, p: 0.1 + 0.2 * i })) };
  beforeAll(async () => {
    f = forecastOf('cotra-2020');
    svg = await renderCdfChart({ forecast: f, info, reference });
  });

  it('has a title naming the scenario, axes with units and a caption with seed and worlds', () => {
    expect(textsOf(svg, 'title-text')).toEqual(['P(TAI by the end of year): Cotra (2020) best guess [cotra-2020]']);
    expect(textsOf(svg, 'axis-title')).toEqual(['date (year Y ends at Y + 1)', 'P(TAI affordable by the end of year)']);
    expect(texts(svg)).toContain('seed 7 · 8,000 simulated worlds · bioanchors 9.9.9');
    expect(hasBadNumbers(svg)).toBe(false);
  });

  it('stacks one area per anchor, draws the band, the curve and the reference, and the after/never bar', () => {
    expect(markPaths(svg, 'concat_0_layer_0_marks')).toBe(f.anchors.length);
    expect(markPaths(svg, 'concat_0_layer_2_marks')).toBe(1);
    expect(markPaths(svg, 'concat_0_layer_3_marks')).toBe(2);
    expect(markPaths(svg, 'concat_0_layer_4_marks')).toBe(2);
    const legend = textsOf(svg, 'legend-label');
    for (const a of f.anchors) expect(legend).toContain(`${a.label} (${Math.round(a.weight * 100)}%)`);
    expect(legend).toContain('Cotra (2020) spreadsheet');
    expect(legend).toContain('95% Monte Carlo band');
    expect(legend.some((l) => /^after 2100: \d+\.\d%$/.test(l))).toBe(true);
    expect(legend.some((l) => /^never \(no anchor\): \d+\.\d%$/.test(l))).toBe(true);
  });

  it('names the thicker layers inside themselves, for reading without colour', () => {
    const inside = textsOf(svg, 'mark concat_0_layer_1_marks');
    expect(inside).toContain('Neural network, medium horizon');
    expect(inside.every((t) => f.anchors.some((a) => a.label === t))).toBe(true);
  });

  it('stacks each anchor weighted by its share of worlds, so the layers add up to the curve', () => {
    const spec = cdfSpec({ forecast: f, info }) as unknown as { vconcat: { layer: { data: { values: { year: number; p: number }[] } }[] }[] };
    const stacked = spec.vconcat[0].layer[0].data.values;
    f.years.forEach((year, j) => {
      const sum = stacked.filter((r) => r.year === year + 1).reduce((acc, r) => acc + r.p, 0);
      expect(sum).toBeCloseTo(f.cdf[j], 12);
    });
  });

  it('has y ticks at quarters and x ticks at decades', () => {
    const labels = textsOf(svg, 'axis-label');
    expect(labels).toEqual(expect.arrayContaining(['0%', '25%', '50%', '75%', '100%', '2030', '2050', '2100']));
    expect(labels).not.toContain('2035');
  });

  it('without a reference, draws one curve', async () => {
    const plain = await renderCdfChart({ forecast: f, info });
    expect(markPaths(plain, 'concat_0_layer_3_marks')).toBe(1);
    expect(textsOf(plain, 'legend-label')).not.toContain('Cotra (2020) spreadsheet');
  });

  it('gives the same bytes for the same input', async () => {
    expect(await renderCdfChart({ forecast: f, info, reference })).toBe(svg);
  });
});

describe('conditioned reference', () => {
  it('conditions a published curve like the forecast, or drops it when the year is missing', () => {
    const ref = {
      label: 'R',
      points: [
        { year: 2030, p: 0.2 },
        { year: 2040, p: 0.6 },
      ],
    };
    const conditioned = conditionReference(ref, 2030)!;
    expect(conditioned.label).toBe('R, given no TAI by 2030');
    expect(conditioned.points.map((r) => r.year)).toEqual([2040]);
    expect(conditioned.points[0].p).toBeCloseTo(0.5, 12);
    expect(conditionReference(ref, 2035)).toBeUndefined();
  });
});

describe('requirements chart', () => {
  it('draws a panel per anchor, with a band and median, against affordable compute', async () => {
    const plan = planScenario(loadScenario('cotra-2020-uncertain-growth').scenario);
    const t = trajectories(plan, SEED, 3000);
    const svg = await renderRequirementsChart({ trajectories: t, scenario: { id: plan.scenario.id, label: plan.scenario.label }, anchors: plan.anchors, info });
    expect(hasBadNumbers(svg)).toBe(false);
    expect(textsOf(svg, 'title-text')).toContain('Requirement vs affordable compute: Cotra (2020) with uncertain growth [cotra-2020-uncertain-growth]');
    expect(texts(svg)).toContain('log10 FLOP (training run)');
    expect(texts(svg)).toContain('year');
    for (const a of plan.anchors) expect(texts(svg)).toContain(`${a.label} · ${Math.round(a.weight * 100)}%`);
    // Uncertain growth: affordable compute has a band too.
    expect(textsOf(svg, 'legend-label').sort()).toEqual([
      'affordable FLOP (largest run): median',
      'affordable FLOP: 10–90% of worlds',
      'requirement: 10–90% of worlds',
      'requirement: median',
    ]);
    // One legend for the bands (squares), one for the lines (strokes).
    expect(textsOf(svg, 'legend-label').slice(0, 2)).toEqual(['requirement: 10–90% of worlds', 'affordable FLOP: 10–90% of worlds']);
    expect(texts(svg).some((s) => s.startsWith('seed 7 · 8,000 simulated worlds · bioanchors 9.9.9 · requirement bands from the first'))).toBe(true);
  });

  it('has no affordable band when growth is certain', async () => {
    const plan = planScenario(loadScenario('cotra-2020').scenario);
    const svg = await renderRequirementsChart({ trajectories: trajectories(plan, SEED, 2000), scenario: plan.scenario, anchors: plan.anchors, info });
    expect(textsOf(svg, 'legend-label')).not.toContain('affordable FLOP: 10–90% of worlds');
  });
});

describe('compare chart', () => {
  let c: Comparison;
  let svg: string;
  beforeAll(async () => {
    const plans = ['cotra-2020', 'cotra-2020-aggressive', 'cotra-2020-conservative'].map((r) => planScenario(loadScenario(r).scenario));
    c = summarizeComparison(plans, simulatePaired(plans, SEED, N, 0, 1), SEED);
    svg = await renderCompareChart({ comparison: c, info });
  });
  it('draws one curve per scenario and one difference (with band) per other scenario', () => {
    expect(hasBadNumbers(svg)).toBe(false);
    expect(markPaths(svg, 'concat_0_concat_0_marks')).toBe(3);
    expect(markPaths(svg, 'concat_0_concat_1_layer_1_marks')).toBe(2);
    expect(markPaths(svg, 'concat_0_concat_1_layer_0_marks')).toBe(2);
    expect(textsOf(svg, 'legend-label')).toEqual(c.forecasts.map((f) => `${f.scenarioLabel} [${f.scenarioId}]`));
    expect(texts(svg)).toContain('minus cotra-2020 (pp)');
  });
});

describe('tornado chart', () => {
  let r: SensitivityResult;
  let svg: string;
  beforeAll(async () => {
    r = sensitivity(loadScenario('cotra-2020').scenario, { samples: 4000, seed: SEED, metric: { kind: 'p-by-year', year: 2050 } });
    svg = await renderTornadoChart({ result: r, info, maxRows: 8 });
  });
  it('shows the largest swings first, two bars each, with variance shares', () => {
    expect(hasBadNumbers(svg)).toBe(false);
    const shown = Math.min(8, r.rows.length);
    expect(markPaths(svg, 'concat_0_concat_0_layer_0_marks')).toBe(2 * shown);
    expect(markPaths(svg, 'concat_0_concat_1_layer_0_marks')).toBe(shown);
    const names = r.rows.map((row) => row.input.name);
    const labels = textsOf(svg, 'axis-label').filter((l) => names.includes(l));
    const swings = r.rows.map((row) => ({ name: row.input.name, size: Math.abs((row.atHigh ?? 0) - (row.atLow ?? 0)) })).sort((a, b) => b.size - a.size);
    expect(labels).toHaveLength(shown);
    expect(labels[0]).toBe(swings[0].name);
    expect(texts(svg)).toContain('variance share');
    expect(texts(svg).some((t) => /^P\(TAI by the end of 2050\) \(baseline \d+\.\d%\)$/.test(t))).toBe(true);
  });
});

describe('prefixIds', () => {
  it('renames ids and their references, so charts can share a page', () => {
    expect(prefixIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/>', 'a')).toBe(
      '<clipPath id="a-clip1"/><g clip-path="url(#a-clip1)"/><use href="#a-clip1"/>',
    );
  });
});

describe('hindcast chart', () => {
  it('draws the projection of each quantity beside the observations, with bands when growth is uncertain', async () => {
    const { hindcast } = await import('../../../src/analyses/hindcast.js');
    const { renderHindcastChart } = await import('../../../src/report/charts/hindcast.js');
    const { loadObservations } = await import('../../../src/io/observations.js');
    const { observedYears } = await import('../../../src/api.js');
    const observed = observedYears(loadObservations(undefined, process.cwd()).file).years;
    for (const [id, bands] of [
      ['cotra-2020-uncertain-growth', true],
      ['cotra-2020', false],
    ] as const) {
      const plan = planScenario(loadScenario(id).scenario);
      const h = hindcast(plan, observed, { samples: 500, seed: SEED });
      const svg = await renderHindcastChart({ hindcast: h, scenario: { id, label: plan.scenario.label }, observationsPath: 'observations.json', info });
      expect(hasBadNumbers(svg)).toBe(false);
      expect(textsOf(svg, 'title-text')[0]).toMatch(new RegExp(`^Hindcast: .*\\[${id}\\] against what was observed$`));
      for (const label of ['largest run (log10 FLOP)', 'FLOP per $ (log10)', 'spend on it (log10 $)']) expect(texts(svg)).toContain(label);
      // One observed point per figure in the file.
      const figures = observed.reduce((n, o) => n + Object.keys(o.figures).length, 0);
      expect(
        (svg.match(/<path[^>]*class="[^"]*mark-symbol[^"]*"/g) ?? []).length + (svg.match(/aria-roledescription="point"/g) ?? []).length,
      ).toBeGreaterThanOrEqual(figures);
      expect(svg.includes('role-mark area') || svg.includes('mark-area')).toBe(bands);
    }
  });
});
