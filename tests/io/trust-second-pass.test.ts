/**
 * Issue 14, inputs and messages: what a file may contain is refused or computed, the same in
 * `validate` and `run`, with a message naming the file, the place and what is accepted; no
 * internal error and no stack trace.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (relative name → text) into a fresh folder, removed after the tests, and returns its path. */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** An anchor file of one point variable `a` (and `b`, `c` when the formula uses them). */
function anchor(id: string, formula: string): string {
  const names = ['a', 'b', 'c'].filter((n) => new RegExp(`\\b${n}\\b`).test(formula) || n === 'a');
  const variables = Object.fromEntries(names.map((n, i) => [n, { unit: 'OOM', dist: 'point', value: 10 + i }]));
  return `${JSON.stringify({ $schema: './anchor.schema.json', id, label: id, description: 'test', sources: ['test'], variables, formula }, null, 2)}\n`;
}

/** A scenario extending cotra-2020 that gives the anchor `t` a weight. */
const scenarioWithT = `${JSON.stringify({ id: 'mine', extends: 'cotra-2020', anchors: { t: { weight: 0.1, algorithmicProgress: { halvingYears: 2, maxOom: 1 } } } }, null, 2)}\n`;

const noStack = (text: string) => expect(text).not.toMatch(/internal error|\n\s+at /);

