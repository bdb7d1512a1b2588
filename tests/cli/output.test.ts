/**
 * --output never loses a file: checked before the run, written atomically, the replaced file's
 * permissions kept, nothing left behind by a failure or an interruption.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'bioanchors.js');
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('--output is checked before the run', () => {
  it.each([
    ['a folder', (dir: string) => dir, /is a folder; give a file name inside it/],
    ['a device', () => '/dev/null', /is not a regular file \(a device, a pipe or a socket\)/],
    ['a missing folder', (dir: string) => join(dir, 'nope', 'out.csv'), /the folder .*nope does not exist/],
    ['an empty name', () => ' ', /--output needs a file name/],
  ])('refuses %s (exit 2)', async (_name, path, message) => {
    const dir = tempDir();
    for (const command of [
      ['run'],
      ['compare', 'cotra-2020', 'cotra-2020-aggressive'],
      ['sensitivity'],
      ['trajectories'],
      ['samples'],
      ['show', 'cotra-2020'],
    ]) {
      const r = await cli([...command, '-n', '1000', '-o', path(dir)].filter((a, i, all) => !(command[0] === 'show' && (a === '-n' || all[i - 1] === '-n'))));
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  it("refuses to overwrite one of the run's own input files, and leaves it as it was", async () => {
    const dir = tempDir();
    const scenario = join(dir, 'mine.json');
    const text = JSON.stringify({ id: 'mine', extends: 'cotra-2020' });
    writeFileSync(scenario, text);
    for (const command of [
      ['run', scenario],
      ['trajectories', scenario],
      ['samples', scenario],
      ['show', scenario],
    ]) {
      const r = await cli([...command, '-o', scenario]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is an input of this run .*writing it would destroy it/);
    }
    const anchor = join(ROOT, 'anchors', 'lifetime.json');
    const before = readFileSync(anchor, 'utf8');
    expect((await cli(['run', '-n', '1000', '-o', anchor])).stderr).toMatch(/is an input of this run/);
    expect(readFileSync(anchor, 'utf8')).toBe(before);
    expect(readFileSync(scenario, 'utf8')).toBe(text);
  });

  it('refuses a folder it cannot write before simulating', async () => {
    if (process.getuid?.() === 0) return; // root can write anywhere: nothing to refuse
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const r = await cli(['run', '-n', '1000', '-o', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be written to/);
  });
});

describe('--output writes atomically', () => {
  it('keeps the permissions of the file it replaces', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o640);
    const r = await cli(['run', '-n', '1000', '-o', out, '-q']);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readFileSync(out, 'utf8')).toMatch(/^year,/);
    expect(leftovers(dir)).toEqual([]);
  });

  it('chooses the format by the extension when --format is not given', async () => {
    const dir = tempDir();
    await cli(['run', '-n', '1000', '-o', join(dir, 'f.json'), '-q']);
    await cli(['run', '-n', '1000', '-o', join(dir, 'f.txt'), '-q']);
    expect(JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8')).manifest.seed).toBe(20200918);
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toMatch(/^Cotra \(2020\) best guess/);
  });

  it('--output - writes to stdout', async () => {
    const r = await cli(['run', '-n', '1000', '-o', '-', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^year,/);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });
});

describe('a command that fails after it started writing leaves no temporary file', () => {
  it.each([['1'], ['2']])('samples -o, a formula that turns non-finite in a later chunk, --threads %s', async (threads) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'anchors'));
    // 10^(10^x) overflows for x > 2.49, about one world in 60,000 at sd 0.6: chunks are written before it.
    writeFileSync(
      join(dir, 'anchors', 'blowup.json'),
      JSON.stringify({
        id: 'blowup',
        label: 'Blow-up',
        description: 'd',
        sources: ['test'],
        variables: { x: { unit: 'OOM', dist: 'normal', median: 0, sd: 0.6 } },
        formula: '30 + 10^(10^x) * 0',
      }),
    );
    const cotra = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'cotra-2020.json'), 'utf8'));
    delete cotra.$schema;
    writeFileSync(
      join(dir, 'nf.json'),
      JSON.stringify({ ...cotra, id: 'nf', anchors: { blowup: { weight: 0.5, algorithmicProgress: { halvingYears: 2, maxOom: 2 } } } }),
    );
    const out = join(dir, 'worlds.csv');
    writeFileSync(out, 'old\n');
    const r = await cli(['samples', join(dir, 'nf.json'), '-n', '200000', '--threads', threads, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/gave a non-finite requirement in 1 of \d+ worlds/);
    expect(r.stderr).not.toMatch(/of 16384 worlds/);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    const run = await cli(['run', join(dir, 'nf.json'), '-n', '200000', '--threads', threads, '-o', out]);
    expect(run.code).toBe(3);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
  });
});

/** Starts the built command, waits until `ready(dir)`, sends `signal`, and resolves with its exit. */
function interrupt(args: string[], dir: string, signal: NodeJS.Signals, ready: () => boolean): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        child.kill(signal);
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        child.kill('SIGKILL');
        reject(new Error('the command never started writing'));
      }
    }, 20);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code: code ?? (sig ? -1 : null), stderr });
    });
  });
}

