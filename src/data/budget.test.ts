import { describe, expect, it } from 'vitest';
import {
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
});
