/** The terminal chart: quarter y ticks, decade x ticks, optional anchor curves, 80 columns when the terminal says 0. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load.js';
import { planScenario } from '../../src/engine/plan.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize, type Forecast } from '../../src/engine/summary.js';
import { renderChart, yearAxis, yLabel } from '../../src/report/chart.js';

let f: Forecast;
beforeAll(() => {
  const plan = planScenario(loadScenario('cotra-2020').scenario);
  f = summarize(plan, simulate(plan, { samples: 5000, seed: 3 }), 3);
});

describe('terminal chart', () => {
  it('labels the y axis at 0, 25, 50, 75 and 100% only', () => {
    const labels = renderChart(f)
      .split('\n')
      .map((l) => l.slice(0, 6).trim())
      .filter((l) => l.endsWith('%'));
    expect(labels).toEqual(['100%', '75%', '50%', '25%', '0%']);
    expect(yLabel(100 / 3)).toBe('      ');
  });

  it('labels the x axis at decades, none crowding another', () => {
    const axis = renderChart(f).split('\n').at(-1)!;
    expect(axis.trim().split(/\s+/)).toEqual(['2030', '2040', '2050', '2060', '2070', '2080', '2090', '2100']);
    const narrow = yearAxis(2024, 2100, 20).trim().split(/\s+/);
    expect(narrow.length).toBeLessThan(8);
    expect(yearAxis(2024, 2100, 20)).not.toMatch(/\d{5}/);
  });

  it('uses 80 columns when the terminal reports 0', () => {
    expect(renderChart(f, { width: 0 })).toBe(renderChart(f, { width: 80 }));
    expect(
      Math.max(
        ...renderChart(f, { width: 0 })
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(80);
  });

  it('draws each anchor on request, labelled at its end and named below', () => {
    const plain = renderChart(f);
    const withAnchors = renderChart(f, { anchors: true });
    expect(plain).not.toMatch(/given each anchor/);
    expect(withAnchors).toMatch(/^P\(TAI by year\), %: all anchors, and given each anchor/);
    expect(withAnchors.split('\n').at(-1)).toBe(f.anchors.map((a, i) => `${i + 1} ${a.label}`).join(' · '));
    expect(withAnchors).toMatch(/\ball\b/);
    expect(withAnchors).not.toMatch(/\x1b\[/);
    expect(renderChart(f, { anchors: true, color: true })).toMatch(/\x1b\[/);
  });
});