describe('an interrupted command leaves no partial file and keeps the old one', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'samples -o, %s',
    async (signal, exitCode) => {
      const dir = tempDir();
      const out = join(dir, 'worlds.csv');
      writeFileSync(out, 'precious\n');
      const r = await interrupt(['samples', '-n', '50000000', '-o', out], dir, signal, () => leftovers(dir).length > 0);
      expect(r.code).toBe(exitCode);
      expect(r.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\); the output file was not written`));
      expect(leftovers(dir)).toEqual([]);
      expect(readFileSync(out, 'utf8')).toBe('precious\n');
    },
    30_000,
  );

  it('Ctrl-C during a long simulation stops it at once (no output yet, the default action)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const out = join(dir, 'sub', 'out.csv');
    const r = await interrupt(['compare', 'cotra-2020', 'cotra-2020-aggressive', '-n', '100000000', '-o', out], dir, 'SIGINT', () => true);
    expect(r.code === 130 || r.code === -1).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(join(dir, 'sub'))).toEqual([]);
  }, 30_000);
});

describe('found by attacking --output and stdout', () => {
  it('writes through a symbolic link (the link stays) and refuses a dangling one', async () => {
    const { symlinkSync, lstatSync } = await import('node:fs');
    const dir = tempDir();
    writeFileSync(join(dir, 'target.csv'), 'old\n');
    symlinkSync('target.csv', join(dir, 'link.csv'));
    const r = await cli(['run', '-n', '1000', '-q', '-o', join(dir, 'link.csv')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).toMatch(/^year,/); // the extension typed: csv
    symlinkSync('nowhere', join(dir, 'dangling.csv'));
    const d = await cli(['run', '-n', '1000', '-o', join(dir, 'dangling.csv')]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/symbolic link to a file that does not exist/);
  });

  it('refuses to replace a write-protected file', async () => {
    const dir = tempDir();
    const out = join(dir, 'ro.csv');
    writeFileSync(out, 'keep\n');
    chmodSync(out, 0o444);
    const r = await cli(['run', '-n', '1000', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is write-protected/);
    expect(readFileSync(out, 'utf8')).toBe('keep\n');
  });

  it('a full disk behind stdout is one line and exit 2, not a stack trace', async () => {
    if (!existsSync('/dev/full')) return;
    const { spawnSync } = await import('node:child_process');
    for (const args of [['run', '-n', '1000', '--format', 'csv'], ['--help'], ['samples', '-n', '50000']]) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^bioanchors: cannot write to standard output: no space left on the device/);
      expect(r.stderr).not.toMatch(/ {4}at /);
    }
  });
});

describe('--output naming standard output', () => {
  it("-o /dev/stdout writes to stdout, and a link to a process's open file is refused", async () => {
    const r = await cli(['run', '-n', '1000', '--format', 'csv', '-o', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^year,/);
    const { symlinkSync } = await import('node:fs');
    const dir = tempDir();
    symlinkSync('/proc/self/fd/1', join(dir, 'fd1.csv'));
    const l = await cli(['run', '-n', '1000', '-o', join(dir, 'fd1.csv')]);
    expect(l.code).toBe(2);
    expect(l.stderr).toMatch(/is a link to an open file of a process/);
  });
});
