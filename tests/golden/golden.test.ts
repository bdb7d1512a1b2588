/**
 * Golden outputs: each command line below must print exactly the bytes stored beside this file, so a
 * change in draw order, rounding or layout that moves any published number fails here on purpose.
 * Refresh them only when a change of output is intended: `npm run golden` (GOLDEN_UPDATE=1), then read
 * the diff before committing it (docs/CONTRIBUTING.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const GOLDEN = join(ROOT, 'tests', 'golden', 'files');
const update = process.env.GOLDEN_UPDATE === '1';

/** Command lines, run in-process from the repository root; the file name is the command line. */
const CASES: string[][] = [
  ['run', '-n', '3000', '--seed', '1', '--format', 'json'],
  ['run', '-n', '3000', '--seed', '2', '--format', 'csv'],
  ['run', 'cotra-2020-uncertain-growth', '-n', '3000', '--seed', '1', '--format', 'json'],
  ['run', 'rp-2022', 'cotra-2020-aggressive', '-n', '2000', '--seed', '2', '--format', 'json'],
  ['run', '-n', '3000', '--seed', '1', '--given-no-tai-by', '2030', '--format', 'csv'],
  ['run', '-n', '3000', '--seed', '1', '--set', 'spending.doublingYears=2', '--format', 'metaculus'],
  ['run', 'cotra-2020-uncertain-growth', '-n', '20000', '--seed', '1', '--given-observed', '--observation-error', '1.5', '--format', 'json'],
  ['compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', '3000', '--seed', '1', '--format', 'json'],
  ['compare', 'cotra-2020', 'cotra-2020-conservative', '-n', '3000', '--seed', '2', '--format', 'csv'],
  ['sensitivity', '-n', '2000', '--seed', '1', '--format', 'json'],
  ['sensitivity', 'cotra-2020-uncertain-growth', '-n', '2000', '--seed', '2', '--format', 'csv'],
  ['trajectories', '-n', '2000', '--seed', '1', '--format', 'csv'],
  ['trajectories', 'cotra-2020-uncertain-growth', '-n', '2000', '--seed', '2', '--format', 'json'],
  ['sweep', '--grid', 'spending.doublingYears=2:3:0.5', '-n', '3000', '--seed', '1', '--format', 'csv'],
  [
    'sweep',
    'cotra-2020-uncertain-growth',
    '--random',
    '3',
    '--range',
    'algorithmicProgress.halvingYears=1.5:4',
    '-n',
    '3000',
    '--seed',
    '2',
    '--format',
    'json',
  ],
  ['samples', '-n', '150', '--seed', '1', '--format', 'csv'],
  ['samples', 'cotra-2020-uncertain-growth', '-n', '150', '--seed', '2', '--format', 'csv'],
  ['hindcast', '-n', '2000', '--seed', '1', '--format', 'json'],
  ['hindcast', 'cotra-2020-uncertain-growth', '-n', '2000', '--seed', '2', '--format', 'csv'],
];

const fileName = (argv: string[]) => `${argv.join('_').replace(/[^A-Za-z0-9.=_-]+/g, '-')}.txt`;

function checkGolden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(existsSync(path), `${name} is missing: run npm run golden`).toBe(true);
  // Compared as a whole so a failure shows the first differing line, not just "not equal".
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('golden outputs', () => {
  for (const argv of CASES) {
    it(argv.join(' '), async () => {
      // hindcast draws growth only, on the main thread: it takes no --threads.
      const threads = argv[0] === 'hindcast' ? [] : ['--threads', '1'];
      const result = await cli([...argv, ...threads, '--quiet']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      checkGolden(fileName(argv), result.stdout);
    });
  }

  it('run --chunks in two parts, then merge', async () => {
    const dir = tempDir();
    const parts = [
      ['0:1', join(dir, 'a.json')],
      ['1:3', join(dir, 'b.json')],
    ];
    for (const [chunks, out] of parts) {
      const part = await cli(['run', '-n', '40000', '--seed', '2', '--chunks', chunks, '--format', 'json', '-o', out, '--quiet']);
      expect(part.code).toBe(0);
    }
    const merged = await cli(['merge', ...parts.map(([, out]) => out), '--format', 'csv', '--quiet']);
    expect(merged.code).toBe(0);
    checkGolden('merge_run_-n_40000_--seed_2_--chunks_0-1+1-3_--format_csv.txt', merged.stdout);
  });
});
