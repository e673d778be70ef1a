import { describe, expect, it } from 'vitest';
import { heatmapKey, scoreKey, type Wanted } from './scoreKeys';

const base: Wanted = { history: [3, 5, 8], uids: [1, 2, 3], candidate: 7, atStep: null };

describe('score and heatmap keys', () => {
  it('a candidate-only change re-scores but keeps the heatmap', () => {
    const next = { ...base, candidate: 9 };
    expect(scoreKey(next)).not.toBe(scoreKey(base));
    expect(heatmapKey(next)).toBe(heatmapKey(base));
  });

  it('new uids for the same goods (a preset re-applied) re-score but keep the heatmap', () => {
    const next = { ...base, uids: [4, 5, 6] };
    expect(scoreKey(next)).not.toBe(scoreKey(base));
    expect(heatmapKey(next)).toBe(heatmapKey(base));
  });

  it('an edit of the history or a rewind changes both', () => {
    for (const next of [
      { ...base, history: [5, 3, 8] },
      { ...base, history: [3, 5], uids: [1, 2] },
      { ...base, atStep: 40 },
    ]) {
      expect(scoreKey(next)).not.toBe(scoreKey(base));
      expect(heatmapKey(next)).not.toBe(heatmapKey(base));
    }
  });

  it('live and a rewind to step 0 differ', () => {
    expect(heatmapKey({ ...base, atStep: 0 })).not.toBe(heatmapKey(base));
  });
});
