/**
 * Every CSV a command writes is rectangular and keyed by name, for any mix of scenarios: generated
 * mixes of bundled scenarios and scenario files that reorder anchors, drop some, add a custom
 * anchor (with a variable named like a column), reuse a bundled id, or run other years. Each CSV
 * is parsed (RFC 4180), checked to have one header and rows of its length, and every cell is
 * checked against the same command's JSON, matched by column name, scenario and anchor id.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

/** RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field, record ${records.length + 1}`);
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The CSV as objects by column name, after checking it is rectangular with unique column names. */
function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(new Set(header).size, `duplicate column names in ${header.join(',')}`).toBe(header.length);
  rows.forEach((r, i) => expect(r.length, `row ${i + 2} has ${r.length} fields under a header of ${header.length}`).toBe(header.length));
  return rows.map((r) => Object.fromEntries(header.map((h, c) => [h, r[c]])));
}

/** A cell against the JSON value it shows: empty for null or absent, else the same number to the CSV's precision. */
function same(cell: string, value: unknown, what: string, digits = 8): void {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    expect(cell, what).toBe('');
    return;
  }
  if (typeof value === 'number') {
    expect(cell, what).not.toBe('');
    const x = Number(cell);
    const tolerance = digits === 4 ? 5.1e-5 : Math.abs(value) * 10 ** (1 - digits) + 1e-12;
    expect(Math.abs(x - value), `${what}: ${cell} against ${value}`).toBeLessThanOrEqual(tolerance);
    return;
  }
  expect(cell, what).toBe(String(value));
}

const column = (id: string) => id.replace(/-/g, '_');

/** Seeded, so a failing mix can be run again (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COTRA = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'cotra-2020.json'), 'utf8'));
const ANCHOR_IDS = Object.keys(COTRA.anchors);

/** A custom anchor whose variable names are also columns of samples (seed, arrival) and a growth parameter's name. */
const CUSTOM_ANCHOR = {
  id: 'custom-x',
  label: 'Custom, with a comma',
  description: 'test',
  sources: ['test'],
  variables: {
    seed: { unit: 'log10 FLOP', dist: 'normal', low: 27, high: 33, level: 0.9 },
    spendDoublingYears: { unit: 'OOM', dist: 'normal', median: 0, sd: 0.5 },
  },
  formula: 'seed + spendDoublingYears',
};

/**
 * A scenario file made from cotra-2020: some of its anchors in a shuffled order, maybe the custom
 * anchor, weights that leave some to "no anchor", and its own years; its id is sometimes the
 * bundled cotra-2020 (a copy beside the original).
 */
function generated(dir: string, rng: () => number, n: number, years?: { startYear: number; horizonYear: number }, withCustom?: boolean): string {
  const ids = ANCHOR_IDS.filter(() => rng() < 0.7);
  if (ids.length === 0) ids.push(ANCHOR_IDS[Math.floor(rng() * ANCHOR_IDS.length)]);
  const custom = withCustom ?? rng() < 0.5;
  if (custom) ids.push('custom-x');
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const raw = ids.map(() => 0.2 + rng());
  const total = raw.reduce((s, x) => s + x, 0) / (0.75 + 0.2 * rng());
  const anchors = Object.fromEntries(
    ids.map((id, i) => [
      id,
      { ...(COTRA.anchors[id] ?? { algorithmicProgress: { halvingYears: 2.5, maxOom: 2 } }), weight: Number((raw[i] / total).toFixed(4)) },
    ]),
  );
  const startYear = years?.startYear ?? 2022 + Math.floor(rng() * 8);
  const horizonYear = years?.horizonYear ?? 2070 + Math.floor(rng() * 60);
  const id = rng() < 0.3 ? 'cotra-2020' : `mix-${n}`;
  const file = join(dir, `mix-${n}.json`);
  const { $schema: _schema, ...rest } = COTRA;
  writeFileSync(file, JSON.stringify({ ...rest, id, label: `Mix ${n}, "generated"`, startYear, horizonYear, anchors }, null, 1));
  return file;
}

