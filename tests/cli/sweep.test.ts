/** `bioanchors sweep`: refusals before anything runs, CSV against JSON, the table, --help. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

describe('sweep', () => {
  it.each([
    [['--grid', 'spending.doublingYears=1:3:0'], '--grid spending.doublingYears=1:3:0: STEP must be above 0; found 0'],
    [['--grid', 'spending.doublingYears=1:3:-0.5'], '--grid spending.doublingYears=1:3:-0.5: STEP must be above 0; found -0.5'],
    [['--grid', 'spending.doublingYears=3:1:0.5'], '--grid spending.doublingYears=3:1:0.5: LO (3) must be at most HI (1)'],
    [['--grid', 'spending.doublingYears=1:2'], '--grid takes PATH=LO:HI:STEP, e.g. spending.doublingYears=1.5:3.5:0.25; found "spending.doublingYears=1:2"'],
    [
      ['--grid', 'spending.doublingYears=1:x:1'],
      '--grid takes PATH=LO:HI:STEP, e.g. spending.doublingYears=1.5:3.5:0.25; found "spending.doublingYears=1:x:1"',
    ],
    [['--values', 'spending.doublingYears='], '--values takes PATH=A,B,C, e.g. spending.doublingYears=2,2.5,3; found "spending.doublingYears="'],
    [
      ['--grid', 'spending.doublingYears=1:100:0.01', '--grid', 'pricePerformance.doublingYears=1:3:0.1'],
      'the design has 207,921 variants (9,901 × 21); a sweep takes at most 10,000: use a larger STEP, fewer values or fewer paths',
    ],
    [
      ['--random', '10001', '--range', 'spending.doublingYears=1:3'],
      'the design has 10,001 variants; a sweep takes at most 10,000: use a larger STEP, fewer values or fewer paths',
    ],
    [
      ['--grid', 'spending.doublingYears=0:3:0.5'],
      '--grid spending.doublingYears=0:3:0.5: 0 is not a value it can take: spending.doublingYears (a doubling time in years) must be positive; found 0',
    ],
    [
      ['--values', 'spending.maxGdpFraction=0.01,2'],
      '--values spending.maxGdpFraction=0.01,2: 2 is not a value it can take: spending.maxGdpFraction must be above 0 and at most 1; found 2',
    ],
    [
      ['--random', '5', '--range', 'algorithmicProgress.maxOom=-1:3'],
      '--range algorithmicProgress.maxOom=-1:3: -1 is not a value it can take: algorithmic maxOom of "lifetime" must be 0 or more; found -1; algorithmic maxOom of "short-horizon" must be 0 or more; found -1; algorithmic maxOom of "genome" must be 0 or more; found -1; algorithmic maxOom of "medium-horizon" must be 0 or more; found -1; algorithmic maxOom of "long-horizon" must be 0 or more; found -1; algorithmic maxOom of "evolution" must be 0 or more; found -1',
    ],
    [['--random', '5', '--range', 'spending.doublingYears=3:1'], '--range spending.doublingYears=3:1: LO (3) must be below HI (1)'],
    [['--random', '5'], '--random N needs a --range PATH=LO:HI for each path it varies, e.g. --random 100 --range spending.doublingYears=1.5:3.5'],
    [['--range', 'spending.doublingYears=1:3'], '--range PATH=LO:HI is for --random N (a random design); for a grid give --grid PATH=LO:HI:STEP'],
    [
      ['--random', '5', '--range', 'spending.doublingYears=1:3', '--grid', 'pricePerformance.doublingYears=2:3:1'],
      '--random draws its own points: give its paths with --range PATH=LO:HI, not --grid or --values',
    ],
    [['--random', '0', '--range', 'spending.doublingYears=1:3'], '--random must be a whole number from 1 to 1e+6; found "0"'],
    [
      ['--grid', 'spending.doublingYears=1:3:1', '--values', 'spending.doublingYears=2,3'],
      'spending.doublingYears is swept twice (--grid spending.doublingYears=1:3:1 and --values spending.doublingYears=2,3); give each path once',
    ],
    [[], 'sweep needs something to vary: --grid PATH=LO:HI:STEP, --values PATH=A,B,C, or --random N with --range PATH=LO:HI'],
    [['--grid', 'spending.doublingYears=1:3:1', '--by', '2010'], "--by 2010: 2010 must be a year within the scenario's years 2024–2100"],
    [['--grid', 'spending.doublingYears=1:3:1', '--by', '2040,2040'], '--by 2040,2040: a year is given twice'],
  ])('%j: exit 2, a clear message, nothing run or written', async (args, message) => {
    const dir = tempDir();
    const r = await cli(['sweep', ...args, '-o', 'out.csv'], { cwd: dir });
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names an unknown path, with a suggestion and the paths it takes', async () => {
    const r = await cli(['sweep', '--grid', 'spending.doublingYear=1:3:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^--grid spending\.doublingYear=1:3:1: spending\.doublingYear is not a parameter of cotra-2020 \(did you mean "spending\.doublingYears"\?\); one of pricePerformance\.log10FlopPerUsd, .*algorithmicProgress\.maxOom, anchors\.<id>\.algorithmicProgress\.halvingYears or \.maxOom, anchors\.<id>\.weight, variables\.<name> or anchors\.<id>\.variables\.<name> \(anchors: lifetime, .*; variables: brainLog10FlopPerS, .*\)\n$/,
    );
    // A variable no anchor of the scenario has, and a weight of an anchor it does not weigh.
    expect((await cli(['sweep', '--values', 'variables.brainLog10FlopsPerS=14,15'])).stderr).toMatch(
      /variables\.brainLog10FlopsPerS is not a parameter of cotra-2020 \(did you mean "variables\.brainLog10FlopPerS"\?\)/,
    );
    expect((await cli(['sweep', '--values', 'anchors.nope.weight=0.1'])).stderr).toMatch(/anchors\.nope\.weight is not a parameter of cotra-2020/);
  });

  it('refuses weights that add up to more than 1, alone or together at their largest', async () => {
    const alone = await cli(['sweep', '--grid', 'anchors.lifetime.weight=0:0.3:0.1', '-n', '1000']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^--grid anchors\.lifetime\.weight=0:0\.3:0\.1: 0\.3 is not a value it can take: anchor weights add up to 1\.15 /);
    // Each at most 1 with the others as given, but not both at 0.15.
    const together = await cli(['sweep', '--values', 'anchors.lifetime.weight=0.1,0.15', '--values', 'anchors.genome.weight=0.1,0.15', '-n', '1000']);
    expect(together.code).toBe(2);
    expect(together.stderr).toMatch(
      /^--values anchors\.lifetime\.weight=0\.1,0\.15 with --values anchors\.genome\.weight=0\.1,0\.15: the variant with anchors\.lifetime\.weight=0\.15, anchors\.genome\.weight=0\.15 is not a scenario: anchor weights add up to 1\.05 /,
    );
  });

  it('varies an anchor weight ("no anchor" taking the difference) and anchor variables, on the worlds of the scenario as given', async () => {
    const weight = await cli(['sweep', '--values', 'anchors.lifetime.weight=0,0.05,0.15', '-n', '20000', '--format', 'json']);
    expect(weight.code).toBe(0);
    const w = JSON.parse(weight.stdout);
    const figure = (v: { figures: Record<string, { value: number; se: number }> }, name: string) => v.figures[name];
    // Variant 0 is the scenario as given, then the design in order.
    const [base, none, same, full] = w.variants;
    expect(base.baseline).toBe(true);
    // cotra-2020 weighs its anchors 90% in all: lifetime 0.05 of it.
    expect(same.figures).toEqual(base.figures);
    expect(figure(full, 'p_never').value).toBe(0);
    expect(Math.abs(figure(none, 'p_never').value - 0.15)).toBeLessThan(4.5 * figure(none, 'p_never').se);
    expect(figure(full, 'p_by_2040').value).toBeGreaterThan(figure(none, 'p_by_2040').value);
    const variable = await cli([
      'sweep',
      '--values',
      'variables.brainLog10FlopPerS=14,16',
      '--values',
      'anchors.evolution.variables.adjustmentOom=0',
      '-n',
      '20000',
      '--format',
      'json',
    ]);
    expect(variable.code).toBe(0);
    const [, low, high] = JSON.parse(variable.stdout).variants;
    expect(low.values).toEqual({ 'variables.brainLog10FlopPerS': 14, 'anchors.evolution.variables.adjustmentOom': 0 });
    expect(figure(low, 'p_by_2050').value - figure(high, 'p_by_2050').value).toBeGreaterThan(0.2);
  });

  it('says so when a swept path concerns only anchors with no weight (its values cannot change the figures)', async () => {
    const args = [
      'sweep',
      '--set',
      'anchors.evolution.weight=0',
      '--values',
      'anchors.evolution.variables.adjustmentOom=-1,1',
      '-n',
      '2000',
      '--format',
      'csv',
    ];
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'bioanchors: anchors.evolution.variables.adjustmentOom concerns only anchor evolution, with no weight in cotra-2020: no world takes it, so its values do not change the figures',
    );
    expect((await cli([...args, '-q'])).stderr).toBe('');
    // A weighted anchor's variable: no note.
    expect((await cli(['sweep', '--values', 'anchors.evolution.variables.adjustmentOom=-1,1', '-n', '2000', '--format', 'csv'])).stderr).not.toContain(
      'no weight',
    );
  });

  it('writes long CSV, rectangular, every cell the same as in the JSON', async () => {
    const args = [
      'sweep',
      '--grid',
      'spending.doublingYears=2:3:0.5',
      '--values',
      'pricePerformance.doublingYears=2,2.5',
      '--set',
      'spending.log10UsdPerRun=9',
      '-n',
      '20000',
      '--seed',
      '3',
      '--by',
      '2035,2060',
    ];
    const csv = await cli([...args, '--format', 'csv']);
    const json = await cli([...args, '--format', 'json']);
    expect(csv.code, csv.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.manifest).toMatchObject({
      tool: 'bioanchors',
      scenario: 'cotra-2020',
      seed: 3,
      samples: 20000,
      sets: ['spending.log10UsdPerRun=9'],
      pairing: 'common random numbers',
    });
    expect(doc.design).toEqual({ kind: 'grid', paths: ['spending.doublingYears', 'pricePerformance.doublingYears'], variants: 6 });
    expect(csv.stdout).not.toContain('"');
    const [header, ...lines] = csv.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    expect(header).toEqual([
      'variant',
      'spending.doublingYears',
      'pricePerformance.doublingYears',
      'figure',
      'value',
      'se',
      'status',
      'seed',
      'samples',
      'scenario',
      'overrides',
    ]);
    for (const line of lines) expect(line).toHaveLength(header.length);
    // One row per variant (the baseline, 0, and the six of the grid) and figure.
    expect(lines).toHaveLength(7 * doc.figures.length);
    expect(doc.figures).toEqual(['p_by_2035', 'p_by_2060', 'date_10', 'date_50', 'date_90', 'p_not_by_horizon', 'p_never']);
    const cell = (x: unknown) => (x === null || x === undefined ? '' : String(x));
    lines.forEach((line, i) => {
      const row = Object.fromEntries(header.map((h, c) => [h, line[c]]));
      const variant = doc.variants[Math.floor(i / doc.figures.length)];
      const figure = doc.figures[i % doc.figures.length];
      const f = variant.figures[figure];
      expect(row, `row ${i + 2}`).toEqual({
        variant: String(variant.index),
        'spending.doublingYears': cell(variant.values['spending.doublingYears']),
        'pricePerformance.doublingYears': cell(variant.values['pricePerformance.doublingYears']),
        figure,
        value: cell(f.value),
        se: cell(f.se),
        status: cell(f.status),
        seed: '3',
        samples: '20000',
        scenario: 'cotra-2020',
        overrides: '--set spending.log10UsdPerRun=9',
      });
    });
    expect(doc.variants[0]).toMatchObject({ index: 0, baseline: true, values: { 'spending.doublingYears': 2.5, 'pricePerformance.doublingYears': 2.5 } });
    expect(doc.variants.slice(1).map((v: { values: Record<string, number> }) => Object.values(v.values))).toEqual([
      [2, 2],
      [2, 2.5],
      [2.5, 2],
      [2.5, 2.5],
      [3, 2],
      [3, 2.5],
    ]);
    // The variant at the scenario's own values is the baseline, world for world.
    expect(doc.variants[4].figures).toEqual(doc.variants[0].figures);
  });

  it('prints a table on a terminal: a row per variant, figures with their standard errors', async () => {
    const r = await cli(['sweep', '--values', 'spending.doublingYears=2,3', '-n', '5000', '--set', 'spending.log10UsdPerRun=9'], { tty: true });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Sweep of spending.doublingYears · Cotra (2020) best guess [cotra-2020]');
    expect(lines[1]).toBe('Changed on the command line: --set spending.log10UsdPerRun=9');
    expect(lines[2]).toBe('2 variants (grid) and the scenario as given (variant 0) · 5,000 worlds each, on common random numbers · seed 20200918');
    expect(lines[4]).toMatch(
      /^variant\s+spending\.doublingYears\s+P\(by 2030\)\s+P\(by 2040\)\s+P\(by 2050\)\s+10% date\s+50% date\s+90% date\s+after 2100\s+never$/,
    );
    expect(lines[5]).toMatch(/^0\s+2\.5\s+\d+\.\d% ±\d\.\d\d\s/);
    expect(lines[7]).toMatch(/^2\s+3\s/);
  });

  it('says what it does in --help, with examples; the command list names it', async () => {
    const help = await cli(['sweep', '--help']);
    expect(help.code).toBe(0);
    for (const text of [
      '--grid <path=lo:hi:step>',
      '--values <path=a,b,c>',
      '--random <N>',
      '--range <path=lo:hi>',
      '--by <years>',
      'Examples:',
      'common',
      'Latin hypercube',
      'at most 10,000 variants',
    ])
      expect(help.stdout).toContain(text);
    expect((await cli(['--help'])).stdout).toMatch(/\n {2}sweep \[options\] \[scenario\]/);
  });
});
