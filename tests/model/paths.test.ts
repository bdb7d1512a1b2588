/** One registry of scenario paths: --set and --swing (and sensitivity's inputs) mean the same thing by a path. */
import { describe, expect, it } from 'vitest';
import { GROWTH_PARAMETERS, parameterAt, parameterPaths, setParameter } from '../../src/model/paths.js';
import { CURVE_KEYS } from '../../src/engine/plan.js';
import { sensitivityInputs } from '../../src/analyses/sensitivity.js';
import { loadScenario } from '../../src/io/load.js';

const point = (value: number) => ({ kind: 'point' as const, value });
const algorithmic = (s: ReturnType<typeof loadScenario>['scenario']) =>
  s.anchors.map((a) => [a.anchor.id, a.algorithmicProgress.halvingYears, a.algorithmicProgress.maxOom]);

describe('scenario paths', () => {
  it.each([
    ['algorithmicProgress.halvingYears', 1.25],
    ['algorithmicProgress.maxOom', 2.5],
    ['anchors.genome.algorithmicProgress.halvingYears', 4],
    ['spending.doublingYears', 2],
    ['pricePerformance.maxLog10FlopPerUsd', 22],
  ])('--swing %s sets what --set %s= sets', (path, value) => {
    const base = loadScenario('cotra-2020').scenario;
    const bySet = loadScenario('cotra-2020', { sets: [`${path}=${value}`] }).scenario;
    const bySwing = setParameter(base, parameterAt(base, path)!, point(value));
    expect(algorithmic(bySwing)).toEqual(algorithmic(bySet));
    expect(bySwing.spending).toEqual(bySet.spending);
    expect(bySwing.pricePerformance).toEqual(bySet.pricePerformance);
  });

  it('knows every growth parameter the engine draws, in its order, and refuses others', () => {
    expect(GROWTH_PARAMETERS.map((g) => g.key)).toEqual([...CURVE_KEYS]);
    const base = loadScenario('cotra-2020').scenario;
    expect(parameterAt(base, 'spending.doublingYear')).toBeUndefined();
    expect(parameterAt(base, 'anchors.nope.algorithmicProgress.maxOom')).toBeUndefined();
    expect(parameterPaths(base)).toContain('anchors.evolution.algorithmicProgress.maxOom');
  });

  it("sensitivity's inputs and its not-varied list together cover every growth parameter of the scenario exactly once", () => {
    for (const id of ['cotra-2020', 'cotra-2020-uncertain-growth', 'rp-size-dependent-progress', 'critique-physical-ceiling']) {
      const scenario = loadScenario(id).scenario;
      const { inputs, fixed } = sensitivityInputs(scenario, { 'spending.doublingYears': [2, 3] });
      const named = [...inputs.map((i) => i.name), ...fixed].filter((n) => GROWTH_PARAMETERS.some((g) => g.path === n));
      expect(named.sort()).toEqual(
        GROWTH_PARAMETERS.filter((g) => g.present(scenario))
          .map((g) => g.path)
          .sort(),
      );
    }
  });

  it('the compute ceiling is a path only of scenarios that have one; --swing sets what --set sets', () => {
    expect(parameterAt(loadScenario('cotra-2020').scenario, 'computeCeiling.log10FlopPerRun')).toBeUndefined();
    expect(parameterPaths(loadScenario('cotra-2020').scenario)).not.toContain('computeCeiling.doublingYears');
    const base = loadScenario('critique-physical-ceiling').scenario;
    for (const [path, value] of [
      ['computeCeiling.log10FlopPerRun', 28.5],
      ['computeCeiling.doublingYears', 3],
    ] as const) {
      const bySet = loadScenario('critique-physical-ceiling', { sets: [`${path}=${value}`] }).scenario;
      const bySwing = setParameter(base, parameterAt(base, path)!, point(value));
      expect(bySwing.computeCeiling).toEqual(bySet.computeCeiling);
    }
  });
});
