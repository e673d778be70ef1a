import { describe, expect, it } from 'vitest';
import type { EvalMetrics, Progress } from '../../train/protocol';
import { addProgress, MAX_POINTS, NO_CURVES } from './curves';

const metrics = (auc: number): EvalMetrics => ({ auc, gauc: auc, logloss: 0.6 });

function progress(step: number, version = 1, extra: Partial<Progress> = {}): Progress {
  const l = step === 0 ? NaN : 1 / step;
  return {
    step,
    epoch: 0,
    samplesSeen: step * 16,
    version,
    loss: { base: l, din: l, dien: l },
    auxLoss: l,
    playing: false,
    ...extra,
  };
}

describe('training curves', () => {
  it('add one loss point per new step and one test point per new evaluation', () => {
    const test = { base: metrics(0.5), din: metrics(0.5), dien: metrics(0.5) };
    let c = addProgress(NO_CURVES, progress(0, 1, { test, testStep: 0 }));
    expect(c.loss).toEqual([]); // step 0: no loss yet
    expect(c.test.map((p) => p.step)).toEqual([0]);
    c = addProgress(c, progress(1, 1, { test, testStep: 0 }));
    c = addProgress(c, progress(2, 1, { test, testStep: 0 }));
    expect(c.loss.map((p) => p.step)).toEqual([1, 2]);
    expect(c.test.map((p) => p.step)).toEqual([0]);
    // The same step again (e.g. a pause report) changes nothing, not even the object.
    expect(addProgress(c, progress(2, 1, { playing: false }))).toBe(c);
  });

  it('a step that goes back within a version (a restored checkpoint) drops only the later points', () => {
    const test = (s: number) => ({
      test: { base: metrics(s), din: metrics(s), dien: metrics(s) },
      testStep: s,
    });
    let c = NO_CURVES;
    for (let s = 1; s <= 30; s++) c = addProgress(c, progress(s, 1, s % 10 === 0 ? test(s) : {}));
    expect(c.test.map((p) => p.step)).toEqual([10, 20, 30]);
    // Restored at step 20 (re-evaluated there), with no loss reading for the restored state.
    const nan = { base: NaN, din: NaN, dien: NaN };
    c = addProgress(c, progress(20, 1, { ...test(20), loss: nan, auxLoss: NaN }));
    expect(c.loss.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(c.test.map((p) => p.step)).toEqual([10, 20]);
    c = addProgress(c, progress(21, 1));
    expect(c.loss.at(-1)?.step).toBe(21);
  });

  it('restart when the config version changes, not when the step goes back', () => {
    let c = NO_CURVES;
    for (let s = 1; s <= 5; s++) c = addProgress(c, progress(s, 1));
    expect(c.version).toBe(1);
    // New weights: fresh curves, even though the step went on (a reset during a slice).
    c = addProgress(c, progress(6, 2));
    expect(c.version).toBe(2);
    expect(c.loss.map((p) => p.step)).toEqual([6]);
    c = addProgress(c, progress(0, 3));
    expect(c).toEqual({ version: 3, loss: [], test: [] });
  });

  it('ignore a late progress of an older version (it must not wipe a resumed run’s curves)', () => {
    let c = NO_CURVES;
    for (let s = 1; s <= 3; s++) c = addProgress(c, progress(s, 4));
    const kept = c;
    expect(addProgress(c, progress(7, 3))).toBe(kept);
  });

  it('keep BST’s loss and test metrics on the same points when the run trains it', () => {
    const test = { base: metrics(0.5), din: metrics(0.5), dien: metrics(0.5) };
    let c = addProgress(NO_CURVES, progress(0, 1, { test, testStep: 0, bstTest: metrics(0.51) }));
    expect(c.test[0].bst).toEqual(metrics(0.51));
    c = addProgress(c, progress(1, 1, { bstLoss: 0.71 }));
    c = addProgress(
      c,
      progress(2, 1, { bstLoss: 0.64, bstTest: metrics(0.58), test, testStep: 2 }),
    );
    expect(c.loss.map((p) => p.bst)).toEqual([0.71, 0.64]);
    expect(c.test.map((p) => p.bst?.auc)).toEqual([0.51, 0.58]);
    // A NaN reading is no number to keep (a saved session refuses it): the point has none.
    c = addProgress(c, progress(3, 1, { bstLoss: NaN }));
    expect(c.loss[2]).toEqual({ step: 3, loss: progress(3).loss, aux: 1 / 3 });
    expect('bst' in c.loss[2]).toBe(false);
    // A run without BST carries no BST field at all (old saved curves look the same).
    const plain = addProgress(NO_CURVES, progress(1, 1, { test, testStep: 1 }));
    expect('bst' in plain.loss[0] || 'bst' in plain.test[0]).toBe(false);
  });

  it('thin long runs to every other point, keeping the newest', () => {
    let c = NO_CURVES;
    for (let s = 1; s <= MAX_POINTS + 1; s++) c = addProgress(c, progress(s));
    expect(c.loss.length).toBeLessThanOrEqual(MAX_POINTS / 2 + 1);
    expect(c.loss[c.loss.length - 1].step).toBe(MAX_POINTS + 1);
  });
});
