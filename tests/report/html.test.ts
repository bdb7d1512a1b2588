/** The HTML report: self-contained, with the table, charts, inputs and manifest of each scenario. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeDistribution, escapeHtml } from '../../src/report/html.js';
import { cli, tempDir } from '../helpers.js';

describe('report', () => {
  let html: string;
  let stderr: string;
  beforeAll(async () => {
    const dir = tempDir();
    const r = await cli(
      ['report', 'cotra-2020', 'cotra-2020-aggressive', '-n', '2000', '--no-sensitivity', '--set', 'spending.doublingYears=2.4', '-o', 'r.html'],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
    html = readFileSync(join(dir, 'r.html'), 'utf8');
  }, 60_000);

  it('gives the same scenario named twice sections of its own', async () => {
    const dir = tempDir();
    const r = await cli(['report', 'cotra-2020', 'cotra-2020', '-n', '2000', '--no-sensitivity', '-q', '-o', 'r.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const twice = readFileSync(join(dir, 'r.html'), 'utf8');
    const ids = [...twice.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(twice).toContain('<section id="scenario-2-cotra-2020">');
  }, 60_000);

  it('is one file with no scripts and nothing to fetch', () => {
    expect(stderr).toBe('wrote r.html (2 scenarios, seed 20200918, 2000 worlds)\n');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|src="http|url\(http/i);
  });

  it('holds, per scenario, the forecast table, charts, inputs with sources, and the manifest', () => {
    ['cotra-2020', 'cotra-2020-aggressive'].forEach((id, i) => expect(html).toContain(`<section id="scenario-${i + 1}-${id}">`));
    // Every id in the page is unique (charts, sections), and every link inside the page has its target.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
    expect(html.match(/<h3>Forecast<\/h3>/g)).toHaveLength(2);
    expect(html.match(/<h3>Inputs<\/h3>/g)).toHaveLength(2);
    expect(html.match(/<h3>Manifest<\/h3>/g)).toHaveLength(2);
    // cdf, requirements and hindcast per scenario (no tornado with --no-sensitivity), and the comparison.
    expect(html.match(/<figure><svg /g)).toHaveLength(7);
    // The report's curve is the reference of the unmodified cotra-2020 only: --set leaves it out, and says why.
    expect(html).not.toContain('Cotra (2020) spreadsheet');
    expect(html).toContain("No reference curve: the report's spreadsheet curve is that of the unmodified cotra-2020, which --set changed");
    // Every section and every chart says what the command line changed.
    expect(html.match(/<p class="changed">Changed on the command line: <code>--set spending.doublingYears=2.4<\/code><\/p>/g)).toHaveLength(2);
    for (const [svg] of html.matchAll(/<svg [\s\S]*?<\/svg>/g)) expect(svg).toContain('Changed on the command line: --set spending.doublingYears=2.4');
    expect(html).toContain('Carlsmith (2020)');
    expect(html).toContain('<b>Price-performance:</b> ~1e17 FLOP/$ in 2020');
    expect(html).toContain('<b>In this scenario:</b> Weight: Cotra 2020');
    expect(html).toMatch(/<code class="hash">[0-9a-f]{64}<\/code>/);
    expect(html).toContain('<code>spending.doublingYears=2.4</code>');
    expect(html).toContain('bioanchors plot cdf cotra-2020 -o cdf.svg -n 2000 --seed 20200918 --set spending.doublingYears=2.4');
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('is the same file for the same command (no clock, no paths but those given)', async () => {
    const dir = tempDir();
    const again = await cli(
      ['report', 'cotra-2020', 'cotra-2020-aggressive', '-n', '2000', '--no-sensitivity', '--set', 'spending.doublingYears=2.4', '-o', 'r.html', '-q'],
      { cwd: dir },
    );
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe(html);
  }, 60_000);

  it('gives each inline chart its own element ids', () => {
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    [['report'], 'report needs -o FILE.html: where to write the report'],
    [['report', '-o', 'r.pdf'], '-o r.pdf: the report is HTML; the file name must end in .html'],
  ])('%j: exit 2, no file', async (argv, message) => {
    const dir = tempDir();
    const r = await cli(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('describeDistribution', () => {
  it('writes a distribution in one line', () => {
    expect(describeDistribution({ dist: 'normal', low: 13, high: 17, level: 0.9, unit: 'x', source: 's' })).toBe('normal(low 13, high 17, level 0.9)');
    expect(describeDistribution({ dist: 'point', value: 2.5 })).toBe('2.5');
    expect(describeDistribution({ dist: 'lognormal', median: 3, sdLn: 0.5, truncate: { min: 1 } })).toBe('lognormal(median 3, sdLn 0.5) truncated to [1, ∞]');
    expect(
      describeDistribution({
        dist: 'mixture',
        components: [
          { dist: 'point', value: 1, weight: 0.25 },
          { dist: 'uniform', min: 0, max: 2, weight: 0.75 },
        ],
      }),
    ).toBe('mixture(0.25×1; 0.75×uniform(min 0, max 2))');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
