import { describe, expect, it } from 'vitest';
import type { ImportedWorld } from '../../data/import/types';
import { simulateWorld } from '../../world/simulator';
import { DEFAULT_PAGE } from '../state/defaults';
import { historyReducer, initHistory, setAction, timesOf } from '../state/historyReducer';
import { fileUserPreset, longestFileUser, randomShopperPreset } from './presets';

const world = { ...DEFAULT_PAGE.world, shoppers: 50, timeSignal: 0.1 };

/** A file with two users: only `shoppers` is read by the presets. */
const file = {
  shoppers: [
    { id: 1, purchases: [3, 4], times: [0, 1.5], start: 0 },
    { id: 2, purchases: [5, 6, 7], times: [0, 0.25, 9], start: 0 },
  ],
} as Pick<ImportedWorld, 'shoppers'> as ImportedWorld;

describe('presets with times', () => {
  it('a random shopper comes with its purchases’ times; the candidate’s is its last', () => {
    const p = randomShopperPreset(world, 0)!;
    const s = simulateWorld(world).shoppers[0];
    const n = s.purchases.length;
    expect(p.history).toEqual(s.purchases.slice(0, -1));
    expect(p.times).toEqual(s.times!.slice(0, -1));
    expect(p.candidateTime).toBe(s.times![n - 1]);
    // In the editor: the gap from each purchase to the candidate, which is shown at 0.
    const h = historyReducer(initHistory([]), setAction(p));
    expect(timesOf(h)).toEqual(s.times!.slice(0, -1).map((t) => t - s.times![n - 1]));
  });

  it('a timeless world’s shopper has times too (its data set’s samples carry them)', () => {
    const p = randomShopperPreset({ ...world, timeSignal: undefined }, 0)!;
    expect(p.times?.length).toBe(p.history.length);
  });

  it('a file’s users come with their times', () => {
    expect(longestFileUser(file)).toEqual({
      history: [5, 6],
      candidate: 7,
      times: [0, 0.25],
      candidateTime: 9,
    });
    expect(fileUserPreset(file, 0)).toEqual({
      history: [3],
      candidate: 4,
      times: [0],
      candidateTime: 1.5,
    });
  });
});
