/** The disk as the core's file seam (io/files.ts), and where the package's own files are. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useFiles, type Files } from '../io/files.js';

/** The package folder: the first folder up from this module with package.json and scenarios/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      statSync(join(dir, 'package.json'));
      if (statSync(join(dir, 'scenarios')).isDirectory()) return dir;
    } catch {
      // not here: one folder up
    }
    dir = dirname(dir);
  }
  throw new Error('bug: cannot find the bioanchors package folder (with package.json and scenarios/)');
}

export function nodeFiles(onRead?: (path: string) => void): Files {
  return {
    root: packageRoot(),
    stat(path) {
      let s: ReturnType<typeof statSync>;
      try {
        s = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return null;
        throw error;
      }
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other', size: s.size };
    },
    read(path) {
      onRead?.(path);
      return readFileSync(path);
    },
    list(folder) {
      try {
        return readdirSync(folder);
      } catch {
        return [];
      }
    },
    onRead,
  };
}

/** Installs the disk as the core's files (the Node entries: the library, the command line, tests). */
export function useNodeFiles(onRead?: (path: string) => void): Files {
  const files = nodeFiles(onRead);
  useFiles(files);
  return files;
}
