import { describe, expect, it } from 'vitest';
import { buildDataset } from '../data/samples';
import { DEFAULT_WORLD, simulateWorld, timeWorld } from '../world/simulator';
import { scrambleTimes } from './bstLab';

describe('scrambleTimes', () => {
  const world = simulateWorld({ ...timeWorld(DEFAULT_WORLD), shoppers: 200 });
  const test = buildDataset(world, { seed: 1 }).test;
  const scrambled = scrambleTimes(test, 3);

  it('keeps every id and label, and moves timestamps only between equal-length histories', () => {
    expect(scrambled.map(({ times: _t, time: _u, ...rest }) => rest)).toEqual(
      test.map(({ times: _t, time: _u, ...rest }) => rest),
    );
    scrambled.forEach((s) => expect(s.times).toHaveLength(s.history.length));
    // A permutation: each length group's timestamps are the same multiset as before.
    const key = (xs: typeof test) =>
      xs.map((s) => `${s.history.length}:${s.times!.join()}:${s.time}`).sort();
    expect(key(scrambled)).toEqual(key(test));
    const moved = scrambled.filter((s, i) => s.time !== test[i].time).length;
    expect(moved).toBeGreaterThan(test.length / 2);
  });
});
