/** --output may overwrite no file the command reads, whichever option named it (one list: every file read through the core's file seam). */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, ROOT, tempDir } from '../helpers.js';

function workspace(): string {
  const dir = tempDir();
  copyFileSync(join(ROOT, 'data', 'observations.json'), join(dir, 'obs.json'));
  writeFileSync(join(dir, 'ref.svg'), 'year,p\n2030,0.1\n2050,0.5\n');
  writeFileSync(join(dir, 'ref.csv'), 'year,p\n2030,0.1\n2050,0.5\n');
  mkdirSync(join(dir, 'anchors'));
  copyFileSync(join(ROOT, 'anchors', 'lifetime.json'), join(dir, 'anchors', 'lifetime.json'));
  writeFileSync(join(dir, 'mine.json'), JSON.stringify({ id: 'mine', extends: 'cotra-2020' }));
  return dir;
}

describe('--output never overwrites an input', () => {
  const cases: [string, string[], string][] = [
    [
      'the observations of run --given-observed',
      ['run', 'cotra-2020-uncertain-growth', '--given-observed', 'obs.json', '--observation-error', '2', '-n', '20000', '--format', 'json'],
      'obs.json',
    ],
    [
      'the observations of compare --given-observed',
      [
        'compare',
        'cotra-2020-uncertain-growth',
        'cotra-2020-uncertain-growth',
        '--given-observed',
        'obs.json',
        '--observation-error',
        '2',
        '-n',
        '20000',
        '--format',
        'json',
      ],
      'obs.json',
    ],
    ['the observations of hindcast', ['hindcast', '--observations', 'obs.json', '--format', 'json', '-n', '100'], 'obs.json'],
    ['the reference curve of plot cdf', ['plot', 'cdf', '--reference', 'ref.svg', '-n', '2000'], 'ref.svg'],
    ['a scenario file', ['run', 'mine.json', '-n', '2000', '--format', 'json'], 'mine.json'],
    ['an anchor a local scenario reads', ['run', 'mine.json', '-n', '2000', '--format', 'json'], join('anchors', 'lifetime.json')],
  ];
  it.each(cases)('%s', async (_what, argv, file) => {
    const dir = workspace();
    if (file.startsWith('anchors')) writeFileSync(join(dir, 'mine.json'), JSON.stringify({ id: 'mine', extends: 'cotra-2020' }));
    const before = readFileSync(join(dir, file), 'utf8');
    const r = await cli([...argv, '-o', file], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is an input of this run/);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(before);
  });

  it('a part given to merge', async () => {
    const dir = workspace();
    const part = join(dir, 'part.json');
    expect((await cli(['run', '-n', '20000', '--chunks', '0:2', '-o', part, '--quiet'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(part, 'utf8');
    const r = await cli(['merge', 'part.json', '-o', 'part.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(part, 'utf8')).toBe(before);
  });

  it('still writes a file that is not an input', async () => {
    const dir = workspace();
    const r = await cli(['plot', 'cdf', '--reference', fixture('reference', 'cotra-2020-best-guess-cdf.csv'), '-n', '2000', '-o', 'out.svg', '--quiet'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
  });
});
