/**
 * Writing results: to stdout, or to a file atomically (a temporary file in the same folder,
 * then a rename), so a failed or interrupted run never leaves half a file behind.
 */
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../io/errors.js';
import type { CliContext } from './context.js';

export function writeAtomic(path: string, content: string | Uint8Array): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${path}: ${code ?? (error as Error).message}`);
  }
}

export function emit(ctx: CliContext, content: string, output: string | undefined): void {
  if (output !== undefined) writeAtomic(resolve(ctx.cwd, output), content);
  else ctx.stdout.write(content);
}

/** A destination written piece by piece, with backpressure: stdout, or a file made atomically. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Finishes the output (renames the file into place). */
  close(): Promise<void>;
  /** Drops a partial file. */
  abort(): void;
}

export function openSink(ctx: CliContext, output: string | undefined): Sink {
  if (output === undefined) {
    const out = ctx.stdout;
    return {
      write: (text) => (out.write(text) || !out.once ? Promise.resolve() : new Promise((resolve) => out.once!('drain', resolve))),
      close: () => Promise.resolve(),
      abort: () => {},
    };
  }
  const target = resolve(ctx.cwd, output);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure = error));
  const fail = (error: Error) => new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
  return {
    write(text) {
      if (failure) return Promise.reject(fail(failure));
      return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
    },
    close: () =>
      new Promise((resolvePromise, reject) =>
        stream.end(() => {
          if (failure) return reject(fail(failure));
          try {
            renameSync(temporary, target);
            resolvePromise();
          } catch (error) {
            rmSync(temporary, { force: true });
            reject(fail(error as Error));
          }
        }),
      ),
    abort() {
      stream.destroy();
      rmSync(temporary, { force: true });
    },
  };
}
