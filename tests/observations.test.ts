/**
 * Observations since 2020 (data/observations.json) and the hindcast against them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { log10AffordableFlop } from '../src/engine/curves.js';
import { hindcast } from '../src/analyses/hindcast.js';
import { planScenario } from '../src/engine/plan.js';
import { BUNDLED_OBSERVATIONS, loadObservations } from '../src/io/observations.js';
import { loadScenario } from '../src/io/load.js';
import { cli, fixture, tempDir } from './helpers.js';

describe('the bundled observations', () => {
  const { file } = loadObservations(BUNDLED_OBSERVATIONS);

  it('validate, one row per year, 2020 onwards', () => {
    const years = file.rows.map((r) => r.year);
    expect(new Set(years).size).toBe(years.length);
    expect(Math.min(...years)).toBe(2020);
  });

  it('every figure names its source, its kind and its uncertainty (or says the source gives none)', () => {
    for (const row of file.rows) {
      for (const f of [row.trainingFlop, row.flopPerUsd, row.costUsd]) {
        if (!f) continue;
        expect(f.source.trim().length, `${row.year} ${row.model}`).toBeGreaterThan(10);
        expect(['reported', 'estimate', 'derived', 'lower-bound']).toContain(f.kind);
        expect(f.uncertainty?.length ?? 0, `${row.year} ${row.model}: uncertainty`).toBeGreaterThan(10);
      }
    }
  });

  it('derived FLOP per dollar is compute ÷ cost of the same row', () => {
    for (const row of file.rows) {
      if (row.flopPerUsd?.kind !== 'derived') continue;
      expect(row.flopPerUsd.value).toBeCloseTo(row.trainingFlop!.value / row.costUsd!.value, -Math.floor(Math.log10(row.flopPerUsd.value)) + 3);
    }
  });

  it('a figure without a source is refused with file:line:col, exit 3', async () => {
    const r = await cli(['hindcast', '--observations', fixture('observations', 'missing-source.json'), '--format', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/missing-source\.json:6:7: missing required field "rows\[0\]\.trainingFlop\.source"/);
  });
});

describe('hindcast', () => {
  it('with fixed growth, projects the scenario\'s own curves and finds how many years ahead an observation is', () => {
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

  it('CSV: one row per observed figure, each with its source; --observations reads another file', async () => {
    const r = await cli(['hindcast', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^year,run,quantity,observed_log10,observed_kind,projected_log10_p10,projected_log10_p50,projected_log10_p90,oom_observed_minus_projected,years_observed_ahead,before_start_year,scenario,seed,source,overrides$/);
    const { file } = loadObservations(BUNDLED_OBSERVATIONS);
    const figures = file.rows.reduce((n, row) => n + [row.trainingFlop, row.flopPerUsd, row.costUsd].filter(Boolean).length, 0);
    expect(lines.length - 1).toBe(figures);
    const one = await cli(['hindcast', 'rp-2020', '--observations', fixture('observations', 'one-year.json'), '--format', 'table']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/2024\*\s+Example run\s+largest run \(log10 FLOP\)\s+26\.00/);
  });

  it('refuses --horizon (it would change nothing), in hindcast and plot hindcast, while report --horizon still draws its hindcast', async () => {
    for (const args of [['hindcast', '--horizon', '2050'], ['plot', 'hindcast', '--horizon', '2050', '-o', 'x.svg']]) {
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

describe('observed-trends-2026', () => {
  it('starts its curves at the observations: FLOP per dollar of the latest derived row, spending of the costliest latest run', () => {
    const { file } = loadObservations(BUNDLED_OBSERVATIONS);
    const s = loadScenario('observed-trends-2026').scenario;
    const latest = (field: 'flopPerUsd' | 'costUsd') => file.rows.filter((r) => r[field]).sort((a, b) => b.year - a.year)[0];
    const price = latest('flopPerUsd');
    const cost = latest('costUsd');
    expect(s.pricePerformance.year).toBe(price.year);
    expect(s.pricePerformance.log10FlopPerUsd).toEqual({ kind: 'point', value: expect.closeTo(Math.log10(price.flopPerUsd!.value), 3) });
    expect(s.spending.year).toBe(cost.year);
    expect(s.spending.log10UsdPerRun).toEqual({ kind: 'point', value: expect.closeTo(Math.log10(cost.costUsd!.value), 3) });
    expect(s.spending.doublingYears.kind).toBe('dist');
    expect(s.pricePerformance.doublingYears.kind).toBe('dist');
  });
});
