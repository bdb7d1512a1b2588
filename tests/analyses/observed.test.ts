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
    const r = await cli([
      'run',
      fixture('observed', 'known.json'),
      '--given-observed',
      fixture('observed', 'flop-per-usd-2020.json'),
      '--observation-error',
      '1',
      '-n',
      String(n),
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { years: number[]; pTaiByYear: number[]; se: number[]; observed: { effectiveWorlds: number; worlds: number } };
    const essShare = Math.exp(-1 / 8) / 2 / (Math.exp(-1 / 12) / Math.sqrt(3));
    expect(out.observed.worlds).toBe(n);
    expect(Math.abs(out.observed.effectiveWorlds / n - essShare)).toBeLessThan(0.02);
    for (const year of [2030, 2040, 2050, 2060, 2070]) {
      const j = out.years.indexOf(year);
      const threshold = 21 - ((year - 2020) * Math.log10(2)) / 2.5;
      const expected = 1 - normalCdf((threshold - 17.25) / Math.sqrt(0.5));
      // The reported se is √(p̂(1−p̂)/ESS): it must account for the weights (larger than √(p̂(1−p̂)/N)
      // for the same estimate p̂; against the exact p it could fall either side where p̂ is a few worlds).
      const p = out.pTaiByYear[j];
      expect(out.se[j]).toBeGreaterThan(Math.sqrt((p * (1 - p)) / n));
      expect(Math.abs(out.pTaiByYear[j] - expected), `${year}`).toBeLessThan(4.5 * out.se[j] + 1e-9);
    }
  });

  it('refuses when the weights leave too few effective worlds (exit 2), and a bad error value (exit 2)', async () => {
    const few = await cli([
      'run',
      fixture('observed', 'known.json'),
      '--given-observed',
      fixture('observed', 'flop-per-usd-2020.json'),
      '--observation-error',
      '0.001',
      '-n',
      '20000',
    ]);
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/the observations leave \d+ effective worlds of 20,000 .*at least 1000 are needed/);
    const bad = await cli(['run', '--given-observed', '--observation-error', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--observation-error takes a positive number/);
  });

  const known = fixture('observed', 'known.json');
  const observedAt = ['--given-observed', fixture('observed', 'flop-per-usd-2020.json')];
  // At 0.05 OOM the effective share is E[w]²/E[w²] ≈ 6.2% (formula above with σ = 0.05): 131,072
  // worlds are worth about 8,200, short of the 10,000 the default 0.5pp target takes at p = 0.5.
  it('without -n grows by whole batches until every headline error is ≤ 0.5pp; -n the recorded worlds gives the same numbers', async () => {
    const grown = await cli(['run', known, ...observedAt, '--observation-error', '0.05', '--format', 'json']);
    expect(grown.code, grown.stderr).toBe(0);
    const g = JSON.parse(grown.stdout) as {
      manifest: { samples: number; targetSe?: { probability?: number } };
      se: number[];
      notByHorizon: { se: number };
      observed: { worlds: number; effectiveWorlds: number };
    };
    expect(g.manifest.targetSe).toEqual({ probability: 0.005 });
    expect(g.manifest.samples).toBe(262_144);
    expect(g.observed.worlds).toBe(262_144);
    expect(Math.max(...g.se, g.notByHorizon.se)).toBeLessThanOrEqual(0.005);
    expect(grown.stderr).toBe('known: 262,144 worlds for the target standard error\n');
    const fixed = await cli(['run', known, ...observedAt, '--observation-error', '0.05', '-n', '262144', '--format', 'json']);
    const f = JSON.parse(fixed.stdout) as { manifest: Record<string, unknown> };
    const { manifest: gm, ...gBody } = JSON.parse(grown.stdout) as { manifest: Record<string, unknown> };
    const { manifest: fm, ...fBody } = f;
    expect(fBody).toEqual(gBody);
    expect({ ...gm, targetSe: undefined }).toEqual({ ...fm, targetSe: undefined });
  });

  it('--target-se combines with --given-observed: -n is then the first step', async () => {
    const r = await cli(['run', known, ...observedAt, '--observation-error', '0.05', '-n', '20000', '--target-se', '0.3pp', '--format', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { manifest: { samples: number; targetSe: unknown }; se: number[] };
    expect(out.manifest.targetSe).toEqual({ probability: 0.003 });
    expect(out.manifest.samples % 131_072).toBe(0);
    expect(Math.max(...out.se)).toBeLessThanOrEqual(0.003);
  });

  it('stops at once when the worlds that count say the target is out of reach: a note with the forecast, or exit 2 under 1,000 effective worlds', async () => {
    const note = await cli(['run', known, ...observedAt, '--observation-error', '0.05', '--max-samples', '140000', '--format', 'csv']);
    expect(note.code).toBe(0);
    expect(note.stderr).toMatch(
      /known: target standard error 0\.5pp not reached \(at 8,\d{3} effective worlds of 131,072 drawn \(1 in 16\), it would take about 1\d0,000 worlds, more than --max-samples 140,000: the observations are far from the scenario's prior\); reporting the 8,\d{3} effective worlds drawn so far/,
    );
    const refused = await cli(['run', known, ...observedAt, '--observation-error', '0.001', '--max-samples', '200000']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /the observations leave 1\d\d effective worlds of 131,072 \(known, observation error 0\.001 OOM\); at least 1000 are needed: the target standard error 0\.5pp is out of reach \(at 1\d\d effective worlds of 131,072 drawn \(1 in \d{3}\), it would take about [\d,]+ worlds, more than --max-samples 200,000/,
    );
    expect(refused.stdout).toBe('');
  });

  it('with fixed growth the observations cannot tell worlds apart: the forecast is the plain one', async () => {
    const plain = await cli(['run', 'cotra-2020', '-n', '20000', '--format', 'csv']);
    const given = await cli(['run', 'cotra-2020', '--given-observed', '-n', '20000', '--format', 'json']);
    const out = JSON.parse(given.stdout) as { pTaiByYear: number[]; observed: { effectiveWorlds: number } };
    expect(out.observed.effectiveWorlds).toBeCloseTo(20_000, 6);
    const plainP = plain.stdout
      .trim()
      .split('\n')
      .slice(1, 1 + out.pTaiByYear.length)
      .map((l) => Number(l.split(',')[2]));
    out.pTaiByYear.forEach((p, j) => expect(p).toBeCloseTo(plainP[j], 8));
  });
});

describe('compare --given-observed', () => {
  it('weights each scenario on its own worlds, says so, and uses unpaired errors', async () => {
    const r = await cli([
      'compare',
      fixture('observed', 'known.json'),
      fixture('observed', 'known.json'),
      '--given-observed',
      fixture('observed', 'flop-per-usd-2020.json'),
      '--observation-error',
      '1',
      '-n',
      '20000',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      scenarios: { observed: { effectiveWorlds: number } }[];
      differences: { paired: boolean; diff: number[]; se: number[] }[];
    };
    expect(out.scenarios[0].observed.effectiveWorlds).toBeGreaterThan(1000);
    expect(out.differences[0].paired).toBe(false);
    // The same scenario, seed and observations: the same weighted forecast, so no difference.
    expect(out.differences[0].diff.every((d) => d === 0)).toBe(true);
    const table = await cli([
      'compare',
      fixture('observed', 'known.json'),
      fixture('observed', 'known.json'),
      '--given-observed',
      fixture('observed', 'flop-per-usd-2020.json'),
      '-n',
      '20000',
      '--format',
      'table',
    ]);
    expect(table.stdout).toMatch(/each scenario weighted on its own worlds; differences use unpaired errors/);
  });
});
