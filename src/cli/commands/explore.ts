/**
 * `bioanchors explore`: one self-contained HTML file in which every belief of the scenarios given
 * is a control and the engine (the public API, bundled for the browser) recomputes the forecast in
 * a Web Worker. The command loads each scenario through the API (so a bad file is refused here, as
 * `run` refuses it), lists its controls, and inlines the prebuilt page and worker scripts with the
 * scenario and anchor files they read; it simulates nothing.
 */
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { inputPaths } from '../../api.js';
import { scenarioControls, type ScenarioControls } from '../../browser/controls.js';
import type { PageData } from '../../browser/page.js';
import { renderExploreHtml } from '../../browser/template.js';
import { files } from '../../io/files.js';
import { UsageError } from '../../io/errors.js';
import { exploreScripts } from '../../node/explore-bundles.js';
import { VERSION } from '../../version.js';
import type { CliContext } from '../context.js';
import { loadCliInput } from '../inputs.js';
import { prepareOutput, writeAtomic } from '../output.js';

export interface ExploreOptions {
  output?: string;
  samples: number;
  seed: number;
  quiet?: boolean;
}

/** The quick first forecast after each change; the page then refines to --samples worlds. */
export const FIRST_STAGE_WORLDS = 20_000;
/** Where the files sit in the page: the package's bundled ones, and everything else relative to the working folder. */
const PAGE_ROOT = '/bioanchors';
const PAGE_CWD = '/work';

const inside = (folder: string, path: string) => {
  const r = relative(folder, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

export function exploreCommand(ctx: CliContext, refs: string[], options: ExploreOptions): void {
  if (options.output === undefined) throw new UsageError('explore needs -o FILE.html: where to write the page');
  if (!['.html', '.htm'].includes(extname(options.output).toLowerCase()))
    throw new UsageError(`-o ${options.output}: the page is HTML; the file name must end in .html`);
  const scenarios = refs.length ? refs : ['cotra-2020'];
  if (new Set(scenarios).size !== scenarios.length) throw new UsageError('explore: each scenario once (the page switches between them and compares any two)');
  const inputs = scenarios.map((ref) => loadCliInput(ctx, ref, { set: [], quiet: options.quiet }));
  const target = prepareOutput(ctx, options.output, inputPaths(inputs))!;
  const root = files().root;
  // Paths inside the page: no folder of this machine is written into the file.
  const pagePath = (path: string) => (inside(root, path) ? join(PAGE_ROOT, relative(root, path)) : join(PAGE_CWD, relative(ctx.cwd, path)).replace(/\\/g, '/'));
  const texts: Record<string, string> = {};
  for (const input of inputs) {
    for (const f of input.loaded.files) texts[pagePath(f.path)] = new TextDecoder().decode(files().read(f.path));
  }
  const controls: ScenarioControls[] = inputs.map((input) => {
    const c = scenarioControls(input);
    // A file is loaded in the page by its path there; a bundled id as it is.
    const top = input.loaded.files[0].path;
    const bundledId = !/[\\/]|\.json$/.test(input.ref) && inside(root, top);
    return { ...c, load: bundledId ? input.ref : pagePath(resolve(ctx.cwd, top)) };
  });
  const scripts = exploreScripts();
  const data: PageData = {
    version: VERSION,
    worlds: options.samples,
    first: Math.min(FIRST_STAGE_WORLDS, options.samples),
    seed: options.seed,
    root: PAGE_ROOT,
    cwd: PAGE_CWD,
    scenarios: controls,
    texts,
  };
  const html = renderExploreHtml({ data, pageScript: scripts.page, workerScript: scripts.worker, title: `bioanchors explore: ${scenarios.join(', ')}` });
  writeAtomic(target, html);
  if (!options.quiet) {
    const kb = Math.round(Buffer.byteLength(html) / 1024);
    ctx.stderr.write(
      `wrote ${options.output} (${kb} KB; ${scenarios.length} scenario${scenarios.length > 1 ? 's' : ''}, ${controls.reduce((n, c) => n + c.controls.length, 0)} controls; seed ${options.seed}, ${options.samples} worlds): open it in a browser, offline\n`,
    );
  }
}
