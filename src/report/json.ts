/** The forecast as JSON, with the run's manifest (what produced it) for reproducibility. */
import type { Forecast } from '../engine/summary.js';

export interface Manifest {
  tool: string;
  version: string;
  scenario: string;
  seed: number;
  samples: number;
  /** Inputs read, with their SHA-256, so a result can be matched to its files. */
  files: { path: string; sha256: string }[];
  sets: string[];
  /** How year rows and dates read (engine/years.ts). */
  yearConvention: string;
  /** The precision asked for with --target-se, if any. */
  targetSe?: { probability?: number; medianYears?: number };
  /** Set when the results are conditioned on no TAI by this year. */
  givenNoTaiBy?: number;
  /** Set when the worlds are weighted by observations (--given-observed). */
  givenObserved?: { file: string; observationErrorOom: number };
  /** How several scenarios' draws relate (compare, sensitivity). */
  pairing?: string;
}

/** The forecast's numbers as a JSON-ready object (shared by run and compare). */
export function forecastBody(f: Forecast): Record<string, unknown> {
  const crossings = (cs: Forecast['crossings']) =>
    cs.map((c) => ({ level: c.level, status: c.status, year: c.year === null ? null : round(c.year), firstYear: c.firstYear, se: c.se === null ? null : round(c.se), ...(c.nearPlateau ? { nearPlateau: true } : {}) }));
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
  return Number.isFinite(x) ? Number(x.toPrecision(10)) : null;
}
