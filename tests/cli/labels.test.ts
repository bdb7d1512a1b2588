/**
 * Outputs say what produced them: a run changed on the command line, or conditioned, is labelled
 * in the table and in the CSV, not only in the JSON manifest; every output states the year
 * convention; one rule picks the format.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const changed = ['--set', 'spending.doublingYears=2', '--horizon', '2110'];

describe('labels', () => {
  it('run: the table names the overrides and the year convention', async () => {
    const r = await cli(['run', '-n', '5000', '--format', 'table', ...changed]);
    expect(r.stdout).toMatch(/^Changed on the command line: --set spending\.doublingYears=2 · --horizon 2110$/m);
    expect(r.stdout).toMatch(/P\(transformative model affordable by the end of year\)/);
    expect(r.stdout).toMatch(/^Years: a year Y means by the end of year Y/m);
  });

  it('run: every CSV row carries the overrides and the conditioning', async () => {
    const r = await cli(['run', '-n', '5000', '--format', 'csv', ...changed, '--given-no-tai-by', '2026']);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header.split(',').slice(-2)).toEqual(['overrides', 'given_no_tai_by']);
    expect(rows[0]).toMatch(/^2027,/);
    for (const row of rows) expect(row.endsWith(',--set spending.doublingYears=2 --horizon 2110,2026')).toBe(true);
  });

  it('compare --given-observed: every CSV row says how the worlds were weighted, as run does', async () => {
    const r = await cli([
      'compare',
      'cotra-2020-uncertain-growth',
      'cotra-2020-aggressive',
      '--given-observed',
      '--observation-error',
      '1.5',
      '-n',
      '20000',
      '--format',
      'csv',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [, ...rows] = r.stdout.trim().split('\n');
    for (const row of rows) expect(row).toMatch(/,--given-observed bioanchors:data\/observations\.json --observation-error 1\.5,$/);
  });

  it.each([
    ['compare', ['compare', 'cotra-2020', 'cotra-2020-aggressive']],
    ['sensitivity', ['sensitivity', '--swing', 'pricePerformance.doublingYears=2,3']],
    ['trajectories', ['trajectories']],
  ])('%s: table and CSV name the overrides', async (_name, args) => {
    const table = await cli([...args, '-n', '3000', '--format', 'table', ...changed]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Changed on the command line.*--set spending\.doublingYears=2 · --horizon 2110/);
    const csv = await cli([...args, '-n', '3000', '--format', 'csv', ...changed]);
    const [header, first] = csv.stdout.split('\n');
    expect(header).toMatch(/overrides/);
    expect(first).toMatch(/--set spending\.doublingYears=2 --horizon 2110/);
  });

  it('conditioning: crossings are dates after the end of the year conditioned on', async () => {
    const r = JSON.parse((await cli(['run', '-n', '20000', '--format', 'json', '--given-no-tai-by', '2030'])).stdout);
    expect(r.years[0]).toBe(2031);
    for (const c of r.crossings) if (c.status === 'year') expect(c.year).toBeGreaterThan(2031);
  });
});

describe('one rule for the format', () => {
  it.each([['run'], ['compare', 'cotra-2020', 'cotra-2020-aggressive'], ['trajectories'], ['samples']])(
    '%s: CSV when piped, a table on a terminal',
    async (...command) => {
      const piped = await cli([...command, '-n', '2000']);
      expect(piped.stdout.split('\n')[0]).toMatch(/,/);
      const tty = await cli(
        [...command, '-n', '2000', '--no-chart'].filter((a) => a !== '--no-chart' || command[0] === 'run'),
        { tty: true },
      );
      expect(tty.stdout.split('\n')[0]).not.toMatch(/^[a-z_]+,[a-z_]+,/);
    },
  );
});
