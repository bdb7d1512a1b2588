/** Observation files (data/observations.json or a user's own) to validated objects, errors as file:line:col. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { observationsFileSchema, type ObservationsFile } from '../model/observations.js';
import { InputError } from './errors.js';
import { parseJsonDocument } from './json.js';
import { PACKAGE_ROOT } from './paths.js';
import { validateDocument } from './validate.js';

export const BUNDLED_OBSERVATIONS = join(PACKAGE_ROOT, 'data', 'observations.json');

export function loadObservations(path = BUNDLED_OBSERVATIONS, cwd = process.cwd()): { path: string; file: ObservationsFile } {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new InputError([{ file: full, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  const parsed = parseJsonDocument(full, text);
  if (!parsed.ok) throw new InputError(parsed.problems);
  const checked = validateDocument(parsed.doc, observationsFileSchema);
  if (!checked.ok) throw new InputError(checked.problems);
  return { path: full, file: checked.value };
}
