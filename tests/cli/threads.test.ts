/** Worker threads and precision targets, through the command line. */
import { describe, expect, it } from 'vitest';
import { parseTargetSe } from '../../src/cli/options.js';
import { cli, fixture } from '../helpers.js';

/** A worker for any run of more than one chunk, so small runs exercise the threads (tests/jobs checks workers do run). */
const THREADED = { minWorldsPerThread: 1, waitForWorkers: true };

describe('--threads', () => {
  it('gives byte-identical output with 1 and 2 threads', async () => {
    const args = ['run', '-n', '250000', '--format', 'csv', '--seed', '5'];
    const one = await cli([...args, '--threads', '1']);
    const two = await cli([...args, '--threads', '2'], THREADED);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it.each([
    ['compare', ['compare', 'cotra-2020', 'cotra-2020-uncertain-growth', '-n', '200000']],
    ['sensitivity', ['sensitivity', '-n', '60000', '--swing', 'spending.doublingYears=2,3']],
    ['trajectories', ['trajectories', '-n', '210000']],
    // Variants one at a time per chunk, counts merged in chunk order.
    ['sweep', ['sweep', '--grid', 'spending.doublingYears=2:3:0.5', '--values', 'pricePerformance.doublingYears=2,3', '-n', '70000']],
    [
      'sweep --random',
      [
        'sweep',
        'cotra-2020-uncertain-growth',
        '--random',
        '12',
        '--range',
        'algorithmicProgress.halvingYears=1.5:4',
        '--range',
        'spending.maxGdpFraction=0.005:0.05',
        '-n',
        '70000',
      ],
    ],
    // Rows are rendered on every thread and written in chunk order.
    ['samples', ['samples', 'cotra-2020-uncertain-growth', '-n', '150000']],
    // Weights are summed in chunk order, whatever thread ran the chunk.
    ['run --given-observed', ['run', 'cotra-2020-uncertain-growth', '-n', '210000', '--given-observed', '--observation-error', '1']],
    // A weighted run that grows (131,072 then 262,144 worlds) merges its steps in chunk order too.
    [
      'run --given-observed, grown',
      ['run', fixture('observed', 'known.json'), '--given-observed', fixture('observed', 'flop-per-usd-2020.json'), '--observation-error', '0.05'],
    ],
  ])('%s: byte-identical output with 1 and 2 threads', async (_name, args) => {
    const one = await cli([...args, '--format', 'csv', '--threads', '1']);
    const two = await cli([...args, '--format', 'csv', '--threads', '2'], THREADED);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('works for uncertain growth parameters too', async () => {
    const args = ['run', 'cotra-2020-uncertain-growth', '-n', '210000', '--format', 'csv'];
    expect((await cli([...args, '--threads', '2'], THREADED)).stdout).toBe((await cli([...args, '--threads', '1'])).stdout);
  });
});

describe('--target-se', () => {
  it('adds worlds until every headline probability is that precise, and says how many it took', async () => {
    const r = await cli(['run', '--target-se', '0.2pp', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cotra-2020: [\d,]+ worlds for the target standard error$/m);
    const doc = JSON.parse(r.stdout);
    expect(Math.max(...doc.se, doc.never.se, doc.notByHorizon.se)).toBeLessThanOrEqual(0.002);
    expect(doc.manifest.samples % 16384).toBe(0);
    expect(doc.manifest.targetSe).toEqual({ probability: 0.002 });
    // The result is the plain run of the final number of worlds.
    const plain = JSON.parse((await cli(['run', '-n', String(doc.manifest.samples), '--format', 'json'])).stdout);
    expect(plain.pTaiByYear).toEqual(doc.pTaiByYear);
  });

  it('takes the median year in years, and stops at --max-samples with a warning', async () => {
    const r = await cli(['run', '--target-se', '0.001y', '--max-samples', '300000', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not reached with --max-samples 300000/);
    expect(JSON.parse(r.stdout).manifest.samples).toBe(300_000);
  });

  it('parses probabilities, percentage points and years', () => {
    expect(parseTargetSe('0.001')).toEqual({ probability: 0.001 });
    expect(parseTargetSe('0.1pp')).toEqual({ probability: 0.001 });
    expect(parseTargetSe('0.1%')).toEqual({ probability: 0.001 });
    expect(parseTargetSe('0.05y', { probability: 0.01 })).toEqual({ probability: 0.01, medianYears: 0.05 });
    expect(() => parseTargetSe('-1')).toThrow(/positive standard error/);
    expect(() => parseTargetSe('fast')).toThrow(/positive standard error/);
  });
});

describe('progress', () => {
  it('prints nothing on stderr when stderr is not a terminal', async () => {
    const r = await cli(['run', '-n', '3000000']);
    expect(r.stderr).toBe('');
  });
});
