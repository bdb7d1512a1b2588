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
    const expected = /anchors\/t\.json:\d+:\d+: missing operator in "a b" \(mathjs would read it as a product\); write an operator between the two, \* if a product is meant \(at column 3 of the formula\)/;
    for (const argv of [['validate', 'anchors/t.json'], ['validate', 'mine.json'], ['show', 'anchors/t.json'], ['run', 'mine.json', '-n', '100']]) {
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
    for (const argv of [['validate', 'mine.json'], ['run', 'mine.json', '-n', '100']]) {
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
    for (const argv of [['run', 'cotra-2020', '-n', '1000', '-t', '1', '--format', 'json'], ['run', join(dir, 'mine.json'), '-n', '1000', '-t', '1', '--format', 'json']]) {
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
    expect(folderExtends.stderr).toMatch(/to-folder\.json:3:3: "extends": .*sub is a folder, not a scenario file; give the path of a \.json file in it, or a bundled scenario id/);
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
    const dir = folder({ 'obs.json': `${JSON.stringify({ description: 'd', yearConvention: 'y', rows: [{ year: 2021, model: 'm' }] }, null, 2)}\n` });
    const r = await cli(['validate', 'obs.json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/obs\.json:\d+:\d+: rows\[0\]: a row needs at least one of trainingFlop, flopPerUsd, costUsd/);
  });
});
