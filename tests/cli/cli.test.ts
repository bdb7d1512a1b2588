/** The command line, in-process with fake streams: stdout, stderr and exit code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/main.js';
import { InputError, UsageError } from '../../src/io/errors.js';
import { cli, fixture, tempDir } from '../helpers.js';
import { FAMILY_Z } from '../stats.js';

describe('bioanchors run', () => {
  it('prints the default scenario as a table with its seed, crossing years and separate never/after rows', async () => {
    const r = await cli(['run', '-n', '20000', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Cotra \(2020\) best guess \[cotra-2020\]/);
    expect(r.stdout).toMatch(/20,000 simulated worlds · seed 20200918/);
    expect(r.stdout).toMatch(/after 2100 \(not by horizon\)/);
    expect(r.stdout).toMatch(/never \(no anchor is right\)/);
    expect(r.stdout).toMatch(/^50% +20\d\d\.\d/m);
    expect(r.stdout).not.toMatch(/P\(TAI by year\), %/); // no chart when stdout is not a terminal
  });

  it('draws the chart on a terminal', async () => {
    const r = await cli(['run', '-n', '5000'], { tty: true });
    expect(r.stdout).toMatch(/P\(TAI by year\), %\n/);
    expect(r.stdout).toMatch(/┼|┤/);
  });

  it('is reproducible: same seed, same bytes; another seed, other numbers', async () => {
    const a = await cli(['run', '-n', '30000', '--seed', '42', '--format', 'csv']);
    const b = await cli(['run', '-n', '30000', '--seed', '42', '--format', 'csv']);
    const c = await cli(['run', '-n', '30000', '--seed', '43', '--format', 'csv']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('writes tidy CSV: a header, one row per year, then after-horizon and never rows', async () => {
    const r = await cli(['run', fixture('point.json'), '-n', '10000', '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'year,p_arrival,p_tai_by_end_of_year,se_p_tai_by_end_of_year,p_tai_by_end_of_year_given_simple_low,p_tai_by_end_of_year_given_simple_high,seed,samples,scenario,overrides,given_no_tai_by',
    );
    expect(lines[1]).toMatch(/^2024,/);
    expect(lines[77]).toMatch(/^2100,/);
    expect(lines[78]).toMatch(/^after-2100,/);
    expect(lines[79]).toMatch(/^never,0\.\d+,1,/);
    expect(lines).toHaveLength(80);
  });

  it('writes JSON with the manifest (version, seed, samples, input hashes)', async () => {
    const r = await cli(['run', '-n', '5000', '--format', 'json', '--seed', '7']);
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest).toMatchObject({ tool: 'bioanchors', seed: 7, samples: 5000, scenario: 'cotra-2020' });
    expect(doc.manifest.files.length).toBe(7);
    expect(doc.manifest.files[0]).toMatchObject({ path: 'bioanchors:scenarios/cotra-2020.json' });
    expect(doc.manifest.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.pTaiByYear).toHaveLength(77);
    expect(doc.crossings.map((c: { level: number }) => c.level)).toEqual([0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]);
    expect(doc.anchors).toHaveLength(6);
  });

  it('--set and --horizon change the scenario without editing a file', async () => {
    const base = JSON.parse((await cli(['run', '-n', '20000', '--format', 'json'])).stdout);
    const r = await cli(['run', '-n', '20000', '--format', 'json', '--set', 'spending.doublingYears=1.5', '--horizon', '2080']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.horizonYear).toBe(2080);
    expect(doc.manifest.sets).toEqual(['spending.doublingYears=1.5', 'horizonYear=2080']);
    // Faster spending growth: more arrivals by 2035, before spending meets its GDP cap.
    const j = 2035 - 2024;
    expect(doc.pTaiByYear[j] - base.pTaiByYear[j]).toBeGreaterThan(FAMILY_Z * Math.hypot(base.se[j], doc.se[j]));
  });

  it('--output writes the file atomically and says so on stderr', async () => {
    const dir = tempDir();
    const out = join(dir, 'forecast.csv');
    const r = await cli(['run', '-n', '5000', '--format', 'csv', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote .*forecast\.csv/);
    expect(readFileSync(out, 'utf8')).toMatch(/^year,/);
  });

  it('a failed run leaves an existing output file untouched', async () => {
    const dir = tempDir();
    const out = join(dir, 'forecast.csv');
    writeFileSync(out, 'previous\n');
    const r = await cli(['run', fixture('bad/weights-over-one.json'), '--output', out]);
    expect(r.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('runs several scenarios into one CSV with a scenario column', async () => {
    const r = await cli(['run', 'cotra-2020', fixture('point.json'), '-n', '3000', '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('year,'))).toHaveLength(1);
    expect(lines.some((l) => l.endsWith(',point,,'))).toBe(true);
    expect(lines.some((l) => l.endsWith(',cotra-2020,,'))).toBe(true);
  });
});

describe('usage errors exit 2 with a message', () => {
  it.each([
    [['run', '--samples', 'lots'], /--samples must be a whole number/],
    [['run', '--samples', '0'], /--samples must be a whole number/],
    [['run', '--seed', '-1'], /--seed must be a whole number/],
    [['run', '--format', 'xml'], /--format must be one of table, csv, json/],
    [['run', '--horizon', '20x'], /--horizon must be a year/],
    [['run', 'cotra-2021'], /no scenario "cotra-2021" \(did you mean "cotra-2020"\?\)/],
    [['run', '--set', 'nothing'], /--set takes path=value/],
    [['run', '--set', 'spending.doublngYears=2'], /unknown key "doublngYears".*did you mean "doublingYears"/],
    [['run', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['show', 'lifetme'], /did you mean "lifetime"/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('an out-of-range --set value is a usage error (exit 2) naming the --set, not the file it replaced', async () => {
    const r = await cli(['run', '--set', 'spending.doublingYears=-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--set spending\.doublingYears: spending\.doublingYears .* must be positive; found -1/m);
  });
});

describe('other commands', () => {
  it('--help lists the commands and examples; --version prints the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/run \[options\] \[scenarios\.\.\.\]/);
    expect(help.stdout).toMatch(/Exit codes: 0 ok, 1 internal error, 2 command-line mistake .*\n3 bad input file, 128\+N when stopped by signal N/);
    expect(help.stdout).toMatch(/a year Y means "by the end of year Y"/);
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('list shows anchors and scenarios with weights', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/medium-horizon/);
    expect(r.stdout).toMatch(/cotra-2020 .*medium-horizon 30%.*none 10%/);
  });

  it('show prints an anchor with its requirement percentiles, and a resolved scenario', async () => {
    const anchor = JSON.parse((await cli(['show', 'medium-horizon'])).stdout);
    expect(anchor.kind).toBe('anchor');
    expect(anchor.requirementPercentilesLog10Flop.p50).toBeGreaterThan(30);
    const scenario = JSON.parse((await cli(['show', fixture('uncertain.json')])).stdout);
    expect(scenario.kind).toBe('scenario');
    expect(scenario.spending.log10UsdPerRun).toBe(9);
    expect(scenario.spending.doublingYears.dist).toBe('lognormal');
  });

  it('validate checks the bundled files by default', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok +.*cotra-2020\.json$/m);
    expect(r.stderr).toBe('');
  });
});

describe('exit codes', () => {
  it('maps errors to 2 (usage), 3 (input) and 1 (anything else)', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(2);
    expect(exitCodeFor(new InputError([{ file: 'f', message: 'm' }]))).toBe(3);
    expect(exitCodeFor(new Error('bug'))).toBe(1);
  });
});
