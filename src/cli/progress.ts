/**
 * A progress bar on stderr (cli-progress), only on a terminal, only when not --quiet, and only
 * once a run has taken more than a second: short runs print nothing.
 */
import cliProgress from 'cli-progress';
import type { CliContext } from './context.js';

const SHOW_AFTER_MS = 1000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function createProgress(ctx: CliContext, quiet: boolean, label: string): Progress {
  const enabled = Boolean(ctx.stderr.isTTY) && !quiet;
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!enabled) return;
      if (!bar) {
        if (performance.now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new cliProgress.SingleBar(
          {
            stream: ctx.stderr as unknown as NodeJS.WritableStream,
            format: `${label} [{bar}] {percentage}% · {value}/{total} worlds · {eta_formatted} left`,
            hideCursor: true,
            clearOnComplete: true,
            noTTYOutput: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
