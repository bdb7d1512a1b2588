/**
 * The bundled critique scenarios: each validates, runs, and changes what its file says it changes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/io/load.js';
import { cli, ROOT } from './helpers.js';

const CRITIQUES = ['critique-physical-ceiling', 'critique-slower-hardware', 'critique-yudkowsky'];

const median = (r: { stdout: string }) => JSON.parse(r.stdout).crossings.find((c: { level: number }) => c.level === 0.5);

describe('bundled critique scenarios', () => {
  it.each(CRITIQUES)('%s validates, runs, and cites its source', async (id) => {
    expect((await cli(['validate', join(ROOT, 'scenarios', `${id}.json`)])).code).toBe(0);
    const r = await cli(['run', id, '-n', '20000', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(loadScenario(id).scenario.sources.length).toBeGreaterThan(0);
  });

  it('critique-physical-ceiling: a hard ceiling at 2e29 FLOP in 2030 (median), over observed-trends-2026', () => {
    const s = loadScenario('critique-physical-ceiling').scenario;
    const c = s.computeCeiling!;
    expect(c.year).toBe(2030);
    expect(c.cap).toBe('hard');
    expect(c.log10FlopPerRun.kind).toBe('dist');
    const d = (c.log10FlopPerRun as { kind: 'dist'; dist: { low: number; high: number } }).dist;
    expect((d.low + d.high) / 2).toBeCloseTo(Math.log10(2e29), 3);
    const base = loadScenario('observed-trends-2026').scenario;
    expect(base.computeCeiling).toBeUndefined();
    expect(s.spending).toEqual(base.spending);
  });

  it("critique-slower-hardware: FLOP per dollar doubles more slowly than the report's 2.5 years in 95% of worlds", () => {
    const p = loadScenario('critique-slower-hardware').scenario.pricePerformance.doublingYears;
    expect(p).toMatchObject({ kind: 'dist', dist: { dist: 'lognormal', low: 2.5, level: 0.9 } });
  });

  it('critique-yudkowsky: far earlier than cotra-2020 (median crossing at least 15 years sooner)', async () => {
    const [y, c] = await Promise.all([
      cli(['run', 'critique-yudkowsky', '-n', '20000', '--format', 'json']),
      cli(['run', 'cotra-2020', '-n', '20000', '--format', 'json']),
    ]);
    expect(median(y).year).toBeLessThan(median(c).year - 15);
  });
});