describe('formulas: validate and run refuse and accept the same files', () => {
  it('a missing operator ("a b + c") is refused by validate (anchor file alone), show and run, naming the file, field and column', async () => {
    const dir = folder({ 'anchors/t.json': anchor('t', 'a b + c'), 'mine.json': scenarioWithT });
    const expected =
      /anchors\/t\.json:\d+:\d+: missing operator in "a b" \(mathjs would read it as a product\); write an operator between the two, \* if a product is meant \(at column 3 of the formula\)/;
    for (const argv of [
      ['validate', 'anchors/t.json'],
      ['validate', 'mine.json'],
      ['show', 'anchors/t.json'],
      ['run', 'mine.json', '-n', '100'],
    ]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(3);
      expect(r.stderr, argv.join(' ')).toMatch(expected);
      noStack(r.stderr);
    }
  });

  it('validate of an anchor file checks its formula (an undeclared name used to be "ok")', async () => {
    const dir = folder({ 'anchors/t.json': anchor('t', 'a + zz') });
    const r = await cli(['validate', 'anchors/t.json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/t\.json:\d+:\d+: "zz" is not a declared variable/);
  });

  it('a flat sum of 2,000 terms passes validate and runs (run used to crash with a stack trace)', async () => {
    const dir = folder({ 'anchors/t.json': anchor('t', Array(2000).fill('a').join(' + ')), 'mine.json': scenarioWithT });
    expect((await cli(['validate', 'mine.json', 'anchors/t.json'], { cwd: dir })).code).toBe(0);
    const r = await cli(['run', 'mine.json', '-n', '1000', '-t', '1', '--format', 'json'], { cwd: dir });
    noStack(r.stderr);
    expect(r.code).toBe(0);
  });

  it('parentheses 10,000 deep are refused by validate and run alike, with the limit', async () => {
    const dir = folder({ 'anchors/t.json': anchor('t', `${'('.repeat(4000)}a${')'.repeat(4000)}`), 'mine.json': scenarioWithT });
    for (const argv of [
      ['validate', 'mine.json'],
      ['run', 'mine.json', '-n', '100'],
    ]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/t\.json:\d+:\d+: parentheses are nested more than 64 deep \(at column 65 of the formula\)/);
      noStack(r.stderr);
    }
  });
});

describe('which file a scenario reference means', () => {
  it('a folder named like a bundled id in the working folder changes nothing: run, show and extends read the bundled scenario', async () => {
    const dir = folder({ 'cotra-2020/readme.txt': 'a folder, not a scenario', 'mine.json': `${JSON.stringify({ id: 'mine', extends: 'cotra-2020' })}\n` });
    const bundled = await cli(['run', 'cotra-2020', '-n', '1000', '-t', '1', '--format', 'json']);
    for (const argv of [
      ['run', 'cotra-2020', '-n', '1000', '-t', '1', '--format', 'json'],
      ['run', join(dir, 'mine.json'), '-n', '1000', '-t', '1', '--format', 'json'],
    ]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).pTaiByYear).toEqual(JSON.parse(bundled.stdout).pTaiByYear);
    }
    expect((await cli(['show', 'cotra-2020'], { cwd: dir })).code).toBe(0);
    expect((await cli(['validate', 'mine.json'], { cwd: dir })).code).toBe(0);
  });

  it('an explicit path to a folder is refused as a folder (exit 2); an extends of a folder or a missing file names the extending file and place', async () => {
    const dir = folder({
      'sub/readme.txt': 'x',
      'to-folder.json': `{\n  "id": "to-folder",\n  "extends": "./sub"\n}\n`,
      'to-missing.json': `{\n  "id": "to-missing",\n  "extends": "nope/base.json"\n}\n`,
    });
    const run = await cli(['run', './sub', '-n', '100'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sub is a folder, not a scenario file/);
    const folderExtends = await cli(['validate', 'to-folder.json'], { cwd: dir });
    expect(folderExtends.code).toBe(3);
    expect(folderExtends.stderr).toMatch(
      /to-folder\.json:3:3: "extends": .*sub is a folder, not a scenario file; give the path of a \.json file in it, or a bundled scenario id/,
    );
    const missing = await cli(['run', 'to-missing.json', '-n', '100'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/to-missing\.json:3:3: "extends": no such scenario file: .*nope\/base\.json/);
  });
});

describe('validate knows every kind of input file', () => {
  it('validate data/observations.json checks it as observations (it was called an invalid scenario)', async () => {
    const r = await cli(['validate', 'data/observations.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok {6}.*data\/observations\.json\n$/);
  });

  it('an observations file of the user is recognised by its shape and its problems are given as observations problems', async () => {
    const file = {
      description: 'd',
      yearConvention: 'y',
      selection: 's',
      units: 'u',
      sources: { s: { title: 't', url: 'https://example.org', date: '2024-01-01' } },
      rows: [{ year: 2021, model: 'm' }],
    };
    const dir = folder({ 'obs.json': `${JSON.stringify(file, null, 2)}\n` });
    const r = await cli(['validate', 'obs.json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/obs\.json:\d+:\d+: rows\[0\]: a row needs at least one of trainingFlop, flopPerUsd, costUsd/);
  });
});

describe('extreme but valid numbers: computed stably, or refused with the range, in files and through --set alike', () => {
  const json = async (argv: string[]) => {
    const r = await cli([...argv, '-n', '2000', '-t', '1', '--format', 'json']);
    noStack(r.stderr);
    return r;
  };

  it('a doubling or halving time of 5e-324 gives what 1e-300 gives (5e-324 made the slope infinite: 0% in every year)', async () => {
    for (const path of ['spending.doublingYears', 'pricePerformance.doublingYears', 'algorithmicProgress.halvingYears']) {
      const tiny = await json(['run', '--set', `${path}=5e-324`]);
      const small = await json(['run', '--set', `${path}=1e-300`]);
      expect(tiny.code, tiny.stderr).toBe(0);
      expect(JSON.parse(tiny.stdout).pTaiByYear, path).toEqual(JSON.parse(small.stdout).pTaiByYear);
    }
  });

  it('mixture weights of 1e308 are refused with the range and why, in a file (exit 3) and through --set (exit 2)', async () => {
    const mixture = {
      dist: 'mixture',
      components: [
        { dist: 'point', value: 14, weight: 1e308 },
        { dist: 'point', value: 16, weight: 1e308 },
      ],
    };
    const dir = folder({ 'mine.json': `${JSON.stringify({ id: 'mine', extends: 'cotra-2020', variables: { brainLog10FlopPerS: mixture } }, null, 2)}\n` });
    const why =
      "variables.brainLog10FlopPerS.components[0].weight must be between -1e300 and 1e300 (larger numbers overflow the model's sums, spreads and draws); found number 1e+308";
    const file = await cli(['validate', join(dir, 'mine.json')]);
    expect(file.code).toBe(3);
    expect(file.stderr).toContain(`mine.json:`);
    expect(file.stderr).toContain(why);
    const set = await cli(['run', '--set', `variables.brainLog10FlopPerS=${JSON.stringify(mixture)}`]);
    expect(set.code).toBe(2);
    expect(set.stderr).toContain(why);
  });

  it('mixture weights of 1e300 draw each component half the time, and 5e-324 with a truncation no longer "has no probability"', async () => {
    const { compileDistribution } = await import('../../src/dist/sampler.js');
    const equal = compileDistribution({
      dist: 'mixture',
      components: [
        { dist: 'point', value: 14, weight: 1e300 },
        { dist: 'point', value: 16, weight: 1e300 },
      ],
    });
    expect(equal.cdf(15)).toBe(0.5);
    const tiny = compileDistribution({
      dist: 'mixture',
      components: [
        { dist: 'normal', median: 14, sd: 1, weight: 5e-324 },
        { dist: 'normal', median: 16, sd: 1, weight: 5e-324 },
      ],
      truncate: { min: 10, max: 20 },
    });
    expect(tiny.cdf(15)).toBeCloseTo(0.5, 12);
  });

  it('a triangular over ±1e300 draws finite values (width × side overflowed to infinity)', async () => {
    const { compileDistribution } = await import('../../src/dist/sampler.js');
    const { Rng } = await import('../../src/random/rng.js');
    const t = compileDistribution({ dist: 'triangular', min: -1e300, mode: 0, max: 1e300 });
    const out = new Float64Array(1000);
    t.fill(new Rng(1), out, out.length);
    expect(out.every((x) => Number.isFinite(x) && Math.abs(x) <= 1e300)).toBe(true);
    expect(t.cdf(0)).toBe(0.5);
  });

  it.each([
    [
      'an sd of 1e300',
      { dist: 'normal', median: 15, sd: 1e300 },
      /the distribution draws values beyond ±1e300 \(probability 0\.32\), where the model's arithmetic overflows; narrow its spread or truncate it/,
    ],
    ['a lognormal spread to 1e300', { dist: 'lognormal', low: 5e-324, high: 1e300, level: 0.9 }, /draws values beyond ±1e300 \(probability 0\.050\)/],
    [
      'a level of 1e-7',
      { dist: 'normal', low: 14, high: 16, level: 1e-7 },
      /level must be at least 0\.000001 and below 1 \(a narrower interval's probability does not pin its spread in double precision\); found number 1e-7/,
    ],
  ])('%s is refused in a file (exit 3) and through --set (exit 2) with the same message', async (_name, dist, message) => {
    const dir = folder({ 'mine.json': `${JSON.stringify({ id: 'mine', extends: 'cotra-2020', variables: { brainLog10FlopPerS: dist } }, null, 2)}\n` });
    const file = await cli(['run', join(dir, 'mine.json'), '-n', '100']);
    expect(file.code).toBe(3);
    expect(file.stderr).toMatch(message);
    const set = await cli(['run', '-n', '100', '--set', `variables.brainLog10FlopPerS=${JSON.stringify(dist)}`]);
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(message);
  });

  it('a formula that overflows with bounded variables is refused when loaded, not at run time', async () => {
    const dir = folder({ 'anchors/t.json': anchor('t', 'a * a * a'), 'mine.json': scenarioWithT });
    writeFileSync(join(dir, 'anchors/t.json'), anchor('t', 'a * a * a').replace('"value": 10', '"value": 1e200'));
    for (const argv of [
      ['validate', 'anchors/t.json'],
      ['run', 'mine.json', '-n', '100'],
    ]) {
      const r = await cli(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(3);
      expect(r.stderr).toMatch(/t\.json:\d+:\d+: the formula overflows: with its variables' values it reaches \[Infinity, Infinity\]/);
    }
  });

  it('an adjustment rounding to 5e-324 leaves the requirement as it is (it made it non-finite and stopped the run)', async () => {
    const text = JSON.parse(anchor('t', 'a'));
    text.adjustments = [{ roundTo: 5e-324 }, { roundTo: 1e-300 }];
    const dir = folder({ 'anchors/t.json': `${JSON.stringify(text, null, 2)}\n`, 'mine.json': scenarioWithT });
    const r = await cli(['run', 'mine.json', '-n', '1000', '-t', '1', '--format', 'json'], { cwd: dir });
    noStack(r.stderr);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a curve formula that can leave its range says to change the formula, not to truncate a distribution', async () => {
    const r = await cli(['run', '-n', '100', '--set', 'algorithmicProgress.halvingYears={"formula": "exp(requirement)"}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be positive; its values range over \[0, Infinity\]; change the formula \(clamp\(…, lo, hi\) bounds it\)/);
  });

  // Every numeric field a scenario has, through --set, with the values that used to break: each
  // either runs to probabilities in [0, 1] or is refused as a command-line mistake; never anything else.
  const PATHS = [
    'pricePerformance.log10FlopPerUsd',
    'pricePerformance.doublingYears',
    'pricePerformance.maxLog10FlopPerUsd',
    'pricePerformance.year',
    'spending.log10UsdPerRun',
    'spending.doublingYears',
    'spending.log10GdpUsd',
    'spending.gdpGrowthPerYear',
    'spending.maxGdpFraction',
    'spending.year',
    'spending.gdpYear',
    'algorithmicProgress.halvingYears',
    'algorithmicProgress.maxOom',
    'algorithmicProgress.startYear',
    'anchors.lifetime.weight',
    'variables.brainLog10FlopPerS',
    'startYear',
    'horizonYear',
  ];
  const VALUES = ['0', '-1', '5e-324', '1e-300', '1e300', '1e308', '-1e308'];
  it('every numeric --set with 0, -1, 5e-324, 1e-300, 1e300, 1e308, -1e308 runs or is refused (exit 2), never a NaN or an internal error', async () => {
    for (const path of PATHS) {
      for (const value of VALUES) {
        const r = await cli(['run', '--set', `${path}=${value}`, '-n', '300', '-t', '1', '--format', 'json']);
        noStack(r.stderr);
        expect([0, 2], `${path}=${value}: ${r.stderr}`).toContain(r.code);
        if (r.code === 0)
          expect(
            JSON.parse(r.stdout).pTaiByYear.every((p: number) => p >= 0 && p <= 1),
            `${path}=${value}`,
          ).toBe(true);
        else expect(r.stderr, `${path}=${value}`).toMatch(/^--set[ :]/);
      }
    }
  }, 120_000);
});

describe('messages say what is wrong, where, and what is accepted (no zod internals)', () => {
  const INTERNAL = /\bnever\b|\brecord\b|a int\b|a array\b|Invalid key|Invalid input|undefined|9007199254740991|item\(s\).*must be text|unknown function ""/;
  const anchorText = (patch: Record<string, unknown>) =>
    `${JSON.stringify({ $schema: './anchor.schema.json', id: 't', label: 't', description: 'd', sources: ['s'], variables: { a: { unit: 'OOM', dist: 'point', value: 1 } }, formula: 'a', ...patch }, null, 2)}\n`;
  const scenarioText = (patch: Record<string, unknown>) => `${JSON.stringify({ id: 'mine', extends: 'cotra-2020', ...patch }, null, 2)}\n`;

  it.each([
    [
      'a weight on a variable',
      anchorText({ variables: { a: { unit: 'OOM', dist: 'point', value: 1, weight: 2 } } }),
      /variables\.a\.weight: only the components of a mixture have a weight; remove it/,
    ],
    [
      'a variable name that is not an identifier',
      anchorText({ variables: { a: { unit: 'OOM', dist: 'point', value: 1 }, $b: { unit: 'OOM', dist: 'point', value: 1 } } }),
      /"\$b" cannot be a key of variables: a variable name must be an identifier/,
    ],
    ['a list for a text field', anchorText({ label: [] }), /label must be text \(in double quotes\); found a list/],
    ['null for the variables', anchorText({ variables: null }), /variables must be an object; found null/],
    ['a list for sources items', anchorText({ sources: [1] }), /sources\[0\] must be text \(in double quotes\); found number 1/],
    ['an empty id', anchorText({ id: '' }), /id: an id is lower-case letters, digits and dashes; found the text ""/],
    ['a formula calling a field', anchorText({ formula: 'a.b(1)' }), /fields \(a\.b\) are not supported \(at column 2 of the formula\)/],
  ])('anchor file with %s', async (_name, text, message) => {
    const dir = folder({ 'anchors/t.json': text });
    const r = await cli(['validate', 'anchors/t.json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(INTERNAL);
  });

  it.each([
    ['a year that is not whole', scenarioText({ startYear: 2024.5 }), /startYear must be a whole number; found number 2024\.5/],
    ['a year of 1e300', scenarioText({ horizonYear: 1e300 }), /horizonYear must be at most 3000; found number 1e\+300$/m],
    [
      'an anchor id in capitals',
      scenarioText({ anchors: { Lifetime: { weight: 0.1 } } }),
      /"Lifetime" cannot be a key of anchors: an anchor id is lower-case letters, digits and dashes/,
    ],
    ['null for the anchors', scenarioText({ anchors: null }), /anchors must be an object; found null/],
    ['a list for sources', scenarioText({ sources: 'x' }), /sources must be a list; found the text "x"/],
    [
      'weights just over 1',
      scenarioText({
        anchors: {
          lifetime: { weight: 0.5 },
          'short-horizon': { weight: 0.5000001 },
          genome: { weight: 0 },
          'medium-horizon': { weight: 0 },
          'long-horizon': { weight: 0 },
          evolution: { weight: 0 },
        },
      }),
      /anchor weights add up to 1\.0000001 \(lifetime 0\.5 \+ short-horizon 0\.5000001 \+ genome 0 \+ medium-horizon 0 \+ long-horizon 0 \+ evolution 0\), more than 1; lower them to add up to at most 1/,
    ],
  ])('scenario file with %s', async (_name, text, message) => {
    const dir = folder({ 'mine.json': text });
    const r = await cli(['validate', join(dir, 'mine.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(INTERNAL);
  });
});

describe('other kinds of file where a scenario is expected, and invisible characters', () => {
  it.each([
    [
      'an observations file',
      '/data/observations.json',
      /is an observations file, not a scenario \(it has "rows" and a "yearConvention"\); give it to --given-observed or hindcast --observations/,
    ],
    ['a JSON schema', '/scenarios/scenario.schema.json', /is a JSON schema, not a scenario; a scenario's "\$schema" may point at it/],
  ])('extends of %s is blamed on the extends field, saying what the file is', async (_name, target, message) => {
    const { ROOT } = await import('../helpers.js');
    const dir = folder({ 'mine.json': `{\n  "id": "mine",\n  "extends": ${JSON.stringify(ROOT + target)}\n}\n` });
    const r = await cli(['validate', join(dir, 'mine.json')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/mine\.json:3:3: "extends": /);
    expect(r.stderr).toMatch(message);
    const run = await cli(['run', ROOT + target, '-n', '100']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('an extends of a device is "not a regular file", not "a folder"', async () => {
    const dir = folder({ 'mine.json': `{\n  "id": "mine",\n  "extends": "/dev/null"\n}\n` });
    const r = await cli(['validate', join(dir, 'mine.json')]);
    expect(r.stderr).toMatch(/mine\.json:3:3: "extends": \/dev\/null is not a regular file/);
  });

  it('a second byte-order mark or a no-break space is named (the message showed nothing)', async () => {
    const dir = folder({ 'bom2.json': '\ufeff\ufeff{"id": "bom2", "extends": "cotra-2020"}', 'nbsp.json': '{"id": "x",\u00a0"extends": "cotra-2020"}' });
    const bom = await cli(['validate', join(dir, 'bom2.json')]);
    expect(bom.stderr).toMatch(/bom2\.json:1:1: invalid JSON: an invisible character U\+FEFF here \(a second byte-order mark\); remove it/);
    const nbsp = await cli(['validate', join(dir, 'nbsp.json')]);
    expect(nbsp.stderr).toMatch(/nbsp\.json:1:12: invalid JSON: an invisible character U\+00A0 here; remove it/);
  });
});

describe('the other commands and options, with the worst input', () => {
  it('show ANCHOR --set is refused (the --set was silently ignored)', async () => {
    const r = await cli(['show', 'lifetime', '--set', 'spending.doublingYears=2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set changes a scenario's values; "lifetime" is an anchor/);
  });

  it('validate of a folder asks for the files in it (it said "not a scenario file")', async () => {
    const dir = folder({ 'a.json': '{}' });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a folder; give the files to check/);
  });

  it('sensitivity --swing to a refused value gives the reason without the --set wording', async () => {
    const r = await cli(['sensitivity', '--swing', 'spending.doublingYears=1e308,1', '-n', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^--swing spending\.doublingYears=1e\+308,1: 1e\+308 is not a value it can take: spending\.doublingYears must be between -1e300 and 1e300/m,
    );
  });

  it('merge of a file that is not a part says where and what, in the words of the other files (no zod "Invalid input")', async () => {
    const dir = folder({ 'kind.json': '{"kind": "bioanchors-chunks"}', 'list.json': '[]' });
    const kind = await cli(['merge', join(dir, 'kind.json')]);
    expect(kind.code).toBe(3);
    expect(kind.stderr).toMatch(
      /kind\.json:1:1: not a partial run written by `bioanchors run --chunks FROM:TO --format json`: missing required field "format" \("bioanchors-partial-1"\)/,
    );
    const list = await cli(['merge', join(dir, 'list.json')]);
    expect(list.stderr).toMatch(/list\.json:1:1: not a partial run .*: \(top level\) must be an object; found a list/);
    expect(kind.stderr + list.stderr).not.toMatch(/Invalid input/);
  });
});

describe('distribution messages', () => {
  it('the keys listed as allowed are the ones allowed there (a point was told "weight" was)', async () => {
    const r = await cli(['run', '-n', '100', '--set', 'variables.brainLog10FlopPerS={"dist":"point","value":1,"truncate":{"min":0}}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "truncate" in variables\.brainLog10FlopPerS; allowed: dist, value, unit, description, source\n/);
  });

  it('a --set mistake that concerns several anchors is said once', async () => {
    const r = await cli(['run', '-n', '100', '--set', 'variables.brainLog10FlopPerS={"dist":"point","value":1,"unit":"wrong"}']);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/does not match the anchor's/g)).toHaveLength(1);
  });
});

describe('reference curves (plot cdf --reference) are read as every input file is', () => {
  it('a folder, a UTF-16 file and a year outside 1900–3000 each get their message', async () => {
    const { readReferenceCsv } = await import('../../src/io/reference.js');
    const dir = folder({ 'sub/x': '', 'far.csv': 'year,p\n2030,0.1\n1e300,0.5\n' });
    writeFileSync(join(dir, 'u16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('year,p\n2030,0.1\n', 'utf16le')]));
    expect(() => readReferenceCsv(join(dir, 'sub'), 'sub')).toThrow(/^sub: is a folder, not a file$/);
    expect(() => readReferenceCsv(join(dir, 'u16.csv'), 'u16.csv')).toThrow(/^u16\.csv: is UTF-16 encoded; save it as UTF-8/);
    expect(() => readReferenceCsv(join(dir, 'far.csv'), 'far.csv')).toThrow(
      /^far\.csv:3:1: year 1e\+300 is outside 1900–3000, the years a scenario can cover$/,
    );
  });
});
