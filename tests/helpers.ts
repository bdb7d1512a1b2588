/** Shared test helpers: an in-process CLI with fake streams, and fixture paths. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.js';
import type { CliContext, OutStream } from '../src/cli/context.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export class FakeStream implements OutStream {
  chunks: string[] = [];
  constructor(public isTTY = false) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], options: { tty?: boolean; env?: Record<string, string>; cwd?: string; minWorldsPerThread?: number; waitForWorkers?: boolean } = {}): Promise<CliResult> {
  const stdout = new FakeStream(options.tty ?? false);
  const stderr = new FakeStream(options.tty ?? false);
  const ctx: CliContext = { stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? ROOT, minWorldsPerThread: options.minWorldsPerThread, waitForWorkers: options.waitForWorkers };
  const code = await runCli(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bioanchors-test-'));
}
