/**
 * The report as one self-contained HTML file: for each scenario, the forecast table, its charts
 * (inline SVG), its inputs with their sources, and the manifest (version, seed, worlds, input
 * hashes), so the file alone shows what was run and why. No scripts and no external resources:
 * it opens offline, and prints.
 */
import type { Forecast } from '../engine/summary.js';
import { medianCrossing } from '../model/crossing.js';
import type { Distribution } from '../model/distribution.js';
import type { Param, Scenario, ScenarioFile } from '../model/scenario.js';
import { count, crossingText, levelText, percent, pp } from './format.js';
import type { Manifest } from './json.js';
import { referenceFor, referenceText, yearsWithReference, type ReferenceCurve } from './reference.js';

export interface ReportChart {
  title: string;
  svg: string;
  /** The command that draws the same chart on its own. */
  command: string;
}

export interface ReportScenario {
  forecast: Forecast;
  manifest: Manifest;
  /** What the command line changed (--set, --horizon), as typed, said under the section's title. */
  overrides: readonly string[];
  scenario: Scenario;
  /** The merged scenario file: its notes and the sources of its growth assumptions. */
  file: ScenarioFile;
  charts: ReportChart[];
  /** The published forecast this scenario is the reference for, as a column of the P(by year) table. */
  reference?: ReferenceCurve;
}

