/**
 * The explore page's two scripts (the page, src/browser/page.ts, and its Web Worker,
 * src/browser/worker.ts), bundled for the browser. A build has them prebuilt (build.mjs writes
 * dist/bundle/explore/page.js and worker.js, found from this module's own URL), so
 * `bioanchors explore` only reads and inlines them; from source (tests) they are bundled now,
 * with the same options, so a test never inlines a stale build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Set by the bundler (build.mjs): the folder of the prebuilt scripts, relative to the chunk holding this code. */
declare const __BIOANCHORS_EXPLORE__: string | undefined;

export interface ExploreScripts {
  page: string;
  worker: string;
}

/** esbuild's options for both scripts (build.mjs passes the same). */
export const EXPLORE_BUILD = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  mainFields: ['browser', 'module', 'main'],
  logLevel: 'silent',
} as const;

let fromSource: ExploreScripts | undefined;

export function exploreScripts(): ExploreScripts {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    const folder = new URL(typeof __BIOANCHORS_EXPLORE__ === 'string' ? __BIOANCHORS_EXPLORE__ : './explore/', here);
    return { page: readFileSync(new URL('page.js', folder), 'utf8'), worker: readFileSync(new URL('worker.js', folder), 'utf8') };
  }
  if (fromSource) return fromSource;
  // esbuild is a development dependency: required only here, when running from source.
  const esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
  const bundle = (entry: string) =>
    esbuild.buildSync({ ...EXPLORE_BUILD, mainFields: [...EXPLORE_BUILD.mainFields], entryPoints: [fileURLToPath(new URL(entry, here))], write: false })
      .outputFiles[0].text;
  fromSource = { page: bundle('../browser/page.ts'), worker: bundle('../browser/worker.ts') };
  return fromSource;
}
