import { describe, expect, it } from 'vitest';
import { CATALOGUE, goodByName } from '../world/catalogue';
import { DEFAULT_WORLD, simulateWorld } from '../world/simulator';
import { gapBucket } from '../world/gaps';
import type { World } from '../world/types';
import { makeBatch, singleBatch } from './batch';
import { buildDataset } from './samples';
import type { Sample } from './types';

const id = (n: string) => goodByName(n).id;
const i32 = (xs: number[]) => Int32Array.from(xs);

describe('samples carry time', () => {
  it("each prefix's times and its candidate's time come from the shopper's timestamps", () => {
    const world: World = {
      config: DEFAULT_WORLD,
      catalogue: CATALOGUE,
      shoppers: [{ id: 1, purchases: [1, 2, 3, 4], interests: [1, 1, 1, 1], times: [0, 2, 7, 30] }],
    };
    const { train, test } = buildDataset(world, { seed: 1 });
    expect(train.map((s) => [s.times, s.time])).toEqual([
      [[0], 2],
      [[0], 2],
      [[0, 2], 7],
      [[0, 2], 7],
    ]);
    expect(test.map((s) => [s.times, s.time])).toEqual([
      [[0, 2, 7], 30],
      [[0, 2, 7], 30],
    ]);
  });

  it('a shopper without times gives samples without times; mismatched times are refused', () => {
    const bare: World = {
      config: DEFAULT_WORLD,
      catalogue: CATALOGUE,
      shoppers: [{ id: 1, purchases: [1, 2, 3], interests: [1, 1, 1] }],
    };
    const s = buildDataset(bare, { seed: 1 }).train[0];
    expect('times' in s || 'time' in s).toBe(false);
    bare.shoppers[0].times = [0, 1];
    expect(() => buildDataset(bare, { seed: 1 })).toThrow(/times/);
  });

  it('timestamps change no id, label or negative of the data set', () => {
    const w = simulateWorld({ ...DEFAULT_WORLD, shoppers: 30 });
    const bare = { ...w, shoppers: w.shoppers.map(({ times: _t, ...rest }) => rest) };
    const strip = (xs: Sample[]) => xs.map(({ times: _t, time: _u, ...rest }) => rest);
    const a = buildDataset(w, { seed: 4 });
    const b = buildDataset(bare, { seed: 4 });
    expect(strip(a.train)).toEqual(b.train);
    expect(strip(a.test)).toEqual(b.test);
  });
});

describe('batches carry the gap of each behavior to the candidate', () => {
  const mouse = id('mouse');
  const tee = id('T-shirt');
  const wash = id('face wash');
  const kb = id('keyboard');
  const timed: Sample = {
    user: 1,
    history: [mouse, tee, wash, mouse],
    candidate: kb,
    label: 1,
    auxNegatives: [kb, kb, kb, 0],
    times: [0, 10, 19.5, 20],
    time: 20.5,
  };
  const untimed: Sample = { user: 2, history: [tee], candidate: kb, label: 0, auxNegatives: [0] };

  it('bucketised, truncated with the history, 1 without times, 0 for padding', () => {
    const b = makeBatch([timed, untimed], CATALOGUE, 3);
    // Kept: tee (10.5 days before), wash (1 day), mouse (0.5 days).
    expect(b.histGap).toEqual(i32([gapBucket(10.5), gapBucket(1), gapBucket(0.5), 1, 0, 0]));
    expect(b.histGap).toEqual(i32([5, 3, 2, 1, 0, 0]));
  });

  it('singleBatch takes the times of an edited history', () => {
    const b = singleBatch([mouse, tee], kb, CATALOGUE, 3, { times: [0, 3], now: 3 });
    expect(b.histGap).toEqual(i32([4, 2, 0]));
    expect(singleBatch([mouse], kb, CATALOGUE, 2).histGap).toEqual(i32([1, 0]));
    expect(() => singleBatch([mouse], kb, CATALOGUE, 2, { times: [0, 1], now: 2 })).toThrow();
  });
});
