/**
 * The explore page's state outside the browser: links round-trip and are parsed strictly, the
 * command line quotes what a shell would split, the downloaded scenario holds only the changes,
 * and the command writes a page with its controls, without this machine's folders, refusing what
 * run refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/api.js';
import { scenarioControls } from '../../src/browser/controls.js';
import { scenarioFile } from '../../src/browser/download.js';
import { commandLine, encodeState, parseState, type ExploreState } from '../../src/browser/state.js';
import { scriptText } from '../../src/browser/template.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const scenarios = [scenarioControls(loadInput('cotra-2020')), scenarioControls(loadInput('cotra-2020-uncertain-growth'))];
const defaults = { worlds: 100_000, seed: 1 };

describe('explore state', () => {
  it('lists every belief: weights, variables, growth and algorithmic parameters, caps and years', () => {
    const paths = scenarios[0].controls.map((c) => c.path);
    for (const p of [
      'anchors.lifetime.weight',
      'anchors.lifetime.variables.lifetimeLog10Seconds',
      'variables.brainLog10FlopPerS',
      'anchors.genome.algorithmicProgress.halvingYears',
      'algorithmicProgress.maxOom',
      'pricePerformance.doublingYears',
      'pricePerformance.cap',
      'spending.maxGdpFraction',
      'spending.gdpYear',
      'horizonYear',
    ])
      expect(paths).toContain(p);
    expect(new Set(paths).size).toBe(paths.length);
    const doubling = scenarios[1].controls.find((c) => c.path === 'pricePerformance.doublingYears')!;
    expect(doubling.value).toEqual({ dist: 'lognormal', low: 1.5, high: 3.5, level: 0.9 });
    expect(doubling.about).toContain('FLOP per dollar');
  });

  it('round-trips a state through the link', () => {
    const state: ExploreState = {
      scenario: 'cotra-2020-uncertain-growth',
      worlds: 20000,
      seed: 5,
      sets: ['spending.cap=hard', 'pricePerformance.doublingYears={"dist":"normal","median":2,"sd":0.5}', 'anchors.genome.weight=0.2'],
      versus: 'cotra-2020',
    };
    expect(parseState(`#${encodeState(state)}`, scenarios, defaults)).toEqual({ ok: true, state });
    expect(parseState('', scenarios, defaults)).toEqual({ ok: true, state: { scenario: 'cotra-2020', worlds: 100000, seed: 1, sets: [], versus: '' } });
  });

  it.each([
    ['v=2&scenario=cotra-2020', 'made for link format 2'],
    ['scenario=cotra-2020', 'no format version'],
    ['v=1&what=1', '"what", which this page does not know'],
    ['v=1&n=5', 'n (worlds) must be from 1000'],
    ['v=1&seed=-1', 'seed must be a whole number'],
    ['v=1&seed=9999999999999999', 'seed must be from 0'],
    ['v=1&set=__proto__%3D1', '"__proto__" cannot be a name'],
    ['v=1&set=anchors.lifetime.toString%3D1', '"toString" cannot be a name'],
    ['v=1&set=spending.doublingYears%3D%7B%22constructor%22%3A1%7D', '"constructor" cannot be a name'],
    ['v=1&set=spending.doublingYears%3D1e20', 'too large a number'],
    ['v=1&set=spending.doublingYears%3D%7B%22dist%22%3A%22normal%22%2C%22median%22%3A1e99%7D', 'too large a number'],
    ['v=1&set=spending.cap%3Dmedium', 'hard or soft'],
    ['v=1&set=horizonYear%3D2100.5', 'is a year'],
    ['v=1&set=anchors.lifetime.weight%3D0.1&set=anchors.lifetime.weight%3D0.2', 'twice'],
    ['v=1&set=extends%3Dx', 'not a belief of this scenario'],
    ['v=1&set=%ZZ', 'not a well-formed link'],
  ])('refuses #%s', (fragment, message) => {
    const parsed = parseState(fragment, scenarios, defaults);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('gives the run command, quoted for a shell', () => {
    const line = commandLine({ scenario: 'cotra-2020', worlds: 1000, seed: 2, sets: ['a.b=1', 'c={"dist":"point","value":1}', "d=it's"], versus: '' });
    expect(line).toBe(`bioanchors run cotra-2020 --set a.b=1 --set 'c={"dist":"point","value":1}' --set 'd=it'\\''s' -n 1000 --seed 2`);
  });

  it('downloads a scenario with only the changes, and a note of each', () => {
    const text = scenarioFile({
      ref: 'cotra-2020',
      id: 'cotra-2020',
      label: 'Cotra (2020) best guess',
      sets: ['anchors.lifetime.weight=0.1', 'algorithmicProgress.halvingYears=3'],
      before: (p) => (p === 'anchors.lifetime.weight' ? '0.05' : undefined),
    });
    expect(JSON.parse(text)).toEqual({
      id: 'cotra-2020-explored',
      extends: 'cotra-2020',
      label: 'Cotra (2020) best guess, changed in bioanchors explore',
      description:
        'cotra-2020 with 2 changes made in bioanchors explore 0.1.0: anchors.lifetime.weight: 0.05 → 0.1; algorithmicProgress.halvingYears: (each anchor its own) → 3.',
      anchors: { lifetime: { weight: 0.1 } },
      algorithmicProgress: { halvingYears: 3 },
    });
  });

  it('escapes what would end a script element', () => {
    expect(scriptText('a="</script><b>"; c="<!--"')).toBe('a="<\\/script><b>"; c="<\\!--"');
  });
});

describe('bioanchors explore', () => {
  it('writes one page with the controls and files, and no folder of this machine', async () => {
    const dir = tempDir();
    const mine = join(dir, 'mine.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(mine, JSON.stringify({ id: 'mine', extends: 'cotra-2020', spending: { doublingYears: 2 } }));
    const r = await cli(['explore', 'cotra-2020', 'mine.json', '-o', 'page.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^wrote page.html \(\d+ KB; 2 scenarios, \d+ controls; seed 20200918, 100000 worlds\)/);
    const html = readFileSync(join(dir, 'page.html'), 'utf8');
    expect(html).not.toContain(dir);
    expect(html).not.toContain(ROOT);
    const data = JSON.parse(/<script type="application\/json" id="explore-data">(.*?)<\/script>/s.exec(html)![1]);
    expect(data.scenarios.map((s: { ref: string; load: string }) => [s.ref, s.load])).toEqual([
      ['cotra-2020', 'cotra-2020'],
      ['mine.json', '/work/mine.json'],
    ]);
    expect(Object.keys(data.texts)).toContain('/bioanchors/scenarios/cotra-2020.json');
    expect(Object.keys(data.texts)).toContain('/work/mine.json');
    expect(html).toContain("default-src 'none'");
  });

  it.each([
    [['explore'], 2, 'explore needs -o FILE.html'],
    [['explore', '-o', 'x.svg'], 2, 'must end in .html'],
    [['explore', 'nope', '-o', 'x.html'], 2, 'no scenario "nope"'],
    [['explore', 'cotra-2020', 'cotra-2020', '-o', 'x.html'], 2, 'each scenario once'],
  ])('refuses %j', async (argv, code, message) => {
    const r = await cli(argv, { cwd: tempDir() });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
