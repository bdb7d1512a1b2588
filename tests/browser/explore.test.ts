/**
 * The explore page as a person uses it, in a real headless browser (Debian's chromium driven by
 * playwright-core, as the report's test does): opened from file://, it shows the first forecast;
 * a weight changed by keyboard and a growth parameter typed in change the numbers, which equal
 * what `bioanchors run` prints for the downloaded scenario and for the copied command; the copied
 * link reopens the same numbers; hostile links are refused visibly and the scenario as loaded is
 * shown; a value the files refuse is refused with the loader's message; no request leaves the
 * page and no console error appears. Screenshots at 1280×800 and phone width are saved. Skips,
 * saying so, when /usr/bin/chromium is missing.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`\n*** explore browser test skipped: no ${CHROMIUM} (apt-get install -y chromium) ***\n`);

const WORLDS = 40_000;
const SEED = 7;

interface RunJson {
  years: number[];
  pTaiByYear: number[];
  se: number[];
  crossings: { level: number; status: string; year: number | null; se: number | null }[];
  notByHorizon: { p: number; se: number };
  never: { p: number; se: number };
  horizonYear: number;
}

/** The headline cells the page shows for a forecast, formatted as the page formats them. */
function expectedHeadline(r: RunJson): Record<string, string> {
  const pc = (p: number, se: number) => `${(p * 100).toFixed(1)}% ±${(se * 100).toFixed(2)}`;
  const out: Record<string, string> = {};
  for (const level of [0.1, 0.5, 0.9]) {
    const c = r.crossings.find((x) => x.level === level)!;
    out[`${Math.round(level * 100)}% by`] = c.status === 'year' ? `${c.year!.toFixed(1)} ±${c.se!.toFixed(2)}` : `>${r.horizonYear}`;
  }
  for (const y of [2030, 2036, 2040, 2050, 2070, r.horizonYear]) {
    const j = r.years.indexOf(y);
    out[`P(by ${y})`] = pc(r.pTaiByYear[j], r.se[j]);
  }
  return out;
}

async function headline(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const tr of document.querySelectorAll('#headline-table tbody tr'))
      out[tr.querySelector('th')!.textContent!] = tr.querySelectorAll('td')[0].textContent!;
    return out;
  });
}

/** Waits until the page has drawn the full run of its newest request. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    (worlds) => {
      const r = document.getElementById('results')!;
      return r.dataset.status === 'done' && r.dataset.drawn?.endsWith(`:${worlds}`) && document.querySelector('#cdf svg') !== null;
    },
    WORLDS,
    { timeout: 60_000 },
  );
  // The newest request's forecast is the one drawn.
  await page.waitForFunction(() => {
    const r = document.getElementById('results')!;
    return r.dataset.drawn?.split(':')[0] === r.dataset.generation;
  });
}

async function runJson(args: string[], cwd: string): Promise<RunJson> {
  const r = await cli(['run', ...args, '--format', 'json', '-q'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as RunJson;
}

/** The words of a POSIX command line as the page quotes it (plain words and '…' only). */
function words(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]));
}

