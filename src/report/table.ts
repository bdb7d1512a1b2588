/** The human-readable forecast: headline, P(TAI by year), crossing years, outcomes, per anchor. */
import type { Forecast } from '../engine/summary.js';
import { medianCrossing } from '../model/crossing.js';
import { count, crossingText, observedEvidence, levelText, padTable, percent, plateauNote, pp, YEAR_NOTE } from './format.js';
import { referenceFor, referenceText, yearsWithReference, type ReferenceCurve } from './reference.js';

export interface TableOptions {
  /** A chart of the CDF to put after the headline (already rendered), if any. */
  chart?: string;
  /** What the command line changed from the scenario's files (--set, --horizon), shown under the title. */
  overrides?: string[];
  /** The published forecast this scenario is the reference for, as a column beside P(by year). */
  reference?: ReferenceCurve;
  /** Why a reference the scenario would have is not shown (the command line changed it). */
  referenceLeftOut?: string;
}

export function renderTable(f: Forecast, options: TableOptions = {}): string {
  const out: string[] = [];
  out.push(`${f.scenarioLabel} [${f.scenarioId}]`);
  if (options.overrides?.length) out.push(`Changed on the command line: ${options.overrides.join(' · ')}`);
  if (f.condition) {
    const c = f.condition;
    out.push(
      `Given no TAI by the end of ${c.givenNoTaiBy}: ${count(c.keptWorlds)} of ${count(c.keptWorlds / c.keptShare)} simulated worlds remain (${percent(c.keptShare)}) · seed ${f.seed} · years ${f.startYear}–${f.horizonYear}`,
    );
  } else if (f.observed) {
    const o = f.observed;
    out.push(
      `Given the observations in ${observedEvidence(o)}: ${count(o.worlds)} simulated worlds, importance-weighted, worth ${count(o.effectiveWorlds)} (effective sample size) · seed ${f.seed} · years ${f.startYear}–${f.horizonYear}`,
    );
  } else {
    out.push(`${count(f.samples)} simulated worlds · seed ${f.seed} · years ${f.startYear}–${f.horizonYear}`);
  }
  out.push('');
  const median = medianCrossing(f.crossings);
  const tenth = f.crossings.find((c) => c.level === 0.1);
  if (median && tenth) {
    const se = (c: typeof median) => (c.se !== null ? ` (±${c.se.toFixed(2)})` : '');
    out.push(
      `10% by ${crossingText(tenth, f.horizonYear)}${se(tenth)} · 50% by ${crossingText(median, f.horizonYear)}${se(median)} · ${percent(f.cdf[f.cdf.length - 1])} by the end of ${f.horizonYear}`,
    );
    out.push('');
  }
  if (options.chart) {
    out.push(options.chart);
    out.push('');
  }
  const reference = referenceFor(options.reference, f.condition?.givenNoTaiBy);
  const referenceAt = new Map((reference?.points ?? []).map((r) => [r.year, r.p]));
  out.push(
    `P(transformative model affordable by the end of year), Monte Carlo standard error in percentage points${reference ? `; beside it, for reference: ${reference.label}` : ''}`,
  );
  const years = yearsWithReference(f.years, reference);
  const rows = [['year', 'P(by year)', 'se (pp)', ...(reference ? [reference.label] : [])]];
  for (const y of years) {
    const j = y - f.startYear;
    const ref = referenceAt.get(y);
    rows.push([String(y), percent(f.cdf[j]), pp(f.se[j]), ...(reference ? [ref === undefined ? '' : referenceText(reference, ref)] : [])]);
  }
  out.push(padTable(rows, ['l', 'r', 'r', 'r']));
  if (options.referenceLeftOut) out.push(options.referenceLeftOut);
  out.push('');
  out.push('Outcomes');
  out.push(
    padTable(
      [
        [`by ${f.horizonYear}`, percent(f.cdf[f.cdf.length - 1]), pp(f.se[f.se.length - 1])],
        [`after ${f.horizonYear} (not by horizon)`, percent(f.notByHorizon.p), pp(f.notByHorizon.se)],
        ['never (no anchor is right)', percent(f.never.p), pp(f.never.se)],
      ],
      ['l', 'r', 'r'],
    ),
  );
  out.push('');
  out.push('Date by which the probability is reached (decimal year, interpolated between year ends; ± standard error in years)');
  const qrows = [['level', 'date', 'se']];
  for (const c of f.crossings) qrows.push([levelText(c.level), crossingText(c, f.horizonYear), c.se !== null ? `±${c.se.toFixed(2)}` : '']);
  out.push(padTable(qrows, ['l', 'r', 'r']));
  const notes: string[] = [];
  if (f.crossings.some((c) => c.status === 'at-or-before-start'))
    notes.push(`≤${f.startYear + 1}.0: reached by the end of the first year simulated, ${f.startYear}`);
  if (f.crossings.some((c) => c.status === 'after-horizon')) notes.push(`>${f.horizonYear}: reached only after the last year simulated`);
  if (f.crossings.some((c) => c.status === 'never'))
    notes.push(`never: above ${percent(1 - (f.condition ? f.never.p : f.noneWeight), 0)}, the share of worlds with an anchor`);
  if (notes.length) out.push(notes.join('; '));
  // Only for a "?" the table shows: the overall crossings and each anchor's median.
  if ([...f.crossings, ...f.anchors.map((a) => medianCrossing(a.crossings))].some((c) => c.nearPlateau)) out.push(plateauNote(f.horizonYear));
  out.push(YEAR_NOTE);
  out.push('');
  out.push('Per anchor: P(by the end of year | anchor is right), and the date each reaches 50% (n/a: no worlds drew it)');
  const shown = [2030, 2040, 2050, 2070, f.horizonYear].filter((y, i, a) => y >= f.startYear && y <= f.horizonYear && a.indexOf(y) === i);
  const arows = [['anchor', 'weight', 'worlds', ...shown.map(String), `>${f.horizonYear}`, 'median']];
  for (const a of f.anchors) {
    const m = medianCrossing(a.crossings);
    arows.push([
      a.label,
      percent(a.weight, 0),
      count(a.worlds),
      ...shown.map((y) => percent(a.cdf[y - f.startYear])),
      percent(a.notByHorizon.p),
      crossingText(m, f.horizonYear),
    ]);
  }
  arows.push(['no anchor (never)', percent(f.noneWeight, 0), count(f.never.p * f.samples), ...shown.map(() => '0.0%'), '', 'never']);
  out.push(padTable(arows, ['l', 'r', 'r', ...shown.map(() => 'r' as const), 'r', 'r']));
  return `${out.join('\n')}\n`;
}
