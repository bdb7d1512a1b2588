/**
 * Strict JSON with positions: the parse tree keeps every value's offset so that any problem
 * found later (by the schema or by the model's checks) can be reported as file:line:column.
 * Duplicate keys, which JSON.parse silently resolves to the last one, are errors here.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from './errors.js';

export interface JsonDocument {
  file: string;
  text: string;
  root: Node;
  value: unknown;
  lineStarts: number[];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function lineColumn(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

const PARSE_HINTS: Record<string, string> = {
  InvalidSymbol: 'not valid JSON here (NaN, Infinity, comments and unquoted words are not JSON)',
  InvalidNumberFormat: 'not a valid JSON number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

/**
 * Names that every JavaScript object already has (constructor, toString, __proto__, …). As keys
 * they would be confused with those built-in properties, so files may not use them as names.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function reservedNameMessage(name: string): string {
  return `"${name}" cannot be used as a name: every JavaScript object already has a property "${name}"; choose another name`;
}

/** Deepest nesting of objects and arrays accepted: far more than any scenario needs, far less than the parser's stack. */
export const MAX_JSON_DEPTH = 64;

/** Offset at which the nesting of objects and arrays first exceeds `max`, or -1. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

export function parseJsonDocument(file: string, text: string): { ok: true; doc: JsonDocument } | { ok: false; problems: Problem[] } {
  const lineStarts = lineStartsOf(text);
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0)
    return {
      ok: false,
      problems: [
        {
          file,
          ...lineColumn(lineStarts, deep),
          message: `objects and lists are nested more than ${MAX_JSON_DEPTH} deep here; a scenario or anchor file never needs that`,
        },
      ],
    };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = (offset: number, message: string): Problem => ({ file, ...lineColumn(lineStarts, offset), message });
  if (errors.length || !root) {
    // Only the first syntax error: the ones after it are usually its echoes.
    const problems = errors.slice(0, 1).map((e) => {
      const code = printParseErrorCode(e.error);
      const found = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 20)));
      // An invisible character is named, not shown (a second byte-order mark, a no-break space).
      const invisible = /^[\ufeff\u00a0\u200b\u2028\u2029]/.exec(found);
      if (invisible)
        return at(
          e.offset,
          `invalid JSON: an invisible character U+${invisible[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} here${invisible[0] === '\ufeff' ? ' (a second byte-order mark)' : ''}; remove it`,
        );
      return at(e.offset, `invalid JSON: ${PARSE_HINTS[code] ?? code}${found.trim() ? ` (found ${JSON.stringify(found)})` : ''}`);
    });
    return { ok: false, problems: problems.length ? problems : [at(0, 'invalid JSON: the file is empty')] };
  }
  const problems: Problem[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode) continue;
        const key = keyNode.value as string;
        if (RESERVED_NAMES.has(key)) problems.push(at(keyNode.offset, reservedNameMessage(key)));
        const first = seen.get(key);
        if (first) {
          const firstAt = lineColumn(lineStarts, first.offset);
          problems.push(at(keyNode.offset, `duplicate key "${key}" (first given at line ${firstAt.line}); JSON readers disagree on which wins, so remove one`));
        } else {
          seen.set(key, keyNode);
        }
      }
    }
    if (node.type === 'number' && !Number.isFinite(node.value as number)) {
      problems.push(at(node.offset, `${text.slice(node.offset, node.offset + node.length)} is not a finite number (it overflows to infinity)`));
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  if (problems.length) return { ok: false, problems };
  return { ok: true, doc: { file, text, root, value: getNodeValue(root), lineStarts } };
}

/** Position of the value at `path`, or of the nearest enclosing value that exists. */
export function positionOf(doc: JsonDocument, path: (string | number)[], key?: string): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.root : findNodeAtLocation(doc.root, path.slice(0, depth));
    if (!node) continue;
    if (key !== undefined && depth === path.length && node.type === 'object') {
      const property = node.children?.find((p) => p.children?.[0]?.value === key);
      if (property) return lineColumn(doc.lineStarts, property.offset);
    }
    // Point at the property's key when the value is inside an object: that is where a reader looks.
    const parent = node.parent;
    const offset = parent?.type === 'property' && parent.children?.[0] ? parent.children[0].offset : node.offset;
    return lineColumn(doc.lineStarts, offset);
  }
  return { line: 1, column: 1 };
}

/** Whether the document has a value at `path`. */
export function hasPath(doc: JsonDocument, path: (string | number)[]): boolean {
  return path.length === 0 || findNodeAtLocation(doc.root, path) !== undefined;
}
