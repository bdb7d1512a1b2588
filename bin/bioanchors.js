#!/usr/bin/env node
// The installed command: runs the CLI with the process's streams.
import { runCli } from '../dist/bundle/cli.js';

// `bioanchors run | head` closes stdout early: that is not an error. Any other failure to write
// the output (a full disk behind `> file`) is reported in one line, exit 2 (as for --output).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    if (stream === process.stdout) {
      const why = error.code === 'ENOSPC' ? 'no space left on the device' : error.code ?? error.message;
      process.stderr.write(`bioanchors: cannot write to standard output: ${why}; the output is incomplete\n`);
    }
    process.exit(2);
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
