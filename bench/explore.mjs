#!/usr/bin/env node
/**
 * The explore page's speed, driven in headless chromium (Debian's /usr/bin/chromium, through
 * playwright-core): the file's size; from opening the file to the first forecast drawn (and to the
 * refined one); and from a changed control (a weight's slider) to the redrawn P(TAI by year) chart,
 * both to the quick first stage (20,000 worlds) and to the full run (100,000), for cotra-2020 and
 * cotra-2020-uncertain-growth; beside the CLI's `bioanchors run -n 100000` (whole process, and
 * --threads 1 as the page's one worker). Medians of --repeats runs. A benchmark, not a test:
 * figures depend on the machine and its load.
 *
 *   npm run build && node bench/explore.mjs [--repeats 5]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log('node bench/explore.mjs [--repeats N]   (after npm run build; needs /usr/bin/chromium)');
  process.exit(0);
}
const repeats = Number(args[args.indexOf('--repeats') + 1] ?? 5) || 5;
const bin = join(import.meta.dirname, '..', 'bin', 'bioanchors.js');
const dir = mkdtempSync(join(tmpdir(), 'bioanchors-explore-bench-'));
const SCENARIOS = ['cotra-2020', 'cotra-2020-uncertain-growth'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

execFileSync(process.execPath, [bin, 'explore', ...SCENARIOS, '-n', '100000', '-o', join(dir, 'explore.html'), '-q']);
const file = join(dir, 'explore.html');
const size = statSync(file).size;
console.log(`file: ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const drawn = (page, worlds) =>
  page.waitForFunction(
    (w) => {
      const r = document.getElementById('results');
      return r.dataset.drawn === `${r.dataset.generation}:${w}` && r.dataset.status === 'done';
    },
    worlds,
    { timeout: 120_000, polling: 'raf' },
  );

try {
  const opened = { first: [], full: [] };
  for (let i = 0; i < repeats; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t0 = Date.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.getElementById('results').dataset.drawn !== undefined, null, { polling: 'raf', timeout: 60_000 });
    opened.first.push(Date.now() - t0);
    await drawn(page, 100_000);
    opened.full.push(Date.now() - t0);
    await page.close();
  }
  console.log(`open → first forecast drawn (20,000 worlds): ${ms(median(opened.first))}; → 100,000 worlds drawn: ${ms(median(opened.full))}`);

  for (const scenario of SCENARIOS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(file).href}#v=1&scenario=${scenario}`);
    await drawn(page, 100_000);
    const first = [];
    const full = [];
    for (let i = 0; i < repeats; i++) {
      // A weight's slider moved (alternately up and back), timed inside the page until each stage's chart is drawn.
      const times = await page.evaluate(async (step) => {
        const slider = document.querySelector('[data-path="anchors.lifetime.weight"] input[type=range]');
        const results = document.getElementById('results');
        const t0 = performance.now();
        slider.value = String(step % 2 === 0 ? 0.06 : 0.05);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const g = results.dataset.generation;
        const at = {};
        await new Promise((resolve) => {
          const poll = () => {
            const d = results.dataset.drawn ?? '';
            if (d === `${g}:20000` && at.first === undefined) at.first = performance.now() - t0;
            if (d === `${g}:100000`) {
              at.full = performance.now() - t0;
              resolve();
            } else requestAnimationFrame(poll);
          };
          poll();
        });
        return at;
      }, i);
      first.push(times.first);
      full.push(times.full);
      await drawn(page, 100_000);
    }
    // The page skips the quick stage once a full run has taken under 60 ms (page.ts firstStage).
    const quick = first.filter((x) => x !== undefined);
    const quickText = quick.length
      ? `20,000 worlds ${ms(median(quick))} (${quick.length} of ${first.length} changes had a quick stage), `
      : 'no quick stage (the full run is quick enough alone), ';
    console.log(`${scenario}: change → chart redrawn: ${quickText}100,000 worlds ${ms(median(full))}`);
    await page.close();
  }
} finally {
  await browser.close();
}

for (const scenario of SCENARIOS) {
  for (const threads of [undefined, 1]) {
    const times = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = process.hrtime.bigint();
      execFileSync(process.execPath, [bin, 'run', scenario, '-n', '100000', '--format', 'json', '-q', ...(threads ? ['--threads', String(threads)] : [])]);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(`CLI bioanchors run ${scenario} -n 100000${threads ? ` --threads ${threads}` : ''}: ${ms(median(times))} (whole process)`);
  }
}
