import { describe, expect, it } from 'vitest';
import { Rng } from '../world/random';
import { DEFAULT_WORLD, simulateWorld } from '../world/simulator';
import type { World } from '../world/types';
import { buildDataset, sampleOther, shuffleSamples } from './samples';

const world = simulateWorld({ ...DEFAULT_WORLD, shoppers: 200 });
const N = world.catalogue.goods.length;

describe('buildDataset', () => {
  it('is deterministic from the seed', () => {
    const a = buildDataset(world, { seed: 3 });
    const b = buildDataset(world, { seed: 3 });
    const c = buildDataset(world, { seed: 4 });
    expect(a).toEqual(b);
    expect(a.train.map((s) => s.candidate)).not.toEqual(c.train.map((s) => s.candidate));
  });

  it('follows the protocol on a hand example', () => {
    const tiny: World = {
      ...world,
      shoppers: [{ id: 9, purchases: [5, 6, 7, 8], interests: [1, 1, 1, 1] }],
    };
    const { train, test } = buildDataset(tiny, { seed: 1 });
    // Prefixes of length 1 and 2 train, length 3 (the last position) tests; one pos + one neg each.
    expect(train.map((s) => [s.history, s.label])).toEqual([
      [[5], 1],
      [[5], 0],
      [[5, 6], 1],
      [[5, 6], 0],
    ]);
    expect(test.map((s) => [s.user, s.history, s.label])).toEqual([
      [9, [5, 6, 7], 1],
      [9, [5, 6, 7], 0],
    ]);
    expect(train[0].candidate).toBe(6);
    expect(train[2].candidate).toBe(7);
    expect(test[0].candidate).toBe(8);
    // Aux negatives align with the history; the last entry of each prefix is unused (0).
    expect(train[0].auxNegatives).toEqual([0]);
    expect(train[2].auxNegatives[1]).toBe(0);
    expect(train[2].auxNegatives[0]).not.toBe(6);
    expect(test[0].auxNegatives.length).toBe(3);
    expect(test[0].auxNegatives[0]).not.toBe(6);
    expect(test[0].auxNegatives[1]).not.toBe(7);
    expect(test[0].auxNegatives[2]).toBe(0);
    // minPrefix drops the short prefixes.
    expect(buildDataset(tiny, { seed: 1, minPrefix: 2 }).train.map((s) => s.history)).toEqual([
      [5, 6],
      [5, 6],
    ]);
  });

  it('never samples the positive as a negative, nor the real next item as an aux negative', () => {
    const { train, test } = buildDataset(world, { seed: 11 });
    const all = [...train, ...test];
    // Count violations instead of one expect per element: ~50k samples.
    const bad: string[] = [];
    for (let i = 0; i < all.length; i += 2) {
      const pos = all[i];
      const neg = all[i + 1];
      if (pos.label !== 1 || neg.label !== 0) bad.push(`labels at ${i}`);
      if (neg.history !== pos.history) bad.push(`history pair at ${i}`);
      if (neg.candidate === pos.candidate) bad.push(`negative = positive at ${i}`);
      if (!(neg.candidate >= 1 && neg.candidate <= N)) bad.push(`negative id at ${i}`);
    }
    for (const s of all) {
      if (s.auxNegatives.length !== s.history.length) bad.push('aux length');
      if (s.auxNegatives[s.history.length - 1] !== 0) bad.push('aux last entry');
      for (let t = 0; t + 1 < s.history.length; t++) {
        const a = s.auxNegatives[t];
        if (a === s.history[t + 1]) bad.push(`aux negative = next item (user ${s.user})`);
        if (!(a >= 1 && a <= N)) bad.push(`aux id ${a}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('does not leak test positions into training', () => {
    const { train, test } = buildDataset(world, { seed: 5 });
    const lastLen = new Map(world.shoppers.map((s) => [s.id, s.purchases.length - 1]));
    for (const s of test) expect(s.history.length).toBe(lastLen.get(s.user));
    const trainKeys = new Set(train.map((s) => `${s.user}:${s.history.length}`));
    for (const s of test) expect(trainKeys.has(`${s.user}:${s.history.length}`)).toBe(false);
    for (const s of train) expect(s.history.length).toBeLessThan(lastLen.get(s.user)!);
    expect(test.length).toBe(2 * world.shoppers.length);
    const positions = world.shoppers.reduce((a, s) => a + s.purchases.length - 1, 0);
    expect(train.length + test.length).toBe(2 * positions);
  });
});

describe('sampleOther', () => {
  it('is uniform over the other goods', () => {
    const rng = new Rng(2);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 40_000; i++) counts[sampleOther(rng, 5, 3) - 1]++;
    expect(counts[2]).toBe(0);
    for (const i of [0, 1, 3, 4]) expect(Math.abs(counts[i] / 40_000 - 0.25)).toBeLessThan(0.01);
  });
});

describe('shuffleSamples', () => {
  it('returns a seeded permutation without touching the input', () => {
    const { test } = buildDataset(world, { seed: 1 });
    const copy = test.slice();
    const a = shuffleSamples(test, 8);
    expect(test).toEqual(copy);
    expect(a).toEqual(shuffleSamples(test, 8));
    expect(a).not.toEqual(test);
    expect(new Set(a)).toEqual(new Set(test));
  });
});
