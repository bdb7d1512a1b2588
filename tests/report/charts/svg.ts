/** Reading an SVG the way the tests need: texts, the paths of a mark, bad numbers. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'"),
  );
}

/** Texts of one role, e.g. 'legend-label', 'axis-title', 'title-text'. */
export function textsOf(svg: string, role: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(new RegExp(`<g class="mark-text role-${role}[^"]*"[^>]*>(.*?)</g>`, 'g'))) out.push(...texts(m[1]));
  return out;
}

/** The number of <path> elements drawn by the marks whose class contains `name` (one per series for lines and areas). */
export function markPaths(svg: string, name: string): number {
  let n = 0;
  for (const m of svg.matchAll(new RegExp(`<g class="mark-[a-z]+ role-mark ${name}"[^>]*>(.*?)</g>`, 'g'))) n += (m[1].match(/<path/g) ?? []).length;
  return n;
}

/** Every number in the drawing's coordinates is finite. */
export function hasBadNumbers(svg: string): boolean {
  return /NaN|Infinity|undefined/.test(svg);
}
