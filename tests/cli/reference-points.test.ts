/**
 * Published forecasts beside the bundled scenarios they are the reference for: the report's curve for
 * cotra-2020, Cotra's stated 2022 numbers for the 2022 scenarios, in run's table, plot cdf and the
 * HTML report; only for the unmodified bundled file (not after --set, not for a copy of the file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

/** The P(by year) table's rows, by year: the cells after the year. */
function byYearRows(table: string): Map<number, string[]> {
  const start = table.indexOf('\nyear  P(by year)');
  const block = table
    .slice(start + 1, table.indexOf('\n\n', start + 1))
    .split('\n')
    .slice(1);
  return new Map(block.filter((l) => /^\d{4} /.test(l)).map((l) => [Number(l.slice(0, 4)), l.slice(4).trim().split(/\s+/)]));
}

describe('reference points', () => {
  it("run's table shows Cotra's four stated 2022 numbers beside cotra-2022, rp-2022 and cotra-2022-fit", async () => {
    for (const id of ['cotra-2022', 'rp-2022', 'cotra-2022-fit']) {
      const r = await cli(['run', id, '-n', '3000', '--format', 'table', '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('year  P(by year)  se (pp)  Cotra (2022), stated');
      const rows = byYearRows(r.stdout);
      expect(rows.get(2030)?.[2]).toBe('~15%');
      expect(rows.get(2036)?.[2]).toBe('~35%');
      expect(rows.get(2040)?.[2]).toBe('~50%');
      expect(rows.get(2050)?.[2]).toBe('~60%');
      expect(rows.get(2045)?.[2]).toBeUndefined();
    }
  });

  it("run's table shows the report's spreadsheet curve beside cotra-2020, and nothing beside a scenario with no reference", async () => {
    const r = await cli(['run', '-n', '3000', '--format', 'table', '-q']);
    expect(r.stdout).toContain('year  P(by year)  se (pp)  Cotra (2020) spreadsheet');
    const rows = byYearRows(r.stdout);
    // reference/cotra-2020-best-guess-cdf.csv: 7.72% in 2030, 45.68% in 2050.
    expect(rows.get(2030)?.[2]).toBe('7.7%');
    expect(rows.get(2050)?.[2]).toBe('45.7%');
    // A curve is read at the table's usual years; it does not add a row for each of its own.
    expect(rows.has(2031)).toBe(false);
    const other = await cli(['run', 'rp-2020', '-n', '3000', '--format', 'table', '-q']);
    expect(other.stdout).toContain('year  P(by year)  se (pp)\n');
    expect(other.stdout).not.toContain('Cotra (2022), stated');
  });

  it('leaves the points out after --set and says why; keeps them with --horizon; none for a copy that reuses the id', async () => {
    const set = await cli(['run', 'cotra-2022', '-n', '3000', '--format', 'table', '-q', '--set', 'spending.doublingYears=2']);
    expect(set.stdout).not.toContain('~15%');
    expect(set.stdout).toContain("No reference points: Cotra's stated 2022 numbers are shown beside the unmodified cotra-2022, which --set changed");
    const horizon = await cli(['run', 'cotra-2022-fit', '-n', '3000', '--format', 'table', '-q', '--horizon', '2110']);
    expect(horizon.stdout).toContain('~60%');
    const dir = tempDir();
    const copy = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'cotra-2022-fit.json'), 'utf8'));
    delete copy.$schema;
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(copy));
    const mine = await cli(['run', 'copy.json', '-n', '3000', '--format', 'table', '-q'], { cwd: dir });
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout).not.toContain('Cotra (2022), stated');
    // Given no TAI by 2030, the stated numbers are conditioned as the forecast is.
    const given = await cli(['run', 'cotra-2022', '-n', '3000', '--format', 'table', '-q', '--given-no-tai-by', '2030']);
    expect(given.stdout).toContain('Cotra (2022), stated, given no TAI by 2030');
    // (35 − 15) / (100 − 15) = 23.5%.
    expect(byYearRows(given.stdout).get(2036)?.[2]).toBe('~24%');
  });

  it('a merged run prints the same table, reference included', async () => {
    const dir = tempDir();
    for (const [i, range] of ['0:1', '1:2'].entries()) {
      const r = await cli(['run', 'cotra-2022', '-n', '20000', '--chunks', range, '--format', 'json', '-o', `p${i}.json`, '-q'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await cli(['merge', 'p0.json', 'p1.json', '--format', 'table', '-q'], { cwd: dir });
    const whole = await cli(['run', 'cotra-2022', '-n', '20000', '--format', 'table', '-q'], { cwd: dir });
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stdout).toContain('~35%');
  });

  it('plot cdf draws them as labelled points; not after --set', async () => {
    const dir = tempDir();
    expect((await cli(['plot', 'cdf', 'cotra-2022-fit', '-n', '3000', '-o', 'a.svg', '-q'], { cwd: dir })).code).toBe(0);
    const svg = readFileSync(join(dir, 'a.svg'), 'utf8');
    expect(svg).toContain('Cotra (2022), stated');
    for (const label of ['~15%', '~35%', '~50%', '~60%']) expect(svg).toContain(label);
    expect((await cli(['plot', 'cdf', 'cotra-2022-fit', '-n', '3000', '--set', 'spending.doublingYears=2', '-o', 'b.svg', '-q'], { cwd: dir })).code).toBe(0);
    const changed = readFileSync(join(dir, 'b.svg'), 'utf8');
    expect(changed).not.toContain('~35%');
    expect(changed).toContain('No reference points');
  });

  it('the HTML report has them in the P(by year) table and the chart', async () => {
    const dir = tempDir();
    const r = await cli(['report', 'cotra-2022', '-n', '2000', '--no-sensitivity', '-q', '-o', 'r.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<th class="n">Cotra (2022), stated (reference)</th>');
    expect(html).toMatch(/<td>2036<\/td><td class="n">[\d.]+%<\/td><td class="n">±[\d.]+<\/td><td class="n">~35%<\/td>/);
  }, 60_000);
});
