/**
 * Observations since 2020 (data/observations.json) and the hindcast against them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { log10AffordableFlop } from '../src/engine/curves.js';
import { hindcast } from '../src/analyses/hindcast.js';
import { planScenario } from '../src/engine/plan.js';
import { loadObservations } from '../src/io/observations.js';
import { bundledObservations } from '../src/io/paths.js';
import { frontierFigures, observationsFileSchema, trendOomPerYear, type ObservationsFile } from '../src/model/observations.js';
import { parameterAt } from '../src/model/paths.js';
import type { Param } from '../src/model/scenario.js';
import { loadScenario } from '../src/io/load.js';
import { cli, fixture, tempDir } from './helpers.js';

const BUNDLED = loadObservations(bundledObservations()).file;
const FIELDS = ['trainingFlop', 'flopPerUsd', 'costUsd'] as const;
const figuresOf = (file: ObservationsFile) => file.rows.flatMap((row) => FIELDS.flatMap((field) => (row[field] ? [{ row, field, f: row[field]! }] : [])));

describe('the bundled observations', () => {
  it('validate, and every year 2020-2025 has a frontier figure for each quantity', () => {
    const frontier = frontierFigures(BUNDLED);
    for (let year = 2020; year <= 2025; year++) {
      for (const field of FIELDS)
        expect(
          frontier.filter((x) => x.year === year && x.field === field),
          `${year} ${field}`,
        ).toHaveLength(1);
    }
    expect(Math.min(...BUNDLED.rows.map((r) => r.year))).toBe(2020);
  });

  it('every figure names its kind, its uncertainty, and a source that exists with a snapshot (a commit, or a url and date)', () => {
    const withSnapshot = (id: string | undefined) => {
      const s = id === undefined ? undefined : BUNDLED.sources[id];
      expect(s, `source ${id}`).toBeDefined();
      expect(s!.date).toMatch(/^\d{4}-\d{2}/);
      if (s!.repository) {
        expect(s!.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(s!.path?.length).toBeGreaterThan(0);
      } else expect(s!.url).toMatch(/^https:\/\//);
    };
    for (const { row, field, f } of figuresOf(BUNDLED)) {
      const what = `${row.year} ${row.model} ${field}`;
      expect(['reported', 'estimate', 'derived', 'bound'], what).toContain(f.kind);
      expect(f.uncertainty.length, `${what}: uncertainty`).toBeGreaterThan(10);
      if (f.kind === 'derived') expect(f.derivedFrom, what).toBeDefined();
      else withSnapshot(f.source);
      if (f.interval?.source) withSnapshot(f.interval.source);
      for (const r of [...(f.revisions ?? []), ...(f.crossChecks ?? [])]) withSnapshot(r.source);
    }
    for (const t of BUNDLED.trends ?? []) {
      withSnapshot(t.source);
      for (const o of t.otherVersions ?? []) withSnapshot(o.source);
    }
  });

  it("recomputes every derived figure from its row's inputs", () => {
    const derived = figuresOf(BUNDLED).filter(({ f }) => f.kind === 'derived');
    expect(derived.length).toBeGreaterThanOrEqual(6);
    for (const { row, f } of derived) {
      const { numerator, denominator } = f.derivedFrom!;
      const expected = row[numerator]!.value / row[denominator]!.value;
      expect(Math.abs(f.value / expected - 1), `${row.year} ${row.model}`).toBeLessThan(5e-4);
    }
  });

  // The mistake this guards against: costs from model_costs_updated.csv (commit cbdf42e, the
  // undepreciated purchase price amortized, 1.13-1.85x too high) cited as Cottier et al.'s method,
  // whose output is model_costs.csv at commit e13599f.
  const COST_FILES: Record<string, string> = {
    'model_costs.csv@e13599f': 'cottier-2024-amortized',
    'model_costs_updated.csv@cbdf42e': 'undepreciated-purchase-price',
  };
  it("every cost names Epoch's cost file and commit, and the method that file was made with: Cottier et al.'s", () => {
    for (const { row, field, f } of figuresOf(BUNDLED)) {
      if (field !== 'costUsd') continue;
      const s = BUNDLED.sources[f.source!];
      const file = `${s.path}@${s.commit!.slice(0, 7)}`;
      expect(Object.keys(COST_FILES), `${row.year} ${row.model}: ${file}`).toContain(file);
      expect(s.method?.split(':')[0], `${row.year} ${row.model}`).toBe(COST_FILES[file]);
      expect(COST_FILES[file]).toBe('cottier-2024-amortized');
      expect(f.column).toBe('Hardware_Capex_Energy_Cost');
    }
  });

  // model_costs.csv at e13599f, column Hardware_Capex_Energy_Cost, December-2024 dollars, as read
  // for shared/reference/observations-since-2020.md.
  const PAPER_METHOD_USD: Record<string, number> = {
    'GPT-3 175B (davinci)': 2_198_105,
    'Megatron-Turing NLG 530B': 3_714_250,
    'Gopher (280B)': 573_498,
    'PaLM (540B)': 2_864_192,
    'GPT-3.5': 4_637_986,
    'GPT-4': 40_695_706,
    'Gemini 1.0 Ultra': 28_309_604,
    'Llama 3.1-405B': 51_040_524,
    'GPT-4.5': 185_317_313,
    'Llama 4 Behemoth (preview)': 43_762_845,
    'Grok-3': 300_872_432,
  };
  it("costs match the reference note's paper-method figures to the dollar, and Epoch's database costs of the same snapshot within 10%", () => {
    const costs = new Map(
      figuresOf(BUNDLED)
        .filter(({ field }) => field === 'costUsd')
        .map(({ f }) => [f.entry!, f]),
    );
    for (const [entry, usd] of Object.entries(PAPER_METHOD_USD)) expect(costs.get(entry)?.value, entry).toBeCloseTo(usd, -1);
    let checked = 0;
    for (const f of costs.values()) {
      for (const c of f.crossChecks ?? []) {
        if (c.source !== 'epoch-db-2025-06') continue;
        checked++;
        expect(Math.abs(f.value / c.value - 1), f.entry).toBeLessThan(0.1);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  // Epoch's notable-models database as read for the reference note (June-2025 snapshot unless noted).
  it("compute figures are Epoch's, with the snapshot's bounds and the later revisions", () => {
    const flop = new Map(
      figuresOf(BUNDLED)
        .filter(({ field }) => field === 'trainingFlop')
        .map(({ f }) => [f.entry!, f]),
    );
    const expected: [string, number, string][] = [
      ['GPT-3 175B (davinci)', 3.14e23, 'epoch-db-2025-06'],
      ['Megatron-Turing NLG 530B', 8.586e23, 'epoch-db-2025-06'],
      ['ERNIE 3.0 Titan', 1.0421e24, 'epoch-db-2025-06'],
      ['Gopher (280B)', 6.31e23, 'epoch-db-2025-06'],
      ['PaLM (540B)', 2.5272e24, 'epoch-db-2025-06'],
      ['GPT-3.5', 2.578e24, 'epoch-db-2025-06'],
      ['GPT-4', 2.1e25, 'epoch-db-2025-06'],
      ['Gemini 1.0 Ultra', 5e25, 'epoch-db-2025-06'],
      ['Llama 3.1-405B', 3.8e25, 'epoch-db-2025-06'],
      ['GPT-4o', 3.81e25, 'epoch-db-2025-06'],
      ['Grok-3', 4.64e26, 'epoch-db-2025-06'],
      ['GPT-4.5', 2.1e26, 'epoch-db-2025-06'],
      ['Llama 4 Behemoth (preview)', 5.184e25, 'epoch-db-2025-06'],
      ['Grok 4', 5e26, 'epoch-db-2026-01'],
      ['GPT-5', 6.6e25, 'epoch-db-2026-01'],
    ];
    for (const [entry, value, source] of expected) {
      expect(flop.get(entry)?.value, entry).toBe(value);
      expect(flop.get(entry)?.source, entry).toBe(source);
    }
    expect(flop.get('Grok-3')!.interval).toMatchObject({ low: 2.1e26, high: 1.13e27 });
    expect(flop.get('Grok-3')!.revisions).toEqual([expect.objectContaining({ value: 3.5e26, source: 'epoch-db-2026-01' })]);
    expect(flop.get('GPT-4.5')!.revisions).toEqual([expect.objectContaining({ value: 3.8e26, source: 'epoch-db-2026-01' })]);
    expect(flop.get('Megatron-Turing NLG 530B')!.revisions).toContainEqual(expect.objectContaining({ value: 1.17e24, source: 'epoch-db-2024-02' }));
    // A figure no source states is not a figure: the 2025 row once held a bound ("≥ 1e26") that only a paraphrase gave.
    expect(frontierFigures(BUNDLED).filter(({ figure }) => figure.kind === 'bound')).toEqual([]);
  });

  it('the trends hold the estimates with their intervals, each tied to a scenario parameter or to none', () => {
    const scenario = loadScenario('cotra-2020').scenario;
    const byId = new Map((BUNDLED.trends ?? []).map((t) => [t.id, t]));
    expect(byId.get('algorithmic-progress-language-models')).toMatchObject({
      unit: 'halvingMonths',
      value: 8,
      interval: { low: 5, high: 14, level: 0.95 },
      source: 'ho-2024',
    });
    expect(byId.get('gpu-price-performance-ml')).toMatchObject({ unit: 'doublingYears', value: 2.07, interval: { low: 1.54, high: 3.13, level: 0.95 } });
    expect(byId.get('largest-run-cost')).toMatchObject({ unit: 'factorPerYear', value: 2.4, interval: { low: 2.0, high: 3.1, level: 0.95 } });
    expect(byId.get('frontier-training-compute')).toMatchObject({ unit: 'factorPerYear', kind: 'range', interval: { low: 4, high: 5 } });
    for (const t of byId.values()) {
      if (t.parameter !== null) expect(parameterAt(scenario, t.parameter), t.id).toBeDefined();
      expect(t.relation.length, t.id).toBeGreaterThan(40);
    }
  });
});

describe('the observations format', () => {
  const base = (): Record<string, unknown> => JSON.parse(readFileSync(fixture('observations', 'one-year.json'), 'utf8'));
  const problems = (doc: unknown) => {
    const r = observationsFileSchema.safeParse(doc);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const row = (extra: Record<string, unknown>) => ({
    year: 2024,
    model: 'x',
    trainingFlop: { value: 1e26, kind: 'estimate', source: 'fixture', uncertainty: 'none given' },
    ...extra,
  });

  it('refuses a derived figure its inputs do not give, one without inputs, and a source id that is not in sources', () => {
    const cost = { value: 1e8, kind: 'estimate', source: 'fixture', uncertainty: 'none given' };
    const wrong = {
      ...base(),
      rows: [
        row({
          costUsd: cost,
          flopPerUsd: { value: 2e18, kind: 'derived', derivedFrom: { numerator: 'trainingFlop', denominator: 'costUsd' }, uncertainty: 'inherits both' },
        }),
      ],
    };
    expect(problems(wrong)).toEqual(['rows.0.flopPerUsd.value: trainingFlop ÷ costUsd = 1.000e+18, not 2000000000000000000']);
    const noInputs = { ...base(), rows: [row({ costUsd: cost, flopPerUsd: { value: 1e18, kind: 'derived', uncertainty: 'inherits both' } })] };
    expect(problems(noInputs)).toEqual(['rows.0.flopPerUsd.derivedFrom: a derived figure names its inputs: derivedFrom {numerator, denominator}']);
    const unknown = { ...base(), rows: [row({ costUsd: { ...cost, source: 'nowhere' } })] };
    expect(problems(unknown)[0]).toMatch(/^rows\.0\.costUsd\.source: no source "nowhere" in sources/);
  });

  it('refuses two frontier figures of one quantity in a year, a frontier field the row lacks, and a source without its snapshot', () => {
    expect(problems({ ...base(), rows: [row({ frontier: ['trainingFlop'] }), row({ frontier: ['trainingFlop'] })] })).toEqual([
      'rows.1.frontier: 2024 already has a frontier trainingFlop (rows[0]); give one per year',
    ]);
    expect(problems({ ...base(), rows: [row({ frontier: ['costUsd'] })] })).toEqual(['rows.0.frontier: frontier names costUsd, which this row does not have']);
    const repoWithoutCommit = { ...base(), sources: { fixture: { title: 't', repository: 'github.com/a/b', path: 'x.csv', date: '2025-01-01' } } };
    expect(problems(repoWithoutCommit)).toEqual(['sources.fixture.commit: a source in a repository needs the path and commit read']);
  });

  it('a bound says which side; a frontier bound is a lower one', () => {
    const bound = (side?: string) => ({
      ...base(),
      rows: [
        row({
          frontier: ['trainingFlop'],
          trainingFlop: { value: 1e26, kind: 'bound', ...(side ? { bound: side } : {}), source: 'fixture', uncertainty: 'a bound' },
        }),
      ],
    });
    expect(problems(bound('lower'))).toEqual([]);
    expect(problems(bound())).toEqual(['rows.0.trainingFlop.bound: a bound says which side: "lower" or "upper"']);
    expect(problems(bound('upper'))).toEqual(['rows.0.frontier: trainingFlop is an upper bound: the hindcast and the weights take lower bounds only']);
  });

  it('converts a trend to orders of magnitude a year', () => {
    expect(trendOomPerYear('halvingMonths', 8)).toBeCloseTo((12 / 8) * Math.log10(2), 12);
    expect(trendOomPerYear('doublingYears', 2.5)).toBeCloseTo(Math.log10(2) / 2.5, 12);
    expect(trendOomPerYear('factorPerYear', 10)).toBeCloseTo(1, 12);
  });

  it('a figure without a source is refused with file:line:col, exit 3', async () => {
    const r = await cli(['hindcast', '--observations', fixture('observations', 'missing-source.json'), '--format', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/missing-source\.json:9:7: rows\[0\]\.trainingFlop\.source: a figure that is not derived names its source/);
  });
});

describe('hindcast', () => {
  it("with fixed growth, projects the scenario's own curves and finds how many years ahead an observation is", () => {
    const plan = planScenario(loadScenario('cotra-2020').scenario);
    const onCurveIn2027 = log10AffordableFlop(plan.base, 2027);
    const h = hindcast(plan, [{ year: 2024, label: 'x', figures: { largestRun: { log10: onCurveIn2027, atLeast: false } } }], { samples: 100, seed: 1 });
    const cell = h.rows[0].cells[0];
    expect(h.uncertain).toBe(false);
    expect(cell.projected[1]).toBeCloseTo(log10AffordableFlop(plan.base, 2024), 12);
    expect(cell.oomAbove).toBeCloseTo(onCurveIn2027 - log10AffordableFlop(plan.base, 2024), 12);
    expect(cell.yearsAhead).toBeCloseTo(3, 4);
  });

  it('with uncertain growth, gives a 10/50/90% band that holds the fixed-growth value inside it', () => {
    const plan = planScenario(loadScenario('cotra-2020-uncertain-growth').scenario);
    const h = hindcast(plan, [{ year: 2030, label: 'x', figures: { flopPerUsd: { log10: 18, atLeast: false } } }], { samples: 4000, seed: 1 });
    const [p10, p50, p90] = h.rows[0].cells[0].projected;
    expect(h.uncertain).toBe(true);
    expect(p10).toBeLessThan(p50);
    expect(p90).toBeGreaterThan(p50);
    expect(p50).toBeCloseTo(17 + (10 * Math.log10(2)) / 2.5, 0);
  });

  it('CSV: one row per observed figure, each with its source, then one per trend estimate; --observations reads another file', async () => {
    const r = await cli(['hindcast', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^year,run,quantity,observed_log10,observed_kind,projected_log10_p10,projected_log10_p50,projected_log10_p90,oom_observed_minus_projected,years_observed_ahead,before_start_year,scenario,seed,source,overrides,trend_id,/,
    );
    expect(lines.length - 1).toBe(frontierFigures(BUNDLED).length + (BUNDLED.trends?.length ?? 0));
    const one = await cli(['hindcast', 'rp-2020', '--observations', fixture('observations', 'one-year.json'), '--format', 'table']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/2024\*\s+Example run\s+largest run \(log10 FLOP\)\s+26\.00/);
  });

  it('refuses --horizon (it would change nothing), in hindcast and plot hindcast, while report --horizon still draws its hindcast', async () => {
    for (const args of [
      ['hindcast', '--horizon', '2050'],
      ['plot', 'hindcast', '--horizon', '2050', '-o', 'x.svg'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--horizon does not apply to hindcast/);
    }
    const dir = tempDir();
    const report = await cli(['report', '--horizon', '2080', '-n', '20000', '--no-sensitivity', '-q', '-o', join(dir, 'r.html')]);
    expect(report.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toMatch(/bioanchors plot hindcast cotra-2020 -o hindcast\.svg -n 20000 --seed 20200918 -n 2000/);
    expect(html).not.toMatch(/plot hindcast[^<]*--horizon/);
  });

  it('names a missing observations file and exits 3', async () => {
    const r = await cli(['hindcast', '--observations', 'no-such-file.json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no-such-file\.json: cannot read: ENOENT/);
  });
});

describe('package', () => {
  it('ships data/ (the observations and their schema)', () => {
    expect(JSON.parse(readFileSync(fixture('..', '..', 'package.json'), 'utf8')).files).toContain('data');
  });
});

/** The date of the newest snapshot the observations file reads (its sources' dates). */
const SNAPSHOT = Object.values(BUNDLED.sources)
  .map((s) => s.date)
  .sort()
  .at(-1)!;
