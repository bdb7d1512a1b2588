/**
 * A run split into chunk ranges (run --chunks FROM:TO) and merged is the whole run, byte for byte;
 * merge refuses parts that overlap, leave gaps, or belong to different runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const N = '100000'; // 7 chunks of 16,384

async function parts(dir: string, ranges: string[], extra: string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (const [i, range] of ranges.entries()) {
    const file = join(dir, `part-${i}.json`);
    const r = await cli(['run', '-n', N, '--chunks', range, '-o', file, '-q', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    files.push(file);
  }
  return files;
}

describe('run --chunks and merge', () => {
  it.each([
    ['json', []],
    ['csv', []],
    ['csv', ['--set', 'spending.doublingYears=2', '--given-no-tai-by', '2030']],
    ['json', ['cotra-2020-uncertain-growth']],
    ['metaculus', []],
  ])('three parts merged give the whole run, byte for byte (%s %j)', async (format, extra) => {
    const dir = tempDir();
    const files = await parts(dir, ['0:3', '5:7', '3:5'], extra as string[]);
    const merged = await cli(['merge', ...files, '--format', format, '-q']);
    expect(merged.code, merged.stderr).toBe(0);
    const whole = await cli(['run', '-n', N, '--format', format, ...(extra as string[])]);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('refuses gaps, overlaps, parts of different runs, and --chunks without JSON', async () => {
    const dir = tempDir();
    const [a, b, c] = await parts(dir, ['0:3', '3:5', '5:7']);
    expect((await cli(['merge', a, c])).stderr).toMatch(/chunks 3:5 are missing/);
    expect((await cli(['merge', a, b, c, c])).stderr).toMatch(/overlaps another part/);
    const [other] = await parts(tempDir(), ['5:7'], ['--seed', '7']);
    const mixed = await cli(['merge', a, b, other]);
    expect(mixed.code).toBe(3);
    expect(mixed.stderr).toMatch(/part-0\.json: is a part of another run than .*part-0\.json: they differ in manifest\.seed/);
    expect((await cli(['run', '-n', N, '--chunks', '0:3', '--format', 'csv'])).stderr).toMatch(/--chunks writes the part's counts as JSON/);
    expect((await cli(['run', '-n', N, '--chunks', '0:9', '--format', 'json'])).stderr).toMatch(/has 7 chunks/);
    expect((await cli(['run', '--chunks', '3:3'])).code).toBe(2);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(a, 'utf8').replace('"worlds":', '"worlds":-'));
    const r = await cli(['merge', broken, b, c]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /broken\.json:\d+:\d+: not a partial run written by `bioanchors run --chunks FROM:TO --format json`: counts\.worlds must be at least 0; found number -\d+/,
    );
    // Counts edited by hand: more worlds than the range holds, or worlds counted twice.
    for (const [edit, name] of [
      [(t: string) => t.replace(/"never":(\d+)/, (_m, n) => `"never":${Number(n) + 5}`), 'never.json'],
      [(t: string) => t.replace(/"worlds":(\d+)/, (_m, n) => `"worlds":${Number(n) + 1}`), 'worlds.json'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, edit(readFileSync(a, 'utf8')));
      const e = await cli(['merge', file, b, c]);
      expect(e.code).toBe(3);
      expect(e.stderr).toMatch(/its counts are not those of chunks 0:3 .*the part was edited or damaged/);
    }
  });
});
