/** The forecast as JSON, with the run's manifest (what produced it) for reproducibility. */
import type { Forecast } from '../engine/summary.js';
import { significant } from './format.js';

import type { Manifest } from '../model/manifest.js';

export type { Manifest };

/** The forecast's numbers as a JSON-ready object (shared by run and compare). */
export function forecastBody(f: Forecast): Record<string, unknown> {
  const crossings = (cs: Forecast['crossings']) =>
    cs.map((c) => ({
      level: c.level,
      status: c.status,
      year: c.year === null ? null : round(c.year),
      firstYear: c.firstYear,
      se: c.se === null ? null : round(c.se),
      ...(c.nearPlateau ? { nearPlateau: true } : {}),
    }));
  return {
    scenario: { id: f.scenarioId, label: f.scenarioLabel },
    startYear: f.startYear,
    horizonYear: f.horizonYear,
    years: f.years,
    pTaiByYear: f.cdf.map(round),
    se: f.se.map(round),
    notByHorizon: { p: round(f.notByHorizon.p), se: round(f.notByHorizon.se) },
    never: { p: round(f.never.p), se: round(f.never.se) },
    crossings: crossings(f.crossings),
    anchors: f.anchors.map((a) => ({
      id: a.id,
      label: a.label,
      weight: a.weight,
      worlds: a.worlds,
      pTaiByYear: a.cdf.map(round),
      se: a.se.map(round),
      notByHorizon: { p: round(a.notByHorizon.p), se: round(a.notByHorizon.se) },
      crossings: crossings(a.crossings),
    })),
    noAnchorWeight: f.noneWeight,
    ...(f.condition ? { condition: f.condition } : {}),
    ...(f.observed ? { observed: f.observed } : {}),
  };
}

export function renderJson(f: Forecast, manifest: Manifest): string {
  return `${JSON.stringify({ manifest, ...forecastBody(f) }, null, 2)}\n`;
}

export function round(x: number): number | null {
  return significant(x, 10);
}
