/** The chunk loop's one-plan-at-a-time mode: the same worlds as the paired loop, in a few shared workspaces. */
import { describe, expect, it } from 'vitest';
import { countsObserver, mergeCounts, type Counts } from '../../src/engine/counts.js';
import { runChunks, type Observer } from '../../src/engine/loop.js';
import { planScenario, type Plan } from '../../src/engine/plan.js';
import { createWorkspace, rebindWorkspace, workspaceShape } from '../../src/engine/workspace.js';
import { loadScenario } from '../../src/io/load.js';

/** Each plan's counts, whether the loop hands over every plan at once or one at a time. */
function allCounts(plans: Plan[]): Observer<Counts[]> {
  const each = plans.map(countsObserver);
  return {
    empty: () => each.map((o) => o.empty()),
    observe(state, chunk) {
      chunk.plans.forEach((plan, i) =>
        each[chunk.firstPlan + i].observe(state[chunk.firstPlan + i], { ...chunk, plans: [plan], workspaces: [chunk.workspaces[i]] }),
      );
    },
    merge: (a, b) => a.forEach((c, p) => mergeCounts(c, b[p])),
  };
}

describe('runChunks with onePlanAtATime', () => {
  // Plans of two shapes (point and uncertain growth) and different fixed values, interleaved.
  const plans = [
    planScenario(loadScenario('cotra-2020').scenario),
    planScenario(loadScenario('cotra-2020', { sets: ['spending.doublingYears=1.5'] }).scenario),
    planScenario(loadScenario('cotra-2020-uncertain-growth').scenario),
    planScenario(loadScenario('cotra-2020', { sets: ['pricePerformance.doublingYears=3.5', 'algorithmicProgress.halvingYears=3'] }).scenario),
  ];

  it('gives every plan exactly the counts of the paired loop', () => {
    const samples = 40_000;
    const paired = runChunks({ plans, draws: 'paired', seed: 11, samples }, allCounts(plans), 0, 3);
    const oneAtATime = runChunks({ plans, draws: 'paired', seed: 11, samples, onePlanAtATime: true }, allCounts(plans), 0, 3);
    expect(oneAtATime).toEqual(paired);
    // The variants differ from each other: the test would not notice a plan drawn in another's workspace otherwise.
    expect(paired[1].perAnchor).not.toEqual(paired[0].perAnchor);
  });

  it('shares a workspace between plans of one shape only, rebound to each', () => {
    expect(workspaceShape(plans[0])).toBe(workspaceShape(plans[1]));
    expect(workspaceShape(plans[0])).not.toBe(workspaceShape(plans[2]));
    const ws = createWorkspace(plans[0]);
    rebindWorkspace(ws, plans[1]);
    expect(Array.from(ws.growth.values)).toEqual(Array.from(createWorkspace(plans[1]).growth.values));
  });

  it('takes paired draws only', () => {
    expect(() => runChunks({ plans, draws: 'own', seed: 1, samples: 100, onePlanAtATime: true }, allCounts(plans), 0, 1)).toThrow(/paired/);
  });
});
