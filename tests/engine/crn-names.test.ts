/**
 * Common random numbers must not mix a user's names with the engine's own streams: an anchor
 * variable called "anchor" once shared the stream that chooses each world's anchor, and that
 * anchor's P(by 2050) was 64.9% in `run` but 29.9% in `compare`.
 */
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

/** 4.5 standard errors: a family-wise threshold for the handful of comparisons below. */
const Z = 4.5;

describe('compare A B, B a copy of A, reproduces run A', () => {
  it('per anchor and overall, within the standard error of the difference of two independent runs', async () => {
    const n = '200000';
    const run = JSON.parse((await cli(['run', fixture('crn', 'a.json'), '-n', n, '--format', 'json'])).stdout);
    const compared = JSON.parse((await cli(['compare', fixture('crn', 'a.json'), fixture('crn', 'b.json'), '-n', n, '--format', 'json'])).stdout);
    const j = 2050 - run.startYear;
    for (const f of compared.scenarios) {
      expect(Math.abs(f.pTaiByYear[j] - run.pTaiByYear[j])).toBeLessThan(Z * Math.hypot(f.se[j], run.se[j]));
      for (const a of run.anchors) {
        const b = f.anchors.find((x: { id: string }) => x.id === a.id);
        expect(Math.abs(b.pTaiByYear[j] - a.pTaiByYear[j]), a.id).toBeLessThan(Z * Math.hypot(b.se[j], a.se[j]));
      }
    }
    // A copy differs from its original in no world at all.
    expect(compared.differences[0].diff.every((d: number) => d === 0)).toBe(true);
  });
});
