/**
 * The bioanchors library for Node: the public API (api.ts), its result types, its errors, and the
 * renderers the command line uses. Threads come from nodeWorkers(), files from the disk (installed
 * on import); a browser bundle imports api.ts with a worker factory and files of its own.
 */
import { useNodeFiles } from './node/files.js';

useNodeFiles();

export {
  loadInput,
  inputPaths,
  forecast,
  forecastChunks,
  compare,
  sensitivity,
  sweep,
  trajectories,
  requirementBands,
  hindcast,
  observedYears,
  samples,
  mergeRuns,
  readObserved,
  observedLabel,
  WorkerPool,
  poolFor,
  DEFAULT_SAMPLES,
  DEFAULT_COMPARE_SAMPLES,
  DEFAULT_SENSITIVITY_SAMPLES,
  DEFAULT_SWEEP_SAMPLES,
  DEFAULT_SWEEP_YEARS,
  DEFAULT_HINDCAST_DRAWS,
  DEFAULT_OBSERVATION_ERROR_OOM,
  DEFAULT_SAMPLES_ROWS,
  BAND_WORLDS,
  MIN_KEPT_WORLDS,
  type ScenarioInput,
  type ScenarioOptions,
  type ForecastOptions,
  type ForecastResult,
  type ChunkRangeOptions,
  type CompareOptions,
  type ComparisonResult,
  type SensitivityOptions,
  type SensitivityRunResult,
  type SweepOptions,
  type SweepRunResult,
  type TrajectoriesResult,
  type HindcastOptions,
  type HindcastResult,
  type SamplesOptions,
  type TextSink,
  type Observed,
  type Threads,
  type ThreadOptions,
  type WorkerFactory,
  type JobWorker,
} from './api.js';
export { nodeWorkers } from './node/workers.js';
export { nodeFiles, useNodeFiles } from './node/files.js';
export { useFiles, memoryFiles, type Files } from './io/files.js';
export { DEFAULT_SEED, CHUNK_SIZE } from './engine/loop.js';
export { YEAR_CONVENTION } from './model/years.js';
export { VERSION } from './version.js';

// Result types.
export type { Forecast, Crossing } from './engine/summary.js';
export type { Comparison, Difference } from './analyses/compare.js';
export type { SensitivityResult, SensitivityRow, Metric } from './analyses/sensitivity.js';
export type { SweepResult, SweepVariant, SweepFigure, SweepDesign, SweepDesignSpec, SweepAxisSpec, RandomDesignSpec } from './analyses/sweep.js';
export { MAX_SWEEP_VARIANTS } from './analyses/sweep.js';
export type { Trajectories } from './analyses/trajectories.js';
export type { Hindcast } from './analyses/hindcast.js';
export type { PrecisionTarget } from './analyses/precision.js';
export type { Manifest } from './model/manifest.js';
export type { PartialRun } from './model/partial.js';
export type { Scenario } from './model/scenario.js';
export type { Distribution } from './model/distribution.js';

// Errors a user can cause: a bad input file (exit 3 on the command line) or a bad request (exit 2).
export { InputError, UsageError, formatProblem, type Problem } from './io/errors.js';

// Renderers: results to the text and charts the command line prints.
export { renderTable } from './report/table.js';
export { renderCsv } from './report/csv.js';
export { renderJson } from './report/json.js';
export { renderMetaculus } from './report/metaculus.js';
export { renderCompareTable, renderCompareCsv, renderCompareJson } from './report/compare.js';
export { renderSensitivityTable, renderSensitivityCsv, renderSensitivityJson } from './report/sensitivity.js';
export { renderSweepTable, renderSweepCsv, renderSweepJson } from './report/sweep.js';
export { renderTrajectoriesTable, renderTrajectoriesCsv, renderTrajectoriesJson } from './report/trajectories.js';
export { renderChart } from './report/chart.js';
export { renderCdfChart } from './report/charts/cdf.js';
export { renderCompareChart } from './report/charts/compare.js';
export { renderRequirementsChart } from './report/charts/requirements.js';
export { renderHindcastChart } from './report/charts/hindcast.js';
export { renderTornadoChart } from './report/charts/tornado.js';
export { renderSweepChart } from './report/charts/sweep.js';
