/** Observation files (data/observations.json or a user's own) to validated objects, errors as file:line:col. */
import { exists as existsSync, resolve } from './files.js';
import { observationsFileSchema, type ObservationsFile } from '../model/observations.js';
import { InputError } from './errors.js';
import { parseJsonDocument } from './json.js';
import { readInputText } from './load.js';
import { bundledObservations, workingFolder } from './paths.js';
import { validateDocument } from './validate.js';

export function loadObservations(path: string = bundledObservations(), cwd = workingFolder()): { path: string; file: ObservationsFile } {
  const full = resolve(cwd, path);
  if (!existsSync(full) && !/[\\/]|\.json$/i.test(path)) {
    // `--given-observed cotra-2020-…` takes the next word as its file: say how to write it.
    throw new InputError([
      {
        file: full,
        message: `no such observations file; --given-observed takes an optional FILE, so put it after the scenarios (run SCENARIO --given-observed) or write --given-observed=FILE`,
      },
    ]);
  }
  // Read as scenario files are: UTF-8 with or without a byte-order mark, other encodings named.
  const text = readInputText(full);
  const parsed = parseJsonDocument(full, text);
  if (!parsed.ok) throw new InputError(parsed.problems);
  const checked = validateDocument(parsed.doc, observationsFileSchema);
  if (!checked.ok) throw new InputError(checked.problems);
  return { path: full, file: checked.value };
}
