/** `bioanchors plot`: files written, the same bytes for the same seed, and clear refusals that write nothing. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

describe('plot', () => {
  it('writes an SVG named by -o, and the same bytes again for the same seed', async () => {
    const dir = tempDir();
    const a = await cli(['plot', 'cdf', '-n', '5000', '-o', 'a.svg'], { cwd: dir });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toBe('wrote a.svg (cdf, svg, seed 20200918, 5000 worlds)\n');
    const b = await cli(['plot', 'cdf', '-n', '5000', '-o', 'b.svg', '-q'], { cwd: dir });
    expect(b.stderr).toBe('');
    const svg = readFileSync(join(dir, 'a.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('Cotra (2020) spreadsheet');
    expect(readFileSync(join(dir, 'b.svg'), 'utf8')).toBe(svg);
  });

  it('draws another scenario without the default reference, and with --reference when given', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.csv'), 'year,p\n2030,0.2\n2060,0.6\n');
    expect((await cli(['plot', 'cdf', 'cotra-2020-aggressive', '-n', '3000', '-o', 'x.svg'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'x.svg'), 'utf8')).not.toContain('Cotra (2020) spreadsheet');
    expect((await cli(['plot', 'cdf', 'cotra-2020-aggressive', '-n', '3000', '--reference', 'mine.csv', '-o', 'y.svg'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'y.svg'), 'utf8')).toContain('reference: mine.csv');
  });

  it.each([
    [['requirements', '-n', '2000'], 'Requirement vs affordable compute'],
    // Anchors with no weight have no worlds: no panel (no NaN), and the caption says so.
    [['requirements', 'cotra-2020-no-genome-evolution', '-n', '2000'], 'no worlds, so no panel: genome, evolution'],
    [['compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', '3000'], 'Scenarios compared: cotra-2020, cotra-2020-aggressive'],
    [['tornado', '-n', '2000', '--by', '2050'], 'Sensitivity of the P(TAI by 2050)'],
    [['hindcast', '--observations', fixture('observations/one-year.json')], 'one-year.json'],
    // One swept path: a line with its band; two: a heatmap (a grid) or coloured points (a random design).
    [['sweep', '--grid', 'spending.doublingYears=1.5:3.5:0.5', '--figure', 'p_by_2040', '-n', '3000'], 'P(by 2040): sweep of spending.doublingYears'],
    [
      ['sweep', '--grid', 'spending.doublingYears=2:3:0.5', '--values', 'pricePerformance.doublingYears=2,3', '-n', '3000'],
      '50% date: sweep of spending.doublingYears and pricePerformance.doublingYears',
    ],
    [
      ['sweep', '--random', '8', '--range', 'spending.doublingYears=2:3', '--range', 'pricePerformance.doublingYears=2:3', '--figure', 'p_never', '-n', '3000'],
      'Each point: a variant of the random design',
    ],
  ])('plot %j', async (args, title) => {
    const dir = tempDir();
    const r = await cli(['plot', ...args, '-o', 'c.svg', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(join(dir, 'c.svg'), 'utf8');
    expect(svg).toContain(title);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  const changed = 'Changed on the command line: --set spending.doublingYears=2 · --horizon 2110';
  it.each([
    [['cdf', '-n', '2000']],
    [['requirements', '-n', '2000']],
    [['compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', '2000']],
    [['tornado', '-n', '2000']],
    [['sweep', '--values', 'spending.log10UsdPerRun=8,9', '-n', '2000']],
  ])('plot %j says what the command line changed (every --set, a --horizon) under its title', async (args) => {
    const dir = tempDir();
    const r = await cli(['plot', ...args, '--set', 'spending.doublingYears=2', '--horizon', '2110', '-o', 'c.svg', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(join(dir, 'c.svg'), 'utf8');
    expect(svg).toContain(changed);
    expect(svg).toContain('seed 20200918');
  });

  it('plot hindcast says what --set changed (it takes no --horizon)', async () => {
    const dir = tempDir();
    const r = await cli(['plot', 'hindcast', '--set', 'spending.doublingYears=2', '-o', 'c.svg', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'c.svg'), 'utf8')).toContain('Changed on the command line: --set spending.doublingYears=2');
  });

  it("draws the report's curve only for the bundled cotra-2020 as published: not after --set (and says why), not for a copy that reuses its id", async () => {
    const dir = tempDir();
    expect((await cli(['plot', 'cdf', '--set', 'spending.doublingYears=2', '-n', '2000', '-o', 'set.svg', '-q'], { cwd: dir })).code).toBe(0);
    const set = readFileSync(join(dir, 'set.svg'), 'utf8');
    expect(set).not.toContain('Cotra (2020) spreadsheet');
    expect(set).toContain("No reference curve: the report's spreadsheet curve is that of the unmodified cotra-2020, which --set changed");
    const copy = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'cotra-2020.json'), 'utf8'));
    delete copy.$schema;
    copy.spending.doublingYears = 2;
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(copy));
    expect((await cli(['plot', 'cdf', join(dir, 'copy.json'), '-n', '2000', '-o', 'copy.svg', '-q'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'copy.svg'), 'utf8')).not.toContain('spreadsheet');
    // A later horizon changes no year the curve has; conditioning conditions it too, and says so.
    expect((await cli(['plot', 'cdf', '--horizon', '2110', '-n', '2000', '-o', 'h.svg', '-q'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'h.svg'), 'utf8')).toContain('Cotra (2020) spreadsheet');
    expect((await cli(['plot', 'cdf', '--given-no-tai-by', '2030', '-n', '2000', '-o', 'g.svg', '-q'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'g.svg'), 'utf8')).toContain('Cotra (2020) spreadsheet, given no TAI by 2030');
    // An explicit --reference is drawn whatever was changed.
    writeFileSync(join(dir, 'mine.csv'), 'year,p\n2030,0.2\n2060,0.6\n');
    expect(
      (await cli(['plot', 'cdf', '--set', 'spending.doublingYears=2', '--reference', 'mine.csv', '-n', '2000', '-o', 'r.svg', '-q'], { cwd: dir })).code,
    ).toBe(0);
    expect(readFileSync(join(dir, 'r.svg'), 'utf8')).toContain('reference: mine.csv');
  });

  it('plot compare --given-no-tai-by says so, with the worlds each scenario keeps', async () => {
    const dir = tempDir();
    const r = await cli(['plot', 'compare', 'cotra-2020', 'cotra-2020-aggressive', '--given-no-tai-by', '2030', '-n', '3000', '-o', 'c.svg', '-q'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'c.svg'), 'utf8')).toMatch(/Given no TAI by the end of 2030: worlds kept cotra-2020 [\d,]+, cotra-2020-aggressive [\d,]+/);
  });

  it('writes a PNG for a .png name', async () => {
    const dir = tempDir();
    const r = await cli(['plot', 'cdf', '-n', '2000', '-o', 'c.png', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'c.png')).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it.each([
    [['plot', 'pie', '-o', 'x.svg'], 2, 'unknown chart kind "pie"; one of cdf, requirements, compare, hindcast, tornado, sweep'],
    [['plot', 'cfd', '-o', 'x.svg'], 2, 'unknown chart kind "cfd" (did you mean "cdf"?); one of cdf, requirements, compare, hindcast, tornado, sweep'],
    [['plot', 'cdf'], 2, 'plot needs -o FILE.svg (or FILE.png): where to write the chart'],
    [['plot', 'cdf', '-o', 'x.pdf'], 2, '-o x.pdf: the file name must end in .svg or .png (the format it is written in)'],
    [['plot', 'compare', 'cotra-2020', '-o', 'x.svg'], 2, 'plot compare needs two or more scenarios (differences are against the first)'],
    [['plot', 'cdf', 'cotra-2020', 'cotra-2020-aggressive', '-o', 'x.svg'], 2, 'plot cdf draws one scenario; found 2 (cotra-2020, cotra-2020-aggressive)'],
    [['plot', 'requirements', '--reference', 'r.csv', '-o', 'x.svg'], 2, '--reference does not apply to plot requirements'],
    [['plot', 'cdf', '--reference', 'missing.csv', '-o', 'x.svg'], 3, 'missing.csv: cannot read: ENOENT'],
    [['plot', 'cdf', '--observations', 'o.json', '-o', 'x.svg'], 2, '--observations does not apply to plot cdf (it takes --reference, --given-no-tai-by)'],
    [
      ['plot', 'cdf', '--grid', 'spending.doublingYears=2:3:1', '-o', 'x.svg'],
      2,
      '--grid does not apply to plot cdf (it takes --reference, --given-no-tai-by)',
    ],
    [
      ['plot', 'sweep', '-o', 'x.svg'],
      2,
      'plot sweep draws one swept path (a line) or two (a heatmap); found 0: give one or two of --grid, --values (or --random with one or two --range)',
    ],
    [
      [
        'plot',
        'sweep',
        '--values',
        'spending.doublingYears=2,3',
        '--values',
        'pricePerformance.doublingYears=2,3',
        '--values',
        'spending.log10UsdPerRun=8,9',
        '-o',
        'x.svg',
      ],
      2,
      'plot sweep draws one swept path (a line) or two (a heatmap); found 3: give one or two of --grid, --values (or --random with one or two --range)',
    ],
    [
      ['plot', 'sweep', '--values', 'spending.doublingYears=2,3', '--figure', 'date50', '-o', 'x.svg'],
      2,
      '--figure date50: not a figure of a sweep (did you mean "date_50"?); one of p_by_<year> (e.g. p_by_2040), date_10, date_50, date_90, p_not_by_horizon, p_never',
    ],
    [
      ['plot', 'sweep', '--values', 'spending.doublingYears=2,3', '--figure', 'p_by_2200', '-o', 'x.svg'],
      2,
      "--by 2200: 2200 must be a year within the scenario's years 2024–2100",
    ],
    [['plot', 'sweep', '--grid', 'spending.doublingYears=1:3:0', '-o', 'x.svg'], 2, '--grid spending.doublingYears=1:3:0: STEP must be above 0; found 0'],
    [
      ['plot', 'hindcast', '--horizon', '2050', '-o', 'x.svg'],
      2,
      '--horizon does not apply to hindcast: it projects the years already observed, whatever the horizon',
    ],
  ])('%j: exit %i, a clear message, no file', async (argv, code, message) => {
    const dir = tempDir();
    const r = await cli(argv as string[], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toBe(`${message}\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bad --reference CSV: exit 3 with file:line, before simulating, no file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'year,p\n2030,0.1\n2040,lots\n');
    const r = await cli(['plot', 'cdf', '--reference', 'bad.csv', '-o', 'x.svg'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('bad.csv:3:1: expected "year,p" with a whole year and a probability; found "2040,lots"\n');
    expect(existsSync(join(dir, 'x.svg'))).toBe(false);
  });
});
