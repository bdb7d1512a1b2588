/**
 * The files the core reads, through one injected seam: Node gives it the disk (node/files.ts), a
 * page gives it the bundled files in memory. Nothing below the command line touches `node:fs`;
 * paths are POSIX-style (pathe), and hashes are computed in plain JavaScript (@noble/hashes), so
 * the same loaders run in a browser.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { join } from 'pathe';

export { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'pathe';

export interface FileStat {
  kind: 'file' | 'folder' | 'other';
  /** Bytes, for a file. */
  size: number;
}

export interface Files {
  /** The package's folder: where the bundled anchors/, scenarios/, data/ and reference/ are. */
  root: string;
  /** What is at `path`, or null when nothing is. */
  stat(path: string): FileStat | null;
  /** A file's bytes; throws an Error with a `code` (ENOENT, EACCES, …) when it cannot. */
  read(path: string): Uint8Array;
  /** The names in a folder ([] when there is none). */
  list(folder: string): string[];
  /**
   * Called with every file read through this seam, so a command can refuse to write its output
   * over any of them (one list for every command: cli/output.ts).
   */
  onRead?: (path: string) => void;
}

let current: Files | undefined;

/** Installs the files the core reads (a Node entry installs the disk; a page, its bundled files). */
export function useFiles(files: Files): void {
  current = files;
}

export function files(): Files {
  if (!current) throw new Error('bug: no file system installed (useFiles(nodeFiles()) in Node, useFiles(memoryFiles(…)) in a page)');
  return current;
}

/** A bundled file or folder: anchors, scenarios, data or reference. */
export function bundled(...parts: string[]): string {
  return join(files().root, ...parts);
}

const statOrNull = (path: string): FileStat | null => {
  try {
    return files().stat(path);
  } catch {
    return null;
  }
};
export const isFile = (path: string): boolean => statOrNull(path)?.kind === 'file';
export const exists = (path: string): boolean => statOrNull(path) !== null;

/** The SHA-256 of a text's UTF-8 bytes, in hex (what manifests record of each input file). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

/** Files held in memory (a page's bundled files, tests): path → text. */
export function memoryFiles(root: string, texts: Record<string, string>): Files {
  const encoder = new TextEncoder();
  const normal = (p: string) => join(p);
  const entries = new Map(Object.entries(texts).map(([p, t]) => [normal(p), encoder.encode(t)]));
  const folders = new Set<string>();
  for (const p of entries.keys()) for (let d = p.slice(0, p.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) folders.add(d);
  return {
    root,
    stat: (p) => {
      const bytes = entries.get(normal(p));
      if (bytes) return { kind: 'file', size: bytes.length };
      return folders.has(normal(p)) ? { kind: 'folder', size: 0 } : null;
    },
    read: (p) => {
      const bytes = entries.get(normal(p));
      if (!bytes) throw Object.assign(new Error(`no such file: ${p}`), { code: folders.has(normal(p)) ? 'EISDIR' : 'ENOENT' });
      return bytes;
    },
    list: (folder) => {
      const prefix = `${normal(folder)}/`;
      return [...new Set([...entries.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]))].sort();
    },
  };
}
