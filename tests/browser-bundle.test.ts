/**
 * The API runs in a browser: bundled for the browser platform, no Node module is reachable from
 * src/api.ts (files and workers are injected), and the bundle computes the same forecast as Node
 * from files held in memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the API in a browser bundle', () => {
  it('bundles for the browser with no Node module, and forecasts from in-memory files as Node does', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src', 'api.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || p.includes('src/node/') || p.includes('src/cli/'))).toEqual([]);
    // Node's globals are not in a browser either (a library calling Buffer.from at load breaks a page).
    expect(result.outputFiles[0].text).not.toMatch(/\bBuffer\b/);
    // The bundle, loaded as a module, with the package's files in memory under a virtual root.
    const texts: Record<string, string> = {};
    for (const folder of ['scenarios', 'anchors']) {
      for (const name of readdirSync(join(ROOT, folder))) texts[`/bioanchors/${folder}/${name}`] = readFileSync(join(ROOT, folder, name), 'utf8');
    }
    const files = await import('../src/io/files.js');
    const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
    const api = (await import(url)) as typeof import('../src/api.js');
    // The bundle has its own copy of io/files.ts: install the in-memory files there.
    (api as unknown as { useFiles: typeof files.useFiles }).useFiles(files.memoryFiles('/bioanchors', texts));
    const input = api.loadInput('cotra-2020', { cwd: '/work' });
    const inBrowser = await api.forecast(input, { samples: 50_000, seed: 3 });
    const node = await import('../src/api.js');
    const onDisk = await node.forecast(node.loadInput('cotra-2020'), { samples: 50_000, seed: 3 });
    expect(inBrowser.forecast.cdf).toEqual(onDisk.forecast.cdf);
    // The same files, so the same hashes in the manifest.
    expect(inBrowser.manifest.files).toEqual(onDisk.manifest.files);
  });
});
