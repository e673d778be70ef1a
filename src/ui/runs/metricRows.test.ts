import { describe, expect, it } from 'vitest';
import { metricRows } from './metricRows';

const m = (auc: number) => ({ auc, gauc: auc - 0.05, logloss: 0.7 });
const value = { base: m(0.6), din: m(0.62), dien: m(0.64) };

describe('a run’s metric rows', () => {
  it('list the three models, then BST only for a run that trained it', () => {
    expect(metricRows({ step: 40, value }).map((r) => r.model)).toEqual(['base', 'din', 'dien']);
    const rows = metricRows({ step: 40, value, bst: m(0.66) });
    expect(rows.map((r) => [r.model, r.metrics?.auc])).toEqual([
      ['base', 0.6],
      ['din', 0.62],
      ['dien', 0.64],
      ['bst', 0.66],
    ]);
  });

  it('before any evaluation: the three models with no numbers', () => {
    expect(metricRows(undefined)).toEqual([{ model: 'base' }, { model: 'din' }, { model: 'dien' }]);
  });
});
