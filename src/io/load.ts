/**
 * Files to model objects: finds scenario and anchor files, follows `extends`, applies `--set`
 * overrides, and reports every problem as file:line:col.
 *
 * Lookup: a scenario argument that names an existing file (or ends in .json) is a path;
 * otherwise it is an id in the bundled scenarios/ folder. `extends` works the same way, relative
 * to the extending file. Anchors are found by id, first in anchors/ beside or above each scenario
 * file of the chain (so a user's folder can hold its own anchors), then in the bundled anchors/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { anchorFileSchema, type AnchorFile } from '../model/anchor.js';
import type { Issue } from '../model/issues.js';
import { buildScenario, scenarioFileSchema, type Scenario, type ScenarioFile } from '../model/scenario.js';
import { closest } from './closest.js';
import { InputError, UsageError, type Problem } from './errors.js';
import { hasPath, parseJsonDocument, positionOf, type JsonDocument } from './json.js';
import { BUNDLED_ANCHORS, BUNDLED_SCENARIOS, PACKAGE_ROOT } from './paths.js';
import { validateDocument } from './validate.js';

export { BUNDLED_ANCHORS, BUNDLED_SCENARIOS, PACKAGE_ROOT };

export interface LoadedFile {
  path: string;
  sha256: string;
}

function readDocument(path: string): JsonDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([{ file: path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  const parsed = parseJsonDocument(path, text);
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.doc;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON files of a folder that are not schemas, by id (file name without .json). */
export function listJsonIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export interface LoadedAnchor {
  file: AnchorFile;
  doc: JsonDocument;
}

/** Reads and validates one anchor file; its id must match its file name. */
export function loadAnchorFile(path: string): LoadedAnchor {
  const doc = readDocument(path);
  const checked = validateDocument(doc, anchorFileSchema);
  if (!checked.ok) throw new InputError(checked.problems);
  const stem = basename(path).replace(/\.json$/, '');
  if (checked.value.id !== stem) {
    throw new InputError([{ file: path, ...positionOf(doc, ['id']), message: `id "${checked.value.id}" must match the file name "${stem}.json" (scenarios find anchors by file name)` }]);
  }
  return { file: checked.value, doc };
}

function looksLikePath(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
}

/** Resolves a scenario argument or `extends` value to a file path. */
export function resolveScenarioPath(ref: string, relativeTo?: string): string {
  const base = relativeTo ?? process.cwd();
  if (looksLikePath(ref) || existsSync(resolve(base, ref))) {
    const path = resolve(base, ref);
    if (!existsSync(path)) throw new UsageError(`no such scenario file: ${path}`);
    return path;
  }
  const dirs = [...new Set([relativeTo, BUNDLED_SCENARIOS].filter((d): d is string => d !== undefined))];
  for (const dir of dirs) {
    const candidate = join(dir, `${ref}.json`);
    if (existsSync(candidate)) return candidate;
  }
  const known = [...new Set(dirs.flatMap(listJsonIds))];
  const hint = closest(ref, known);
  throw new UsageError(`no scenario "${ref}"${hint ? ` (did you mean "${hint}"?)` : ''}; available: ${known.join(', ')}`);
}

function isLeaf(v: unknown): boolean {
  return v === null || typeof v !== 'object' || Array.isArray(v) || 'dist' in v || 'formula' in v;
}

