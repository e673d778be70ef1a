import { describe, expect, it } from 'vitest';
import { SnapshotStore } from './snapshots';
import type { WeightsSnapshot } from '../protocol';

function snap(step: number, floats = 10): WeightsSnapshot {
  const t = [{ name: 'w', shape: [floats], values: new Float32Array(floats).fill(step) }];
  return { step, tensors: { base: t, din: t, dien: t } };
}

describe('SnapshotStore', () => {
  it('takes one snapshot per interval and finds the latest at or before a step', () => {
    const s = new SnapshotStore(8, 10);
    for (let step = 0; step <= 50; step++) if (s.due(step)) s.add(snap(step));
    expect(s.steps()).toEqual([0, 10, 20, 30, 40, 50]);
    expect(s.at(35)?.step).toBe(30);
    expect(s.at(50)?.step).toBe(50);
    expect(s.at(-1)).toBeUndefined();
  });

  it('stays within its capacity over a long run, spanning it evenly, first and latest kept', () => {
    const s = new SnapshotStore(8, 10);
    for (let step = 0; step <= 10_000; step++) if (s.due(step)) s.add(snap(step));
    const steps = s.steps();
    expect(steps.length).toBeLessThanOrEqual(8);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBeGreaterThan(10_000 - s.interval);
    expect(s.bytes()).toBeLessThanOrEqual(8 * 3 * 10 * 4);
    const gaps = steps.slice(1).map((x, i) => x - steps[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(s.interval);
  });

  it('drops the abandoned future when training continues from an earlier step', () => {
    const s = new SnapshotStore(8, 10);
    for (const step of [0, 10, 20, 30]) s.add(snap(step));
    s.add(snap(15));
    expect(s.steps()).toEqual([0, 10, 15]);
  });
});

describe('SnapshotStore.restore', () => {
  const snap = (step: number) => ({ step, tensors: { base: [], din: [], dien: [] } });

  it('holds the given snapshots at the interval they were thinned to', () => {
    const s = new SnapshotStore(4, 10);
    s.restore([snap(80), snap(0), snap(40)]);
    expect(s.steps()).toEqual([0, 40, 80]);
    expect(s.interval).toBe(40);
    expect(s.due(100)).toBe(false);
    expect(s.due(120)).toBe(true);
    s.restore([snap(5)]);
    expect(s.steps()).toEqual([5]);
    expect(s.interval).toBe(10);
  });
});
