/**
 * --given-observed: importance weights from a Gaussian observation error, against a case with a
 * known answer. Prior log10 FLOP per dollar in 2020 ~ N(17, 1); observed 17.5 with error 1 OOM;
 * the posterior is N(17.25, √0.5) (conjugate normal). With a fixed requirement of 1e30, $1e9
 * and FLOP per dollar doubling every 2.5 years, TAI arrives by Y iff
 * F0 ≥ 21 − (Y − 2020)·log10(2)/2.5, so P(by Y) = 1 − Φ((21 − (Y − 2020)·log10 2/2.5 − 17.25)/√0.5).
 * The weights w = exp(−(F0 − 17.5)²/2) have ESS/N = E[w]²/E[w²] = (e^{−1/8}/2)/(e^{−1/12}/√3).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/dist/normal.js';
import { cli, fixture } from '../helpers.js';

describe('--given-observed', () => {
  it('weights worlds by the observation likelihood: the posterior and the effective sample size of the conjugate normal case', async () => {
    const n = 60_000;
    const r = await cli(['run', fixture('observed', 'known.json'), '--given-observed', fixture('observed', 'flop-per-usd-2020.json'), '--observation-error', '1', '-n', String(n), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { years: number[]; pTaiByYear: number[]; se: number[]; observed: { effectiveWorlds: number; worlds: number } };
    const essShare = (Math.exp(-1 / 8) / 2) / (Math.exp(-1 / 12) / Math.sqrt(3));
    expect(out.observed.worlds).toBe(n);
    expect(Math.abs(out.observed.effectiveWorlds / n - essShare)).toBeLessThan(0.02);
    for (const year of [2030, 2040, 2050, 2060, 2070]) {
      const j = out.years.indexOf(year);
      const threshold = 21 - ((year - 2020) * Math.log10(2)) / 2.5;
      const expected = 1 - normalCdf((threshold - 17.25) / Math.sqrt(0.5));
      // The reported se is √(p(1−p)/ESS): it must account for the weights (larger than √(p(1−p)/N)).
      expect(out.se[j]).toBeGreaterThan(Math.sqrt((expected * (1 - expected)) / n));
      expect(Math.abs(out.pTaiByYear[j] - expected), `${year}`).toBeLessThan(4.5 * out.se[j] + 1e-9);
    }
  });

  it('refuses when the weights leave too few effective worlds (exit 2), and a bad error value (exit 2)', async () => {
    const few = await cli(['run', fixture('observed', 'known.json'), '--given-observed', fixture('observed', 'flop-per-usd-2020.json'), '--observation-error', '0.001', '-n', '20000']);
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/the observations leave \d+ effective worlds of 20,000 .*at least 1000 are needed/);
    const bad = await cli(['run', '--given-observed', '--observation-error', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--observation-error takes a positive number/);
  });

  it('with fixed growth the observations cannot tell worlds apart: the forecast is the plain one', async () => {
    const plain = await cli(['run', 'cotra-2020', '-n', '20000', '--format', 'csv']);
    const given = await cli(['run', 'cotra-2020', '--given-observed', '-n', '20000', '--format', 'json']);
    const out = JSON.parse(given.stdout) as { pTaiByYear: number[]; observed: { effectiveWorlds: number } };
    expect(out.observed.effectiveWorlds).toBeCloseTo(20_000, 6);
    const plainP = plain.stdout.trim().split('\n').slice(1, 1 + out.pTaiByYear.length).map((l) => Number(l.split(',')[2]));
    out.pTaiByYear.forEach((p, j) => expect(p).toBeCloseTo(plainP[j], 8));
  });
});

describe('compare --given-observed', () => {
  it('weights each scenario on its own worlds, says so, and uses unpaired errors', async () => {
    const r = await cli(['compare', fixture('observed', 'known.json'), fixture('observed', 'known.json'), '--given-observed', fixture('observed', 'flop-per-usd-2020.json'), '--observation-error', '1', '-n', '20000', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { scenarios: { observed: { effectiveWorlds: number } }[]; differences: { paired: boolean; diff: number[]; se: number[] }[] };
    expect(out.scenarios[0].observed.effectiveWorlds).toBeGreaterThan(1000);
    expect(out.differences[0].paired).toBe(false);
    // The same scenario, seed and observations: the same weighted forecast, so no difference.
    expect(out.differences[0].diff.every((d) => d === 0)).toBe(true);
    const table = await cli(['compare', fixture('observed', 'known.json'), fixture('observed', 'known.json'), '--given-observed', fixture('observed', 'flop-per-usd-2020.json'), '-n', '20000', '--format', 'table']);
    expect(table.stdout).toMatch(/each scenario weighted on its own worlds; differences use unpaired errors/);
  });
});