describe.skipIf(!haveBrowser)('explore page in a headless browser', () => {
  it('forecasts, changes with the controls, reproduces in the CLI, shares as a link and refuses hostile ones', async () => {
    const dir = tempDir();
    const made = await cli(['explore', 'cotra-2020', 'cotra-2020-uncertain-growth', '-n', String(WORLDS), '--seed', String(SEED), '-o', 'explore.html'], {
      cwd: dir,
    });
    expect(made.code, made.stderr).toBe(0);
    const file = join(dir, 'explore.html');
    expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024);
    const url = pathToFileURL(file).href;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const problems: string[] = [];
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      context.on('request', (req) => {
        if (!/^(file|blob|data):/.test(req.url())) problems.push(`network request: ${req.url()}`);
      });
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`console: ${m.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        return page;
      };
      const page = watch(await context.newPage());
      await page.goto(url);
      await settled(page);
      const base = await headline(page);
      expect(base).toEqual(expectedHeadline(await runJson(['cotra-2020', '-n', String(WORLDS), '--seed', String(SEED)], dir)));
      expect(await page.locator('#message').isHidden()).toBe(true);

      // A weight by keyboard: focus its number field, one step up (0.05 → 0.06).
      const weight = page.locator('[data-path="anchors.lifetime.weight"] input[type=number]');
      await weight.focus();
      await page.keyboard.press('ArrowUp');
      await settled(page);
      expect(await weight.inputValue()).toBe('0.06');
      expect(await page.locator('#no-anchor').textContent()).toContain('9.0%');
      const afterWeight = await headline(page);
      expect(afterWeight).not.toEqual(base);
      // A growth parameter typed in.
      const doubling = page.locator('[data-path="spending.doublingYears"] input[type=number]');
      await doubling.fill('2');
      await doubling.press('Enter');
      await settled(page);
      const changed = await headline(page);
      expect(changed).not.toEqual(afterWeight);
      // The slider of the same parameter by keyboard, and back: the exact numbers return.
      const slider = page.locator('[data-path="spending.doublingYears"] input[type=range]');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await settled(page);
      expect(await headline(page)).not.toEqual(changed);
      await page.keyboard.press('ArrowLeft');
      await settled(page);
      expect(await headline(page)).toEqual(changed);
      // The paired change against the scenario as loaded is shown, with the compare chart.
      await page.waitForSelector('#compare svg');
      expect(await page.locator('#headline-table tbody tr', { hasText: 'P(by 2050)' }).locator('td').nth(2).textContent()).toMatch(
        /^[+−]\d+\.\d\d pp ±\d\.\d\d$/,
      );

      // The command and the downloaded scenario print the page's numbers.
      const command = await page.locator('#command').inputValue();
      expect(command).toBe(`bioanchors run cotra-2020 --set anchors.lifetime.weight=0.06 --set spending.doublingYears=2 -n ${WORLDS} --seed ${SEED}`);
      expect(expectedHeadline(await runJson(words(command).slice(2), dir))).toEqual(changed);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
      const saved = join(dir, download.suggestedFilename());
      await download.saveAs(saved);
      const scenario = JSON.parse(readFileSync(saved, 'utf8'));
      expect(scenario).toMatchObject({
        id: 'cotra-2020-explored',
        extends: 'cotra-2020',
        anchors: { lifetime: { weight: 0.06 } },
        spending: { doublingYears: 2 },
      });
      expect(scenario.description).toContain('anchors.lifetime.weight: 0.05 → 0.06');
      expect(expectedHeadline(await runJson([saved, '-n', String(WORLDS), '--seed', String(SEED)], dir))).toEqual(changed);
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.getElementById('controls')!.scrollTo(0, 0);
      });
      await page.screenshot({ path: join(dir, 'explore-1280.png') });

      // A value the files would refuse: the loader's message beside the control; the forecast stays.
      await weight.fill('1.5');
      await weight.press('Enter');
      await page.waitForFunction(() => document.getElementById('results')!.dataset.status === 'refused');
      const refusal = await page.locator('[data-path="anchors.lifetime.weight"] .refusal').textContent();
      const cliRefusal = await cli(['run', 'cotra-2020', '--set', 'anchors.lifetime.weight=1.5', '--set', 'spending.doublingYears=2', '-n', '1000'], {
        cwd: dir,
      });
      expect(cliRefusal.code).toBe(2);
      expect(refusal).toBe(cliRefusal.stderr.trim());
      expect(await headline(page)).toEqual(changed);

      // The copied link reopens the same forecast.
      const link = await page.locator('#link').inputValue();
      const again = watch(await context.newPage());
      await again.goto(link);
      await settled(again);
      expect(await headline(again)).toEqual(changed);
      expect(await again.locator('[data-path="spending.doublingYears"] input[type=number]').inputValue()).toBe('2');

      // Hostile or malformed links: refused, with a message, and the scenario as loaded shown.
      const hostile = [
        ['set=__proto__.polluted%3D1', /"__proto__" cannot be a name/],
        ['set=constructor.prototype%3D1', /"constructor" cannot be a name/],
        ['set=anchors.lifetime.weight%3D1e400', /too large a number/],
        ['set=spending.doublingYears%3D%7B%22dist%22%3A%22point%22%2C%22__proto__%22%3A%7B%7D%7D', /__proto__/],
        ['set=anchors.nope.weight%3D0.1', /not a belief of this scenario/],
        ['set=anchors.lifetime.weight%3D%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /takes a number/],
        ['n=1000000000000', /n \(worlds\) must be/],
        ['set=anchors.lifetime.weight%3D2', /--set anchors\.lifetime\.weight/],
      ];
      for (const [query, message] of hostile) {
        const p = watch(await context.newPage());
        await p.goto(`${url}#v=1&scenario=cotra-2020&${query}`);
        await p.waitForFunction(() => !document.getElementById('message')!.hidden);
        const text = (await p.locator('#message').textContent()) ?? '';
        expect(text, query).toMatch(/^This link was not opened: /);
        expect(text, query).toMatch(message as RegExp);
        await settled(p);
        expect(await headline(p), query).toEqual(base);
        expect(await p.locator('img').count()).toBe(0);
        await p.close();
      }
      for (const fragment of ['v=2&scenario=cotra-2020', 'scenario=cotra-2020', 'v=1&scenario=rp-2020', 'v=1&evil=1', 'v=1&v=1', 'v=1&set=%E0%A4%A']) {
        const p = watch(await context.newPage());
        await p.goto(`${url}#${fragment}`);
        await p.waitForFunction(() => !document.getElementById('message')!.hidden);
        expect(await p.locator('#message').textContent(), fragment).toMatch(/^This link was not opened: /);
        await settled(p);
        expect(await headline(p), fragment).toEqual(base);
        await p.close();
      }
      // The other scenario, and the two compared.
      await page.selectOption('#scenario', 'cotra-2020-uncertain-growth');
      await settled(page);
      expect(await headline(page)).toEqual(expectedHeadline(await runJson(['cotra-2020-uncertain-growth', '-n', String(WORLDS), '--seed', String(SEED)], dir)));
      await page.selectOption('#versus', 'cotra-2020');
      await page.waitForSelector('#compare svg');
      await settled(page);
      // On a phone-sized screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(dir, 'explore-phone.png'), fullPage: false });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      expect(problems).toEqual([]);
      console.log(`explore screenshots: ${join(dir, 'explore-1280.png')}, ${join(dir, 'explore-phone.png')}`);
      if (process.env.EXPLORE_SCREENSHOT_TO) {
        mkdirSync(join(ROOT, process.env.EXPLORE_SCREENSHOT_TO), { recursive: true });
        copyFileSync(join(dir, 'explore-1280.png'), join(ROOT, process.env.EXPLORE_SCREENSHOT_TO, 'explore.png'));
      }
    } finally {
      await browser.close();
    }
  }, 240_000);
});
