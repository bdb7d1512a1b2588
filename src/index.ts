/** The bioanchors library API: the model and the engine, for scripting from TypeScript. */
export * from './model/distribution.js';
export * from './model/formula.js';
export * from './model/anchor.js';
export * from './model/scenario.js';
export type { Issue, Checked } from './model/issues.js';
export { Rng } from './engine/rng.js';
export { normalCdf, normalQuantile } from './engine/normal.js';
export { compileDistribution, type Sampler } from './engine/sampler.js';
export * from './engine/curves.js';
export * from './engine/plan.js';
export * from './engine/counts.js';
export * from './engine/loop.js';
export * from './engine/simulate.js';
export * from './engine/summary.js';
export * from './engine/closedForm.js';
export { loadScenario, loadAnchorFile } from './io/load.js';
export { InputError, UsageError, formatProblem, type Problem } from './io/errors.js';
export * from './engine/requirementDraws.js';
