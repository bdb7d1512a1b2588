/**
 * The explore page's "download scenario": a scenario file that extends the one explored and holds
 * only what the reader changed (the overrides as the loader nests them, io/load.ts parseSets), with
 * a note of each change. Loading it gives the scenario the overrides give, so `bioanchors run` on
 * it prints the page's numbers.
 */
import { parseSets } from '../io/load.js';
import { VERSION } from '../version.js';
import { setPath, setValue } from './state.js';

export interface DownloadInput {
  /** The scenario explored, as the page was given it (a bundled id or a file name). */
  ref: string;
  id: string;
  label: string;
  sets: readonly string[];
  /** The value each changed path had as loaded, as text (absent: the scenario left it to each anchor). */
  before: (path: string) => string | undefined;
}

/** The file's id: the explored id with "-explored" (ids are lower-case letters, digits and dashes). */
export const exploredId = (id: string): string => `${id.replace(/#\d+$/, '')}-explored`;

export function scenarioFile({ ref, id, label, sets, before }: DownloadInput): string {
  const { tree } = parseSets(sets);
  const changes = sets.map((s) => {
    const was = before(setPath(s));
    return `${setPath(s)}: ${was === undefined ? '(each anchor its own)' : was} → ${setValue(s)}`;
  });
  const file = {
    id: exploredId(id),
    extends: ref,
    label: `${label}, changed in bioanchors explore`,
    description: sets.length
      ? `${ref} with ${sets.length} change${sets.length > 1 ? 's' : ''} made in bioanchors explore ${VERSION}: ${changes.join('; ')}.`
      : `${ref} as loaded (no changes), saved from bioanchors explore ${VERSION}.`,
    ...tree,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