function setUp(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'anchors'));
  writeFileSync(join(dir, 'anchors', 'custom-x.json'), JSON.stringify(CUSTOM_ANCHOR));
  return dir;
}

const BUNDLED = ['cotra-2020', 'rp-2022', 'cotra-2020-no-genome-evolution', 'cotra-2020-uncertain-growth', 'observed-trends-2026'];

/** A mix of two to four scenarios, bundled and generated. */
function mix(dir: string, rng: () => number, n: number, years?: { startYear: number; horizonYear: number }): string[] {
  const count = 2 + Math.floor(rng() * 3);
  return Array.from({ length: count }, (_, i) =>
    rng() < 0.4 && !years ? BUNDLED[Math.floor(rng() * BUNDLED.length)] : generated(dir, rng, n * 10 + i, years),
  );
}

async function both(args: string[], cwd: string): Promise<{ csv: string; json: unknown }> {
  const csv = await cli([...args, '--format', 'csv', '-q'], { cwd });
  expect(csv.code, csv.stderr).toBe(0);
  const json = await cli([...args, '--format', 'json', '-q'], { cwd });
  expect(json.code, json.stderr).toBe(0);
  return { csv: csv.stdout, json: JSON.parse(json.stdout) };
}

interface ForecastJson {
  manifest: { seed: number; samples: number; sets: string[]; givenNoTaiBy?: number; givenObserved?: { file: string; observationErrorOom: number } };
  scenario: { id: string };
  horizonYear: number;
  years: number[];
  pTaiByYear: (number | null)[];
  se: (number | null)[];
  notByHorizon: { p: number | null };
  never: { p: number | null };
  anchors: { id: string; worlds: number; pTaiByYear: (number | null)[] }[];
  condition?: { givenNoTaiBy: number; keptWorlds: number };
  observed?: { effectiveWorlds: number };
}

/** The overrides cell as the manifest records them: --set path=value, --horizon as horizonYear=, and the observations. */
function overridesOf(m: ForecastJson['manifest']): string {
  const typed = m.sets.map((s) => (s.startsWith('horizonYear=') ? `--horizon ${s.slice('horizonYear='.length)}` : `--set ${s}`));
  const sets = [...typed.filter((t) => t.startsWith('--set')), ...typed.filter((t) => t.startsWith('--horizon'))];
  if (m.givenObserved) sets.push(`--given-observed ${m.givenObserved.file} --observation-error ${m.givenObserved.observationErrorOom}`);
  return sets.join(' ');
}

/** run (and merge) CSV against its JSON: every row of every scenario, every anchor column by id. */
function checkRunCsv(csv: string, json: unknown): void {
  const forecasts = (Array.isArray(json) ? json : [json]) as ForecastJson[];
  const rows = table(csv);
  const anchorColumns = Object.keys(rows[0]).filter((k) => k.startsWith('p_tai_by_end_of_year_given_'));
  // One column per anchor id of any scenario, and no other.
  expect(anchorColumns.sort()).toEqual([...new Set(forecasts.flatMap((f) => f.anchors.map((a) => `p_tai_by_end_of_year_given_${column(a.id)}`)))].sort());
  expect(rows.length).toBe(forecasts.reduce((s, f) => s + f.years.length + 2, 0));
  for (const row of rows) {
    const matches = forecasts.filter((f) => f.scenario.id === row.scenario);
    expect(matches.length, `scenario ${row.scenario}: one forecast of that id`).toBe(1);
    const [f] = matches;
    const what = (c: string) => `${row.scenario} ${row.year} ${c}`;
    same(row.seed, f.manifest.seed, what('seed'));
    same(row.samples, f.condition?.keptWorlds ?? f.observed?.effectiveWorlds ?? f.manifest.samples, what('samples'));
    same(row.overrides, overridesOf(f.manifest), what('overrides'));
    same(row.given_no_tai_by, f.manifest.givenNoTaiBy ?? '', what('given_no_tai_by'));
    const anchorOf = (c: string) => f.anchors.find((a) => `p_tai_by_end_of_year_given_${column(a.id)}` === c);
    const last = f.pTaiByYear[f.pTaiByYear.length - 1] as number;
    if (row.year === 'never') {
      same(row.p_arrival, f.never.p, what('p_arrival'));
      same(row.p_tai_by_end_of_year, 1, what('p'));
      for (const c of anchorColumns) same(row[c], null, what(c));
    } else if (row.year === `after-${f.horizonYear}`) {
      same(row.p_arrival, f.notByHorizon.p, what('p_arrival'));
      same(row.p_tai_by_end_of_year, last + (f.notByHorizon.p as number), what('p'), 7);
      for (const c of anchorColumns) {
        const a = anchorOf(c);
        same(row[c], a && a.worlds > 0 ? 1 : null, what(c));
      }
    } else {
      const j = f.years.indexOf(Number(row.year));
      expect(j, what('year')).toBeGreaterThanOrEqual(0);
      same(row.p_tai_by_end_of_year, f.pTaiByYear[j], what('p'));
      same(row.se_p_tai_by_end_of_year, f.se[j], what('se'));
      same(row.p_arrival, (f.pTaiByYear[j] as number) - (j > 0 ? (f.pTaiByYear[j - 1] as number) : 0), what('p_arrival'), 7);
      for (const c of anchorColumns) same(row[c], anchorOf(c)?.pTaiByYear[j] ?? null, what(c));
    }
  }
}

