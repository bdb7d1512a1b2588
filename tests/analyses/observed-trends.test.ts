/**
 * --given-observed --observed-trends: a growth-rate estimate as a likelihood on the parameter it
 * bears on, against a case with a known answer. In both fixtures a requirement of 1e30 FLOP meets
 * 1e26 FLOP affordable in 2020, and the only uncertain number is a time T (the algorithmic halving
 * time, or the FLOP-per-dollar doubling time) with ln T ~ N(ln 2, 0.5²); TAI arrives by Y iff
 * (Y − 2020)·log10(2)/T ≥ 4. The estimate (trends.json) is T = 1 year with a 95% interval
 * exp(±1.96 × 0.4): a normal of sd 0.4 in ln of the rate, so in ln T. Conjugate normal: the
 * posterior of ln T has precision 1/0.25 + 1/0.16 and mean (4 ln 2)/(4 + 6.25), and
 * P(by Y) = Φ((ln T*(Y) − mean)/sd) with T*(Y) = (Y − 2020)·log10(2)/4. For weights
 * w = exp(−(x − d)²/2t²) on x ~ N(0, s²), ESS/N = E[w]²/E[w²] with
 * E[w] = t/√(s²+t²)·e^(−d²/2(s²+t²)) and E[w²] = t/√(2s²+t²)·e^(−d²/(2s²+t²)).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/dist/normal.js';
import { trendEvidence } from '../../src/api/observed.js';
import { cli, fixture } from '../helpers.js';

const trends = fixture('observed', 'trends.json');
const given = ['--given-observed', trends, '--observed-levels', 'none'];
const s = 0.5;
const t = 0.4;
const d = Math.LN2;
const precision = 1 / s ** 2 + 1 / t ** 2;
const mean = Math.LN2 / s ** 2 / precision;
const sd = Math.sqrt(1 / precision);
const essShare =
  ((t / Math.sqrt(s * s + t * t)) ** 2 * Math.exp(-(d * d) / (s * s + t * t))) /
  ((t / Math.sqrt(2 * s * s + t * t)) * Math.exp(-(d * d) / (2 * s * s + t * t)));

interface Out {
  years: number[];
  pTaiByYear: number[];
  se: number[];
  manifest: { givenObserved: { trends?: { id: string; parameter: string; log10OomPerYear: number; sdLog10: number }[]; levels?: unknown } };
  observed: { effectiveWorlds: number; worlds: number; trends?: string[] };
}

describe('--observed-trends', () => {
  it.each([
    ['the algorithmic halving time', 'known-halving.json', 'halving-1y', 'algorithmicProgress.halvingYears'],
    ['the FLOP-per-dollar doubling time', 'known-doubling.json', 'doubling-1y', 'pricePerformance.doublingYears'],
  ])('weighs on %s: the conjugate normal posterior and effective sample size', async (_name, scenario, id, parameter) => {
    const n = 60_000;
    const r = await cli(['run', fixture('observed', scenario), ...given, '--observed-trends', id, '-n', String(n), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.observed.trends).toEqual([id]);
    expect(out.manifest.givenObserved.levels).toBe('none');
    expect(out.manifest.givenObserved.trends).toEqual([
      { id, parameter, log10OomPerYear: Math.log10(Math.LOG10E * Math.LN2), sdLog10: expect.closeTo(0.4 * Math.LOG10E, 12) },
    ]);
    // The effective share's sampling error is well under 0.01 at 60,000 worlds (ESS/N ≈ 0.51).
    expect(Math.abs(out.observed.effectiveWorlds / n - essShare)).toBeLessThan(0.015);
    for (const year of [2030, 2035, 2040, 2050]) {
      const j = out.years.indexOf(year);
      const expected = normalCdf((Math.log(((year - 2020) * Math.log10(2)) / 4) - mean) / sd);
      expect(Math.abs(out.pTaiByYear[j] - expected), `${year}`).toBeLessThan(4.5 * out.se[j] + 1e-9);
    }
  });

  it('turns an interval into a normal in log10 of the rate: level, relative ends, factors a year, and the transfer error in quadrature', () => {
    const base = { id: 'x', quantity: 'q', kind: 'estimate' as const, period: 'p', source: 's', parameter: 'spending.doublingYears', relation: 'r' };
    const growth = trendEvidence({ ...base, unit: 'factorPerYear', value: 2.4, interval: { low: 2, high: 3.1, level: 0.95 } });
    expect(growth).toMatchObject({ log10Rate: Math.log10(Math.log10(2.4)) });
    const sdGrowth = Math.log10(Math.log10(3.1) / Math.log10(2)) / (2 * 1.959963984540054);
    expect((growth as { sigmaLog10: number }).sigmaLog10).toBeCloseTo(sdGrowth, 12);
    const wider = trendEvidence({ ...base, unit: 'factorPerYear', value: 2.4, interval: { low: 2, high: 3.1, level: 0.95 } }, 0.1);
    expect((wider as { sigmaLog10: number }).sigmaLog10).toBeCloseTo(Math.hypot(sdGrowth, 0.1), 12);
    const relative = trendEvidence({ ...base, unit: 'halvingMonths', value: 8, interval: { low: 0.5, high: 2, level: 0.9, relative: true } });
    expect((relative as { sigmaLog10: number }).sigmaLog10).toBeCloseTo(Math.log10(4) / (2 * 1.6448536269514722), 12);
    expect(trendEvidence({ ...base, unit: 'factorPerYear', interval: { low: 4, high: 5 } })).toMatch(/summary range with no stated level/);
    expect(trendEvidence({ ...base, parameter: null, unit: 'factorPerYear', interval: { low: 4, high: 5, level: 0.9 } })).toMatch(
      /no single scenario parameter/,
    );
  });

  it('a trend whose parameter the scenario holds fixed gives every world the same weight, and says so', async () => {
    const plain = await cli(['run', fixture('observed', 'known-doubling.json'), '-n', '20000', '--format', 'json']);
    const r = await cli([
      'run',
      fixture('observed', 'known-doubling.json'),
      ...given,
      '--observed-trends',
      'halving-1y,doubling-1y',
      '-n',
      '20000',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'bioanchors: known-doubling: trend halving-1y gives every world the same weight: known-doubling holds algorithmicProgress.halvingYears fixed (fixed-30 1000000000)\n',
    );
    const out = JSON.parse(r.stdout) as Out;
    expect(out.observed.trends).toEqual(['doubling-1y']);
    const only = await cli(['run', fixture('observed', 'known-doubling.json'), ...given, '--observed-trends', 'halving-1y', '-n', '20000', '--format', 'json']);
    const o = JSON.parse(only.stdout) as Out;
    expect(o.observed.effectiveWorlds).toBeCloseTo(20_000, 6);
    const p = (JSON.parse(plain.stdout) as Out).pTaiByYear;
    o.pTaiByYear.forEach((x, j) => expect(x).toBeCloseTo(p[j], 10));
  });

  it("on algorithmic progress, leaves the anchors' weights alone: each anchor's halving time is updated within it", async () => {
    // cotra-2020's anchors hold their halving times fixed (2 to 3.5 years): the estimate of 0.67 years
    // would favour the 2-year anchors a thousandfold if it reweighted anchors; it leaves them as they are.
    const r = await cli([
      'run',
      'cotra-2020',
      '--given-observed',
      '--observed-levels',
      'none',
      '--observed-trends',
      'algorithmic-progress-language-models',
      '-n',
      '20000',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /trend algorithmic-progress-language-models gives every world the same weight: cotra-2020 holds algorithmicProgress\.halvingYears fixed \(lifetime 3\.5, short-horizon 2\.5, /,
    );
    expect((JSON.parse(r.stdout) as Out).observed.effectiveWorlds).toBeCloseTo(20_000, 6);
  });
});

describe('choosing the evidence', () => {
  it.each([
    [['--observed-trends', 'nope'], /--observed-trends: no trend nope in .*trends\.json; it has halving-1y, doubling-1y, summary-range/],
    [['--observed-trends', 'Bad Id'], /--observed-trends takes all, none, or trend ids separated by commas/],
    [
      ['--observed-trends', 'summary-range'],
      /--observed-trends summary-range: the trend cannot weigh on the worlds: its interval 4–5 is a summary range with no stated level/,
    ],
    [['--observed-levels', 'spend'], /--observed-levels takes all, none, or quantitys separated by commas \(largestRun, flopPerUsd, spending\); found "spend"/],
    [['--observed-levels', 'none'], /--given-observed with no evidence left/],
    [['--trend-error', '0.1'], /--trend-error applies only with --observed-trends/],
    [['--observed-trends', 'halving-1y', '--trend-error', '-1'], /--trend-error takes a number of orders of magnitude of the rate, 0 or more/],
  ])('%j: exit 2 with the reason', async (args, message) => {
    const r = await cli(['run', fixture('observed', 'known-halving.json'), '--given-observed', trends, '-n', '2000', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('the evidence options apply only with --given-observed', async () => {
    for (const args of [
      ['--observed-trends', 'all'],
      ['--observed-levels', 'none'],
      ['--trend-error', '0'],
    ]) {
      const r = await cli(['run', '-n', '2000', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${args[0]} applies only with --given-observed`));
    }
  });

  it('all takes the usable trends and says which it leaves out; the choice is in every label and the manifest', async () => {
    const r = await cli([
      'run',
      fixture('observed', 'known-halving.json'),
      '--given-observed',
      trends,
      '--observed-levels',
      'flopPerUsd',
      '--observed-trends',
      'all',
      '--trend-error',
      '0.05',
      '-n',
      '4000',
      '--format',
      'csv',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/--observed-trends all leaves out summary-range: its interval 4–5 is a summary range with no stated level \(range\)/);
    expect(r.stderr).toMatch(/trend doubling-1y gives every world the same weight: known-halving holds pricePerformance\.doublingYears fixed at 1000000000/);
    const [, ...rows] = r.stdout.trim().split('\n');
    for (const row of rows)
      expect(row).toMatch(
        /,--given-observed bioanchors:tests\/fixtures\/observed\/trends\.json --observation-error 0\.5 --observed-levels flopPerUsd --observed-trends all --trend-error 0\.05,$/,
      );
    const table = await cli([
      'run',
      fixture('observed', 'known-halving.json'),
      '--given-observed',
      trends,
      '--observed-trends',
      'halving-1y',
      '-n',
      '4000',
      '--format',
      'table',
      '-q',
    ]);
    expect(table.stdout).toMatch(/Changed on the command line: --given-observed \S+trends\.json --observation-error 0\.5 --observed-trends halving-1y/);
    expect(table.stdout).toMatch(/Given the observations in \S+ \(0 figures, trends halving-1y, observation error 0\.5 OOM\)/);
    const json = await cli([
      'run',
      fixture('observed', 'known-halving.json'),
      '--given-observed',
      trends,
      '--observed-trends',
      'halving-1y',
      '--trend-error',
      '0.3',
      '-n',
      '4000',
      '--format',
      'json',
    ]);
    const m = (JSON.parse(json.stdout) as Out & { manifest: { givenObserved: { trendErrorOom?: number } } }).manifest.givenObserved;
    expect(m.trendErrorOom).toBe(0.3);
    expect(m.trends?.[0].sdLog10).toBeCloseTo(Math.hypot(0.4 * Math.LOG10E, 0.3), 12);
  });

  it('compare takes the same choice and labels every row with it', async () => {
    const r = await cli([
      'compare',
      fixture('observed', 'known-halving.json'),
      fixture('observed', 'known-doubling.json'),
      '--given-observed',
      trends,
      '--observed-levels',
      'none',
      '--observed-trends',
      'halving-1y,doubling-1y',
      '-n',
      '4000',
      '--format',
      'csv',
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [, ...rows] = r.stdout.trim().split('\n');
    for (const row of rows) expect(row).toMatch(/--observed-levels none --observed-trends halving-1y,doubling-1y",$/);
  });
});

describe('hindcast shows the trends beside the parameters', () => {
  it('in the table, CSV and JSON, with what each measures', async () => {
    const table = await cli(['hindcast', 'cotra-2020-uncertain-growth', '-n', '500', '--format', 'table']);
    expect(table.stdout).toMatch(
      /algorithmic-progress-language-models +8 \[5, 14\] months to halve \(95%\) +0\.667 \[0\.417, 1\.17\] +0\.452 \[0\.258, 0\.722\] +algorithmicProgress\.halvingYears +2\.45 \[1\.5, 4\] \(every anchor\)/,
    );
    expect(table.stdout).toMatch(/frontier-training-compute +\[4, 5\] × a year \(summary range\) +— +\[0\.602, 0\.699\] +\(none\) +—/);
    expect(table.stdout).toMatch(/algorithmic-progress-language-models: Compute needed to reach a fixed language-model performance.*Not the same quantity/);
    const plain = await cli(['hindcast', '-n', '500', '--format', 'table']);
    expect(plain.stdout).toMatch(
      /algorithmicProgress\.halvingYears +lifetime 3\.5 · short-horizon 2\.5 · genome 2 · medium-horizon 2 · long-horizon 2 · evolution 3\.5/,
    );
    const csv = await cli(['hindcast', 'cotra-2020-uncertain-growth', '-n', '500', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(-15)).toEqual([
      'trend_id',
      'trend_unit',
      'trend_value',
      'trend_low',
      'trend_high',
      'trend_level',
      'trend_period',
      'parameter',
      'trend_as_parameter_years',
      'trend_as_parameter_years_low',
      'trend_as_parameter_years_high',
      'scenario_parameter_p05',
      'scenario_parameter_p50',
      'scenario_parameter_p95',
      'trend_relation',
    ]);
    const cost = lines.find((l) => l.startsWith(',,trend:largest-run-cost,'))!;
    expect(cost).toMatch(/,largest-run-cost,factorPerYear,2\.4,2,3\.1,0\.95,2016-2024,spending\.doublingYears,0\.7917,0\.6126,1,1,1\.7321,3,/);
    const json = JSON.parse((await cli(['hindcast', 'cotra-2020-uncertain-growth', '-n', '500', '--format', 'json'])).stdout) as {
      trends: { id: string; scenario: { value: { kind: string; p50?: number } }[] | null; weights: object }[];
    };
    const algo = json.trends.find((t) => t.id === 'algorithmic-progress-language-models')!;
    expect(algo.scenario).toHaveLength(6);
    expect(algo.scenario![0].value.p50).toBeCloseTo(Math.sqrt(1.5 * 4), 9);
    expect(json.trends.find((t) => t.id === 'frontier-training-compute')!.weights).toEqual({ unusable: expect.stringMatching(/no single scenario parameter/) });
  });
});
