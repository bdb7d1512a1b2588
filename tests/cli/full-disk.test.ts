/** A full disk while writing --output: a message and exit 2, no partial file, the old file intact. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli, tempDir } from '../helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  // Writes to temporary output files fail as on a full disk; everything else is the real fs.
  const full = new Set<number>();
  const openSync = ((path: string, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    if (String(path).endsWith('.tmp')) full.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (full.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, openSync, writeSync }, openSync, writeSync };
});

describe('a full disk', () => {
  it.each([['run'], ['samples'], ['trajectories']])('%s -o: says so, exits 2, leaves the old file and no temporary', async (command) => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'old\n');
    const r = await cli([command, '-n', '1000', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*out\.csv: no space left on the device; nothing was written \(free some space or write elsewhere\)/);
    expect(r.stderr).not.toMatch(/internal error| {4}at /);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });
});
