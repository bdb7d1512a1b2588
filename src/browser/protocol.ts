/**
 * The messages between the explore page and its worker. A request carries a generation number;
 * the page draws only replies of the newest generation, and replaces a busy worker with a warm
 * spare when a newer request arrives (a worker cannot be interrupted mid-run).
 */
import type { Comparison } from '../analyses/compare.js';
import type { Trajectories } from '../analyses/trajectories.js';
import type { Forecast } from '../engine/summary.js';

export type ToWorker =
  | { type: 'init'; root: string; cwd: string; texts: Record<string, string>; warm: string }
  | {
      type: 'run';
      g: number;
      /** What to load, and the scenario as the reader knows it (the downloaded file extends it). */
      ref: string;
      shownRef: string;
      sets: string[];
      /** The value each changed path had as loaded, as text, for the downloaded file's note. */
      before: Record<string, string>;
      /** Worlds of the final stage, and of the quick first stage (equal: one stage). */
      worlds: number;
      first: number;
      seed: number;
      /** '' to compare with the scenario as loaded, or another scenario's ref. */
      versus: string;
      /** Stages (by worlds) whose as-loaded forecast the page does not have yet. */
      needBase: number[];
    };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'refused'; g: number; message: string }
  | { type: 'forecast'; g: number; worlds: number; forecast: Forecast; overrides: string[]; file: string; ms: number }
  | { type: 'base'; g: number; worlds: number; forecast: Forecast }
  | { type: 'bands'; g: number; worlds: number; trajectories: Trajectories; overrides: string[] }
  | { type: 'compare'; g: number; worlds: number; comparison: Comparison }
  | { type: 'compare-refused'; g: number; message: string }
  | { type: 'done'; g: number }
  | { type: 'error'; g: number; message: string };
