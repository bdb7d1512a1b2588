/**
 * A published P(TAI by year) curve to draw beside a forecast: a CSV of year,p. A first row that
 * is not numbers is a header; probabilities are percentages when the header's second column says
 * so ("percent" or "%") or when any value exceeds 1, fractions otherwise.
 */
import { bundled } from './files.js';
import { InputError, type Problem } from './errors.js';
import { readInputText } from './load.js';

export interface ReferencePoint {
  year: number;
  p: number;
}

/** The best-guess curve of Cotra (2020)'s spreadsheet, shipped with the package (same file as tests/fixtures/reference). */
export const cotra2020Reference = (): string => bundled('reference', 'cotra-2020-best-guess-cdf.csv');

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
      problems.push({ file, line: i + 1, message: `expected "year,p" with a whole year and a probability; found "${line.length > 80 ? `${line.slice(0, 80)}…` : line}"` });
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
