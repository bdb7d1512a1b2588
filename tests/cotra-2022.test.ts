/**
 * Cotra's 2022 view: her stated numbers as a reference file, RP's encoding labelled as RP's, and the
 * scenario fitted to her numbers landing within 3 points of each (a tolerance that adds the Monte
 * Carlo error of the run that checks it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecast, loadInput } from '../src/api.js';
import { cotra2022Stated, readReferenceCsv } from '../src/io/reference.js';
import { ROOT } from './helpers.js';

const scenarioFile = (id: string) => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'));

describe("Cotra's 2022 view", () => {
  it('ships her four stated numbers (Cotra 2022, "Two-year update on my personal AI timelines")', () => {
    const points = readReferenceCsv(cotra2022Stated());
    expect(points.map((r) => r.year)).toEqual([2030, 2036, 2040, 2050]);
    [0.15, 0.35, 0.5, 0.6].forEach((p, i) => expect(points[i].p).toBeCloseTo(p, 12));
    expect(readFileSync(cotra2022Stated(), 'utf8')).toContain('alignmentforum.org/posts/AfH2oPHCApdKicM4m');
  });

  it("says cotra-2022 is Rethink Priorities' encoding, with RP's printed figures", () => {
    const s = loadInput('cotra-2022').loaded.scenario;
    expect(s.label).toContain('Rethink Priorities encodes it');
    expect(s.description).toContain('25.6 / 39.2 / 48.9 / 69.2%');
  });

  it('cotra-2022-fit is marked as a fit, with her change and the 2020 weights in proportion', () => {
    const file = scenarioFile('cotra-2022-fit');
    expect(file.label).toContain('FITTED');
    expect(file.pricePerformance.source).toMatch(/^HERS:/);
    expect(file.spending.source).toMatch(/^FITTED/);
    expect(file.variables.transformativeVsBrainOom.source).toMatch(/^FITTED/);
    // Her change: FLOP per dollar in 2020 one order of magnitude above cotra-2020's.
    const base = loadInput('cotra-2020').loaded.scenario;
    const fit = loadInput('cotra-2022-fit').loaded.scenario;
    expect(fit.pricePerformance.year).toBe(base.pricePerformance.year);
    expect(fit.pricePerformance.log10FlopPerUsd).toEqual({ kind: 'point', value: 18 });
    expect(base.pricePerformance.log10FlopPerUsd).toEqual({ kind: 'point', value: 17 });
    // The anchors keep their 2020 proportions; the rest is "no anchor".
    const none = 1 - fit.anchors.reduce((s, a) => s + a.weight, 0);
    for (const a of fit.anchors) expect(a.weight).toBeCloseTo((base.anchors.find((b) => b.anchor.id === a.anchor.id)!.weight * (1 - none)) / 0.9, 3);
  });

  it('cotra-2022-fit lands within 3 points of each of her four numbers', async () => {
    const { forecast: f } = await forecast(loadInput('cotra-2022-fit'), { samples: 200_000 });
    for (const { year, p } of readReferenceCsv(cotra2022Stated())) {
      const j = year - f.startYear;
      // 3 points, plus 4 standard errors of this run (a rerun with another seed stays inside).
      expect(Math.abs(f.cdf[j] - p), `P(by ${year}) = ${f.cdf[j]} against ${p}`).toBeLessThanOrEqual(0.03 + 4 * f.se[j]);
    }
  });
});
