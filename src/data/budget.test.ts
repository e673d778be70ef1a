import { describe, expect, it } from 'vitest';
import {
  bstStepCells,
  bstStepWork,
  fitBudget,
  historyCells,
  MAX_HISTORY_CELLS,
  MAX_STEP_CELLS,
  MAX_STEP_WORK,
  stepCells,
  stepWork,
} from './budget';

const DEFAULTS = {
  world: { shoppers: 1500, minHistory: 8, maxHistory: 30 },
  model: { T: 20, embDim: 6 },
  train: { batchSize: 64 },
};

describe('resource budgets', () => {
  it('count the data set by hand: 2 arrays × Σ over prefixes', () => {
    // Histories of exactly 3: prefixes of 1 and 2, each a history and its negatives: 6 cells.
    expect(historyCells({ shoppers: 10, minHistory: 3, maxHistory: 3 })).toBe(60);
    // n uniform on 1..2: n(n − 1) is 0 or 2, so 1 cell a shopper on average.
    expect(historyCells({ shoppers: 4, minHistory: 1, maxHistory: 2 })).toBe(4);
    expect(stepCells(DEFAULTS)).toBe(64 * 20 * 18);
    expect(stepWork(DEFAULTS)).toBe(64 * 20 * 18 * 18);
  });

  it('leave the default settings alone', () => {
    expect(fitBudget(DEFAULTS)).toEqual({ settings: DEFAULTS, caps: [] });
  });

  it('cap the shoppers of the link that crashed the tab, and say which setting and what limit', () => {
    const big = { ...DEFAULTS, world: { shoppers: 20000, minHistory: 200, maxHistory: 200 } };
    const { settings, caps } = fitBudget(big);
    expect(historyCells(settings.world)).toBeLessThanOrEqual(MAX_HISTORY_CELLS);
    // 200 × 199 cells a shopper: 16 M / 39,800 = 402 shoppers.
    expect(settings.world.shoppers).toBe(402);
    expect(caps).toHaveLength(1);
    expect(caps[0]).toMatchObject({ setting: 'shoppers', asked: 20000, kept: 402 });
    expect(caps[0].message).toMatch(
      /20000 shoppers with histories of 200–200 would need ~3980 MB .*kept 402 shoppers/,
    );
  });

  it('cap the batch when one step would not fit', () => {
    const big = { ...DEFAULTS, model: { T: 100, embDim: 64 }, train: { batchSize: 2048 } };
    const { settings, caps } = fitBudget(big);
    expect(stepCells(settings)).toBeLessThanOrEqual(MAX_STEP_CELLS);
    expect(stepWork(settings)).toBeLessThanOrEqual(MAX_STEP_WORK);
    // D = 192: the work limit binds, 40 M / (100 · 192²) = 10.85.
    expect(settings.train.batchSize).toBe(10);
    expect(caps.map((c) => c.setting)).toEqual(['batch']);
  });

  it('count BST’s step by hand: tokens of width d = 4·emb, heads·(T + 1)² scores', () => {
    // T 3, emb 2, batch 2, 1 head: L = 4 tokens of d = 8, f = 32: 4·8·(32 + 64) = 3072
    // multiply-adds in the projections and feed-forward, 2·16·8 = 256 in the scores and sum.
    const c = { model: { T: 3, embDim: 2 }, train: { batchSize: 2 }, bst: { heads: 1 } };
    expect(bstStepWork(c)).toBeCloseTo(2 * ((3072 + 256) / 23 + 2.7 * 16), 9);
    // 520 bytes per token value (4·8), 108 per score (16), over 800 bytes a cell.
    expect(bstStepCells(c)).toBeCloseTo((2 * (520 * 32 + 108 * 16)) / 800, 9);
    // Two heads double the scores only; a wider feed-forward adds to the multiply-adds only.
    const two = { ...c, bst: { heads: 2 } };
    expect(bstStepCells(two) - bstStepCells(c)).toBeCloseTo((2 * 108 * 16) / 800, 9);
    const wide = { ...c, bst: { heads: 1, ffnHidden: 64 } };
    expect(bstStepWork(wide) - bstStepWork(c)).toBeCloseTo((2 * 4 * 8 * 2 * 32) / 23, 9);
    expect(bstStepCells(wide)).toBe(bstStepCells(c));
    // Without BST, nothing; and the step totals carry BST's share.
    expect(bstStepCells({ ...c, bst: undefined })).toBe(0);
    expect(stepCells(c)).toBeCloseTo(2 * 3 * 6 + bstStepCells(c), 9);
    expect(stepWork(c)).toBeCloseTo(2 * 3 * 36 + bstStepWork(c), 9);
  });

  it('leave the defaults alone with BST on', () => {
    const bst = { ...DEFAULTS, bst: { heads: 2 } };
    expect(fitBudget(bst).caps).toEqual([]);
  });

  it('cap the batch of a long history that fits without BST, and name BST', () => {
    const long = { ...DEFAULTS, model: { T: 200, embDim: 6 } };
    // Without BST: 64 · 200 · 18 = 230,400 cells and 4.1 M units: it fits.
    expect(fitBudget(long).caps).toEqual([]);
    const { settings, caps } = fitBudget({ ...long, bst: { heads: 1 } });
    // Per example: 3,600 cells for the three models; BST's 201 tokens of 24 and 201² scores,
    // (520 · 4,824 + 108 · 40,401) / 800 = 8,590: 300 k / 12,190 = 24.6, memory binds first.
    expect(settings.train.batchSize).toBe(24);
    expect(stepCells(settings)).toBeLessThanOrEqual(MAX_STEP_CELLS);
    expect(stepWork(settings)).toBeLessThanOrEqual(MAX_STEP_WORK);
    expect(caps).toHaveLength(1);
    expect(caps[0]).toMatchObject({ setting: 'batch', asked: 64, kept: 24 });
    expect(caps[0].message).toMatch(
      /^batch 64 × T 200 × embeddings 3×6 with BST \(1 head of self-attention over 201 tokens\) is too much for one step \(~624 MB, BST ~440 MB of it\); kept batch 24/,
    );
    // Two heads: twice the scores, a smaller batch still.
    expect(fitBudget({ ...long, bst: { heads: 2 } }).settings.train.batchSize).toBe(17);
  });
});