describe('run: one rectangular CSV for any mix of scenarios, every cell as in the JSON', () => {
  const rng = random(14);
  const dir = setUp();
  const mixes = Array.from({ length: 8 }, (_, n) => mix(dir, rng, n));
  it.each(mixes.map((m, n) => [n, m.map((s) => s.replace(dir, '.'))] as const))('mix %i: %j', async (n) => {
    checkRunCsv(...(Object.values(await both(['run', ...mixes[n], '-n', '2000', '--threads', '1'], dir)) as [string, unknown]));
  });

  it("the issue's example: cotra-2020 beside rp-2022 (15 and 16 fields before), and a copy with its anchors reversed", async () => {
    const copy = join(dir, 'reversed.json');
    const { $schema: _schema, ...rest } = COTRA;
    writeFileSync(copy, JSON.stringify({ ...rest, anchors: Object.fromEntries(Object.entries(COTRA.anchors).reverse()) }));
    const { csv, json } = await both(['run', 'cotra-2020', 'rp-2022', copy, '-n', '2000', '--threads', '1'], dir);
    checkRunCsv(csv, json);
    // The copy keeps the id cotra-2020: its rows are told apart as cotra-2020#2, as compare does.
    expect(
      table(csv)
        .filter((r) => r.year === '2050')
        .map((r) => r.scenario),
    ).toEqual(['cotra-2020', 'rp-2022', 'cotra-2020#2']);
  });

  it('--given-no-tai-by and --given-observed, with --set and --horizon', async () => {
    const scenarios = [
      generated(dir, rng, 900, { startYear: 2024, horizonYear: 2110 }),
      'cotra-2020',
      generated(dir, rng, 901, { startYear: 2025, horizonYear: 2090 }),
    ];
    checkRunCsv(
      ...(Object.values(
        await both(['run', ...scenarios, '-n', '4000', '--threads', '1', '--given-no-tai-by', '2030', '--set', 'spending.doublingYears=2'], dir),
      ) as [string, unknown]),
    );
    checkRunCsv(
      ...(Object.values(
        await both(['run', ...scenarios, '-n', '2000', '--threads', '1', '--given-observed', '--observation-error', '3', '--horizon', '2105'], dir),
      ) as [string, unknown]),
    );
  });

  it('merge of the parts of a run of a generated scenario', async () => {
    const scenario = generated(dir, rng, 902);
    for (const [chunks, out] of [
      ['0:1', 'a.json'],
      ['1:2', 'b.json'],
    ]) {
      const part = await cli(['run', scenario, '-n', '20000', '--chunks', chunks, '--format', 'json', '-o', out, '-q'], { cwd: dir });
      expect(part.code, part.stderr).toBe(0);
    }
    checkRunCsv(...(Object.values(await both(['merge', 'a.json', 'b.json'], dir)) as [string, unknown]));
  });
});

