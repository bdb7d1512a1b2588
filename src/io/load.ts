/**
 * Files to model objects: finds scenario and anchor files, follows `extends`, applies `--set`
 * overrides, and reports every problem as file:line:col.
 *
 * Lookup (resolveScenarioPath): a scenario argument with a "/" or ending in .json, or naming an
 * existing file (not a folder), is a path; otherwise it is an id in the bundled scenarios/ folder.
 * `extends` works the same way, relative to the extending file. Anchors are found by id, first in anchors/ beside or above each scenario
 * file of the chain (so a user's folder can hold its own anchors), then in the bundled anchors/.
 */
import { basename, dirname, exists as existsSync, files, isFile, join, resolve, sha256Hex } from './files.js';
import { anchorFileSchema, buildAnchor, type Anchor, type AnchorFile } from '../model/anchor.js';
import type { Issue } from '../model/issues.js';
import { GENERAL_ALGORITHMIC_KEYS } from '../model/paths.js';
import { buildScenario, scenarioFileSchema, type Scenario, type ScenarioFile } from '../model/scenario.js';
import { closest } from './closest.js';
import { InputError, UsageError, type Problem } from './errors.js';
import { hasPath, parseJsonDocument, positionOf, RESERVED_NAMES, reservedNameMessage, type JsonDocument } from './json.js';
import { bundledAnchors, bundledScenarios, workingFolder } from './paths.js';
import { validateDocument } from './validate.js';

export interface LoadedFile {
  path: string;
  sha256: string;
}

/** Largest input file read (scenario, anchor, observations, reference, part): the bundled ones are a few KB. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The text of a JSON input file: UTF-8, with or without a byte-order mark. UTF-16 and other
 * encodings, binary files and files too large to be a scenario are refused with a message.
 */
