/**
 * Writing results: to stdout, or to a file atomically. `--output` is checked before any work is
 * done (a folder that exists and can be written, a regular file or a new one, never one of the
 * run's own input files); the result goes to a temporary file in the same folder, is flushed to
 * disk, takes the permissions of the file it replaces, and is renamed into place. A failed or
 * interrupted run leaves no partial file, and a file that was there before is left as it was:
 * while a temporary file exists, SIGINT, SIGTERM and SIGHUP remove it before the process exits
 * (with 128 + the signal's number, as a shell expects). At other times the signals keep their
 * default action, so Ctrl-C stops a long simulation at once.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../io/errors.js';
import type { CliContext } from './context.js';

/** A checked --output destination. */
export interface OutputTarget {
  /** Absolute path of the file to write. */
  path: string;
  /** Every file the command has read (live: files read after the check are checked again at the write). */
  reads?: readonly string[];
  /** As the user typed it, for messages. */
  display: string;
  /** Permission bits of the file it replaces, if there is one. */
  mode?: number;
}

const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** Temporary files being written, so an interruption can remove them. */
const temporaries = new Set<string>();

/** Removes every temporary output file still being written. */
export function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

const SIGNALS = [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const;

const onSignal = (signal: NodeJS.Signals) => {
  removeTemporaries();
  process.stderr.write(`bioanchors: interrupted (${signal}); the output file was not written (a file already there is unchanged)\n`);
  process.exit(128 + (SIGNALS.find(([name]) => name === signal)?.[1] ?? 0));
};

function track(path: string): void {
  if (temporaries.size === 0) for (const [signal] of SIGNALS) process.on(signal, onSignal);
  temporaries.add(path);
}

function untrack(path: string): void {
  temporaries.delete(path);
  if (temporaries.size === 0) for (const [signal] of SIGNALS) process.off(signal, onSignal);
}

const writeError = (display: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? 'no space left on the device'
      : code === 'EDQUOT'
        ? 'disk quota exceeded'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'read-only file system'
            : (code ?? (error as Error).message);
  return new UsageError(
    `cannot write ${display}: ${why}; nothing was written${code === 'ENOSPC' || code === 'EDQUOT' ? ' (free some space or write elsewhere)' : ''}`,
  );
};

/** The first of `inputs` that is the file at `path` (through links), if any. */
function inputAt(path: string, inputs: readonly string[]): string | undefined {
  if (!existsSync(path)) return undefined;
  const real = realpathSync(path);
  return inputs.find((input) => existsSync(input) && realpathSync(input) === real);
}

const inputClash = (output: string, clash: string) =>
  new UsageError(`--output ${output} is an input of this run (${clash}); writing it would destroy it: choose another file`);

/**
 * Checks an --output value before the run: undefined or "-" mean stdout. The run may not
 * overwrite any file it reads: every file read through the core's file seam (ctx.reads, one list
 * for every command: scenarios, anchors, observations, reference curves, parts), and `inputs`
 * (files named on the command line that are read later). The write checks the list again.
 */
export function prepareOutput(ctx: CliContext, output: string | undefined, inputs: readonly string[] = []): OutputTarget | undefined {
  // "-" and the names of standard output itself mean stdout: writing beside them and renaming would
  // replace whatever file or pipe the shell connected it to.
  if (output === undefined || output === '-' || STDOUT_NAMES.has(output)) return undefined;
  if (output.trim() === '') throw new UsageError('--output needs a file name (or - for stdout)');
  let path = resolve(ctx.cwd, output);
  // A symbolic link is written through: the file it points to is replaced, the link stays.
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
    if (!existsSync(path))
      throw new UsageError(`--output ${output} is a symbolic link to a file that does not exist (${readlinkSync(path)}); give the file itself`);
    const link = readlinkSync(path);
    if (/^\/proc\/|^\/dev\/fd\//.test(link) || /^\/proc\/|^\/dev\/fd\//.test(realpathSync(path))) {
      throw new UsageError(`--output ${output} is a link to an open file of a process (${link}); give a file, or - for stdout`);
    }
    path = realpathSync(path);
  }
  const folder = dirname(path);
  let mode: number | undefined;
  if (existsSync(path)) {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new UsageError(`--output ${output} is a folder; give a file name inside it`);
    if (!stats.isFile())
      throw new UsageError(`--output ${output} is not a regular file (a device, a pipe or a socket); give a file, or leave out --output to write to stdout`);
    const clash = inputAt(path, [...inputs, ...(ctx.reads ?? [])]);
    if (clash) throw inputClash(output, clash);
    mode = stats.mode & 0o7777;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new UsageError(`--output ${output} is write-protected; it is left as it is (change its permissions, or choose another file)`);
    }
    if ((stats.mode & 0o222) === 0)
      throw new UsageError(
        `--output ${output} is write-protected (mode ${(stats.mode & 0o777).toString(8)}); it is left as it is (change its permissions, or choose another file)`,
      );
  }
  if (!existsSync(folder)) throw new UsageError(`--output ${output}: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`--output ${output}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--output ${output}: the folder ${folder} cannot be written to (permission denied)`);
  }
  return { path, display: output, reads: ctx.reads, ...(mode !== undefined ? { mode } : {}) };
}

/** A file read after the output was checked (a reference curve, observations) must not be overwritten either. */
function checkReads(target: OutputTarget): void {
  const clash = target.reads && inputAt(target.path, target.reads);
  if (clash) throw inputClash(target.display, clash);
}

/** Writes all of `text` (writeSync may write less than asked). */
function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function temporaryFor(target: OutputTarget): string {
  const path = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  track(path);
  return path;
}

/** Flushes, sets the permissions and renames a finished temporary file into place. */
function finish(target: OutputTarget, temporary: string, fd: number): void {
  fsyncSync(fd);
  closeSync(fd);
  if (target.mode !== undefined) chmodSync(temporary, target.mode);
  renameSync(temporary, target.path);
  untrack(temporary);
}

function discard(temporary: string, fd: number | undefined): void {
  if (fd !== undefined) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  rmSync(temporary, { force: true });
  untrack(temporary);
}

export function writeAtomic(target: OutputTarget, content: string | Uint8Array): void {
  checkReads(target);
  const temporary = temporaryFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o666);
    writeAll(fd, content);
    finish(target, temporary, fd);
  } catch (error) {
    discard(temporary, fd);
    throw writeError(target.display, error);
  }
}

/** Writes a command's whole output to stdout or to the checked target. */
export function emit(ctx: CliContext, content: string, target: OutputTarget | undefined): void {
  if (target !== undefined) writeAtomic(target, content);
  else ctx.stdout.write(content);
}

/** A destination written piece by piece, with backpressure: stdout, or a file made atomically. */
export interface Sink {
  write(text: string | Uint8Array): Promise<void>;
  /** Finishes the output (renames the file into place). */
  close(): Promise<void>;
  /** Drops a partial file. */
  abort(): void;
}

export function openSink(ctx: CliContext, target: OutputTarget | undefined): Sink {
  if (target === undefined) {
    const out = ctx.stdout;
    return {
      write: (text) => (out.write(text) || !out.once ? Promise.resolve() : new Promise((resolve) => out.once!('drain', resolve))),
      close: () => Promise.resolve(),
      abort: () => {},
    };
  }
  checkReads(target);
  const temporary = temporaryFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o666);
  } catch (error) {
    discard(temporary, undefined);
    throw writeError(target.display, error);
  }
  // Synchronous writes of whole chunks: the file is the backpressure, and an error (a full disk)
  // surfaces at the write that caused it. Each write then yields to the event loop, so that an
  // interruption is handled between chunks.
  return {
    write(text) {
      try {
        writeAll(fd!, text);
        return new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        discard(temporary, fd);
        fd = undefined;
        return Promise.reject(writeError(target.display, error));
      }
    },
    close() {
      try {
        finish(target, temporary, fd!);
        return Promise.resolve();
      } catch (error) {
        discard(temporary, fd);
        return Promise.reject(writeError(target.display, error));
      }
    },
    abort() {
      discard(temporary, fd);
      fd = undefined;
    },
  };
}
