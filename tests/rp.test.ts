/**
 * The Rethink Priorities encodings: each rp-* anchor's percentiles, and the rp-2020 / rp-2022
 * mixtures, against the percentiles RP printed (10,000 samples each, rounded to 0.1;
 * tests/fixtures/reference/rp-requirement-percentiles.json). Tolerance: 4.5 standard errors of
 * the difference (RP's own 10,000-sample error, ours, and RP's rounding), family-wise over the
 * 117 comparisons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../src/dist/quantile.js';
import { anchorRequirementDraws, mixtureRequirementDraws, quantileStandardError } from '../src/engine/requirementDraws.js';
import { DEFAULT_SEED } from '../src/engine/loop.js';
import { planScenario } from '../src/engine/plan.js';
import { simulate } from '../src/engine/simulate.js';
import { summarize } from '../src/engine/summary.js';
import { loadScenario } from '../src/io/load.js';
import type { Distribution } from '../src/model/distribution.js';
import { fixture } from './helpers.js';

const ref = JSON.parse(readFileSync(fixture('reference', 'rp-requirement-percentiles.json'), 'utf8')) as {
  rpSamples: number;
  percentiles: number[];
  anchors: Record<string, number[]>;
  mixtures: Record<string, number[]>;
  noPath: Distribution;
};
const N = 200_000;
const ROUNDING_SD = 0.05 / Math.sqrt(3);

function check(sorted: Float64Array, rp: number[]): void {
  ref.percentiles.forEach((p, i) => {
    const ours = quantileSorted(sorted, p / 100);
    const se = Math.hypot(quantileStandardError(sorted, p / 100, ref.rpSamples), quantileStandardError(sorted, p / 100, sorted.length), ROUNDING_SD);
    expect(Math.abs(ours - rp[i]), `p${p}: ours ${ours.toFixed(2)}, RP ${rp[i]}, se ${se.toFixed(3)}`).toBeLessThan(4.5 * se);
  });
}

describe('Rethink Priorities encodings', () => {
  const plans = Object.fromEntries(['rp-2020', 'rp-2022'].map((id) => [id, planScenario(loadScenario(id).scenario)]));

  it.each(Object.keys(ref.anchors))("anchor %s matches RP's printed percentiles", (id) => {
    const plan = plans['rp-2022'];
    const i = plan.anchors.findIndex((a) => a.id === id);
    expect(i).toBeGreaterThanOrEqual(0);
    check(anchorRequirementDraws(plan, i, N, DEFAULT_SEED), ref.anchors[id]);
  });

  it.each(Object.keys(ref.mixtures))("the %s mixture matches RP's cached mixture", (id) => {
    check(mixtureRequirementDraws(plans[id], N, DEFAULT_SEED, ref.noPath), ref.mixtures[id]);
  });

  it('the update against low FLOP leaves nothing below its floor of 24', () => {
    const plan = plans['rp-2022'];
    plan.anchors.forEach((a, i) => {
      if (a.id === 'rp-evolution') return;
      expect(anchorRequirementDraws(plan, i, 20_000, DEFAULT_SEED)[0]).toBeGreaterThanOrEqual(24);
    });
  });

  it('RP\'s curves: spending starts at the capped $995,850,622 in 2025 and the weights leave 7% / 5% to "no path"', () => {
    const s = loadScenario('rp-2020').scenario;
    expect(s.spending.log10UsdPerRun).toEqual({ kind: 'point', value: expect.closeTo(Math.log10(995_850_622), 5) });
    expect(s.noneWeight).toBeCloseTo(0.07, 10);
    expect(loadScenario('rp-2022').scenario.noneWeight).toBeCloseTo(0.05, 10);
    expect([s.startYear, s.horizonYear]).toEqual([2025, 2124]);
  });

  it('cotra-2022 is rp-2022 under its reader-facing name: the same forecast on the same worlds', () => {
    const run = (id: string) => {
      const plan = planScenario(loadScenario(id).scenario);
      return summarize(plan, simulate(plan, { samples: 20_000, seed: DEFAULT_SEED }), DEFAULT_SEED).cdf;
    };
    expect(run('cotra-2022')).toEqual(run('rp-2022'));
  });
});

describe('cotra-2020-no-genome-evolution', () => {
  it('gives genome and evolution no weight, keeps "no anchor" at 10%, and scales the rest in proportion', () => {
    const base = loadScenario('cotra-2020').scenario;
    const s = loadScenario('cotra-2020-no-genome-evolution').scenario;
    expect(s.noneWeight).toBeCloseTo(0.1, 6);
    for (const a of s.anchors) {
      const was = base.anchors.find((b) => b.anchor.id === a.anchor.id)!.weight;
      expect(a.weight).toBeCloseTo(['genome', 'evolution'].includes(a.anchor.id) ? 0 : (was * 0.9) / 0.7, 6);
    }
  });
});
