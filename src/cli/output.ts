/**
 * Writing results: to stdout, or to a file atomically (a temporary file in the same folder,
 * then a rename), so a failed or interrupted run never leaves half a file behind.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../io/errors.js';
import type { CliContext } from './context.js';

export function writeAtomic(path: string, content: string): void {
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
