/**
 * A published P(TAI by year) curve to draw beside a forecast: a CSV of year,p. A first row that
 * is not numbers is a header; probabilities are percentages when the header's second column says
 * so ("percent" or "%") or when any value exceeds 1, fractions otherwise.
 */
import { bundled } from './files.js';
import { InputError, type Problem } from './errors.js';
import { readInputText } from './load.js';
import { PACKAGE_PATH_PREFIX } from './paths.js';

export interface ReferencePoint {
  year: number;
  p: number;
}

/** The best-guess curve of Cotra (2020)'s spreadsheet, shipped with the package (same file as tests/fixtures/reference). */
export const cotra2020Reference = (): string => bundled('reference', 'cotra-2020-best-guess-cdf.csv');
/** Cotra's stated 2022 probabilities (four points; the file's comments give the source). */
export const cotra2022Stated = (): string => bundled('reference', 'cotra-2022-stated.csv');

/** A published forecast that is the reference for a bundled scenario, drawn and tabled beside it. */
export interface BundledReference {
  /** The bundled scenario files (under scenarios/) it is the reference for, unmodified. */
  scenarios: readonly string[];
  /** The reference file (a function: where the package is depends on the installed files). */
  file: () => string;
  /** Shown in legends and as the table's column. */
  label: string;
  /** A year-by-year curve is drawn as a line; a few stated numbers as points. */
  marks: 'line' | 'points';
  /** Stated as "~15%": shown rounded, with the "~". */
  approximate: boolean;
  /** Why it is not shown when --set changed the scenario ("No reference …: <why> <id>, which --set changed"). */
  leftOut: (scenarioFile: string) => string;
}

export const BUNDLED_REFERENCES: readonly BundledReference[] = [
  {
    scenarios: ['cotra-2020.json'],
    file: cotra2020Reference,
    label: 'Cotra (2020) spreadsheet',
    marks: 'line',
    approximate: false,
    leftOut: (s) => `No reference curve: the report's spreadsheet curve is that of the unmodified ${s}, which --set changed`,
  },
  {
    // Her view, as Rethink Priorities encodes it (rp-2022, and cotra-2022 under her name) and as
    // fitted to these very numbers (cotra-2022-fit).
    scenarios: ['cotra-2022.json', 'rp-2022.json', 'cotra-2022-fit.json'],
    file: cotra2022Stated,
    label: 'Cotra (2022), stated',
    marks: 'points',
    approximate: true,
    leftOut: (s) => `No reference points: Cotra's stated 2022 numbers are shown beside the unmodified ${s}, which --set changed`,
  },
];

/** What a forecast is drawn and tabled beside: a published curve or stated points. */
export interface LoadedReference {
  label: string;
  points: ReferencePoint[];
  marks: 'line' | 'points';
  approximate: boolean;
}

/**
 * The reference of a run, from the files it read (as manifests show them: "bioanchors:scenarios/…"
 * for the package's own) and its overrides: only a bundled scenario read wholly from the package
 * has one, so a file of the user's that reuses the id gets none; after a --set it has none either,
 * and `leftOut` says why (a --horizon, horizonYear=…, changes no year a reference has).
 */
export function bundledReferenceFor(files: readonly string[], sets: readonly string[]): { reference?: LoadedReference; leftOut?: string } {
  const bundled = files.length > 0 && files.every((f) => f.startsWith(PACKAGE_PATH_PREFIX));
  const scenarioFile = files[0]?.startsWith(`${PACKAGE_PATH_PREFIX}scenarios/`) ? files[0].slice(`${PACKAGE_PATH_PREFIX}scenarios/`.length) : undefined;
  const entry = bundled && scenarioFile ? BUNDLED_REFERENCES.find((r) => r.scenarios.includes(scenarioFile)) : undefined;
  if (!entry) return {};
  if (sets.some((s) => !s.startsWith('horizonYear='))) return { leftOut: entry.leftOut(scenarioFile!.replace(/\.json$/, '')) };
  return { reference: { label: entry.label, points: readReferenceCsv(entry.file()), marks: entry.marks, approximate: entry.approximate } };
}

export function parseReferenceCsv(file: string, text: string): ReferencePoint[] {
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  const rows: { line: number; year: number; value: number }[] = [];
  let percent = false;
  let first = true;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const year = Number(cells[0]);
    const value = Number(cells[1]);
    const header = first && !Number.isFinite(year);
    first = false;
    if (header) {
      percent = /percent|%/i.test(cells[1] ?? '');
      return;
    }
    if (cells.length < 2 || cells[0] === '' || cells[1] === '' || !Number.isInteger(year) || !Number.isFinite(value)) {
      problems.push({
        file,
        line: i + 1,
        message: `expected "year,p" with a whole year and a probability; found "${line.length > 80 ? `${line.slice(0, 80)}…` : line}"`,
      });
      return;
    }
    if (year < 1900 || year > 3000) {
      problems.push({ file, line: i + 1, message: `year ${year} is outside 1900–3000, the years a scenario can cover` });
      return;
    }
    rows.push({ line: i + 1, year, value });
  });
  if (problems.length) throw new InputError(problems.slice(0, 5));
  if (rows.length < 2) throw new InputError([{ file, message: 'a reference curve needs at least two rows of year,p' }]);
  if (!percent && rows.some((r) => r.value > 1)) percent = true;
  const scale = percent ? 0.01 : 1;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const p = r.value * scale;
    if (p < 0 || p > 1) problems.push({ file, line: r.line, message: `probability ${r.value}${percent ? '%' : ''} is outside ${percent ? '0–100%' : '0–1'}` });
    if (k > 0 && r.year <= rows[k - 1].year) problems.push({ file, line: r.line, message: `years must increase; ${r.year} follows ${rows[k - 1].year}` });
  }
  if (problems.length) throw new InputError(problems.slice(0, 5));
  return rows.map((r) => ({ year: r.year, p: r.value * scale }));
}

export function readReferenceCsv(path: string, shownAs = path): ReferencePoint[] {
  let text: string;
  try {
    // As every input file: a folder, a binary or UTF-16 file, a huge file are named as such.
    text = readInputText(path);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.problems.map((p) => ({ ...p, file: shownAs })));
    throw error;
  }
  return parseReferenceCsv(shownAs, text);
}
