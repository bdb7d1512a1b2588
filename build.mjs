// Bundles the CLI (and its worker) with esbuild: one small file per lazily loaded command, so
// `bioanchors --help` loads no model code.
// The charting libraries (Vega, Vega-Lite) sit in their own chunk, loaded only by plot and report.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/node/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer dependencies' ES module builds (jsonc-parser's UMD build requires files at run time).
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: false,
  treeShaking: true,
  legalComments: 'none',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // resvg loads a platform-specific native binary (.node) at run time: left to Node to resolve.
  // Vega and Vega-Lite are bundled into the lazy chunk that plot and report load.
  // esbuild itself is required only when running from source (node/workers.ts bundles the worker then).
  external: ['@resvg/resvg-js', 'esbuild'],
  // The worker entry sits at the bundle's top, beside cli.js; the code that starts workers is in chunks/.
  define: { __BIOANCHORS_WORKER__: '"../worker.js"', __BIOANCHORS_EXPLORE__: '"../explore/"' },
  // Bundled CommonJS dependencies (commander) call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// The explore page's scripts, for the browser, with the options src/node/explore-bundles.ts uses
// from source (tsc has just compiled it): `bioanchors explore` only inlines them.
const { EXPLORE_BUILD } = await import('./dist/node/explore-bundles.js');
for (const name of ['page', 'worker']) {
  await build({
    ...EXPLORE_BUILD,
    mainFields: [...EXPLORE_BUILD.mainFields],
    logLevel: 'warning',
    entryPoints: [`src/browser/${name}.ts`],
    outfile: `dist/bundle/explore/${name}.js`,
  });
}
