/** A partial run (model/partial.ts) as the JSON file `run --chunks` writes. */
import type { PartialRun } from '../model/partial.js';

export function renderPartial(partial: PartialRun): string {
  return `${JSON.stringify(partial)}\n`;
}
