/**
 * Checks a parsed JSON document against a zod schema and turns each issue into a message a user
 * can act on: where (file:line:col), which field, what was found, what is accepted, and a
 * "did you mean" for misspelt keys and values.
 */
import type * as z from 'zod';
import { MAX_MAGNITUDE, MIN_LEVEL } from '../model/distribution.js';
import { closest } from './closest.js';
import type { Problem } from './errors.js';
import { positionOf, type JsonDocument } from './json.js';

type Path = (string | number)[];

export function dotted(path: Path): string {
  return path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(top level)';
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  valueType?: { _zod: { def: ZodDef } };
  element?: { _zod: { def: ZodDef } };
  options?: { _zod: { def: ZodDef } }[];
  discriminator?: string;
  getter?: () => { _zod: { def: ZodDef } };
  in?: { _zod: { def: ZodDef } };
  values?: unknown[];
}

function unwrap(def: ZodDef, data: unknown): ZodDef {
  for (let guard = 0; guard < 20; guard++) {
    if (def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'lazy' && def.getter) def = def.getter()._zod.def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
    else if (def.type === 'union' && def.options) {
      const objects = def.options.map((o) => unwrap(o._zod.def, data)).filter((o) => o.type === 'object');
      const key = def.discriminator;
      const chosen =
        (key && objects.find((o) => (o.shape?.[key]?._zod.def.values ?? []).includes((data as Record<string, unknown>)?.[key]))) ||
        objects.find(
          (o) =>
            data !== null &&
            typeof data === 'object' &&
            Object.keys(data).some((k) => k !== 'weight' && k in (o.shape ?? {}) && k !== 'description' && k !== 'source'),
        ) ||
        objects[0];
      if (!chosen) return def;
      def = chosen;
    } else return def;
  }
  return def;
}

/** The keys the schema accepts for the object at `path` of `data`. */
export function allowedKeysAt(schema: z.ZodType, data: unknown, path: Path): string[] {
  let def = unwrap((schema as unknown as { _zod: { def: ZodDef } })._zod.def, data);
  let here = data;
  for (const p of path) {
    here = valueAt(here, [p]);
    if (def.type === 'object' && def.shape && typeof p === 'string' && def.shape[p]) def = def.shape[p]._zod.def;
    else if (def.type === 'record' && def.valueType) def = def.valueType._zod.def;
    else if (def.type === 'array' && def.element) def = def.element._zod.def;
    else return [];
    def = unwrap(def, here);
  }
  // Keys typed `never` exist only elsewhere (a weight outside a mixture's components): not allowed here.
  return def.type === 'object' && def.shape ? Object.keys(def.shape).filter((k) => unwrap(def.shape![k]._zod.def, undefined).type !== 'never') : [];
}

interface RawIssue {
  code: string;
  path: Path;
  message: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  options?: unknown[];
  discriminator?: string;
  errors?: RawIssue[][];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
}

/** Chooses, among a union's failed branches, the one that matches the value's shape best. */
function bestBranch(issue: RawIssue, value: unknown): RawIssue[] | undefined {
  const branches = issue.errors ?? [];
  if (!branches.length) return undefined;
  const depth = (issues: RawIssue[]) => Math.max(...issues.map((i) => i.path.length));
  const scored = branches.map((b) => ({ b, shallowType: b.some((i) => i.code === 'invalid_type' && i.path.length === 0) }));
  const plausible = scored.filter((s) => !s.shallowType);
  if (plausible.length === 0) return undefined;
  if (value && typeof value === 'object' && 'formula' in value) {
    const f = plausible.find((s) => !s.b.some((i) => i.code === 'unrecognized_keys' && i.keys?.includes('formula')));
    if (f) return f.b;
  }
  plausible.sort((a, b) => depth(b.b) - depth(a.b));
  return plausible[0].b;
}

/** What a schema type is called in messages (zod's own names, "record", "int", "never", are not for users). */
const TYPE_NAMES: Record<string, string> = {
  string: 'text (in double quotes)',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  record: 'an object',
  object: 'an object',
  boolean: 'true or false',
};
const typeName = (expected: string | undefined) => TYPE_NAMES[expected ?? ''] ?? `a ${expected}`;

