/** The library page's example (docs/library.md) runs as printed, through the package's own exports map. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from './helpers.js';

describe('the library', () => {
  it('runs the example of docs/library.md: a forecast, a compare and a sensitivity analysis on two threads', async () => {
    const example = readFileSync(join(ROOT, 'examples', 'library.ts'), 'utf8');
    expect(readFileSync(join(ROOT, 'docs', 'library.md'), 'utf8')).toContain(example.trim());
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await import('../examples/library.ts');
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toMatch(/^Cotra \(2020\) best guess: 50% by 205\d\.\d \(±0\.\d\d\), P\(by 2050\) 4\d\.\d%, seed 20200918, 2000000 worlds$/);
    expect(lines[1]).toMatch(/^aggressive − best guess, P\(by 2040\): \d+\.\d\d pp ± 0\.\d\d \(paired\)$/);
    expect(lines).toHaveLength(5);
  });

  it('exports a curated API: no engine internals', async () => {
    const api = await import('bioanchors');
    expect(Object.keys(api)).toContain('forecast');
    for (const internal of ['drawChunk', 'createWorkspace', 'runChunks', 'planScenario']) expect(Object.keys(api)).not.toContain(internal);
  });

  it('records the version package.json gives (src/version.ts)', async () => {
    const { VERSION } = await import('../src/version.js');
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
