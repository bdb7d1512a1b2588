#!/usr/bin/env node
// The installed command: runs the CLI with the process's streams.
import { runCli } from '../dist/bundle/cli.js';

// `bioanchors run | head` closes stdout early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