/** Deep merge for `extends`: objects merge key by key; numbers, lists, distributions and formulas replace. */
export function mergeScenario(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] = !isLeaf(value) && prior !== undefined && !isLeaf(prior) ? mergeScenario(prior as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

/** Parses `path=value` overrides into a nested object; values are JSON, or text when not JSON. */
export function parseSets(sets: readonly string[]): { tree: Record<string, unknown>; paths: string[][] } {
  const tree: Record<string, unknown> = {};
  const paths: string[][] = [];
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes path=value (e.g. --set spending.doublingYears=2); found "${set}"`);
    const path = set.slice(0, eq).trim().split('.');
    if (path.some((p) => p === '')) throw new UsageError(`--set path "${set.slice(0, eq)}" has an empty part`);
    const raw = set.slice(eq + 1).trim();
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) throw new UsageError(`--set ${set}: ${raw} is not a finite number`);
    let node = tree;
    path.slice(0, -1).forEach((p) => {
      if (node[p] === undefined || isLeaf(node[p])) node[p] = {};
      node = node[p] as Record<string, unknown>;
    });
    node[path[path.length - 1]] = value;
    paths.push(path);
  }
  return { tree, paths };
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The files read, scenario chain first (most derived first), then anchors. */
  files: LoadedFile[];
  /** The merged scenario document, as the engine sees it. */
  merged: ScenarioFile;
}

export interface LoadOptions {
  sets?: readonly string[];
}

/** Loads a scenario by id or path, with its `extends` chain and anchors. */
export function loadScenario(ref: string, options: LoadOptions = {}): LoadedScenario {
  const chain: { path: string; doc: JsonDocument; file: ScenarioFile }[] = [];
  let path = resolveScenarioPath(ref);
  for (;;) {
    if (chain.some((c) => c.path === path)) {
      const cycle = [...chain.map((c) => c.path), path].map((p) => basename(p)).join(' → ');
      const last = chain[chain.length - 1];
      throw new InputError([{ file: last.path, ...positionOf(last.doc, ['extends']), message: `"extends" makes a cycle: ${cycle}` }]);
    }
    const doc = readDocument(path);
    const checked = validateDocument(doc, scenarioFileSchema);
    if (!checked.ok) throw new InputError(checked.problems);
    chain.push({ path, doc, file: checked.value });
    const parent = checked.value.extends;
    if (!parent) break;
    try {
      path = resolveScenarioPath(parent, dirname(path));
    } catch (error) {
      if (error instanceof UsageError) throw new InputError([{ file: path, ...positionOf(doc, ['extends']), message: error.message }]);
      throw error;
    }
  }

  let merged: Record<string, unknown> = {};
  for (const link of [...chain].reverse()) {
    const own = { ...(link.file as Record<string, unknown>) };
    delete own.$schema;
    delete own.extends;
    delete own.label;
    delete own.description;
    delete own.sources;
    merged = mergeScenario(merged, own);
  }
  const top = chain[0].file;
  merged.label = top.label ?? (top.extends ? `${top.id} (extends ${top.extends})` : top.id);
  merged.description = top.description ?? chain.find((c) => c.file.description)?.file.description;
  merged.sources = top.sources ?? chain.find((c) => c.file.sources)?.file.sources;

  const sets = parseSets(options.sets ?? []);
  if (sets.paths.length) {
    // The overrides alone, as a document, get the same checks (and messages) as a file.
    const setDoc = parseJsonDocument('--set', JSON.stringify({ id: top.id, ...sets.tree }));
    const checked = setDoc.ok ? validateDocument(setDoc.doc, scenarioFileSchema) : { ok: false as const, problems: setDoc.problems };
    if (!checked.ok) throw new UsageError(checked.problems.map((p) => `--set: ${p.message}`).join('\n'));
    merged = mergeScenario(merged, sets.tree);
  }

  const anchorDirs = [
    ...new Set([...chain.flatMap((c) => [join(dirname(c.path), 'anchors'), join(dirname(c.path), '..', 'anchors')]).map((d) => resolve(d)), BUNDLED_ANCHORS]),
  ];
  const anchorIds = Object.keys((merged.anchors as Record<string, unknown>) ?? {});
  const anchorFiles: Record<string, AnchorFile> = {};
  const anchorDocs: Record<string, JsonDocument> = {};
  const knownIds = new Set(anchorDirs.flatMap(listJsonIds));
  const anchorPaths: string[] = [];
  for (const id of anchorIds) {
    const dir = anchorDirs.find((d) => existsSync(join(d, `${id}.json`)));
    if (!dir) continue;
    const loaded = loadAnchorFile(join(dir, `${id}.json`));
    anchorFiles[id] = loaded.file;
    anchorDocs[id] = loaded.doc;
    anchorPaths.push(join(dir, `${id}.json`));
  }
  const built = buildScenario(merged as ScenarioFile, anchorFiles, closest);
  if (!built.ok) {
    const setPaths = sets.paths;
    const locate = (issue: Issue): Problem => {
      // A value set on the command line is blamed on its --set, not on the file it replaced.
      const fromSet = setPaths.find((p) => p.every((part, i) => issue.path[i] === part));
      if (fromSet) return { file: `--set ${fromSet.join('.')}`, message: issue.message };
      const origin = chain.find((c) => hasPath(c.doc, issue.path)) ?? chain[0];
      return { file: origin.path, ...positionOf(origin.doc, issue.path), message: issue.message };
    };
    const problems: Problem[] = built.issues.map((issue) => {
      if (issue.message.startsWith('no anchor "')) {
        const id = issue.path[1] as string;
        const hint = closest(id, [...knownIds]);
        const message = `no anchor "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; known anchors: ${[...knownIds].join(', ')}`;
        return { ...locate(issue), message };
      }
      return locate(issue);
    });
    for (const [id, issues] of Object.entries(built.anchorIssues ?? {})) {
      for (const issue of issues) problems.push({ file: anchorPaths.find((p) => basename(p) === `${id}.json`) ?? id, ...positionOf(anchorDocs[id], issue.path), message: issue.message });
    }
    throw new InputError(problems);
  }
  const files: LoadedFile[] = [
    ...chain.map((c) => ({ path: c.path, sha256: sha256(c.doc.text) })),
    ...anchorPaths.map((p, i) => ({ path: p, sha256: sha256(anchorDocs[anchorIds.filter((id) => anchorDocs[id])[i]].text) })),
  ];
  return { scenario: built.value, files, merged: merged as ScenarioFile };
}
