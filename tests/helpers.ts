/** Shared test helpers: an in-process CLI with fake streams, and fixture paths. */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
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

export async function cli(
  argv: string[],
  options: { tty?: boolean; env?: Record<string, string>; cwd?: string; minWorldsPerThread?: number; waitForWorkers?: boolean } = {},
): Promise<CliResult> {
  const stdout = new FakeStream(options.tty ?? false);
  const stderr = new FakeStream(options.tty ?? false);
  const ctx: CliContext = {
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
    minWorldsPerThread: options.minWorldsPerThread,
    waitForWorkers: options.waitForWorkers,
  };
  const code = await runCli(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Folders made by tempDir() in this test file, removed after its last test (tests/setup.ts). */
const tempDirs: string[] = [];

/** A new empty folder in the system's temporary folder, removed when the test file is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bioanchors-test-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) {
    // A test may have made its folder read-only (to check a refusal): give it back first.
    if (!existsSync(dir)) continue;
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
}
