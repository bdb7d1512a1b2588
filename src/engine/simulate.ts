/**
 * The Monte Carlo over whole worlds. A world draws its anchor, the anchor's variables (each once),
 * its requirement from the anchor's formula, every uncertain growth parameter, and then finds
 * the first year in which affordable compute plus algorithmic progress reaches the requirement.
 *
 * Worlds are simulated in chunks of CHUNK_SIZE; chunk c draws from the random streams (seed, c, …),
 * so a run's result does not depend on how its chunks are shared out. Chunks only add to counts
 * (one histogram of arrival years per anchor), so memory does not grow with the number of worlds.
 */
import { countsObserver, type Counts } from './counts.js';
import { chunkCount, runChunks } from './loop.js';
import type { Plan } from './plan.js';

export interface SimulateOptions {
  samples: number;
  seed: number;
  /** Called after each chunk with the number of worlds done. */
  onProgress?: (done: number, total: number) => void;
}

/** Simulates chunks [firstChunk, endChunk) of a run of `samples` worlds. */
export function simulateChunks(plan: Plan, seed: number, samples: number, firstChunk: number, endChunk: number, onChunk?: (n: number) => void): Counts {
  return runChunks({ plans: [plan], draws: 'own', seed, samples }, countsObserver(plan), firstChunk, endChunk, onChunk);
}

/** Simulates a whole run in this thread. */
export function simulate(plan: Plan, options: SimulateOptions): Counts {
  let done = 0;
  return simulateChunks(plan, options.seed, options.samples, 0, chunkCount(options.samples), (n) => {
    done += n;
    options.onProgress?.(done, options.samples);
  });
}
