/** The test helpers themselves: a test run leaves no temporary folders behind. */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './helpers.js';

describe('tempDir', () => {
  it('is removed with its contents after the test file (tests/setup.ts), even when a test made it read-only', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.csv'), 'x\n');
    chmodSync(dir, 0o500);
    removeTempDirs();
    expect(existsSync(dir)).toBe(false);
  });
});
