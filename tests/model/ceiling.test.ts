/**
 * The optional ceiling on the largest training run (computeCeiling): validated like every growth
 * curve (file:line:col and exit 3 in a file, exit 2 through --set), in the --set/--swing registry
 * only for scenarios that have one, and what it does to a forecast: a hard ceiling below every
 * requirement leaves every world "not by the horizon", a soft one halves the affordable FLOP
 * where trend and ceiling meet.
 */
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

const CASES: [name: string, file: string, where: RegExp, message: RegExp][] = [
  ['negative doubling time', 'ceiling/negative-doubling.json', /negative-doubling\.json:4:60: /, /computeCeiling\.doublingYears .* must be positive; found -2/],
  [
    'doubling time that can be negative',
    'ceiling/uncertain-doubling.json',
    /uncertain-doubling\.json:4:60: /,
    /must be positive; its values range over \[-Infinity, Infinity\]; truncate/,
  ],
  ['ceiling without its year', 'ceiling/missing-year.json', /missing-year\.json:4:3: /, /missing: computeCeiling\.year/],
  [
    'misspelt key, with a suggestion',
    'ceiling/misspelt-key.json',
    /misspelt-key\.json:4:60: /,
    /unknown key "doublingYear" in computeCeiling \(did you mean "doublingYears"\?\)/,
  ],
];

describe('computeCeiling in a file', () => {
  it.each(CASES)('%s: run and validate exit 3 with a located message', async (_name, file, where, message) => {
    for (const argv of [
      ['run', fixture(file), '-n', '1000'],
      ['validate', fixture(file)],
    ]) {
      const r = await cli(argv);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(where);
      expect(r.stderr).toMatch(message);
    }
  });

  it('a good one validates', async () => {
    const r = await cli(['validate', fixture('ceiling/uncertain.json'), fixture('ceiling/low-hard.json')]);
    expect(r.code).toBe(0);
  });
});

describe('computeCeiling through --set and --swing', () => {
  it.each([
    [
      ['run', fixture('ceiling/uncertain.json'), '--set', 'computeCeiling.doublingYears=-1'],
      /^--set computeCeiling\.doublingYears: computeCeiling\.doublingYears .* must be positive; found -1/m,
    ],
    [
      ['run', fixture('ceiling/uncertain.json'), '--set', 'computeCeiling.cap=sofft'],
      /computeCeiling\.cap must be one of "hard", "soft"; found the text "sofft" \(did you mean "soft"\?\)/,
    ],
    [['run', fixture('ceiling/uncertain.json'), '--set', 'computeCeiling.log10FlopPerRun=1e999'], /is not a finite number/],
    // Half a ceiling on a scenario without one: blamed on the --set, not on the scenario file.
    [['run', fixture('point.json'), '--set', 'computeCeiling.log10FlopPerRun=29'], /^--set computeCeiling\.log10FlopPerRun: missing: computeCeiling\.year/m],
    [
      ['sensitivity', fixture('point.json'), '--swing', 'computeCeiling.log10FlopPerRun=27,29'],
      /--swing computeCeiling\.log10FlopPerRun=27,29: computeCeiling\.log10FlopPerRun is not a parameter of point/,
    ],
  ])('%j: exit 2', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a whole ceiling given by --set runs, and --swing ranges it on a scenario that has one', async () => {
    const set = await cli([
      'run',
      fixture('point.json'),
      '-n',
      '2000',
      '--format',
      'json',
      '--set',
      'computeCeiling.log10FlopPerRun=26',
      '--set',
      'computeCeiling.year=2030',
    ]);
    expect(set.code).toBe(0);
    const plain = await cli(['run', fixture('point.json'), '-n', '2000', '--format', 'json']);
    // The same worlds: a ceiling can only delay them.
    const [ceiled, free] = [JSON.parse(set.stdout), JSON.parse(plain.stdout)];
    expect(ceiled.notByHorizon.p).toBeGreaterThan(free.notByHorizon.p);
    ceiled.pTaiByYear.forEach((p: number, j: number) => expect(p).toBeLessThanOrEqual(free.pTaiByYear[j]));
    const swing = await cli([
      'sensitivity',
      fixture('ceiling/low-hard.json'),
      '-n',
      '2000',
      '--format',
      'csv',
      '--swing',
      'computeCeiling.log10FlopPerRun=27,29',
    ]);
    expect(swing.code).toBe(0);
    expect(swing.stdout).toMatch(/^computeCeiling\.log10FlopPerRun,growth,27,29,stated range,/m);
  });

  it('drawn ceiling values are sensitivity inputs; a scenario without a ceiling does not list it as "not varied"', async () => {
    const drawn = await cli(['sensitivity', fixture('ceiling/uncertain.json'), '-n', '2000', '--format', 'csv']);
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toMatch(/^computeCeiling\.log10FlopPerRun,growth,26\.71\d*,29\.28\d*,5th–95th percentile,/m);
    expect(drawn.stdout).toMatch(/^computeCeiling\.doublingYears,growth,1\.5,4,5th–95th percentile,/m);
    const none = await cli(['sensitivity', fixture('point.json'), '-n', '2000']);
    expect(none.code).toBe(0);
    expect(none.stdout + none.stderr).not.toMatch(/computeCeiling/);
  });
});

describe('what the ceiling does', () => {
  it('a hard ceiling below every requirement: no world arrives, every anchored world is "not by the horizon"', async () => {
    // Affordable FLOP at most 1e5, plus at most 3 OOM of progress, against requirements of ~1e30 (sd 2 OOM).
    const r = await cli(['run', fixture('ceiling/low-hard.json'), '-n', '20000', '--format', 'json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(Math.max(...f.pTaiByYear)).toBe(0);
    expect(f.notByHorizon.p + f.never.p).toBe(1);
    // "No anchor" keeps its own row: 10% of worlds, within 4.5 standard errors.
    expect(Math.abs(f.never.p - 0.1)).toBeLessThan(4.5 * Math.sqrt((0.1 * 0.9) / 20000));
  });

  it('a soft ceiling halves the affordable FLOP where trend and ceiling meet (trajectories)', async () => {
    const year = 2040;
    const plain = JSON.parse((await cli(['trajectories', fixture('point.json'), '-n', '200', '--format', 'json'])).stdout);
    const j = plain.years.indexOf(year);
    const bought = plain.log10AffordableFlop[j][1];
    const ceiling = ['--set', `computeCeiling.log10FlopPerRun=${bought}`, '--set', `computeCeiling.year=${year}`];
    const soft = JSON.parse(
      (await cli(['trajectories', fixture('point.json'), '-n', '200', '--format', 'json', ...ceiling, '--set', 'computeCeiling.cap=soft'])).stdout,
    );
    expect(10 ** (soft.log10AffordableFlop[j][1] - bought)).toBeCloseTo(0.5, 9);
    // Hard: the ceiling itself there, and the first year (far below it) unchanged to the bit.
    const hard = JSON.parse((await cli(['trajectories', fixture('point.json'), '-n', '200', '--format', 'json', ...ceiling])).stdout);
    expect(hard.log10AffordableFlop[j][1]).toBeCloseTo(bought, 12);
    expect(hard.log10AffordableFlop[0][1]).toBe(plain.log10AffordableFlop[0][1]);
  });
});
