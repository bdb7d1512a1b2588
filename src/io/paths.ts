/** Where the package's own files are (bundled anchors, scenarios, observations and reference curves), and how outputs show paths. */
import { bundled, files, relative } from './files.js';

export const bundledAnchors = (): string => bundled('anchors');
export const bundledScenarios = (): string => bundled('scenarios');
export const bundledObservations = (): string => bundled('data', 'observations.json');

/** How outputs name a file of the package: `bioanchors:scenarios/cotra-2020.json`. */
export const PACKAGE_PATH_PREFIX = 'bioanchors:';

/** A path as outputs show it: a bundled file by its place in the package, others relative to `cwd`. */
export function displayPath(path: string, cwd: string): string {
  const inPackage = relative(files().root, path);
  if (!inPackage.startsWith('..') && !inPackage.startsWith('/')) return `${PACKAGE_PATH_PREFIX}${inPackage}`;
  return relative(cwd, path) || path;
}

/** Whether a path is one of the package's own files. */
export function isBundled(path: string): boolean {
  return !relative(files().root, path).startsWith('..');
}

/** The process's working folder where there is one (Node), else the root: the default relative paths resolve against. */
export function workingFolder(): string {
  return (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.() ?? '/';
}
