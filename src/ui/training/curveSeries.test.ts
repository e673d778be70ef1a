import { describe, expect, it } from 'vitest';
import type { Curves } from '../state/types';
import { aucSeries, curvesHaveBst, lossSeries, seriesColor, seriesDash } from './curveSeries';

const m = (auc: number) => ({ auc, gauc: auc, logloss: 0.6 });
const curves: Curves = {
  version: 1,
  loss: [{ step: 5, loss: { base: 0.7, din: 0.69, dien: 1.9 }, aux: 1.2 }],
  test: [{ step: 5, test: { base: m(0.6), din: m(0.62), dien: m(0.65) } }],
};

describe('curve series', () => {
  it('draws DIEN’s target loss (total − α·aux) and the aux loss for the current run only', () => {
    const current = lossSeries(curves, 0.5);
    expect(current.map((s) => s.model)).toEqual(['base', 'din', 'dien', 'aux']);
    expect(current[2].points[0][1]).toBeCloseTo(1.9 - 0.5 * 1.2, 12);
    expect(current[3].points).toEqual([[5, 1.2]]);
    const run = { key: 2, label: 'Run 2', color: '#000' };
    const kept = lossSeries(curves, 0.5, run);
    expect(kept.map((s) => s.model)).toEqual(['base', 'din', 'dien']);
    expect(kept.every((s) => s.run === run)).toBe(true);
  });

  it('draws BST’s loss and AUC only for a run that trained it, with gaps where a point lacks it', () => {
    const bst: Curves = {
      version: 1,
      loss: [
        { ...curves.loss[0], bst: 0.66 },
        { step: 6, loss: { base: 0.7, din: 0.69, dien: 1.9 }, aux: 1.2 },
      ],
      test: [{ ...curves.test[0], bst: m(0.63) }],
    };
    expect(curvesHaveBst(curves)).toBe(false);
    expect(curvesHaveBst(bst)).toBe(true);
    const loss = lossSeries(bst, 0.5);
    expect(loss.map((s) => s.model)).toEqual(['base', 'din', 'dien', 'bst', 'aux']);
    expect(loss[3].points).toEqual([
      [5, 0.66],
      [6, NaN],
    ]);
    const run = { key: 3, label: 'Run 3', color: '#111' };
    const kept = aucSeries(bst, run);
    expect(kept.map((s) => s.model)).toEqual(['base', 'din', 'dien', 'bst']);
    expect(kept[3]).toEqual({ model: 'bst', run, points: [[5, 0.63]] });
    expect(seriesColor('bst')).toBe('#009E73');
    expect(
      new Set(['base', 'din', 'dien', 'bst', 'aux'].map((x) => seriesDash(x as 'bst'))).size,
    ).toBe(5);
  });

  it('draws each model’s test AUC at its step', () => {
    expect(aucSeries(curves).map((s) => s.points)).toEqual([[[5, 0.6]], [[5, 0.62]], [[5, 0.65]]]);
  });
});
