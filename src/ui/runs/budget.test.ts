import { describe, expect, it } from 'vitest';
import type { WeightsSnapshot } from '../../train/protocol';
import { fitRuns, keptBytes, snapshotBytes, thinned } from './budget';

/** A snapshot of `floats` float32 values (4 bytes each) in one tensor of DIN. */
function snap(step: number, floats: number, moments = 0): WeightsSnapshot {
  const values = new Float32Array(floats);
  return {
    step,
    tensors: { base: [], din: [{ name: 'w', shape: [floats], values }], dien: [] },
    ...(moments
      ? {
          training: {
            optimizer: {
              base: { iterations: 1, moments: [] },
              din: {
                iterations: 1,
                moments: [{ name: 'm', shape: [moments], values: new Float32Array(moments) }],
              },
              dien: { iterations: 1, moments: [] },
            },
            data: {} as never,
          },
        }
      : {}),
  };
}

describe('the runs budget', () => {
  it('counts the bytes of every Float32Array: weights, moments, snapshots', () => {
    expect(snapshotBytes(snap(10, 25, 50))).toBe(4 * 75);
    expect(
      keptBytes({ id: 1, weights: snap(10, 25, 50), rewind: [snap(2, 25), snap(6, 25)] }),
    ).toBe(300 + 200);
  });

  it('counts the bug lab’s twins too: their weights and their moments', () => {
    const base = snap(10, 25, 50);
    const m = { name: 'm', shape: [7], values: new Float32Array(7) };
    const withTwins: WeightsSnapshot = {
      ...base,
      twins: { 'paddingLeak|din': [{ name: 'w', shape: [5], values: new Float32Array(5) }] },
      training: {
        ...base.training!,
        twins: { optimizer: { 'paddingLeak|din': { iterations: 1, moments: [m] } } },
      },
    };
    expect(snapshotBytes(withTwins)).toBe(4 * (75 + 5 + 7));
  });

  it('thins to every other snapshot, keeping the newest', () => {
    const s = [0, 2, 4, 6, 8].map((k) => snap(k, 1));
    expect(thinned(s).map((x) => x.step)).toEqual([4, 8]);
    expect(thinned(s.slice(0, 4)).map((x) => x.step)).toEqual([2, 6]);
    expect(thinned([snap(3, 1)])).toEqual([]);
  });

  it('within budget, touches nothing', () => {
    const runs = [{ id: 1, weights: snap(9, 10), rewind: [snap(3, 10)] }];
    expect(fitRuns(runs, 80, null)).toEqual({ runs, dropped: [] });
  });

  it('thins the oldest run’s snapshots first, then the next run’s', () => {
    // Each snapshot 40 bytes. Run 1: 40 + 4·40 = 200; run 2: 40 + 2·40 = 120; total 320.
    const runs = [
      { id: 1, weights: snap(9, 10), rewind: [1, 3, 5, 7].map((k) => snap(k, 10)) },
      { id: 2, weights: snap(9, 10), rewind: [2, 4].map((k) => snap(k, 10)) },
    ];
    // Limit 250: run 1 thinned once (4 → 2 snapshots: 320 − 80 = 240).
    const a = fitRuns(runs, 250, null);
    expect(a.runs[0].rewind.map((s) => s.step)).toEqual([3, 7]);
    expect(a.runs[1].rewind).toHaveLength(2);
    expect(a.dropped).toEqual([{ id: 1, snapshots: 2, weights: false }]);
    // Limit 170: run 1 down to none (320 − 160 = 160), run 2 untouched.
    const b = fitRuns(runs, 170, null);
    expect(b.runs[0].rewind).toEqual([]);
    expect(b.runs[1].rewind).toHaveLength(2);
    expect(b.dropped).toEqual([{ id: 1, snapshots: 4, weights: false }]);
    // The input is not mutated.
    expect(runs[0].rewind).toHaveLength(4);
  });

  it('then drops the oldest weights, never the live run’s', () => {
    const runs = [
      { id: 1, weights: snap(9, 10), rewind: [snap(3, 10)] },
      { id: 2, weights: snap(9, 10), rewind: [] },
      { id: 3, weights: snap(9, 10), rewind: [] },
    ];
    // 160 bytes; limit 60: snapshot of 1 (→120), weights of 1 (→80), weights of 2 (→40).
    const r = fitRuns(runs, 60, null);
    expect(r.runs.map((x) => x.weights !== undefined)).toEqual([false, false, true]);
    expect(r.dropped).toEqual([
      { id: 1, snapshots: 1, weights: true },
      { id: 2, snapshots: 0, weights: true },
    ]);
    // Run 1 training now: it is left alone, 2 and 3 pay.
    const live = fitRuns(runs, 60, 1);
    expect(live.runs.map((x) => x.weights !== undefined)).toEqual([true, false, false]);
  });
});