function messageFor(issue: RawIssue, root: unknown, schema: z.ZodType): { path: Path; key?: string; message: string }[] {
  const path = issue.path;
  const value = valueAt(root, path);
  const field = dotted(path);
  switch (issue.code) {
    case 'invalid_key': {
      // A key of a record (a variable name, an anchor id) that its pattern refuses.
      const key = String(path[path.length - 1]);
      const why = (issue as RawIssue & { issues?: RawIssue[] }).issues?.map((i) => i.message).join('; ') ?? 'not an accepted name';
      return [{ path: path.slice(0, -1), key, message: `"${key}" cannot be a key of ${dotted(path.slice(0, -1))}: ${why}` }];
    }
    case 'invalid_format':
      return [{ path, message: `${field}: ${issue.message}; found ${describeValue(value)}` }];
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, root, path);
      return (issue.keys ?? []).map((key) => {
        const hint = closest(key, allowed);
        return {
          path,
          key,
          message: `unknown key "${key}" in ${field}${hint ? ` (did you mean "${hint}"?)` : ''}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`,
        };
      });
    }
    case 'invalid_type': {
      if (issue.expected === 'never') {
        // A field the schema has only in other places (a weight outside a mixture's components).
        const where = path[path.length - 1] === 'weight' ? 'only the components of a mixture have a weight' : 'this field is not allowed here';
        return [{ path, message: `${field}: ${where}; remove it` }];
      }
      if (value === undefined) return [{ path, message: `missing required field "${field}" (${typeName(issue.expected)})` }];
      if (issue.expected === 'number' && typeof value === 'number') {
        return [{ path, message: `${field} must be a finite number; found ${value}` }];
      }
      return [{ path, message: `${field} must be ${typeName(issue.expected)}; found ${describeValue(value)}` }];
    }
    case 'invalid_union': {
      if (issue.discriminator) {
        const found = valueAt(root, path);
        const options = (issue.options ?? []).map(String);
        if (found === undefined) return [{ path: path.slice(0, -1), message: `missing "${issue.discriminator}": one of ${options.join(', ')}` }];
        const hint = typeof found === 'string' ? closest(found, options) : undefined;
        return [{ path, message: `${field} must be one of ${options.join(', ')}; found ${describeValue(found)}${hint ? ` (did you mean "${hint}"?)` : ''}` }];
      }
      const branch = bestBranch(issue, value);
      if (branch) return branch.flatMap((sub) => messageFor({ ...sub, path: [...path, ...sub.path] }, root, schema));
      return [
        {
          path,
          message: `${field} must be a number or a distribution such as {"dist": "normal", "low": 1, "high": 3, "level": 0.9}${
            issue.errors?.length === 3 ? ', or {"formula": "…"}' : ''
          }; found ${describeValue(value)}`,
        },
      ];
    }
    case 'invalid_value': {
      const options = (issue.values ?? []).map((v) => JSON.stringify(v));
      if (value === undefined)
        return [{ path, message: `missing required field "${field}" (${options.length === 1 ? options[0] : `one of ${options.join(', ')}`})` }];
      const hint = typeof value === 'string' ? closest(value, (issue.values ?? []).map(String)) : undefined;
      return [
        {
          path,
          message: `${field} must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}; found ${describeValue(value)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin === 'array')
        return [{ path, message: issue.code === 'too_small' ? `${field} needs at least ${bound} item(s)` : `${field} may have at most ${bound} item(s)` }];
      if (issue.origin === 'string') {
        if (issue.code === 'too_small') return [{ path, message: `${field} must not be empty` }];
        return [{ path, message: `${field} may be at most ${bound} characters long; found ${String(value).length}` }];
      }
      if (Math.abs(Number(bound)) === MAX_MAGNITUDE) {
        return [
          {
            path,
            message: `${field} must be between -1e300 and 1e300 (larger numbers overflow the model's sums, spreads and draws); found ${describeValue(value)}`,
          },
        ];
      }
      if (Number(bound) === MIN_LEVEL && path[path.length - 1] === 'level') {
        return [
          {
            path,
            message: `${field} must be at least ${MIN_LEVEL} and below 1 (a narrower interval's probability does not pin its spread in double precision); found ${describeValue(value)}`,
          },
        ];
      }
      const relation = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'above') : issue.inclusive ? 'at most' : 'below';
      return [{ path, message: `${field} must be ${relation} ${bound}; found ${describeValue(value)}` }];
    }
    default:
      return [{ path, message: `${field}: ${issue.message}` }];
  }
}

/** Validates a document; returns the parsed value or problems with positions. */
export function validateDocument<T>(doc: JsonDocument, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(doc.value);
  if (result.success) return { ok: true, value: result.data };
  const problems = relevant(result.error.issues as unknown as RawIssue[])
    .flatMap((issue) => messageFor(issue, doc.value, schema))
    .map(({ path, key, message }) => ({ file: doc.file, ...positionOf(doc, path, key), message }));
  return { ok: false, problems: dedupe(problems) };
}

/**
 * The issues worth a message: where a value has the wrong type, not also the checks zod ran on it
 * anyway (a list given for a text field is "too small"); where a whole number is out of its range,
 * not also zod's own safe-integer bound (9007199254740991).
 */
function relevant(issues: RawIssue[]): RawIssue[] {
  const key = (i: RawIssue) => JSON.stringify(i.path);
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map(key));
  const safeInteger = (i: RawIssue) =>
    i.origin === 'int' &&
    (i.code === 'too_big' || i.code === 'too_small') &&
    Math.abs(Number(i.code === 'too_big' ? i.maximum : i.minimum)) === Number.MAX_SAFE_INTEGER;
  return issues.filter((i) => {
    if (i.code !== 'invalid_type' && wrongType.has(key(i))) return false;
    if (safeInteger(i) && issues.some((j) => j !== i && key(j) === key(i))) return false;
    return true;
  });
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
