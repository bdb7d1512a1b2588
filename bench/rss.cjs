// Preloaded by the benchmark (node --require): reports the process's peak resident memory on exit.
process.on('exit', () => process.stderr.write(`\nbench:maxrss-kb ${process.resourceUsage().maxRSS}\n`));
