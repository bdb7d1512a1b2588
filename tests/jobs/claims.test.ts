/**
 * The chunk counter in a page that is not cross-origin isolated (file://, or served without
 * COOP/COEP headers), where SharedArrayBuffer is not defined: a plain buffer, claimed as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimBatches, NEXT_CHUNK, sharedCounter } from '../../src/jobs/claims.js';

describe('sharedCounter', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('falls back to a plain buffer without SharedArrayBuffer, and claims every chunk once', () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    const next = sharedCounter(2, 9);
    expect(next.buffer).toBeInstanceOf(ArrayBuffer);
    expect(next[NEXT_CHUNK]).toBe(2);
    const batches: [number, number][] = [];
    claimBatches({ next, endChunk: 9, batchChunks: 3 }, (first, end) => batches.push([first, end]));
    expect(batches).toEqual([
      [2, 5],
      [5, 8],
      [8, 9],
    ]);
  });

  it('is shared where SharedArrayBuffer exists (Node, isolated pages)', () => {
    expect(sharedCounter(0, 1).buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
