import { describe, expect, it } from 'vitest';
import type { EmbeddingsResult } from '../../train/protocol';
import { fitAll, fittedFor, NO_FIT, refitOne } from './fitting';

/** Three goods in 3-D per model, spread along the axes (scaled by `s`). */
function embeddings(step: number, s = 1): EmbeddingsResult {
  const v = [
    [s, 0, 0],
    [0, 2 * s, 0],
    [0, 0, 3 * s],
  ];
  return { step, goods: [1, 2, 3], vectors: { base: v, din: v, dien: v } };
}

describe('frozen projections', () => {
  it('are fitted on the first reply for a version and then kept as the same objects', () => {
    const a = fitAll(NO_FIT, embeddings(0), 1);
    expect(a.version).toBe(1);
    expect(a.dien?.step).toBe(0);
    // Training moved the embeddings: the projection stays frozen (same object, nothing re-renders).
    expect(fitAll(a, embeddings(50, 3), 1)).toBe(a);
  });

  it('are refitted when the config version changes (new weights)', () => {
    const a = fitAll(NO_FIT, embeddings(0), 1);
    const b = fitAll(a, embeddings(0, 3), 2);
    expect(b.version).toBe(2);
    expect(b.dien).not.toBe(a.dien);
    expect(fittedFor(a, 2)).toBe(NO_FIT);
    expect(fittedFor(b, 2)).toBe(b);
  });

  it('a fit made before the first progress message belongs to the first version', () => {
    const a = fitAll(NO_FIT, embeddings(0), 0);
    expect(fittedFor(a, 1)).toBe(a);
    const b = fitAll(a, embeddings(30, 3), 1);
    expect(b.version).toBe(1);
    expect(b.dien).toBe(a.dien);
  });

  it('refit one model on the reader’s request, at the step of the embeddings shown', () => {
    const a = fitAll(NO_FIT, embeddings(0), 1);
    const b = refitOne(a, 'din', embeddings(80, 2));
    expect(b.din?.step).toBe(80);
    expect(b.dien).toBe(a.dien);
    expect(b.version).toBe(1);
  });
});
