/** A few checks against the built command (`npm test` builds it first), as a user runs it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'bioanchors.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

describe('the built bioanchors command', () => {
  it('prints help and version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: bioanchors/);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs the default scenario', () => {
    const r = run(['run', '-n', '20000', '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^year,p_arrival,p_tai_by_end_of_year/);
  });

  it('does not crash when the reader closes the pipe early (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" run -n 200000 --format csv | head -n 1; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^year,/);
    expect(r.stderr).toBe('');
  });

  it('exits 3 on a bad file and 2 on a bad option', () => {
    const bad = run(['run', fixture('bad/unknown-key.json')]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/unknown-key\.json:4:3: unknown key "horizonYaer"/);
    const usage = run(['run', '--samples', '-5']);
    expect(usage.status).toBe(2);
  });
});
