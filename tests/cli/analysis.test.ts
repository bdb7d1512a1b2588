/** compare, sensitivity, samples, trajectories, conditioning and the Metaculus export, through the CLI. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixture, tempDir } from '../helpers.js';

const json = async (argv: string[]) => {
  const r = await cli(argv);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('compare', () => {
  it('table on a terminal: crossing years per scenario and paired differences', async () => {
    const r = await cli(['compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', '30000'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Compared on common random numbers: 30,000 worlds each · seed 20200918/);
    expect(r.stdout).toMatch(/cotra-2020-aggressive − cotra-2020/);
    expect(r.stdout).toMatch(/^2050 .*\+\d+\.\d\d ±\d\.\d\d \(\d\.\d\d\)$/m);
  });

  it('CSV when piped: one row per year, a column per scenario and per difference', async () => {
    const r = await cli(['compare', 'cotra-2020', 'cotra-2020-spend-doubling-2y', '-n', '20000']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'year,p_cotra_2020,se_cotra_2020,worlds_cotra_2020,p_cotra_2020_spend_doubling_2y,se_cotra_2020_spend_doubling_2y,worlds_cotra_2020_spend_doubling_2y,diff_cotra_2020_spend_doubling_2y,se_diff_cotra_2020_spend_doubling_2y,unpaired_se_diff_cotra_2020_spend_doubling_2y,seed,samples,overrides,given_no_tai_by',
    );
    expect(lines).toHaveLength(1 + 77 + 2);
  });

  it('JSON: scenarios, differences and manifests', async () => {
    const doc = await json(['compare', 'cotra-2020', fixture('../../scenarios/cotra-2020-conservative.json'), '-n', '20000', '--format', 'json']);
    expect(doc.scenarios).toHaveLength(2);
    expect(doc.differences[0]).toMatchObject({ scenario: 'cotra-2020-conservative', against: 'cotra-2020', paired: true });
    expect(doc.manifests[0].pairing).toBe('common random numbers');
  });

  it('refuses one scenario, and scenarios with no year in common', async () => {
    const one = await cli(['compare', 'cotra-2020']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/at least two scenarios/);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'late.json'),
      JSON.stringify({ id: 'late', extends: 'cotra-2020', label: 'late', description: 'starts after the other ends', startYear: 2090, horizonYear: 2100 }),
    );
    const apart = await cli(['compare', fixture('horizon-2080.json'), join(dir, 'late.json')]);
    expect(apart.code).toBe(2);
    expect(apart.stderr).toMatch(/compare needs a year in common: horizon-2080 runs 2024–2080, late 2090–2100/);
  });
});

describe('compare over different years', () => {
  // cotra-2020 with faster spending, simulated 2025–2090 instead of 2024–2100, and the same scenario over cotra-2020's years.
  const dir = tempDir();
  const faster = { extends: 'cotra-2020', label: 'faster spending', description: 'test', spending: { doublingYears: 2 } };
  writeFileSync(join(dir, 'other-years.json'), JSON.stringify({ ...faster, id: 'other-years', startYear: 2025, horizonYear: 2090 }));
  writeFileSync(join(dir, 'same-years.json'), JSON.stringify({ ...faster, id: 'same-years' }));
  interface Doc {
    scenarios: { startYear: number; horizonYear: number; years: number[]; pTaiByYear: number[] }[];
    differences: { years: number[]; diff: number[]; se: number[]; unpairedSe: number[]; paired: boolean }[];
  }
  const run = async (file: string, format: string, extra: string[] = []) =>
    cli(['compare', 'cotra-2020', join(dir, file), '-n', '40000', '--format', format, ...extra], { cwd: dir });

  it('runs each scenario over its own years and differences over the years both cover, still paired', async () => {
    const r = await run('other-years.json', 'json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const [a, b] = doc.scenarios;
    expect([a.years[0], a.horizonYear, b.years[0], b.horizonYear]).toEqual([2024, 2100, 2025, 2090]);
    const d = doc.differences[0];
    expect(d.paired).toBe(true);
    expect(d.years).toEqual(Array.from({ length: 66 }, (_, i) => 2025 + i));
    d.years.forEach((y, j) => expect(d.diff[j]).toBeCloseTo(b.pTaiByYear[y - 2025] - a.pTaiByYear[y - 2024], 5));
    // The model's curves are in calendar years, so the same scenario over cotra-2020's years gives the same
    // worlds: its difference and paired error over 2025–2090 are the same numbers.
    const aligned = JSON.parse((await run('same-years.json', 'json')).stdout) as Doc;
    const e = aligned.differences[0];
    d.years.forEach((y, j) => {
      expect(d.diff[j]).toBeCloseTo(e.diff[y - 2024], 12);
      expect(d.se[j]).toBeCloseTo(e.se[y - 2024], 12);
    });
    // Paired errors: several times smaller than unpaired ones where the curves differ.
    const j2050 = d.years.indexOf(2050);
    expect(d.se[j2050]).toBeLessThan(d.unpairedSe[j2050] / 2);
  });

  it('table and CSV mark the years: — outside a scenario, no difference outside the shared years, one after-<horizon> row per horizon', async () => {
    const table = (await run('other-years.json', 'table')).stdout;
    expect(table).toMatch(
      /Years differ: cotra-2020 2024–2100, other-years 2025–2090; each scenario is shown over its own years \(— outside them\) and differences over the years both cover: other-years − cotra-2020 2025–2090/,
    );
    expect(table).toMatch(/\n2024 +\d+\.\d% +—\n/);
    expect(table).toMatch(/\n2100 +\d+\.\d% +—\n/);
    expect(table).toMatch(/\nafter 2100 +\d+\.\d%\nafter 2090 +\d+\.\d%\n/);
    const csv = (await run('other-years.json', 'csv')).stdout.trim().split('\n');
    const header = csv[0].split(',');
    const row = (year: string) =>
      Object.fromEntries(
        csv
          .find((l) => l.startsWith(`${year},`))!
          .split(',')
          .map((v, i) => [header[i], v]),
      );
    expect(csv.map((l) => l.split(',')[0]).slice(1)).toEqual([...Array.from({ length: 77 }, (_, i) => String(2024 + i)), 'after-2100', 'after-2090', 'never']);
    expect(row('2024')).toMatchObject({ p_other_years: '', diff_other_years: '' });
    expect(Number(row('2024').p_cotra_2020)).toBeGreaterThan(0);
    expect(row('2095')).toMatchObject({ p_other_years: '', diff_other_years: '' });
    expect(Number(row('2050').diff_other_years)).toBeGreaterThan(0);
    expect(row('after-2090')).toMatchObject({ p_cotra_2020: '' });
    expect(Number(row('after-2090').p_other_years)).toBeGreaterThan(0);
  });

  it('plot compare draws them, and --given-observed compares them unpaired', async () => {
    const svg = await cli(['plot', 'compare', 'cotra-2020', join(dir, 'other-years.json'), '-n', '20000', '-o', join(dir, 'c.svg')], { cwd: dir });
    expect(svg.code, svg.stderr).toBe(0);
    expect(readFileSync(join(dir, 'c.svg'), 'utf8')).toMatch(/Years differ \(cotra-2020 2024–2100, other-years 2025–2090\)/);
    const weighted = await run('other-years.json', 'json', ['--given-observed', '--observation-error', '3']);
    expect(weighted.code, weighted.stderr).toBe(0);
    const d = (JSON.parse(weighted.stdout) as Doc).differences[0];
    expect(d.paired).toBe(false);
    expect(d.years[0]).toBe(2025);
    expect(d.years[d.years.length - 1]).toBe(2090);
  });
});

describe('sensitivity', () => {
  it('sorts inputs by swing and names the metric, the ranges and what was not varied', async () => {
    const r = await cli(['sensitivity', '-n', '30000', '--swing', 'spending.doublingYears=2,3'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sensitivity of median year \(50% crossing, interpolated\)/);
    const rows = r.stdout.split('\n').filter((l) => /[+-]\d+\.\d y/.test(l));
    const swings = rows.map((l) => Math.abs(Number(/([+-]\d+\.\d) y/.exec(l)![1])));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(rows[0]).toMatch(/transformativeVsBrainOom|brainLog10FlopPerS/);
    expect(r.stdout).toMatch(/spending\.doublingYears +2 +3 +stated range/);
    expect(r.stdout).toMatch(/Not varied \(point values and formulas; give a range with --swing path=low,high\): pricePerformance\.log10FlopPerUsd/);
  });

  it('--by YEAR uses P(TAI by YEAR); CSV when piped', async () => {
    const r = await cli(['sensitivity', '-n', '20000', '--by', '2040']);
    expect(r.stdout.split('\n')[0]).toBe('input,kind,low,high,range,metric,baseline,output_at_low,output_at_high,swing,variance_share,seed,samples,overrides');
    expect(r.stdout).toMatch(/,p_tai_by_2040,/);
  });

  it('rejects a --swing that is not a growth parameter, with a suggestion', async () => {
    const r = await cli(['sensitivity', '--swing', 'spending.doublingYear=2,3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "spending\.doublingYears"/);
  });
});

describe('samples', () => {
  it('streams one row per world whose arrivals add up to the run with the same seed', async () => {
    const r = await cli(['samples', '-n', '40000', '--seed', '8']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(40_001);
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['world', 'anchor', 'brainLog10FlopPerS']);
    const arrival = header.indexOf('arrival');
    const by2050 = lines.slice(1).filter((l) => {
      const a = l.split(',')[arrival];
      return /^\d+$/.test(a) && Number(a) <= 2050;
    }).length;
    const run = await json(['run', '-n', '40000', '--seed', '8', '--format', 'json']);
    expect(by2050 / 40000).toBeCloseTo(run.pTaiByYear[2050 - 2024], 12);
    expect(lines.filter((l) => l.split(',')[1] === 'none').every((l) => l.split(',')[arrival] === 'never')).toBe(true);
  });

  it('numbers worlds the same in every run with the seed: -n 5 is the first five rows of -n 20000', async () => {
    const few = (await cli(['samples', '-n', '5'])).stdout.trim().split('\n');
    const many = (await cli(['samples', '-n', '20000'])).stdout.trim().split('\n');
    expect(few).toEqual(many.slice(0, 6));
  });

  it('waits for the reader when the output is full (backpressure)', async () => {
    let written = 0;
    let calls = 0;
    let full = false;
    let writesWhileFull = 0;
    let pending: (() => void) | undefined;
    const stdout = {
      write(chunk: string) {
        if (full) writesWhileFull++;
        written += chunk.length;
        calls++;
        // Full on every other write; drains a moment later.
        if (calls % 2 === 0) {
          full = true;
          setTimeout(() => {
            full = false;
            pending?.();
          }, 1);
          return false;
        }
        return true;
      },
      once(_event: 'drain', listener: () => void) {
        pending = listener;
      },
    };
    const stderr = { write: () => true };
    const code = await runCli(['samples', '-n', '100000'], { stdout, stderr, env: {}, cwd: process.cwd() });
    expect(code).toBe(0);
    expect(calls).toBeGreaterThan(5);
    expect(writesWhileFull).toBe(0);
    expect(written).toBeGreaterThan(100_000 * 50);
  });
});

describe('trajectories', () => {
  it('gives spending, FLOP per dollar, affordable FLOP, progress and the requirement band per year', async () => {
    const r = await cli(['trajectories', '-n', '20000']);
    const lines = r.stdout.trim().split('\n');
    const header = lines[0].split(',');
    expect(header).toEqual(
      expect.arrayContaining([
        'log10_spend_usd_p50',
        'log10_flop_per_usd_p50',
        'log10_affordable_flop_p50',
        'algorithmic_oom_lifetime',
        'requirement_log10_flop_p10',
        'requirement_log10_flop_medium_horizon_p90',
        'p_tai_by_end_of_year',
        'overrides',
      ]),
    );
    expect(lines).toHaveLength(78);
    const row = (year: number) => Object.fromEntries(header.map((h, i) => [h, Number(lines[year - 2023].split(',')[i])]));
    const y2040 = row(2040);
    // Point-valued curves: no band, and affordable = spend + FLOP per dollar.
    expect(y2040.log10_spend_usd_p10).toBe(y2040.log10_spend_usd_p90);
    expect(y2040.log10_affordable_flop_p50).toBeCloseTo(y2040.log10_spend_usd_p50 + y2040.log10_flop_per_usd_p50, 3);
    expect(row(2060).requirement_log10_flop_p50).toBeLessThan(row(2024).requirement_log10_flop_p50);
  });

  it('bands the curves when growth parameters are uncertain', async () => {
    const r = await cli(['trajectories', 'cotra-2020-uncertain-growth', '-n', '5000', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const [p10, , p90] = doc.log10SpendUsd[2050 - 2024];
    expect(p90 - p10).toBeGreaterThan(0.5);
  });
});

describe('--given-no-tai-by', () => {
  it('is the curve of the worlds that had not arrived: (F(Y) − F(Y0)) / (1 − F(Y0)) on the same worlds', async () => {
    const all = await json(['run', '-n', '50000', '--format', 'json']);
    const given = await json(['run', '-n', '50000', '--format', 'json', '--given-no-tai-by', '2030']);
    const f0 = all.pTaiByYear[2030 - 2024];
    expect(given.years[0]).toBe(2031);
    expect(given.condition.keptShare).toBeCloseTo(1 - f0, 9);
    for (const year of [2031, 2050, 2100]) {
      expect(given.pTaiByYear[year - 2031]).toBeCloseTo((all.pTaiByYear[year - 2024] - f0) / (1 - f0), 8);
    }
  });

  it('refuses when too few worlds remain, and years outside the forecast', async () => {
    expect((await cli(['run', '-n', '2000', '--given-no-tai-by', '2099'])).stderr).toMatch(/at least 1000 are needed: raise --samples/);
    const r = await cli(['run', '--given-no-tai-by', '2100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be from 2024 .* to 2099/);
  });

  it('works on compare too', async () => {
    const doc = await json(['compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', '20000', '--format', 'json', '--given-no-tai-by', '2026']);
    expect(doc.scenarios[0].condition.givenNoTaiBy).toBe(2026);
    expect(doc.differences[0].paired).toBe(false);
  });
});

describe('--format metaculus', () => {
  it('gives the 201-point CDF over the range and the mass outside it', async () => {
    const doc = await json(['run', '-n', '50000', '--format', 'metaculus', '--range', '2025,2100']);
    const run = await json(['run', '-n', '50000', '--format', 'json']);
    expect(doc.cdf).toHaveLength(201);
    expect(doc.cdf.every((p: number, i: number) => i === 0 || p >= doc.cdf[i - 1])).toBe(true);
    expect(doc.belowRange).toBe(doc.cdf[0]);
    expect(doc.aboveRange).toBeCloseTo(1 - doc.cdf[200], 8);
    // Point 8 of 200 over 2025–2100 is the date 2028.0, the end of year 2027: row 2027 of the forecast.
    expect(doc.cdf[8]).toBeCloseTo(run.pTaiByYear[2027 - 2024], 6);
    // Halfway between two year ends: the mean of the two rows.
    const half = await json(['run', '-n', '50000', '--format', 'metaculus', '--range', '2030.5,2040.5']);
    expect(half.cdf[0]).toBeCloseTo((run.pTaiByYear[2029 - 2024] + run.pTaiByYear[2030 - 2024]) / 2, 6);
  });

  it('defaults its range to the dates the forecast covers, the end of the first year to the end of the last', async () => {
    const doc = await json(['run', '-n', '20000', '--format', 'metaculus']);
    const run = await json(['run', '-n', '20000', '--format', 'json']);
    expect(doc.question.range).toEqual([2025, 2101]);
    expect(doc.cdf[0]).toBeCloseTo(run.pTaiByYear[0], 8);
    expect(doc.cdf[200]).toBeCloseTo(run.pTaiByYear[run.pTaiByYear.length - 1], 8);
  });

  it('needs a range within the forecast, and --range only with metaculus', async () => {
    const outside = await cli(['run', '--format', 'metaculus', '--range', '2025,2150']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/must lie within the dates cotra-2020 covers, 2025–2101/);
    const early = await cli(['run', '--format', 'metaculus', '--range', '2024,2050']);
    expect(early.code).toBe(2);
    const stray = await cli(['run', '--range', '2025,2100']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--range applies only to --format metaculus/);
  });
});

describe('help', () => {
  it.each(['run', 'compare', 'sensitivity', 'samples', 'trajectories', 'list', 'show', 'validate'])('%s --help has examples', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    if (command !== 'list') expect(r.stdout).toMatch(/Examples:/);
  });
});
