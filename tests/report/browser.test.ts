/**
 * The HTML report as a person sees it: opened in a real headless browser (Debian's chromium,
 * driven by playwright-core; playwright's own browser download is never used), it renders every
 * chart with no console errors and no network requests, no two labels of a chart overlap, and a
 * screenshot is saved. Skips, saying so, when /usr/bin/chromium is missing (.ci/run installs it).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`\n*** browser test skipped: no ${CHROMIUM} (apt-get install -y chromium) ***\n`);

interface Overlap {
  chart: number;
  a: string;
  b: string;
}

describe.skipIf(!haveBrowser)('HTML report in a headless browser', () => {
  it('renders every chart offline, without console errors or overlapping labels, and screenshots', async () => {
    const dir = tempDir();
    const r = await cli(['report', 'cotra-2020', 'cotra-2020-uncertain-growth', '-n', '2000', '-o', 'report.html', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) problems.push(`network request: ${req.url()}`);
      });
      await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
      const shape = await page.evaluate(() => ({
        charts: [...document.querySelectorAll('figure > svg')].map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, texts: svg.querySelectorAll('text').length };
        }),
        sections: document.querySelectorAll('section').length,
        title: document.title,
      }));
      // Two scenarios × (cdf, requirements, hindcast, tornado), and the comparison.
      expect(shape.charts).toHaveLength(9);
      for (const c of shape.charts) {
        expect(c.width).toBeGreaterThan(300);
        expect(c.height).toBeGreaterThan(200);
        expect(c.texts).toBeGreaterThan(10);
      }
      expect(shape.sections).toBe(3);
      expect(shape.title).toBe('bioanchors report: cotra-2020, cotra-2020-uncertain-growth');
      // Labels as laid out by the browser's own fonts: no two texts of a chart may overlap.
      const overlaps: Overlap[] = await page.evaluate(() => {
        const found: { chart: number; a: string; b: string }[] = [];
        document.querySelectorAll('figure > svg').forEach((svg, chart) => {
          const boxes = [...svg.querySelectorAll('text')]
            .filter((t) => (t.textContent ?? '').trim() !== '')
            .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].box;
              const b = boxes[j].box;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 1 && h > 1) found.push({ chart, a: boxes[i].text, b: boxes[j].text });
            }
          }
        });
        return found;
      });
      expect(overlaps).toEqual([]);
      expect(problems).toEqual([]);
      const shot = join(tempDir(), 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      console.log(`report screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
