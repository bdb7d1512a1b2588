/**
 * The explore page's state and its three outward forms: the link (the URL's fragment), the
 * `bioanchors run` command line, and (download.ts) a scenario file. The state is a list of
 * `path=value` overrides as `--set` takes them, so all three reproduce the same forecast.
 *
 * A link is parsed strictly: a format version, keys it knows, the page's own scenario ids, whole
 * numbers in range, and only the paths of that scenario's controls with values of their kind;
 * anything else is refused with a message (the page then shows the scenario as loaded). Whatever
 * a link holds is only ever compared, parsed as numbers or JSON and handed to the loader, which
 * checks it as it checks a file; nothing in it is executed or inserted as HTML.
 */
import type { Control, ScenarioControls } from './controls.js';

/** The link format's version: a link made for another is refused (its meaning may differ). */
export const LINK_VERSION = '1';
export const MIN_WORLDS = 1000;
export const MAX_WORLDS = 1_000_000;
/** Longest link fragment, override, and number text accepted. */
const MAX_FRAGMENT = 16_000;
const MAX_SET = 2000;
const MAX_SETS = 200;
/** Numbers in a link beyond this magnitude are refused before the loader sees them (no parameter is near it). */
export const MAX_LINK_MAGNITUDE = 1e15;
/** Names every JavaScript object has: never a key of anything. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

export interface ExploreState {
  /** Index of the scenario among the page's. */
  scenario: string;
  worlds: number;
  seed: number;
  /** `path=value`, one per changed control, in the order changed. */
  sets: string[];
  /** What the forecast is compared against: '' (the scenario as loaded) or another scenario's id. */
  versus: string;
}

export type Parsed = { ok: true; state: ExploreState } | { ok: false; message: string };

/** `path=value` with the value as JSON (a number, a string, a distribution object). */
export function setText(path: string, value: unknown): string {
  return `${path}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

export function setPath(set: string): string {
  return set.slice(0, set.indexOf('='));
}

export function setValue(set: string): string {
  return set.slice(set.indexOf('=') + 1);
}

/** The fragment (without "#") that reopens this state. */
export function encodeState(state: ExploreState): string {
  const q = new URLSearchParams();
  q.append('v', LINK_VERSION);
  q.append('scenario', state.scenario);
  q.append('n', String(state.worlds));
  q.append('seed', String(state.seed));
  if (state.versus) q.append('vs', state.versus);
  for (const s of state.sets) q.append('set', s);
  return q.toString();
}

const KEYS = new Set(['v', 'scenario', 'n', 'seed', 'vs', 'set']);

/** Whole number text within [min, max], or a message. */
function wholeNumber(name: string, raw: string, min: number, max: number): number | string {
  if (!/^\d{1,16}$/.test(raw)) return `${name} must be a whole number; found "${clip(raw)}"`;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) return `${name} must be from ${min} to ${max}; found ${clip(raw)}`;
  return n;
}

/** Shown text of something a link held: short, and only ever put in the page as text. */
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Checks one override of a link against the scenario's controls: a known path, a value of its kind. */
export function checkSet(set: string, controls: readonly Control[]): string | undefined {
  if (set.length > MAX_SET) return `an override is longer than ${MAX_SET} characters`;
  const eq = set.indexOf('=');
  if (eq <= 0) return `"${clip(set)}" is not path=value`;
  const path = set.slice(0, eq);
  const raw = set.slice(eq + 1);
  const reserved = path.split('.').find((p) => PROTOTYPE_NAMES.has(p));
  if (reserved !== undefined) return `"${clip(path)}": "${reserved}" cannot be a name`;
  const control = controls.find((c) => c.path === path);
  if (!control) return `"${clip(path)}" is not a belief of this scenario the page can change`;
  if (control.kind === 'cap') return raw === 'hard' || raw === 'soft' ? undefined : `${path} is hard or soft; found "${clip(raw)}"`;
  if (NUMBER.test(raw)) {
    const n = Number(raw);
    if (!Number.isFinite(n) || Math.abs(n) > MAX_LINK_MAGNITUDE) return `${path}: ${clip(raw)} is too large a number`;
    if (control.kind === 'year' && !Number.isInteger(n)) return `${path} is a year; found ${clip(raw)}`;
    return undefined;
  }
  if (control.kind !== 'param') return `${path} takes a number; found "${clip(raw)}"`;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return `${path}: "${clip(raw)}" is neither a number nor a distribution`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${path}: "${clip(raw)}" is neither a number nor a distribution`;
  // Every key and number at any depth: no prototype names, no huge numbers (the loader checks the rest).
  const problem = (v: unknown, depth: number): string | undefined => {
    if (depth > 8) return 'is nested too deeply';
    if (typeof v === 'number') return Math.abs(v) > MAX_LINK_MAGNITUDE ? `holds too large a number (${v})` : undefined;
    if (v === null || typeof v !== 'object') return undefined;
    for (const [k, x] of Object.entries(v)) {
      if (PROTOTYPE_NAMES.has(k)) return `holds the name "${k}"`;
      const p = problem(x, depth + 1);
      if (p) return p;
    }
    return undefined;
  };
  const found = Object.keys(value).find((k) => PROTOTYPE_NAMES.has(k)) ?? (raw.includes('__proto__') ? '__proto__' : undefined);
  if (found) return `${path}: "${found}" cannot be a name`;
  const p = problem(value, 0);
  return p ? `${path}: the value ${p}` : undefined;
}

