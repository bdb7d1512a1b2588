// Preloaded by the benchmark (node --require): reports the process's peak resident memory and the
// user CPU time of all its threads (getrusage) on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nbench:maxrss-kb ${usage.maxRSS}\nbench:user-s ${(usage.userCPUTime / 1e6).toFixed(3)}\n`);
});