export function readInputText(path: string): string {
  const fail = (message: string) => new InputError([{ file: path, message }]);
  let bytes: Uint8Array;
  try {
    const stats = files().stat(path);
    if (stats === null) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    if (stats.kind === 'folder') throw fail('is a folder, not a file');
    if (stats.kind !== 'file') throw fail('is not a regular file');
    if (stats.size > MAX_FILE_BYTES) throw fail(`is ${(stats.size / 1048576).toFixed(1)} MB; input files may be at most ${MAX_FILE_BYTES / 1048576} MB`);
    bytes = files().read(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fail(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.length > MAX_FILE_BYTES) throw fail(`is larger than ${MAX_FILE_BYTES / 1048576} MB; input files may be at most that`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fail('is UTF-16 encoded; save it as UTF-8 (input files are UTF-8)');
  }
  if (bytes.includes(0)) throw fail('contains NUL bytes: it is UTF-16 or UTF-32 text or a binary file; save it as UTF-8 text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('is not valid UTF-8 (perhaps Latin-1 or Windows-1252); save it as UTF-8');
  }
  // TextDecoder drops a leading byte-order mark by default, which is what we want: accept it.
  return text;
}

function readDocument(path: string): JsonDocument {
  const text = readInputText(path);
  const parsed = parseJsonDocument(path, text);
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.doc;
}

const sha256 = sha256Hex;

/** JSON files of a folder that are not schemas, by id (file name without .json). */
export function listJsonIds(dir: string): string[] {
  return files()
    .list(dir)
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
    throw new InputError([
      {
        file: path,
        ...positionOf(doc, ['id']),
        message: `id "${checked.value.id}" must match the file name "${stem}.json" (scenarios find anchors by file name)`,
      },
    ]);
  }
  return { file: checked.value, doc };
}

/**
 * Reads an anchor file and builds the anchor as a scenario would (formula, adjustments, variables
 * used), so that `validate` and `show` refuse exactly what `run` refuses; problems as file:line:col.
 */
export function checkAnchorFile(path: string): LoadedAnchor & { anchor: Anchor } {
  const loaded = loadAnchorFile(path);
  const built = buildAnchor(loaded.file, {}, closest);
  if (!built.ok) throw new InputError(built.issues.map((issue) => ({ file: path, ...positionOf(loaded.doc, issue.path), message: issue.message })));
  return { ...loaded, anchor: built.value };
}

export type InputFileKind = 'anchor' | 'scenario' | 'observations';

/**
 * What an input file is, for `validate` and `show`: by its "$schema" (anchor.schema.json,
 * scenario.schema.json, observations.schema.json), else by its folder (anchors/), else by its
 * shape (a top-level "formula" is an anchor, "rows" an observations file), else a scenario.
 * A file that cannot be read or parsed is a scenario here; reading it then says what is wrong.
 */
export function inputFileKind(path: string): InputFileKind {
  let value: unknown;
  try {
    const parsed = parseJsonDocument(path, readInputText(path));
    value = parsed.ok ? parsed.doc.value : undefined;
  } catch {
    value = undefined;
  }
  const top = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const schema = typeof top.$schema === 'string' ? top.$schema : '';
  if (/(^|[\\/])anchor\.schema\.json$/.test(schema)) return 'anchor';
  if (/(^|[\\/])observations\.schema\.json$/.test(schema)) return 'observations';
  if (/(^|[\\/])scenario\.schema\.json$/.test(schema)) return 'scenario';
  if (/[\\/]anchors[\\/][^\\/]+$/.test(path)) return 'anchor';
  if ('formula' in top) return 'anchor';
  if ('rows' in top && 'yearConvention' in top) return 'observations';
  return 'scenario';
}

function looksLikePath(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
}

/**
 * Resolves a scenario argument or `extends` value to a file path. A reference that contains a
 * "/" (or "\\") or ends in ".json" is a path, relative to the working folder (or to the
 * extending file); a bare id is a bundled scenario (or, for `extends`, a `<id>.json` beside the
 * extending file first), unless a file (not a folder) of exactly that name is there. So a folder
 * named like a bundled id (`mkdir cotra-2020`) changes nothing; write `./cotra-2020.json` to mean a file.
 */
export function resolveScenarioPath(ref: string, relativeTo?: string, cwd = workingFolder()): string {
  const base = relativeTo ?? cwd;
  const asPath = resolve(base, ref);
  if (looksLikePath(ref) || isFile(asPath)) {
    if (!existsSync(asPath)) throw new UsageError(`no such scenario file: ${asPath}`);
    if (!isFile(asPath)) {
      const folder = files().stat(asPath)?.kind === 'folder';
      throw new UsageError(
        folder
          ? `${asPath} is a folder, not a scenario file; give the path of a .json file in it, or a bundled scenario id`
          : `${asPath} is not a regular file (a device or a socket); give the path of a scenario .json file`,
      );
    }
    return asPath;
  }
  const dirs = [...new Set([relativeTo, bundledScenarios()].filter((d): d is string => d !== undefined))];
  for (const dir of dirs) {
    const candidate = join(dir, `${ref}.json`);
    if (isFile(candidate)) return candidate;
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
    out[key] =
      !isLeaf(value) && prior !== undefined && !isLeaf(prior) ? mergeScenario(prior as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

/** One `--set` (or `--horizon`) as typed: the option named in messages, and path=value. */
export interface SetOption {
  option: string;
  text: string;
}

/** Parses `path=value` overrides into a nested object; values are JSON, or text when not JSON. */
export function parseSets(sets: readonly (string | SetOption)[]): { tree: Record<string, unknown>; paths: string[][]; options: string[] } {
  const tree: Record<string, unknown> = {};
  const paths: string[][] = [];
  const options: string[] = [];
  for (const item of sets) {
    const { option, text: set } = typeof item === 'string' ? { option: '--set', text: item } : item;
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`${option} takes path=value (e.g. --set spending.doublingYears=2); found "${set}"`);
    const path = set.slice(0, eq).trim().split('.');
    if (path.some((p) => p === '')) throw new UsageError(`${option} path "${set.slice(0, eq)}" has an empty part`);
    if (path.length === 1 && (path[0] === 'extends' || path[0] === '$schema')) {
      throw new UsageError(
        `${option} ${path[0]}: the command line cannot change what a scenario extends; name the scenario to run instead (e.g. bioanchors run cotra-2020-aggressive)`,
      );
    }
    const reserved = path.find((p) => RESERVED_NAMES.has(p) || p === 'prototype');
    if (reserved !== undefined) throw new UsageError(`${option} ${set.slice(0, eq)}: ${reservedNameMessage(reserved)}`);
    const raw = set.slice(eq + 1).trim();
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) throw new UsageError(`${option} ${set}: ${raw} is not a finite number`);
    if (value !== null && typeof value === 'object') {
      // A JSON value gets the same checks as a file's (reserved keys, depth).
      const checked = parseJsonDocument(option, raw);
      if (!checked.ok) throw new UsageError(checked.problems.map((p) => `${option} ${set.slice(0, eq)}: ${p.message}`).join('\n'));
    }
    let node = tree;
    path.slice(0, -1).forEach((p) => {
      if (node[p] === undefined || isLeaf(node[p])) node[p] = {};
      node = node[p] as Record<string, unknown>;
    });
    node[path[path.length - 1]] = value;
    paths.push(path);
    options.push(option);
  }
  return { tree, paths, options };
}

/**
 * Scenario values that apply to every anchor, with the per-anchor values they stand behind:
 * `algorithmicProgress.X` is the default for anchors without their own `anchors.<id>.algorithmicProgress.X`,
 * and `variables.X` replaces X in every anchor that declares it unless `anchors.<id>.variables.X` does.
 */

type Doc = Record<string, unknown>;
const objectAt = (v: unknown): Doc | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : undefined);

/** Where each general and per-anchor value came from: the index of the layer that set it last. */
interface Origins {
  general: Map<string, number>;
  perAnchor: Map<string, Map<string, number>>;
}

/**
 * Adds one layer (a scenario file of the chain, base first, or the command line's overrides) to
 * the merged document. A value a layer gives for every anchor (a general algorithmic-progress value,
 * a top-level variable) replaces what earlier layers gave single anchors for it, so that
 * `extends` + `"algorithmicProgress": {"halvingYears": 2}` (or `--set algorithmicProgress.halvingYears=2`)
 * reaches every anchor instead of hiding behind values inherited from the base scenario.
 */
function applyLayer(merged: Doc, own: Doc, index: number, origins: Origins): Doc {
  const generalAlgo = GENERAL_ALGORITHMIC_KEYS.filter((k) => objectAt(own.algorithmicProgress)?.[k] !== undefined);
  const generalVars = Object.keys(objectAt(own.variables) ?? {});
  const anchors = objectAt(merged.anchors);
  if (anchors && (generalAlgo.length || generalVars.length)) {
    const pruned: Doc = {};
    for (const [id, value] of Object.entries(anchors)) {
      const entry = { ...(objectAt(value) ?? {}) };
      const algo = objectAt(entry.algorithmicProgress);
      if (algo && generalAlgo.some((k) => k in algo)) {
        const kept = { ...algo };
        for (const k of generalAlgo) delete kept[k];
        entry.algorithmicProgress = kept;
      }
      const vars = objectAt(entry.variables);
      if (vars && generalVars.some((k) => Object.hasOwn(vars, k))) {
        const kept = { ...vars };
        for (const k of generalVars) delete kept[k];
        entry.variables = kept;
      }
      pruned[id] = entry;
    }
    merged = { ...merged, anchors: pruned };
    for (const [id] of Object.entries(anchors)) {
      const map = origins.perAnchor.get(id);
      for (const k of generalAlgo) map?.delete(`algorithmicProgress.${k}`);
      for (const k of generalVars) map?.delete(`variables.${k}`);
    }
  }
  for (const k of generalAlgo) origins.general.set(`algorithmicProgress.${k}`, index);
  for (const k of generalVars) origins.general.set(`variables.${k}`, index);
  for (const [id, value] of Object.entries(objectAt(own.anchors) ?? {})) {
    const entry = objectAt(value) ?? {};
    let map = origins.perAnchor.get(id);
    if (!map) origins.perAnchor.set(id, (map = new Map()));
    for (const k of Object.keys(objectAt(entry.algorithmicProgress) ?? {})) map.set(`algorithmicProgress.${k}`, index);
    for (const k of Object.keys(objectAt(entry.variables) ?? {})) map.set(`variables.${k}`, index);
  }
  return mergeScenario(merged, own);
}

/**
 * General values that can never take effect: the same layer that gave a general value gave every
 * anchor concerned its own. Returns [general key, anchor ids] pairs.
 */
function deadGeneralValues(
  origins: Origins,
  anchorIds: string[],
  declares: (id: string, variable: string) => boolean,
): { key: string; layer: number; anchors: string[] }[] {
  const dead: { key: string; layer: number; anchors: string[] }[] = [];
  for (const [key, layer] of origins.general) {
    if (key === 'algorithmicProgress.source') continue;
    const concerned = key.startsWith('variables.') ? anchorIds.filter((id) => declares(id, key.slice('variables.'.length))) : anchorIds;
    if (concerned.length && concerned.every((id) => origins.perAnchor.get(id)?.get(key) === layer)) dead.push({ key, layer, anchors: concerned });
  }
  return dead;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The files read, scenario chain first (most derived first), then anchors. */
  files: LoadedFile[];
  /** The merged scenario document, as the engine sees it. */
  merged: ScenarioFile;
  /** Things a user should know about what was loaded (a local anchor that shadows a bundled one). */
  notes: string[];
}

export interface LoadOptions {
  /** `--set path=value` overrides, applied after the files, in order. */
  sets?: readonly string[];
  /** `--horizon YEAR`: the same as a last `--set horizonYear=YEAR`, blamed on --horizon. */
  horizon?: number;
  /** The folder a scenario path is relative to (default: the process's working folder). */
  cwd?: string;
}

/** Loads a scenario by id or path, with its `extends` chain and anchors. */
export function loadScenario(ref: string, options: LoadOptions = {}): LoadedScenario {
  const chain: { path: string; doc: JsonDocument; file: ScenarioFile }[] = [];
  let path = resolveScenarioPath(ref, undefined, options.cwd);
  for (;;) {
    if (chain.some((c) => c.path === path)) {
      const cycle = [...chain.map((c) => c.path), path].map((p) => basename(p)).join(' → ');
      const last = chain[chain.length - 1];
      throw new InputError([{ file: last.path, ...positionOf(last.doc, ['extends']), message: `"extends" makes a cycle: ${cycle}` }]);
    }
    const doc = readDocument(path);
    const value = doc.value as Record<string, unknown> | null;
    const top = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    const otherKind = !top
      ? undefined
      : 'formula' in top && 'variables' in top
        ? 'an anchor file, not a scenario (it has "variables" and a "formula"); a scenario names anchors by id under "anchors"'
        : 'rows' in top && 'yearConvention' in top
          ? 'an observations file, not a scenario (it has "rows" and a "yearConvention"); give it to --given-observed or hindcast --observations'
          : typeof top.$schema === 'string' && /json-schema\.org/.test(top.$schema)
            ? 'a JSON schema, not a scenario; a scenario\'s "$schema" may point at it'
            : undefined;
    if (otherKind) {
      // Another kind of file where a scenario was expected: say so rather than list its keys as unknown.
      const notScenario = `${path} is ${otherKind}`;
      const from = chain[chain.length - 1];
      if (from) throw new InputError([{ file: from.path, ...positionOf(from.doc, ['extends']), message: `"extends": ${notScenario}` }]);
      const anchorHint = 'formula' in top! ? `; to see it run, use a scenario that gives it a weight, or \`bioanchors show ${path}\`` : '';
      throw new UsageError(`${notScenario}${anchorHint}`);
    }
    const checked = validateDocument(doc, scenarioFileSchema);
    if (!checked.ok) throw new InputError(checked.problems);
    chain.push({ path, doc, file: checked.value });
    const parent = checked.value.extends;
    if (!parent) break;
    try {
      path = resolveScenarioPath(parent, dirname(path));
    } catch (error) {
      if (error instanceof UsageError) throw new InputError([{ file: path, ...positionOf(doc, ['extends']), message: `"extends": ${error.message}` }]);
      throw error;
    }
  }

  const origins: Origins = { general: new Map(), perAnchor: new Map() };
  let merged: Record<string, unknown> = {};
  const layers = [...chain].reverse();
  layers.forEach((link, index) => {
    const own = { ...(link.file as Record<string, unknown>) };
    delete own.$schema;
    delete own.extends;
    delete own.label;
    delete own.description;
    delete own.sources;
    merged = applyLayer(merged, own, index, origins);
  });
  const top = chain[0].file;
  merged.label = top.label ?? (top.extends ? `${top.id} (extends ${top.extends})` : top.id);
  merged.description = top.description ?? chain.find((c) => c.file.description)?.file.description;
  merged.sources = top.sources ?? chain.find((c) => c.file.sources)?.file.sources;

  const setOptions: SetOption[] = [
    ...(options.sets ?? []).map((text) => ({ option: '--set', text })),
    ...(options.horizon !== undefined ? [{ option: '--horizon', text: `horizonYear=${options.horizon}` }] : []),
  ];
  const sets = parseSets(setOptions);
  const setLayer = layers.length;
  if (sets.paths.length) {
    // The overrides alone, as a document, get the same checks (and messages) as a file.
    const setDoc = parseJsonDocument('--set', JSON.stringify({ id: top.id, ...sets.tree }));
    const checked = setDoc.ok ? validateDocument(setDoc.doc, scenarioFileSchema) : { ok: false as const, problems: setDoc.problems };
    if (!checked.ok) {
      const optionOf = (message: string) => sets.options[sets.paths.findIndex((p) => message.includes(p.join('.')))] ?? '--set';
      throw new UsageError(checked.problems.map((p) => `${optionOf(p.message)}: ${p.message}`).join('\n'));
    }
    merged = applyLayer(merged, sets.tree, setLayer, origins);
  }

  const anchorDirs = [
    ...new Set([...chain.flatMap((c) => [join(dirname(c.path), 'anchors'), join(dirname(c.path), '..', 'anchors')]).map((d) => resolve(d)), bundledAnchors()]),
  ];
  const anchorIds = Object.keys((merged.anchors as Record<string, unknown>) ?? {});
  const anchorFiles: Record<string, AnchorFile> = {};
  const anchorDocs: Record<string, JsonDocument> = {};
  const knownIds = new Set(anchorDirs.flatMap(listJsonIds));
  const anchorPaths: string[] = [];
  const notes: string[] = [];
  for (const id of anchorIds) {
    const dir = anchorDirs.find((d) => existsSync(join(d, `${id}.json`)));
    if (!dir) continue;
    if (dir !== bundledAnchors() && existsSync(join(bundledAnchors(), `${id}.json`))) {
      notes.push(`anchor "${id}" is read from ${join(dir, `${id}.json`)}, which takes the place of the bundled anchor of that id`);
    }
    const loaded = loadAnchorFile(join(dir, `${id}.json`));
    anchorFiles[id] = loaded.file;
    anchorDocs[id] = loaded.doc;
    anchorPaths.push(join(dir, `${id}.json`));
  }
  const built = buildScenario(merged as ScenarioFile, anchorFiles, closest);
  const placesOf = (issue: Issue) => [issue.path, ...(issue.related ?? [])];
  const setProblem = (issue: Issue): string | undefined => {
    for (const path of placesOf(issue)) {
      // A --set at, inside or around the place: the command line changed what the issue is about.
      const i = sets.paths.findIndex((p) => p.every((part, k) => path[k] === part) || (path.length > 0 && path.every((part, k) => p[k] === part)));
      if (i >= 0) return sets.options[i] === '--horizon' ? '--horizon' : `--set ${sets.paths[i].join('.')}`;
    }
    return undefined;
  };
  // Blame the most derived file that sets the value (or a related one): the user's, not the bundled base.
  const locate = (issue: Issue): Problem => {
    for (const c of chain) {
      const path = placesOf(issue).find((p) => hasPath(c.doc, p));
      if (path) return { file: c.path, ...positionOf(c.doc, path), message: issue.message };
    }
    return { file: chain[0].path, ...positionOf(chain[0].doc, issue.path), message: issue.message };
  };
  // Command-line mistakes are usage errors, blamed on the option typed (exit 2), not on a file.
  const fromOptions = built.ok
    ? []
    : built.issues.flatMap((issue) => {
        const option = setProblem(issue);
        return option ? [`${option}: ${issue.message}`] : [];
      });
  // One line per mistake: a variable several anchors share gives the same message for each.
  if (fromOptions.length) throw new UsageError([...new Set(fromOptions)].join('\n'));
  const dead = deadGeneralValues(
    origins,
    anchorIds.filter((id) => anchorFiles[id]),
    (id, name) => Object.hasOwn(anchorFiles[id]?.variables ?? {}, name),
  );
  if (dead.length) {
    const problems: Problem[] = [];
    for (const d of dead) {
      const [group, name] = [d.key.slice(0, d.key.indexOf('.')), d.key.slice(d.key.indexOf('.') + 1)];
      const each = d.anchors.map((id) => `anchors.${id}.${d.key}`).join(', ');
      const message = `${d.key} never takes effect: ${d.anchors.length === 1 ? 'the only anchor it concerns sets its own' : `every anchor it concerns sets its own`} (${each}); remove it, or remove the anchors' own values so that it applies to them`;
      if (d.layer === setLayer) throw new UsageError(`--set ${d.key}: ${message}`);
      const link = layers[d.layer];
      problems.push({ file: link.path, ...positionOf(link.doc, [group, name]), message });
    }
    throw new InputError(problems);
  }
  if (!built.ok) {
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
      for (const issue of issues)
        problems.push({ file: anchorPaths.find((p) => basename(p) === `${id}.json`) ?? id, ...positionOf(anchorDocs[id], issue.path), message: issue.message });
    }
    throw new InputError(problems);
  }
  const files: LoadedFile[] = [
    ...chain.map((c) => ({ path: c.path, sha256: sha256(c.doc.text) })),
    ...anchorPaths.map((p, i) => ({ path: p, sha256: sha256(anchorDocs[anchorIds.filter((id) => anchorDocs[id])[i]].text) })),
  ];
  return { scenario: built.value, files, merged: merged as ScenarioFile, notes };
}

/** An anchor file sits in an anchors/ folder or has a top-level formula; anything else is a scenario. */
export function isAnchorFile(path: string): boolean {
  if (/[\\/]anchors[\\/][^\\/]+$/.test(path)) return true;
  try {
    const value = JSON.parse(readInputText(path)) as unknown;
    return value !== null && typeof value === 'object' && 'formula' in value;
  } catch {
    return false;
  }
}
