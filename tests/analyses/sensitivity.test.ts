/**
 * The variance share against an exact answer. In tests/fixtures/sum-of-two.json one anchor
 * (weight 1) needs x + z log10 FLOP, x ~ N(35, 2) and z ~ N(0, 1.5) independent, and the curves
 * are point values, so a world has arrived by year Y exactly when x + z ≤ c, c being the
 * affordable-plus-progress threshold of that year. The indicator Y = 1{x + z ≤ c} has
 *   E[Y | x] = Φ((c − x − μz)/σz),  P(Y) = p = Φ((c − μx − μz)/√(σx² + σz²)),
 * and the first-order index of x is Var(E[Y | x]) / (p(1 − p)) (and alike for z).
 *
 * The estimator (sensitivity.ts) bins x by 20 equal-probability bins of its uniform, so what it
 * estimates without bias is the index of the binned input, Σ_b (1/20)(m_b − p)² / (p(1 − p)) with
 * m_b = E[Y | x in bin b]; both are computed here by the midpoint rule in u over 20 × 4000
 * points (error below 1e-8). Binning loses 0.0009 of each index (x: 0.4419 → 0.4410, z: 0.2343 →
 * 0.2334 at p = 0.524), less than the tolerance below: the test pins the binned value.
 */
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/dist/normal.js';
import { sensitivity, sensitivityInputs } from '../../src/analyses/sensitivity.js';
import { loadScenario } from '../../src/io/load.js';
import { fixture } from '../helpers.js';
import { FAMILY_Z } from '../stats.js';

const X = { mu: 35, sd: 2 };
const Z = { mu: 0, sd: 1.5 };
const BINS = 20;

/** The exact first-order index of `input` (and of its 20-bin version) for the indicator 1{x + z ≤ c}. */
function exactShares(c: number, input: typeof X, other: typeof X, perBin = 4000): { continuous: number; binned: number } {
  const p = normalCdf((c - input.mu - other.mu) / Math.hypot(input.sd, other.sd));
  let continuous = 0;
  let binned = 0;
  for (let b = 0; b < BINS; b++) {
    let sum = 0;
    for (let i = 0; i < perBin; i++) {
      const u = (b + (i + 0.5) / perBin) / BINS;
      const g = normalCdf((c - other.mu - (input.mu + input.sd * normalQuantile(u))) / other.sd);
      sum += g;
      continuous += (g - p) ** 2;
    }
    binned += (sum / perBin - p) ** 2;
  }
  return { continuous: continuous / (BINS * perBin) / (p * (1 - p)), binned: binned / BINS / (p * (1 - p)) };
}