/** A trend's rate as the scenario's doubling or halving time in years, and the lognormal that draws it. */
function trendAsYears(id: string) {
  const t = (BUNDLED.trends ?? []).find((x) => x.id === id)!;
  const years = (x: number) => Math.log10(2) / trendOomPerYear(t.unit, x);
  const [a, b] = [years(t.interval!.low!), years(t.interval!.high!)];
  // A two-sided interval at its level: ±z standard deviations of the log.
  const z = { 0.9: 1.644854, 0.95: 1.959964 }[t.interval!.level as 0.9 | 0.95];
  return { parameter: t.parameter, median: years(t.value!), sdLn: Math.abs(Math.log(b / a)) / (2 * z) };
}

describe('observed-trends-2026, the forecast today', () => {
  const main = loadScenario('observed-trends-2026').scenario;
  const variant = loadScenario('observed-trends-2026-report-progress').scenario;
  const report = loadScenario('cotra-2020').scenario;

  it("is dated by the observations' latest snapshot, in its label and its variant's", () => {
    // When data/observations.json is updated this fails on purpose: the forecast of the new data is a
    // new dated scenario (these tests then check that one), and this one stays as it is, runnable.
    expect(SNAPSHOT).toBe('2026-01-26');
    for (const s of [main, variant]) expect(s.label).toContain(`observations as of ${SNAPSHOT}`);
  });

  it("starts its curves at the observations: FLOP per dollar and cost of the latest year's frontier figures", () => {
    const latest = (field: 'flopPerUsd' | 'costUsd') =>
      frontierFigures(BUNDLED)
        .filter((x) => x.field === field)
        .sort((a, b) => b.year - a.year)[0];
    const price = latest('flopPerUsd');
    const cost = latest('costUsd');
    for (const s of [main, variant]) {
      expect(s.pricePerformance.year).toBe(price.year);
      expect(s.pricePerformance.log10FlopPerUsd).toEqual({ kind: 'point', value: expect.closeTo(Math.log10(price.figure.value), 3) });
      expect(s.spending.year).toBe(cost.year);
      expect(s.spending.log10UsdPerRun).toEqual({ kind: 'point', value: expect.closeTo(Math.log10(cost.figure.value), 3) });
    }
  });

  it("draws each growth rate from the observations' trend: the estimate as the median, the interval as the spread", () => {
    const drawn = (p: Param) => {
      expect(p.kind).toBe('dist');
      const d = (p as Extract<Param, { kind: 'dist' }>).dist as { dist: string; median: number; sdLn: number };
      expect(d.dist).toBe('lognormal');
      return d;
    };
    const check = (p: Param, id: string, parameter: string) => {
      const t = trendAsYears(id);
      expect(t.parameter).toBe(parameter);
      const d = drawn(p);
      expect(d.median).toBeCloseTo(t.median, 3);
      expect(d.sdLn).toBeCloseTo(t.sdLn, 3);
    };
    for (const s of [main, variant]) {
      check(s.pricePerformance.doublingYears, 'gpu-price-performance-ml', 'pricePerformance.doublingYears');
      check(s.spending.doublingYears, 'largest-run-cost', 'spending.doublingYears');
    }
    // Algorithmic progress: Ho et al.'s halving time for every anchor, each keeping the report's cap and start.
    for (const a of main.anchors) {
      check(a.algorithmicProgress.halvingYears, 'algorithmic-progress-language-models', 'algorithmicProgress.halvingYears');
      const r = report.anchors.find((b) => b.anchor.id === a.anchor.id)!;
      expect(a.algorithmicProgress.maxOom).toEqual(r.algorithmicProgress.maxOom);
      expect(a.algorithmicProgress.startYear).toBe(r.algorithmicProgress.startYear);
    }
    // The variant keeps the report's algorithmic progress as it was.
    expect(variant.anchors.map((a) => a.algorithmicProgress)).toEqual(report.anchors.map((a) => a.algorithmicProgress));
  });
});