/**
 * Parses a link's fragment against the page's scenarios. An empty fragment is the first scenario
 * as loaded; anything malformed, unknown or out of range is refused with the reason.
 */
export function parseState(fragment: string, scenarios: readonly ScenarioControls[], defaults: { worlds: number; seed: number }): Parsed {
  const base: ExploreState = { scenario: scenarios[0].ref, worlds: defaults.worlds, seed: defaults.seed, sets: [], versus: '' };
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') return { ok: true, state: base };
  const refuse = (message: string): Parsed => ({ ok: false, message: `This link was not opened: ${message}. Showing the scenario as loaded instead.` });
  if (text.length > MAX_FRAGMENT) return refuse(`it is longer than ${MAX_FRAGMENT} characters`);
  let q: URLSearchParams;
  try {
    // A malformed %-escape would make URLSearchParams guess; decode strictly first.
    for (const part of text.split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    q = new URLSearchParams(text);
  } catch {
    return refuse('it is not a well-formed link');
  }
  const seen = new Map<string, string[]>();
  for (const [k, v] of q) {
    if (!KEYS.has(k)) return refuse(`it has "${clip(k)}", which this page does not know`);
    seen.set(k, [...(seen.get(k) ?? []), v]);
  }
  for (const k of ['v', 'scenario', 'n', 'seed', 'vs']) if ((seen.get(k)?.length ?? 0) > 1) return refuse(`it gives "${k}" more than once`);
  const version = seen.get('v')?.[0];
  if (version !== LINK_VERSION)
    return refuse(
      version === undefined ? 'it has no format version (v=1)' : `it was made for link format ${clip(version)}; this page reads format ${LINK_VERSION}`,
    );
  const ref = seen.get('scenario')?.[0] ?? base.scenario;
  const scenario = scenarios.find((s) => s.ref === ref);
  if (!scenario) return refuse(`this page has no scenario "${clip(ref)}" (it has ${scenarios.map((s) => s.ref).join(', ')})`);
  const worlds = seen.has('n') ? wholeNumber('n (worlds)', seen.get('n')![0], MIN_WORLDS, MAX_WORLDS) : defaults.worlds;
  if (typeof worlds === 'string') return refuse(worlds);
  const seed = seen.has('seed') ? wholeNumber('seed', seen.get('seed')![0], 0, Number.MAX_SAFE_INTEGER) : defaults.seed;
  if (typeof seed === 'string') return refuse(seed);
  const versus = seen.get('vs')?.[0] ?? '';
  if (versus !== '' && !scenarios.some((s) => s.ref === versus)) return refuse(`this page has no scenario "${clip(versus)}" to compare with`);
  const sets = seen.get('set') ?? [];
  if (sets.length > MAX_SETS) return refuse(`it has more than ${MAX_SETS} changes`);
  const paths = new Set<string>();
  for (const s of sets) {
    const problem = checkSet(s, scenario.controls);
    if (problem) return refuse(problem);
    if (paths.has(setPath(s))) return refuse(`it changes ${setPath(s)} twice`);
    paths.add(setPath(s));
  }
  return { ok: true, state: { scenario: ref, worlds, seed, sets, versus } };
}

/** A word as a POSIX shell reads it back: quoted when it holds anything a shell would split or expand. */
export const shellWord = (w: string): string => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** The command that prints the page's numbers: same scenario, overrides, worlds and seed. */
export function commandLine(state: ExploreState): string {
  return ['bioanchors', 'run', state.scenario, ...state.sets.flatMap((s) => ['--set', s]), '-n', String(state.worlds), '--seed', String(state.seed)]
    .map(shellWord)
    .join(' ');
}
