/**
 * Common random numbers must not mix a user's names with the engine's own streams: an anchor
 * variable called "anchor" once shared the stream that chooses each world's anchor, and that
 * anchor's P(by 2050) was 64.9% in `run` but 29.9% in `compare`.
 */
import { describe, expect, it } from 'vitest';
import { compare, forecast, loadInput } from '../../src/api.js';
import { fixture } from '../helpers.js';

/** 4.5 standard errors: a family-wise threshold for the handful of comparisons below. */
const Z = 4.5;

describe('compare A B, B a copy of A, reproduces run A', () => {
  it('per anchor and overall, within the standard error of the difference of two independent runs', async () => {
    const samples = 200_000;
    const { forecast: run } = await forecast(loadInput(fixture('crn', 'a.json')), { samples });
    const { comparison } = await compare([loadInput(fixture('crn', 'a.json')), loadInput(fixture('crn', 'b.json'))], { samples });
    const j = 2050 - run.startYear;
    for (const f of comparison.forecasts) {
      expect(Math.abs(f.cdf[j] - run.cdf[j])).toBeLessThan(Z * Math.hypot(f.se[j], run.se[j]));
      for (const a of run.anchors) {
        const b = f.anchors.find((x) => x.id === a.id)!;
        expect(Math.abs(b.cdf[j] - a.cdf[j]), a.id).toBeLessThan(Z * Math.hypot(b.se[j], a.se[j]));
      }
    }
    // A copy differs from its original in no world at all.
    expect(comparison.differences[0].diff.every((d) => d === 0)).toBe(true);
  });
});
