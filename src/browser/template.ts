/**
 * The explore page as one HTML file: the page script and the worker's script inlined, the page's
 * data (scenarios' controls and the files the worker reads) as JSON in a non-executed script
 * element, and a Content-Security-Policy that lets nothing load from anywhere: no network at all.
 */
import { count } from '../report/format.js';
import type { PageData } from './page.js';

/** Text inside a <script> element ends at "</script": written as "<\/script" (the same text to JavaScript and JSON). */
export const scriptText = (code: string): string => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/** JSON for a <script type="application/json">: "<" escaped, so no data can close the element. */
const jsonText = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// No network: nothing may be fetched; scripts are the inline ones and the worker's blob. The engine
// compiles each checked formula (its parsed expression, never raw text) to a function
// (engine/expression.ts), which is what 'unsafe-eval' allows; the charts use Vega's interpreter.
const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

const STYLE = `
:root { --accent: #0072B2; --warn: #D55E00; font-family: DejaVu Sans, Helvetica, Arial, sans-serif; color: #1a1a1a; }
* { box-sizing: border-box; }
body { margin: 0; line-height: 1.4; }
header { padding: 10px 16px; border-bottom: 1px solid #ccc; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
header h1 { font-size: 1.2rem; margin: 0 12px 0 0; }
header label, section > label { display: inline-flex; gap: 6px; align-items: center; max-width: 100%; }
select { max-width: 100%; min-width: 0; }
#status { flex: 1 1 260px; font-size: .9rem; margin: 0; }
#results[data-status="computing"] #status-dot, #results[data-status="refining"] #status-dot { visibility: visible; }
.layout { display: grid; grid-template-columns: minmax(300px, 400px) 1fr; gap: 0; }
#controls { border-right: 1px solid #ccc; padding: 8px 12px; max-height: calc(100vh - 60px); overflow-y: auto; position: sticky; top: 0; }
#controls h2 { font-size: 1rem; margin: 6px 0; }
fieldset { border: 1px solid #ccc; margin: 8px 0; padding: 4px 8px 8px; }
legend { font-weight: bold; font-size: .92rem; }
.control { border-top: 1px solid #eee; padding: 6px 0; }
.control.changed { border-left: 4px solid var(--accent); padding-left: 6px; }
.control .head { display: flex; gap: 8px; align-items: baseline; }
.control .name { font-family: DejaVu Sans Mono, monospace; font-size: .88rem; flex: 1; overflow-wrap: anywhere; }
.control .inherited { font-size: .8rem; color: #555; }
.control .body { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
.control .fields { display: flex; flex-wrap: wrap; gap: 4px 10px; }
.field { display: inline-flex; gap: 4px; align-items: center; font-size: .85rem; }
input[type=number] { width: 7.5em; font-size: .95rem; padding: 2px 4px; }
input[type=range] { width: 150px; }
textarea { width: 100%; font-family: DejaVu Sans Mono, monospace; font-size: .8rem; }
select, input, textarea, button { font-size: .9rem; }
button { cursor: pointer; padding: 3px 10px; }
.reset { padding: 0 6px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
[aria-invalid="true"] { outline: 2px solid var(--warn); }
.refusal { color: var(--warn); font-size: .85rem; margin: 2px 0; white-space: pre-wrap; }
.refusal:empty { display: none; }
details { font-size: .8rem; color: #333; }
details p { margin: 2px 0; white-space: pre-wrap; }
details .path { font-family: DejaVu Sans Mono, monospace; }
.none { font-weight: bold; }
#results { padding: 8px 16px; min-width: 0; }
#results h2 { font-size: 1.05rem; margin: 10px 0 4px; }
#scenario-about { font-size: .85rem; margin: 4px 0; color: #333; }
.forecast { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; }
#cdf { flex: 1 1 560px; min-width: 0; }
#headline { flex: 0 1 360px; }
#headline table { font-size: .82rem; }
#message { border: 2px solid var(--warn); padding: 8px 12px; margin: 8px 16px; white-space: pre-wrap; }
.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .9rem; margin: 6px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: right; font-variant-numeric: tabular-nums; }
th[scope=row], thead th:first-child { text-align: left; }
.shares { margin: 4px 0 12px; }
.share { display: grid; grid-template-columns: auto 1fr auto; gap: 6px; align-items: center; margin: 4px 0; max-width: 900px; }
.share input { width: 100%; font-family: DejaVu Sans Mono, monospace; font-size: .8rem; }
#changes { font-family: DejaVu Sans Mono, monospace; font-size: .8rem; overflow-wrap: anywhere; }
@media (max-width: 820px) {
  .layout { grid-template-columns: 1fr; }
  /* The forecast first; the beliefs below it. */
  #results { order: -1; }
  #controls { border-right: none; border-bottom: 1px solid #ccc; max-height: none; position: static; }
  .share { grid-template-columns: 1fr; }
}
`;

export interface ExploreHtml {
  data: PageData;
  pageScript: string;
  workerScript: string;
  title: string;
}

export function renderExploreHtml({ data, pageScript, workerScript, title }: ExploreHtml): string {
  const worlds = [20_000, 100_000, 200_000, 1_000_000];
  if (!worlds.includes(data.worlds)) worlds.push(data.worlds);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>bioanchors explore</h1>
<label>Scenario <select id="scenario"></select></label>
<label>Worlds <select id="worlds">${worlds
    .sort((a, b) => a - b)
    .map((n) => `<option value="${n}">${count(n)}</option>`)
    .join('')}</select></label>
<label>Seed <input id="seed" type="number" min="0" step="1" inputmode="numeric"></label>
<button id="reset" type="button">Reset all</button>
<p id="status" role="status" aria-live="polite">Starting the engine…</p>
</header>
<div id="message" role="alert" hidden></div>
<noscript><p>This page computes the forecast with JavaScript; with scripts off it shows nothing. <code>bioanchors report</code> writes a page that needs none.</p></noscript>
<div class="layout">
<aside id="controls" aria-label="Beliefs"></aside>
<main id="results" data-status="starting" aria-busy="true">
<p id="scenario-about"></p>
<section aria-labelledby="h-forecast"><h2 id="h-forecast">Forecast</h2>
<div class="forecast"><div id="cdf"></div><div id="headline"></div></div>
</section>
<section aria-labelledby="h-compare"><h2 id="h-compare">Compared</h2>
<label>Compare with <select id="versus"></select></label>
<p id="compare-note" class="refusal"></p>
<div id="compare"><p>Change a belief, or choose another scenario, to see the difference with its paired error.</p></div>
</section>
<section aria-labelledby="h-share"><h2 id="h-share">Share and take it to the terminal</h2>
<p id="changes"></p>
<div class="share"><label for="link">Link</label><input id="link" readonly><button id="copy-link" type="button">copy link</button></div>
<div class="share"><label for="command">Command</label><input id="command" readonly><button id="copy-command" type="button">copy command</button></div>
<p><button id="download" type="button">download scenario</button> a file that extends the scenario with only your changes: <code>bioanchors run FILE -n N --seed S</code> prints these numbers.</p>
</section>
<section aria-labelledby="h-req"><h2 id="h-req">Requirement vs affordable compute</h2>
<div id="requirements"></div>
</section>
</main>
</div>
<script type="application/json" id="explore-data">${jsonText(data)}</script>
<script type="text/plain" id="explore-worker">${scriptText(workerScript)}</script>
<script>${scriptText(pageScript)}</script>
</body>
</html>
`;
}
