/**
 * What every chart shares: the palette, dash patterns, fonts, the caption, and the step from a
 * Vega-Lite spec to an SVG string (Vega's headless renderer: no browser, no canvas).
 *
 * Colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), readable with
 * every common colour-vision deficiency; series also differ by dash pattern, so a greyscale print
 * still tells them apart.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Okabe–Ito, black first, ordered so neighbours differ in lightness too. */
export const OKABE_ITO = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;
/** The palette without black (black is kept for totals and affordable compute). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;
/** Stroke dash patterns, [] first (solid). */
export const DASHES: number[][] = [[], [8, 4], [2, 3], [8, 3, 2, 3], [12, 3], [4, 4], [1, 2], [10, 2, 2, 2, 2, 2]];
export const REFERENCE_GREY = '#555555';

export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';
export const WIDTH = 640;
export const HEIGHT = 380;

/** "100,000" without Intl (deterministic, and no locale data). */
import { count } from '../format.js';

export { count };

export interface RunInfo {
  seed: number;
  /** Simulated worlds behind the chart. */
  samples: number;
  version: string;
  /**
   * What the command line changed from the scenario's files, as typed (--set, --horizon) and any
   * conditioning (--given-observed, --given-no-tai-by): shown under the title, as the tables do.
   */
  overrides?: readonly string[];
}

/** The caption every chart carries: the seed and the number of worlds, and what made it. */
export function caption(info: RunInfo, extra = ''): string {
  return `seed ${info.seed} · ${count(info.samples)} simulated worlds · bioanchors ${info.version}${extra ? ` · ${extra}` : ''}`;
}

/** The subtitle line that says what the command line changed, if anything (the tables' "Changed on the command line"). */
export function changedLine(info: RunInfo): string[] {
  return info.overrides?.length ? [`Changed on the command line: ${info.overrides.join(' · ')}`] : [];
}

/** The shared look: fonts large enough to read, no chart border, light grid. */
export const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 17, subtitleFontSize: 13, anchor: 'start', offset: 12, subtitleColor: '#333333' },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    gridColor: '#e4e4e4',
    domainColor: '#444444',
    tickColor: '#444444',
    labelColor: '#222222',
    titleColor: '#222222',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 180, symbolStrokeWidth: 2.5, labelLimit: 1000, titleLimit: 1000 },
  header: { labelFontSize: 13, titleFontSize: 13 },
  text: { fontSize: 12, font: FONT },
  concat: { spacing: 8 },
} as const;

/**
 * Wraps a chart with its title and a caption line underneath (a text-only view), and the shared
 * config. `chart` is any Vega-Lite view (single, layered or concatenated) of width `width`.
 */
export function framed(title: string, subtitle: string | string[], chart: Record<string, unknown>, captionText: string, width = WIDTH): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CONFIG,
    vconcat: [
      chart,
      {
        width,
        height: 16,
        data: { values: [{ caption: captionText }] },
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: '#333333' },
        encoding: { text: { field: 'caption' }, x: { value: 0 }, y: { value: 8 } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/**
 * Renders a Vega-Lite spec to SVG. Vega and Vega-Lite load here, on first use, so commands that
 * draw nothing never pay for them. `idPrefix` makes the SVG's element ids unique, so several
 * charts can sit inline in one HTML page without their clip paths colliding.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  // Without a canvas Vega guesses text widths at 0.8 em a character, which leaves wide empty
  // margins; this table of DejaVu Sans widths (the font the charts ask for first) lays text out
  // close to how it is drawn. Deterministic, like Vega's own guess.
  // (Both are exported by vega-scenegraph through vega, but missing from vega's type declarations.)
  const scenegraph = vega as unknown as { textMetrics: { width: (item: never, text?: unknown) => number }; resetSVGDefIds(): void };
  scenegraph.textMetrics.width = (item: { text?: unknown; fontSize?: number; fontWeight?: string | number }, text?: unknown) =>
    textWidth(String(text ?? item.text ?? ''), item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
  scenegraph.resetSVGDefIds();
  // Vega-Lite's and Vega's warnings go nowhere: a chart is checked by its tests, not at run time.
  const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet } as unknown as Parameters<
    typeof vl.compile
  >[1] extends infer O
    ? O extends { logger?: infer L }
      ? L
      : never
    : never;
  const view = new vega.View(vega.parse(vl.compile(spec, { logger: quiet }).spec), { renderer: 'none', logLevel: vega.None });
  try {
    const svg = await view.toSVG();
    return prefixIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/** Approximate advance widths of DejaVu Sans, in em (Bitstream Vera metrics, rounded). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (" .,:;'|!".includes(ch)) em += 0.32;
    else if ('iljtfrI()[]-'.includes(ch)) em += 0.38;
    else if ('mwMW%'.includes(ch)) em += 0.95;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else if (ch === '·' || ch === '–') em += 0.5;
    else em += 0.62;
  }
  return Math.ceil(em * fontSize * (bold ? 1.15 : 1.03));
}

/** Prefixes every id="…" and its url(#…) / href="#…" references. */
export function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/** A title-safe scenario name: "Cotra (2020) best guess [cotra-2020]". */
export const scenarioName = (label: string, id: string): string => `${label} [${id}]`;