describe('variance share (first-order index, 20 bins, bias-corrected)', () => {
  const scenario = loadScenario(fixture('sum-of-two.json')).scenario;
  const metric = { kind: 'p-by-year', year: 2050 } as const;
  /** c from the run's own P(by 2050): c = μx + μz + √(σx² + σz²)·Φ⁻¹(p). */
  const thresholdOf = (p: number) => X.mu + Z.mu + Math.hypot(X.sd, Z.sd) * normalQuantile(p);

  it('matches the exact index of x and of z within 4.5 standard errors', () => {
    const samples = 200_000;
    const r = sensitivity(scenario, { samples, seed: 11, metric });
    // c is backed out of the run's P(by 2050) ≈ 0.52 rather than read from the curves, so the
    // test does not depend on which year a threshold row stands for. Near p = 1/2 the index is
    // flat in c (it is symmetric about the median), so the se of p (0.0011) moves the exact
    // answer by about 2e-5.
    const c = thresholdOf(r.baseline.cdf[metric.year - r.baseline.startYear]);
    // The estimator's se, from replications: 100 runs of 1e5 worlds gave sd 0.0025 (x) and
    // 0.0025 (z); 400 runs of 2e4 gave 0.0061 and 0.0057, i.e. 0.0027 and 0.0026 at 1e5.
    // Taken as 0.0027·√(1e5/N): 0.0019 here; 4.5 of those is 0.0086.
    const se = 0.0027 * Math.sqrt(1e5 / samples);
    for (const [name, input, other] of [
      ['x', X, Z],
      ['z', Z, X],
    ] as const) {
      const row = r.rows.find((w) => w.input.name === name)!;
      const exact = exactShares(c, input, other);
      expect(Math.abs(row.varianceShare! - exact.binned), `${name}: ${row.varianceShare} vs ${exact.binned}`).toBeLessThan(FAMILY_Z * se);
    }
    // x's index at the median is 2·arcsin(ρ²)/π with ρ² = σx²/(σx² + σz²) = 0.64: about 0.442.
    expect(exactShares(thresholdOf(0.5), X, Z).continuous).toBeCloseTo((2 * Math.asin(0.64)) / Math.PI, 5);
    // One anchor: which anchor is right explains nothing.
    expect(r.anchorShare).toBe(0);
  });

  it("an input of one anchor: its share scales by that anchor's weight squared; the anchor choice has its own", () => {
    // Weight 1/2 and "no anchor" 1/2 (never arrives). With p = P(Y | the anchor) and q = p/2:
    // Var(E[Y | x]) = (1/2)²·Var(E[Y | x, anchor]), so x's share is S·p(1 − p)/(4q(1 − q)) with S
    // its index within the anchor's worlds; E[Y | anchor choice] is p or 0, so the anchor
    // choice's share is (1/4)p²/(q(1 − q)).
    const half = loadScenario(fixture('sum-of-two.json'), { sets: ['anchors.sum-of-two.weight=0.5'] }).scenario;
    const samples = 200_000;
    const r = sensitivity(half, { samples, seed: 12, metric });
    const anchor = r.baseline.anchors.find((a) => a.id === 'sum-of-two')!;
    const p = anchor.cdf[metric.year - r.baseline.startYear];
    const q = p / 2;
    const c = thresholdOf(p);
    // se from 80 runs of 1e5 worlds: sd 0.0013 (x), 0.0011 (z), 0.0022 (anchor choice); taken as
    // 0.0015 and 0.0025 (rounded up for the error of p, which the exact values are computed from),
    // times √(1e5/N).
    const scale = Math.sqrt(1e5 / samples);
    for (const [name, input, other] of [
      ['x', X, Z],
      ['z', Z, X],
    ] as const) {
      const share = r.rows.find((w) => w.input.name === name)!.varianceShare!;
      const exact = (exactShares(c, input, other).binned * p * (1 - p)) / (4 * q * (1 - q));
      expect(Math.abs(share - exact), `${name}: ${share} vs ${exact}`).toBeLessThan(FAMILY_Z * 0.0015 * scale);
    }
    const anchorExact = (p * p) / (4 * q * (1 - q));
    expect(Math.abs(r.anchorShare - anchorExact), `${r.anchorShare} vs ${anchorExact}`).toBeLessThan(FAMILY_Z * 0.0025 * scale);
  });

  it('removes the binning noise: over many small runs the mean share is unbiased', () => {
    // With 1,000 worlds, 20 bins of 50 add noise of about (20 − 1)/1000·E[m(1 − m)]/(p(1 − p))
    // ≈ 0.012 to the between-bin variance: about 6 standard errors of the mean of 300 runs, so
    // an estimator without the correction fails here. Each run is compared with the exact answer at
    // its own p (200 points a bin: error under 1e-7); the se of the mean from the runs' spread.
    const runs = 300;
    const samples = 1000;
    const shares: number[] = [];
    const exact: number[] = [];
    for (let s = 0; s < runs; s++) {
      const r = sensitivity(scenario, { samples, seed: 5000 + s, metric });
      shares.push(r.rows.find((w) => w.input.name === 'x')!.varianceShare!);
      exact.push(exactShares(thresholdOf(r.baseline.cdf[metric.year - r.baseline.startYear]), X, Z, 200).binned);
    }
    const mean = (a: number[]) => a.reduce((u, v) => u + v, 0) / a.length;
    const diffs = shares.map((v, i) => v - exact[i]);
    const sd = Math.sqrt(diffs.reduce((u, v) => u + (v - mean(diffs)) ** 2, 0) / (runs - 1));
    expect(Math.abs(mean(diffs))).toBeLessThan(FAMILY_Z * (sd / Math.sqrt(runs)));
  });
});

describe('stated ranges of weights and variables (--swing)', () => {
  const { scenario } = loadScenario('cotra-2020');
  const { inputs } = sensitivityInputs(scenario, { 'anchors.lifetime.weight': [0, 0.15], 'variables.brainLog10FlopPerS': [14, 16] });

  it('take the place of the default input for that weight and that variable', () => {
    const names = inputs.map((i) => i.name);
    expect(names).toContain('anchors.lifetime.weight');
    expect(names).toContain('variables.brainLog10FlopPerS');
    expect(names).not.toContain('weight of lifetime');
    expect(names.filter((n) => n.startsWith('brainLog10FlopPerS'))).toEqual([]);
    // The other weights keep their default ×0.5–×1.5.
    expect(names).toContain('weight of genome');
  });

  it('set the weight alone ("no anchor" takes the difference) and the variable in every anchor that has it, as --set does', () => {
    const weight = inputs.find((i) => i.name === 'anchors.lifetime.weight')!;
    expect(weight.kind).toBe('weight');
    const moved = weight.apply(scenario, 0.15);
    expect(moved.anchors.map((a) => a.weight)).toEqual(scenario.anchors.map((a) => (a.anchor.id === 'lifetime' ? 0.15 : a.weight)));
    expect(moved.noneWeight).toBeCloseTo(0, 12);
    const variable = inputs.find((i) => i.name === 'variables.brainLog10FlopPerS')!;
    expect(variable.kind).toBe('variable');
    const set = variable.apply(scenario, 16);
    for (const a of set.anchors) {
      const v = a.anchor.variables.find((x) => x.name === 'brainLog10FlopPerS');
      if (v) expect(v.dist).toEqual({ dist: 'point', value: 16 });
    }
    expect(set.anchors.filter((a) => a.anchor.variables.some((x) => x.name === 'brainLog10FlopPerS')).length).toBe(5);
  });
});
