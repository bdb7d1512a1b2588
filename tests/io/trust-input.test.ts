/**
 * Inputs that used to give a silently wrong number, a crash or a misplaced blame: each case is
 * the message, the exit code and (where --output is given) the files left behind.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/model/formula.js';
import { closest } from '../../src/io/closest.js';
import { loadScenario } from '../../src/io/load.js';
import { cli, fixture, tempDir } from '../helpers.js';

/** Writes `files` (name → text or bytes) into a fresh folder and returns its path. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const extendsCotra = (body: Record<string, unknown>) => JSON.stringify({ id: 'mine', extends: 'cotra-2020', ...body });

describe('values that could never take effect', () => {
  it('a general algorithmic value with every anchor overriding it in the same file is an error naming where', async () => {
    const r = await cli(['run', fixture('layers', 'dead-in-one-file.json'), '-n', '1000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /dead-in-one-file\.json:4:\d+: algorithmicProgress\.halvingYears never takes effect: every anchor it concerns sets its own \(anchors\.simple-low\.algorithmicProgress\.halvingYears, anchors\.simple-high\.algorithmicProgress\.halvingYears\)/,
    );
  });

  it('a general value in a file that extends replaces the per-anchor values it inherits', () => {
    const halving = (file: string) =>
      loadScenario(fixture('layers', file)).scenario.anchors.map((a) => (a.algorithmicProgress.halvingYears as { value: number }).value);
    expect(halving('per-anchor.json')).toEqual([2, 3]);
    expect(halving('general-over-per-anchor.json')).toEqual([1.5, 1.5]);
    // In one file, a general value is the default for the anchors that do not set their own.
    expect(halving('half-override.json')).toEqual([2, 1.5]);
  });

  it('--set algorithmicProgress.halvingYears reaches every anchor of cotra-2020 (it used to change nothing)', async () => {
    const scenario = loadScenario('cotra-2020', { sets: ['algorithmicProgress.halvingYears=1'] }).scenario;
    expect(scenario.anchors.map((a) => a.algorithmicProgress.halvingYears)).toEqual(scenario.anchors.map(() => ({ kind: 'point', value: 1 })));
    const base = JSON.parse((await cli(['run', '-n', '20000', '--format', 'json'])).stdout);
    const set = JSON.parse((await cli(['run', '-n', '20000', '--format', 'json', '--set', 'algorithmicProgress.halvingYears=1'])).stdout);
    // Faster progress reaches each anchor's cap sooner: by 2030 the curve is about 3.5 points higher (se ≈ 0.2).
    expect(set.pTaiByYear[2030 - 2024]).toBeGreaterThan(base.pTaiByYear[2030 - 2024] + 0.02);
  });

  it('a general variable override replaces per-anchor overrides inherited from the base', () => {
    const dir = folder({
      'base.json': extendsCotra({ id: 'base', anchors: { lifetime: { variables: { brainLog10FlopPerS: 14 } } } }),
      'top.json': JSON.stringify({ id: 'top', extends: 'base.json', variables: { brainLog10FlopPerS: 16 } }),
    });
    const lifetime = loadScenario(join(dir, 'top.json')).scenario.anchors.find((a) => a.anchor.id === 'lifetime')!;
    expect(lifetime.anchor.variables.find((v) => v.name === 'brainLog10FlopPerS')!.dist).toEqual({ dist: 'point', value: 16 });
  });

  it('cotra-2020-uncertain-growth draws its uncertain halving time for every anchor', () => {
    const scenario = loadScenario('cotra-2020-uncertain-growth').scenario;
    for (const a of scenario.anchors) expect(a.algorithmicProgress.halvingYears.kind).toBe('dist');
  });
});

describe('the command line is blamed for its own mistakes (exit 2), never a bundled file', () => {
  it.each([
    [['--set', 'spending.doublingYears=-1'], /^--set spending\.doublingYears: .*must be positive/m],
    [['--horizon', '2010'], /^--horizon: horizonYear \(2010\) must be after startYear \(2024\)/m],
    [['--set', 'startYear=2101'], /^--set startYear: horizonYear \(2100\) must be after startYear \(2101\)/m],
    [
      ['--set', 'anchors.lifetime.variables.brainLog10FlopPerS={"dist":"normal","median":15,"sd":1,"truncate":{"min":90}}'],
      /^--set anchors\.lifetime\.variables\.brainLog10FlopPerS: truncation to \[90, ∞\] leaves no probability/m,
    ],
    [['--set', '__proto__.polluted=1'], /"__proto__" cannot be used as a name/],
    [['--set', 'constructor=1'], /"constructor" cannot be used as a name/],
    [['--set', 'spending.prototype=1'], /"prototype" cannot be used as a name/],
    [['--set', 'variables={"__proto__":{"x":1}}'], /"__proto__" cannot be used as a name/],
  ])('run %j', async (args, message) => {
    const r = await cli(['run', '-n', '1000', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/scenarios\/cotra-2020\.json/);
    expect(r.stderr).not.toMatch(/internal error| {4}at /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an error in the user's file is blamed on it, even when the value it breaks comes through extends", async () => {
    const dir = folder({ 'mine.json': extendsCotra({ startYear: 2101 }) });
    const r = await cli(['run', join(dir, 'mine.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/mine\.json:1:\d+: horizonYear \(2100\) must be after startYear \(2101\)/);
  });
});

describe('bad files get a message and exit 3, never a stack trace', () => {
  const cases: [string, Record<string, string | Buffer>, RegExp][] = [
    [
      'a truncation that leaves no probability',
      { 'mine.json': extendsCotra({ variables: { brainLog10FlopPerS: { dist: 'normal', median: 15, sd: 1, truncate: { min: 100, max: 200 } } } }) },
      /mine\.json:1:\d+: truncation to \[100, 200\] leaves no probability/,
    ],
    [
      'a growth truncation that leaves no probability',
      { 'mine.json': extendsCotra({ spending: { doublingYears: { dist: 'lognormal', median: 2, sdLn: 0.1, truncate: { min: 1000 } } } }) },
      /spending\.doublingYears .*truncation to \[1000, ∞\] leaves no probability/,
    ],
    ['a key named constructor', { 'mine.json': extendsCotra({ variables: { constructor: 1 } }) }, /mine\.json:1:\d+: "constructor" cannot be used as a name/],
    ['a key named __proto__', { 'mine.json': '{"id":"mine","extends":"cotra-2020","__proto__":{"horizonYear":2050}}' }, /"__proto__" cannot be used as a name/],
    [
      'an anchor called toString',
      { 'mine.json': extendsCotra({ anchors: { tostring: { weight: 0.01 }, toString: { weight: 0.01 } } }) },
      /"toString" cannot be used as a name/,
    ],
    [
      'UTF-16',
      { 'mine.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(extendsCotra({}), 'utf16le')]) },
      /mine\.json: is UTF-16 encoded; save it as UTF-8/,
    ],
    ['UTF-16 without a byte-order mark', { 'mine.json': Buffer.from(extendsCotra({}), 'utf16le') }, /mine\.json: contains NUL bytes/],
    ['Latin-1', { 'mine.json': Buffer.from(extendsCotra({ description: 'caf\u00e9' }), 'latin1') }, /mine\.json: is not valid UTF-8/],
    ['very deep nesting', { 'mine.json': `${'['.repeat(200000)}${']'.repeat(200000)}` }, /mine\.json:1:65: objects and lists are nested more than 64 deep/],
    [
      'a very large file',
      { 'mine.json': `{"id":"mine","description":"${'x'.repeat(5 * 1024 * 1024)}"}` },
      /mine\.json: is 5\.0 MB; input files may be at most 4 MB/,
    ],
  ];
  it.each(cases)('%s', async (_name, files, message) => {
    const dir = folder(files);
    const out = join(dir, 'out.csv');
    const r = await cli(['run', join(dir, 'mine.json'), '-n', '1000', '-o', out]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error| {4}at /);
    expect(r.code).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a UTF-8 byte-order mark is accepted', async () => {
    const dir = folder({ 'mine.json': `\ufeff${extendsCotra({})}` });
    const r = await cli(['run', join(dir, 'mine.json'), '-n', '1000', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^year,/);
  });

  it('a local anchors/ folder that shadows a bundled anchor says so on stderr', async () => {
    const dir = tempDir();
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'anchors'));
    writeFileSync(join(dir, 'anchors', 'lifetime.json'), readFileSync(join(fixture('..', '..'), 'anchors', 'lifetime.json')));
    writeFileSync(join(dir, 'mine.json'), extendsCotra({}));
    const r = await cli(['run', join(dir, 'mine.json'), '-n', '1000', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: anchor "lifetime" is read from .*anchors\/lifetime\.json, which takes the place of the bundled anchor/);
    expect((await cli(['run', join(dir, 'mine.json'), '-n', '1000', '--format', 'csv', '-q'])).stderr).toBe('');
  });
});

describe('the formula whitelist sees only its own names', () => {
  it.each(['hasOwnProperty(x)', 'toString(x)', 'constructor(x)', 'valueOf(x)', '__proto__(x)', 'x + constructor', 'x + toString', 'x + __proto__'])(
    '%s is refused',
    (formula) => {
      const r = parseFormula(formula, ['x'], closest);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/unknown function|not a declared variable/);
    },
  );
});

describe('found by attacking the command line', () => {
  it.each([
    [['run', '--set', 'anchors.lifetime.weight=1'], /^--set anchors\.lifetime\.weight: anchor weights add up to 1\.85/m],
    [['run', '--set', 'anchors.nonexist.weight=0.1'], /^--set anchors\.nonexist\.weight: no anchor "nonexist"/m],
    [
      ['compare', 'cotra-2020', 'rp-2020', '--set', 'anchors.rp-gpt.weight=0.1'],
      /^--set anchors\.rp-gpt\.weight: missing: algorithmic halving time of "rp-gpt"/m,
    ],
    [['run', '--set', 'extends=cotra-2020-aggressive'], /--set extends: the command line cannot change what a scenario extends/],
    [['run', 'anchors/lifetime.json'], /lifetime\.json is an anchor file, not a scenario/],
    [['run', '--seed', ''], /--seed must be a whole number/],
    [['run', '--seed', ' '], /--seed must be a whole number/],
    [['sensitivity', '--swing', 'spending.doublingYears=0,3'], /--swing spending\.doublingYears=0,3: 0 is not a value it can take: .*must be positive/],
    [['sensitivity', '--swing', 'spending.maxGdpFraction=0.5,2'], /2 is not a value it can take: .*at most 1/],
    [['sensitivity', '--swing', 'spending.doublingYears=,3'], /--swing takes path=LOW,HIGH/],
  ])('%j is a usage error blamed on the command line', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/scenarios\/cotra-2020\.json|internal error| {4}at /);
  });

  it("extends pointing at an anchor file is blamed on the user's extends", async () => {
    const dir = folder({ 'ea.json': JSON.stringify({ id: 'ea', extends: join(fixture('..', '..'), 'anchors', 'lifetime.json') }) });
    const r = await cli(['run', join(dir, 'ea.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ea\.json:1:\d+: "extends": .*lifetime\.json is an anchor file, not a scenario/);
  });

  it("an override that makes an anchor's formula undefined is blamed on the override, not the anchor file", async () => {
    const { mkdirSync } = await import('node:fs');
    const dir = tempDir();
    mkdirSync(join(dir, 'anchors'));
    writeFileSync(
      join(dir, 'anchors', 'logy.json'),
      JSON.stringify({
        id: 'logy',
        label: 'Log',
        description: 'd',
        sources: ['test'],
        variables: { x: { unit: 'FLOP', dist: 'lognormal', median: 1e30, sdLn: 1 } },
        formula: 'log10(x)',
      }),
    );
    writeFileSync(
      join(dir, 'base.json'),
      extendsCotra({ id: 'base', anchors: { logy: { weight: 0.05, algorithmicProgress: { halvingYears: 2, maxOom: 2 } }, evolution: { weight: 0.05 } } }),
    );
    writeFileSync(join(dir, 'top.json'), JSON.stringify({ id: 'top', extends: './base.json', variables: { x: { dist: 'normal', median: 1e30, sd: 1e30 } } }));
    const r = await cli(['run', join(dir, 'top.json'), '-n', '1000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/top\.json:1:\d+: with this scenario's x, anchor "logy" fails: the formula can be undefined/);
    expect(r.stderr).not.toMatch(/logy\.json/);
  });

  it('compare tells apart two scenarios with the same id', async () => {
    const r = await cli(['compare', 'cotra-2020', 'cotra-2020', '-n', '2000', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/p_cotra_2020,se_cotra_2020,worlds_cotra_2020,p_cotra_2020#2,/);
  });
});

describe('found by the second attack', () => {
  it('--observation-error without --given-observed is refused, and a weighted run says how it was weighted in every CSV row', async () => {
    expect((await cli(['run', '--observation-error', '1'])).code).toBe(2);
    expect((await cli(['compare', 'cotra-2020', 'cotra-2020-aggressive', '--observation-error', '1'])).code).toBe(2);
    const r = await cli(['run', 'cotra-2020-uncertain-growth', '--given-observed', '-n', '100000', '--observation-error', '1', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, first] = r.stdout.split('\n');
    const col = header.split(',').indexOf('overrides');
    expect(first.split(',')[col]).toBe('--given-observed bioanchors:data/observations.json --observation-error 1');
  });
});

describe('observations files are read like scenario files', () => {
  it('accept a byte-order mark, name UTF-16, and explain an optional FILE that swallowed a scenario', async () => {
    const { readFileSync: read } = await import('node:fs');
    const bundled = read(join(fixture('..', '..'), 'data', 'observations.json'));
    const dir = folder({
      'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bundled]),
      'u16.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bundled.toString('utf8'), 'utf16le')]),
    });
    expect((await cli(['hindcast', '--observations', join(dir, 'bom.json'), '--format', 'csv'])).code).toBe(0);
    const u16 = await cli(['hindcast', '--observations', join(dir, 'u16.json')]);
    expect(u16.code).toBe(3);
    expect(u16.stderr).toMatch(/u16\.json: is UTF-16 encoded/);
    const swallowed = await cli(['run', '--given-observed', 'cotra-2020-uncertain-growth', '-n', '1000']);
    expect(swallowed.code).toBe(3);
    expect(swallowed.stderr).toMatch(/--given-observed takes an optional FILE, so put it after the scenarios/);
  });
});

describe('a formula that gives no number because of an override', () => {
  // Numbers in files are at most 1e300 and distributions stay within it (an sd of 1e308 is refused
  // when loaded), so the overflow comes from a formula: exp(x) with x spread over ±1000.
  const overflowing = () => {
    const dir = folder({
      'mine.json': extendsCotra({
        anchors: { boom: { weight: 0.1, algorithmicProgress: { halvingYears: 2, maxOom: 1 } } },
        variables: { x: { dist: 'normal', median: 0, sd: 300 } },
      }),
    });
    mkdirSync(join(dir, 'anchors'));
    writeFileSync(
      join(dir, 'anchors', 'boom.json'),
      JSON.stringify({
        id: 'boom',
        label: 'boom',
        description: 'd',
        sources: ['s'],
        variables: { x: { unit: 'OOM', dist: 'normal', median: 0, sd: 1 } },
        formula: 'exp(x)',
      }),
    );
    return dir;
  };

  it('is blamed on the scenario that replaced the variable, naming it', async () => {
    const dir = overflowing();
    const r = await cli(['run', join(dir, 'mine.json'), '-n', '2000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/mine\.json: the formula of anchor "boom" gave a non-finite requirement .*this scenario replaces x/);
  });

  it.each([
    ['run --given-observed', ['run', '--given-observed', '-n', '2100000', '--threads', '2']],
    ['samples on two threads', ['samples', '-n', '300000', '--threads', '2']],
  ])('%s: the same message and exit 3, and no output file', async (_name, args) => {
    const dir = overflowing();
    const out = join(dir, 'out.csv');
    const [command, ...rest] = args;
    const r = await cli([command, join(dir, 'mine.json'), ...rest, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/mine\.json: the formula of anchor "boom" gave a non-finite requirement .*this scenario replaces x/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(existsSync(out)).toBe(false);
  });
});
