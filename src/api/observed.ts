/** Observations as the API uses them: loaded from a file, as constraints on the worlds' growth, with an observation error. */
import type { ObservationConstraint } from '../analyses/observed.js';
import { loadObservations } from '../io/observations.js';
import { displayPath, workingFolder } from '../io/paths.js';
import { frontierFigures, type ObservationsFile } from '../model/observations.js';

export const DEFAULT_OBSERVATION_ERROR_OOM = 0.5;

const QUANTITY_OF = { trainingFlop: 'largestRun', flopPerUsd: 'flopPerUsd', costUsd: 'spending' } as const;

/** The observed figures the weights use: every frontier figure but the derived ones, which repeat the others. */
export function observationConstraints(file: ObservationsFile): ObservationConstraint[] {
  return frontierFigures(file)
    .filter(({ figure }) => figure.kind !== 'derived')
    .map(({ year, field, figure }) => ({ year, quantity: QUANTITY_OF[field], log10: Math.log10(figure.value), atLeast: figure.kind === 'bound' }));
}

export interface Observed {
  /** The file as outputs show it. */
  file: string;
  /** Its absolute path. */
  path: string;
  constraints: ObservationConstraint[];
  /** The observations' error: a standard deviation in orders of magnitude. */
  sigma: number;
}

/** How a weighted run is labelled with its overrides (table titles, CSV rows): the conditioning is part of what produced the numbers. */
export function observedLabel(observed: Observed): string {
  return `--given-observed ${observed.file} --observation-error ${observed.sigma}`;
}

/** Loads observations: a file (relative to `cwd`), or the bundled data/observations.json. */
export function readObserved(file: string | undefined, sigma: number | undefined, cwd: string = workingFolder()): Observed {
  const observations = loadObservations(file, cwd);
  return { file: displayPath(observations.path, cwd), path: observations.path, constraints: observationConstraints(observations.file), sigma: sigma ?? DEFAULT_OBSERVATION_ERROR_OOM };
}
