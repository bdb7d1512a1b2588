/**
 * The import graph: dependencies run one way, random ← dist ← model ← engine ← io ← analyses ←
 * jobs ← api ← node ← cli, with report depending only on model (and on result types), and no
 * cycle anywhere (type-only imports included). docs/ARCHITECTURE.md draws the same picture.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Each folder's floor: a module may import modules on its floor or below. */
const FLOOR: Record<string, number> = {
  'version.ts': 0,
  random: 1,
  dist: 2,
  model: 3,
  engine: 4,
  io: 5,
  analyses: 6,
  jobs: 7,
  'api.ts': 8,
  api: 8,
  node: 9,
  // The explore page's scripts (page, worker) and what they share: adapters of the API to a browser, as node/ is to Node.
  browser: 9,
  report: 9,
  cli: 10,
  'index.ts': 11,
};

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const from = relative(SRC, file);
    const found = [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms), ...text.matchAll(/import\('([^']+)'\)/g)];
    for (const m of found) {
      const spec = m.length === 4 ? m[3] : m[1];
      if (!spec.startsWith('.')) continue;
      const to = relative(SRC, join(dirname(file), spec)).replace(/\.js$/, '.ts');
      out.push({ from, to, typeOnly: m.length === 4 && Boolean(m[2]) });
    }
  }
  return out;
}

const top = (path: string) => path.split('/')[0];
const floorOf = (path: string) => {
  const f = FLOOR[top(path)];
  if (f === undefined) throw new Error(`src/${path}: a folder the architecture does not know (add it to FLOOR and docs/ARCHITECTURE.md)`);
  return f;
};

describe('the import graph', () => {
  const graph = edges();

  it('finds the imports', () => {
    expect(graph.length).toBeGreaterThan(200);
    expect(graph.some((e) => e.from === 'cli/commands/run.ts' && e.to === 'api.ts')).toBe(true);
  });

  it('runs one way: no module imports a folder above its own', () => {
    const up = graph.filter((e) => {
      if (top(e.from) === top(e.to)) return false;
      // Report renders results: it may name engine and analysis result types, and use the leaf formatting helpers.
      if (top(e.from) === 'report') return !(e.typeOnly || floorOf(e.to) <= FLOOR.model || e.to === 'version.ts');
      // report/format.ts is a leaf (numbers and aligned tables, no imports): any layer may use it.
      if (e.to === 'report/format.ts') return false;
      if (top(e.to) === 'report') return floorOf(e.from) < FLOOR.api && !e.typeOnly;
      return floorOf(e.to) > floorOf(e.from);
    });
    expect(up.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('has report/format.ts as a leaf (type imports only)', () => {
    expect(graph.filter((e) => e.from === 'report/format.ts' && !e.typeOnly)).toEqual([]);
  });

  it('has no cycle, type-only imports included', () => {
    const next = new Map<string, string[]>();
    for (const e of graph) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const to of next.get(node) ?? []) visit(to, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of next.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('is described file by file in docs/ARCHITECTURE.md', () => {
    const page = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    expect(
      sources(SRC)
        .map((f) => relative(SRC, f))
        .filter((f) => !page.includes(`\`${f}\``)),
    ).toEqual([]);
  });

  it('keeps commands apart: no command imports another', () => {
    expect(graph.filter((e) => e.from.startsWith('cli/commands/') && e.to.startsWith('cli/commands/')).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });
});