interface CompareJson {
  manifests: ForecastJson['manifest'][];
  scenarios: ForecastJson[];
  differences: { scenario: string; diff: (number | null)[]; se: (number | null)[]; unpairedSe: (number | null)[] }[];
}

function checkCompareCsv(csv: string, json: CompareJson): void {
  const rows = table(csv);
  const ids = json.scenarios.map((s) => s.scenario.id);
  const expected = [
    'year',
    ...ids.flatMap((id) => [`p_${column(id)}`, `se_${column(id)}`, `worlds_${column(id)}`]),
    ...json.differences.flatMap((d) => [`diff_${column(d.scenario)}`, `se_diff_${column(d.scenario)}`, `unpaired_se_diff_${column(d.scenario)}`]),
    'seed',
    'samples',
    'overrides',
    'given_no_tai_by',
  ];
  expect(Object.keys(rows[0])).toEqual(expected);
  const [first] = json.scenarios;
  expect(rows.length).toBe(first.years.length + 2);
  for (const row of rows) {
    const what = (c: string) => `${row.year} ${c}`;
    same(row.seed, json.manifests[0].seed, what('seed'));
    same(row.samples, json.manifests[0].samples, what('samples'));
    same(row.overrides, overridesOf(json.manifests[0]), what('overrides'));
    same(row.given_no_tai_by, json.manifests[0].givenNoTaiBy ?? '', what('given_no_tai_by'));
    const j = first.years.indexOf(Number(row.year));
    json.scenarios.forEach((f, i) => {
      const id = column(f.scenario.id);
      same(row[`worlds_${id}`], f.condition?.keptWorlds ?? f.observed?.effectiveWorlds ?? json.manifests[i].samples, what(`worlds_${id}`));
      const [p, se] =
        row.year === 'never'
          ? [f.never.p, (f.never as { se?: number }).se]
          : row.year.startsWith('after-')
            ? [f.notByHorizon.p, (f.notByHorizon as { se?: number }).se]
            : [f.pTaiByYear[j], f.se[j]];
      same(row[`p_${id}`], p, what(`p_${id}`));
      same(row[`se_${id}`], se, what(`se_${id}`));
    });
    for (const d of json.differences) {
      const id = column(d.scenario);
      const past = j < 0;
      same(row[`diff_${id}`], past ? null : d.diff[j], what(`diff_${id}`));
      same(row[`se_diff_${id}`], past ? null : d.se[j], what(`se_diff_${id}`));
      same(row[`unpaired_se_diff_${id}`], past ? null : d.unpairedSe[j], what(`unpaired_se_diff_${id}`));
    }
  }
}

