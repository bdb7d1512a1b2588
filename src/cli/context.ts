/** What a command may touch: its streams, environment and working folder (fakes in tests). */
export interface OutStream {
  /** false when the buffer is full: wait for 'drain' (if the stream has `once`) before writing more. */
  write(chunk: string | Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliContext {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Fewer worlds' worth of work per thread than this and no worker is started (tests lower it; default 1,000,000). */
  minWorldsPerThread?: number;
  /** Wait for workers to load before a job starts (tests, so that small runs are really shared). */
  waitForWorkers?: boolean;
  /** Every file the command has read so far (filled by runCli's file seam): an output may overwrite none of them. */
  reads?: string[];
}

/** Whether to use colour on a stream: a terminal, and NO_COLOR unset (no-color.org). */
export function useColor(ctx: CliContext, stream: OutStream): boolean {
  return Boolean(stream.isTTY) && !ctx.env.NO_COLOR && ctx.env.TERM !== 'dumb';
}