export interface ReportInput {
  version: string;
  /** The command line that made the report. */
  command: string;
  scenarios: ReportScenario[];
  /** Charts over all the scenarios (the comparison). */
  shared: ReportChart[];
  /** Why a shared chart is missing, if it is. */
  notes: string[];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const e = escapeHtml;

const num = (x: number) => (Number.isInteger(x) ? String(x) : String(+x.toPrecision(6)));

/** A distribution in one line: "normal(low 13, high 17, level 0.9)". */
export function describeDistribution(d: Distribution): string {
  if (d.dist === 'point') return num(d.value);
  if (d.dist === 'mixture') {
    const parts = d.components.map((c) => `${c.weight !== undefined ? `${num(c.weight)}×` : ''}${describeDistribution(c)}`);
    return `mixture(${parts.join('; ')})${truncation(d.truncate)}`;
  }
  const skip = new Set(['dist', 'unit', 'description', 'source', 'weight', 'truncate']);
  const fields = Object.entries(d)
    .filter(([k, v]) => !skip.has(k) && typeof v === 'number')
    .map(([k, v]) => `${k} ${num(v as number)}`);
  return `${d.dist}(${fields.join(', ')})${'truncate' in d ? truncation(d.truncate) : ''}`;
}

function truncation(t: { min?: number; max?: number } | undefined): string {
  if (!t) return '';
  return ` truncated to [${t.min !== undefined ? num(t.min) : '−∞'}, ${t.max !== undefined ? num(t.max) : '∞'}]`;
}

export function describeParam(p: Param): string {
  switch (p.kind) {
    case 'point':
      return num(p.value);
    case 'dist':
      return describeDistribution(p.dist);
    case 'formula':
      return `= ${p.formula.source}`;
  }
}

const table = (head: string[], rows: string[][], numeric: boolean[] = []) =>
  `<table><thead><tr>${head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function forecastSection(f: Forecast, given?: ReferenceCurve): string {
  const median = medianCrossing(f.crossings);
  const tenth = f.crossings.find((c) => c.level === 0.1);
  const headline =
    median && tenth
      ? `<p class="headline">10% by <b>${crossingText(tenth, f.horizonYear)}</b> · 50% by <b>${crossingText(median, f.horizonYear)}</b> · ${percent(f.cdf[f.cdf.length - 1])} by the end of ${f.horizonYear}</p>`
      : '';
  const reference = referenceFor(given, f.condition?.givenNoTaiBy);
  const referenceAt = new Map((reference?.points ?? []).map((r) => [r.year, r.p]));
  const years = yearsWithReference(f.years, reference);
  const byYear = table(
    ['year', 'P(TAI by the end of year)', 'se (pp)', ...(reference ? [`${e(reference.label)} (reference)`] : [])],
    years.map((y) => {
      const ref = referenceAt.get(y);
      return [
        String(y),
        percent(f.cdf[y - f.startYear]),
        pp(f.se[y - f.startYear]),
        ...(reference ? [ref === undefined ? '' : referenceText(reference, ref)] : []),
      ];
    }),
    [false, true, true, true],
  );
  const outcomes = table(
    ['outcome', 'probability', 'se (pp)'],
    [
      [`by ${f.horizonYear}`, percent(f.cdf[f.cdf.length - 1]), pp(f.se[f.se.length - 1])],
      [`after ${f.horizonYear} (not by the horizon)`, percent(f.notByHorizon.p), pp(f.notByHorizon.se)],
      ['never (no anchor is right)', percent(f.never.p), pp(f.never.se)],
    ],
    [false, true, true],
  );
  const crossings = table(
    ['level', 'date reached', 'se (years)'],
    f.crossings.map((c) => [levelText(c.level), crossingText(c, f.horizonYear), c.se !== null ? `±${c.se.toFixed(2)}` : '']),
    [false, true, true],
  );
  const anchors = table(
    ['anchor', 'weight', 'worlds', `P(by 2050 | anchor)`, `after ${f.horizonYear}`, 'median date'],
    f.anchors.map((a) => {
      const m = medianCrossing(a.crossings);
      const j = 2050 - f.startYear;
      return [
        e(a.label),
        percent(a.weight, 0),
        count(a.worlds),
        j >= 0 && j < a.cdf.length ? percent(a.cdf[j]) : 'n/a',
        percent(a.notByHorizon.p),
        crossingText(m, f.horizonYear),
      ];
    }),
    [false, true, true, true, true, true],
  );
  const condition = f.condition
    ? `<p>Given no TAI by ${f.condition.givenNoTaiBy}: ${count(f.condition.keptWorlds)} worlds remain (${percent(f.condition.keptShare)}).</p>`
    : '';
  return `<h3>Forecast</h3>${condition}${headline}<div class="tables"><div>${byYear}</div><div>${outcomes}<p class="note">Date by which each probability is reached (decimal year, interpolated between year ends):</p>${crossings}</div></div><p class="note">Per anchor: P(TAI by the end of year | that anchor is right). Years: a year Y means by the end of year Y; dates are decimal years, year Y ending at Y+1.</p>${anchors}`;
}

function inputsSection(s: Scenario, file: ScenarioFile): string {
  const sources = s.sources.length ? `<ul>${s.sources.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : '<p>(none given)</p>';
  const pr = s.pricePerformance;
  const sp = s.spending;
  const cc = s.computeCeiling;
  const growth = table(
    ['parameter', 'value', 'meaning'],
    [
      ['pricePerformance.log10FlopPerUsd', describeParam(pr.log10FlopPerUsd), `log10 FLOP per dollar in ${pr.year}`],
      ['pricePerformance.doublingYears', describeParam(pr.doublingYears), 'years for FLOP per dollar to double'],
      ['pricePerformance.maxLog10FlopPerUsd', describeParam(pr.maxLog10FlopPerUsd), `ceiling on log10 FLOP per dollar (${pr.cap} cap)`],
      ['spending.log10UsdPerRun', describeParam(sp.log10UsdPerRun), `log10 dollars on the largest training run in ${sp.year}`],
      ['spending.doublingYears', describeParam(sp.doublingYears), 'years for that spending to double'],
      ['spending.log10GdpUsd', describeParam(sp.log10GdpUsd), `log10 GDP in dollars in ${sp.gdpYear}`],
      ['spending.gdpGrowthPerYear', describeParam(sp.gdpGrowthPerYear), 'GDP growth per year'],
      ['spending.maxGdpFraction', describeParam(sp.maxGdpFraction), `most of GDP one run may cost (${sp.cap} cap)`],
      ...(cc
        ? [
            [
              'computeCeiling.log10FlopPerRun',
              describeParam(cc.log10FlopPerRun),
              `log10 FLOP of the largest run power and chips allow in ${cc.year} (${cc.cap} cap on affordable FLOP)`,
            ],
            [
              'computeCeiling.doublingYears',
              cc.doublingYears.kind === 'point' && cc.doublingYears.value === Infinity ? 'fixed' : describeParam(cc.doublingYears),
              'years for that ceiling to double',
            ],
          ]
        : []),
    ].map(([a, b, c]) => [`<code>${e(a)}</code>`, e(b), e(c)]),
  );
  const growthSources = [
    ['Price-performance', file.pricePerformance?.source],
    ['Spending', file.spending?.source],
    ['Compute ceiling', file.computeCeiling?.source],
    ['Algorithmic progress', file.algorithmicProgress?.source],
  ]
    .filter((x): x is [string, string] => typeof x[1] === 'string')
    .map(([k, v]) => `<p class="note"><b>${k}:</b> ${e(v)}</p>`)
    .join('');
  const notes = file.notes ? `<p class="note"><b>Notes:</b> ${e(file.notes)}</p>` : '';
  const anchors = s.anchors
    .map((wa) => {
      const a = wa.anchor;
      const ap = wa.algorithmicProgress;
      const vars = table(
        ['variable', 'distribution', 'unit', 'source'],
        a.variables.map((v) => [`<code>${e(v.name)}</code>`, e(describeDistribution(v.dist)), e(v.unit), e(v.dist.source ?? '')]),
      );
      const note = (file.anchors as Record<string, { note?: string } | undefined> | undefined)?.[a.id]?.note;
      return `<details><summary><b>${e(a.label)}</b> <code>${e(a.id)}</code> · weight ${percent(wa.weight, 0)} · algorithmic progress: halving every ${e(describeParam(ap.halvingYears))} years from ${ap.startYear}, at most ${e(describeParam(ap.maxOom))} OOM (${ap.cap} cap)</summary>
${note ? `<p class="note"><b>In this scenario:</b> ${e(note)}</p>` : ''}<p>${e(a.description)}</p><p>Requirement (log10 FLOP): <code>${e(a.formula.source)}</code></p>${vars}<p class="note">Sources: ${a.sources.map(e).join('; ')}</p></details>`;
    })
    .join('\n');
  return `<h3>Inputs</h3><p>${e(s.description)}</p><p>Years ${s.startYear}–${s.horizonYear} · weight on no anchor (never): ${percent(s.noneWeight, 0)}</p>${notes}<h4>Sources</h4>${sources}<h4>Growth of compute and spending</h4>${growth}${growthSources}<h4>Anchors</h4>${anchors}`;
}

function manifestSection(m: Manifest): string {
  const rows: string[][] = [
    ['tool', `${e(m.tool)} ${e(m.version)}`],
    ['scenario', `<code>${e(m.scenario)}</code>`],
    ['seed', String(m.seed)],
    ['simulated worlds', count(m.samples)],
    ['--set overrides', m.sets.length ? m.sets.map((x) => `<code>${e(x)}</code>`).join('<br>') : '(none)'],
    ...(m.givenNoTaiBy !== undefined ? [['given no TAI by', String(m.givenNoTaiBy)]] : []),
  ];
  const files = table(
    ['input file', 'SHA-256'],
    m.files.map((f) => [`<code>${e(f.path)}</code>`, `<code class="hash">${e(f.sha256)}</code>`]),
  );
  return `<h3>Manifest</h3>${table(['field', 'value'], rows)}${files}`;
}

function chartFigure(c: ReportChart): string {
  return `<figure>${c.svg}<figcaption>${e(c.title)} · <code>${e(c.command)}</code></figcaption></figure>`;
}

const STYLE = `
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:1200px;margin:2em auto;padding:0 1.5em;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2.2em;border-bottom:2px solid #1a1a1a;padding-bottom:.2em}h3{margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}th,td{border-bottom:1px solid #ddd;padding:.25em .7em;text-align:left;vertical-align:top}
th{border-bottom:2px solid #888}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.changed{font-weight:bold}.tables{display:flex;flex-wrap:wrap;gap:2.5em}.headline{font-size:1.15em}.note{color:#444;font-size:.9em}
figure{margin:1.2em 0;overflow-x:auto}figure svg{max-width:100%;height:auto}figcaption{color:#444;font-size:.85em}
code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}code.hash{font-size:.78em}
details{margin:.5em 0;padding:.4em .8em;border:1px solid #ddd}summary{cursor:pointer}
nav ul{columns:2}
@media print{details{break-inside:avoid}figure{break-inside:avoid}details:not([open]) > *:not(summary){display:block}}
`;

export function renderHtmlReport(r: ReportInput): string {
  const ids = r.scenarios.map((s) => s.forecast.scenarioId);
  const title = `bioanchors report: ${ids.join(', ')}`;
  // By position as well as id: the same scenario given twice, or two ids that read alike once
  // cleaned, still get anchors of their own.
  const anchor = (id: string, i: number) => `scenario-${i + 1}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const nav = `<nav><ul>${r.scenarios.map((s, i) => `<li><a href="#${anchor(s.forecast.scenarioId, i)}">${e(s.forecast.scenarioLabel)}</a></li>`).join('')}${r.shared.length ? '<li><a href="#compared">Scenarios compared</a></li>' : ''}</ul></nav>`;
  const sections = r.scenarios.map(
    (s, i) => `<section id="${anchor(s.forecast.scenarioId, i)}"><h2>${e(s.forecast.scenarioLabel)} <code>${e(s.forecast.scenarioId)}</code></h2>
<p class="note">${count(s.forecast.samples)} simulated worlds · seed ${s.forecast.seed} · years ${s.forecast.startYear}–${s.forecast.horizonYear}</p>
${s.overrides.length ? `<p class="changed">Changed on the command line: ${s.overrides.map((o) => `<code>${e(o)}</code>`).join(' · ')}</p>` : ''}
${forecastSection(s.forecast, s.reference)}
<h3>Charts</h3>${s.charts.map(chartFigure).join('\n')}
${inputsSection(s.scenario, s.file)}
${manifestSection(s.manifest)}</section>`,
  );
  const shared = r.shared.length ? `<section id="compared"><h2>Scenarios compared</h2>${r.shared.map(chartFigure).join('\n')}</section>` : '';
  const notes = r.notes.length ? `<p class="note">${r.notes.map(e).join('<br>')}</p>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bioanchors ${e(r.version)}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(title)}</h1>
<p>When transformative AI becomes affordable to train, by Ajeya Cotra's biological anchors model (2020 draft report). Made by bioanchors ${e(r.version)} with <code>${e(r.command)}</code>; every number and chart below can be made again with that command.</p>
${nav}${notes}
${sections.join('\n')}
${shared}
</body>
</html>
`;
}
