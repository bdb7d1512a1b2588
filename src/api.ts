/**
 * The public API: everything the command line computes, for a script, a notebook or a page. Each
 * function takes a loaded scenario (loadInput) and options, and returns results that carry their
 * own provenance (a manifest: seed, worlds, files read and their hashes, overrides). Threads come
 * from an injected worker factory (nodeWorkers() in Node), so the same core runs in a browser.
 */
export { loadInput, inputPaths, manifestFor, MIN_KEPT_WORLDS, type ScenarioInput, type ScenarioOptions } from './api/input.js';
export { forecast, forecastChunks, DEFAULT_SAMPLES, type ForecastOptions, type ForecastResult, type ChunkRangeOptions } from './api/forecast.js';
export { compare, distinctIds, DEFAULT_COMPARE_SAMPLES, type CompareOptions, type ComparisonResult } from './api/compare.js';
export { sensitivity, DEFAULT_SENSITIVITY_SAMPLES, type SensitivityOptions, type SensitivityRunResult } from './api/sensitivity.js';
export { sweep, checkDesign, DEFAULT_SWEEP_SAMPLES, DEFAULT_SWEEP_YEARS, type SweepOptions, type SweepRunResult } from './api/sweep.js';
export { trajectories, requirementBands, BAND_WORLDS, type TrajectoriesResult } from './api/trajectories.js';
export { hindcast, observedYears, DEFAULT_HINDCAST_DRAWS, type HindcastOptions, type HindcastResult } from './api/hindcast.js';
export { samples, DEFAULT_SAMPLES_ROWS, type SamplesOptions, type TextSink } from './api/samples.js';
export { mergeRuns } from './api/merge.js';
export { readObserved, observedLabel, parseLevels, parseTrends, DEFAULT_OBSERVATION_ERROR_OOM, type Observed, type EvidenceOptions } from './api/observed.js';
export type { Threads } from './api/threads.js';
export { useFiles, memoryFiles, type Files } from './io/files.js';
export { WorkerPool, poolFor, type ThreadOptions } from './jobs/pool.js';
export type { WorkerFactory, JobWorker } from './jobs/protocol.js';
