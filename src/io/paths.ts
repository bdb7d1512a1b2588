/** Where the package's own files are (bundled anchors and scenarios, package.json). */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('bug: cannot find the bioanchors package folder (with package.json and scenarios/)');
}

export const PACKAGE_ROOT = findPackageRoot();
export const BUNDLED_ANCHORS = join(PACKAGE_ROOT, 'anchors');
export const BUNDLED_SCENARIOS = join(PACKAGE_ROOT, 'scenarios');

/** How outputs name a file of the package: `bioanchors:scenarios/cotra-2020.json`. */
export const PACKAGE_PATH_PREFIX = 'bioanchors:';

/** A path as outputs show it: a bundled file by its place in the package, others relative to `cwd`. */
export function displayPath(path: string, cwd: string): string {
  const inPackage = relative(PACKAGE_ROOT, path);
  if (!inPackage.startsWith('..') && !inPackage.startsWith('/')) return `${PACKAGE_PATH_PREFIX}${inPackage}`;
  return relative(cwd, path) || path;
}