describe('compare, sensitivity, trajectories, samples, hindcast: rectangular, every cell as in the JSON', () => {
  const rng = random(2020);
  const dir = setUp();
  const years = { startYear: 2025, horizonYear: 2095 };
  const align = ['--set', 'startYear=2025', '--horizon', '2095'];

  it.each([0, 1, 2])('compare, mix %i (plain, --given-no-tai-by, --given-observed)', async (n) => {
    const scenarios = [...mix(dir, rng, 100 + n, years), 'cotra-2020'];
    const extra = [[], ['--given-no-tai-by', '2030'], ['--given-observed', '--observation-error', '3']][n];
    const { csv, json } = await both(['compare', ...scenarios, '-n', '3000', '--threads', '1', ...align, ...extra], dir);
    checkCompareCsv(csv, json as CompareJson);
  });

  it('sensitivity of a generated scenario with a custom anchor', async () => {
    const scenario = generated(dir, random(3), 200, undefined, true);
    const { csv, json } = await both(['sensitivity', scenario, '-n', '2000', '--threads', '1', '--swing', 'spending.doublingYears=2,3'], dir);
    const j = json as {
      manifest: ForecastJson['manifest'];
      metric: { kind: string; year?: number };
      baseline: number | null;
      inputs: {
        name: string;
        kind: string;
        low: number;
        high: number;
        range: string;
        atLow: number | null;
        atHigh: number | null;
        swing: number | null;
        varianceShare: number | null;
      }[];
    };
    const rows = table(csv);
    expect(rows.map((r) => r.input)).toEqual(j.inputs.map((i) => i.name));
    for (const row of rows) {
      const input = j.inputs.find((i) => i.name === row.input)!;
      const what = (c: string) => `${row.input} ${c}`;
      same(row.kind, input.kind, what('kind'));
      same(row.range, input.range, what('range'));
      for (const [c, v] of [
        ['low', input.low],
        ['high', input.high],
        ['baseline', j.baseline],
        ['output_at_low', input.atLow],
        ['output_at_high', input.atHigh],
        ['swing', input.swing],
        ['variance_share', input.varianceShare],
      ] as const)
        same(row[c], v, what(c));
      same(row.metric, j.metric.kind === 'median' ? 'median_year' : `p_tai_by_${j.metric.year}`, what('metric'));
      same(row.seed, j.manifest.seed, what('seed'));
      same(row.samples, j.manifest.samples, what('samples'));
      same(row.overrides, overridesOf(j.manifest), what('overrides'));
    }
  });

  it.each([0, 1])('trajectories of generated scenario %i', async (n) => {
    const scenario = generated(dir, random(40 + n), 300 + n);
    const { csv, json } = await both(['trajectories', scenario, '-n', '2000', '--threads', '1', ...(n ? ['--set', 'spending.doublingYears=2'] : [])], dir);
    type Band = (number | null)[];
    const j = json as {
      manifest: ForecastJson['manifest'];
      years: number[];
      log10SpendUsd: Band[];
      log10FlopPerUsd: Band[];
      log10AffordableFlop: Band[];
      requirement: Band[];
      anchors: { id: string; algorithmicOom: (number | null)[]; requirement: Band[] }[];
      pTaiByYear: number[];
      se: number[];
    };
    const rows = table(csv);
    expect(rows.map((r) => Number(r.year))).toEqual(j.years);
    const bands: [string, (k: number) => Band][] = [
      ['log10_spend_usd', (k) => j.log10SpendUsd[k]],
      ['log10_flop_per_usd', (k) => j.log10FlopPerUsd[k]],
      ['log10_affordable_flop', (k) => j.log10AffordableFlop[k]],
      ['requirement_log10_flop', (k) => j.requirement[k]],
      ...j.anchors.map((a): [string, (k: number) => Band] => [`requirement_log10_flop_${column(a.id)}`, (k) => a.requirement[k]]),
    ];
    const expected = new Set([
      'year',
      'p_tai_by_end_of_year',
      'se_p_tai_by_end_of_year',
      'seed',
      'overrides',
      ...bands.flatMap(([name]) => ['p10', 'p50', 'p90'].map((q) => `${name}_${q}`)),
      ...j.anchors.map((a) => `algorithmic_oom_${column(a.id)}`),
    ]);
    expect(new Set(Object.keys(rows[0]))).toEqual(expected);
    rows.forEach((row, k) => {
      for (const [name, band] of bands) ['p10', 'p50', 'p90'].forEach((q, b) => same(row[`${name}_${q}`], band(k)[b], `${row.year} ${name}_${q}`, 4));
      for (const a of j.anchors) same(row[`algorithmic_oom_${column(a.id)}`], a.algorithmicOom[k], `${row.year} ${a.id}`, 4);
      same(row.p_tai_by_end_of_year, j.pTaiByYear[k], `${row.year} p`, 4);
      same(row.se_p_tai_by_end_of_year, j.se[k], `${row.year} se`, 4);
      same(row.seed, j.manifest.seed, 'seed');
      same(row.overrides, overridesOf(j.manifest), 'overrides');
    });
  });

  it.each([
    [
      'a generated scenario whose custom anchor has variables named seed and spendDoublingYears',
      ['--set', 'spending.doublingYears={"dist":"lognormal","low":2,"high":3,"level":0.9}'],
    ],
    [
      'cotra-2020-uncertain-growth with a --set that has commas and quotes',
      ['--set', 'variables.brainLog10FlopPerS={"dist":"normal","low":14,"high":16,"level":0.9}'],
    ],
  ])('samples of %s', async (what, set) => {
    const scenario = what.startsWith('a generated') ? generated(dir, random(7), 400, undefined, true) : 'cotra-2020-uncertain-growth';
    const { csv, json } = await both(['samples', scenario, '-n', '2000', '--threads', '1', ...set], dir);
    const rows = table(csv);
    const objects = json as Record<string, unknown>[];
    expect(rows.length).toBe(objects.length);
    expect(Object.keys(rows[0])).toEqual(Object.keys(objects[0]));
    rows.forEach((row, k) => {
      for (const [c, v] of Object.entries(objects[k])) same(row[c], v, `world ${row.world} ${c}`, 17);
    });
    if (what.startsWith('a generated')) expect(Object.keys(rows[0])).toContain('variable.seed');
  });

  it('hindcast of a generated scenario with uncertain growth', async () => {
    const scenario = generated(dir, random(9), 500);
    const { csv, json } = await both(
      ['hindcast', scenario, '-n', '300', '--set', 'spending.doublingYears={"dist":"lognormal","low":2,"high":3,"level":0.9}'],
      dir,
    );
    const j = json as {
      manifest: ForecastJson['manifest'];
      rows: {
        year: number;
        label: string;
        cells: { quantity: string; observed: { log10: number }; projected: number[]; oomAbove: number; yearsAhead: number | null }[];
      }[];
      sources: Record<string, Record<string, { kind: string; source: string }>>;
      trends: {
        id: string;
        unit: string;
        estimate: { value: number | null; low: number | null };
        parameter: string | null;
        source: string;
        asParameterYears: { value: number | null } | null;
        scenario: { value: { kind: string; value?: number; p50?: number } }[] | null;
      }[];
    };
    const cells = j.rows.flatMap((r) => r.cells.map((c) => ({ r, c })));
    const all = table(csv);
    // The yearly figures, then one row per trend estimate (quantity trend:<id>).
    const rows = all.filter((row) => !String(row.quantity).startsWith('trend:'));
    const trendRows = all.slice(rows.length);
    expect(rows.length).toBe(cells.length);
    expect(trendRows.map((row) => row.quantity)).toEqual(j.trends.map((t) => `trend:${t.id}`));
    trendRows.forEach((row, k) => {
      const t = j.trends[k];
      const what = (col: string) => `${t.id} ${col}`;
      same(row.trend_id, t.id, what('id'));
      same(row.trend_unit, t.unit, what('unit'));
      same(row.trend_value, t.estimate.value, what('value'), 4);
      same(row.trend_low, t.estimate.low, what('low'), 4);
      same(row.parameter, t.parameter ?? '', what('parameter'));
      same(row.trend_as_parameter_years, t.asParameterYears?.value ?? null, what('as parameter'), 4);
      same(row.source, t.source, what('source'));
      const v = t.scenario?.[0]?.value;
      if (t.scenario && t.scenario.length === 1 && v)
        same(row.scenario_parameter_p50, v.kind === 'point' ? v.value : v.kind === 'dist' ? v.p50 : null, what('p50'), 4);
      same(row.year, null, what('year'));
    });
    rows.forEach((row, k) => {
      const { r, c } = cells[k];
      const what = (col: string) => `${row.year} ${row.quantity} ${col}`;
      same(row.year, r.year, what('year'));
      same(row.run, r.label, what('run'));
      same(row.quantity, c.quantity, what('quantity'));
      same(row.observed_log10, c.observed.log10, what('observed'), 4);
      ['p10', 'p50', 'p90'].forEach((q, b) => same(row[`projected_log10_${q}`], c.projected[b], what(q), 4));
      same(row.oom_observed_minus_projected, c.oomAbove, what('oom'), 4);
      same(row.years_observed_ahead, c.yearsAhead, what('years ahead'), 4);
      same(row.observed_kind, j.sources[r.year][c.quantity].kind, what('kind'));
      same(row.source, j.sources[r.year][c.quantity].source, what('source'));
      same(row.scenario, j.manifest.scenario, what('scenario'));
      same(row.seed, j.manifest.seed, what('seed'));
      same(row.overrides, overridesOf(j.manifest), what('overrides'));
    });
  });
});
