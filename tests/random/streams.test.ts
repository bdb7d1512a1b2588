/** Every random stream is named in random/streams.ts, once: no two uses share a name by accident. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curveStream, STREAMS, variableStream } from '../../src/random/streams.js';
import { ROOT } from '../helpers.js';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });

describe('stream names', () => {
  it('are distinct, and the per-quantity families cannot meet a fixed name', () => {
    const names = Object.values(STREAMS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.startsWith('crn:variable:') || name.startsWith('crn:curve:')).toBe(false);
    }
    expect(variableStream('anchor-choice')).not.toBe(STREAMS.anchorChoice);
    expect(curveStream('halvingYears')).not.toBe(STREAMS.halvingYears);
  });

  it('are named nowhere but random/streams.ts: no stream name as a literal where a stream is opened', () => {
    const offenders = sources(join(ROOT, 'src'))
      .filter((f) => !f.endsWith(join('random', 'streams.ts')))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [...text.matchAll(/new Rng\([^)]*['`]|'(run|crn|observed|hindcast|sweep|requirement-draws|closed-form|show):[a-z-]/g)].map(
          (m) => `${relative(ROOT, file)}: ${m[0]}`,
        );
      });
    expect(offenders).toEqual([]);
  });
});
