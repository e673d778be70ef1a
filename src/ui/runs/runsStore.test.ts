import { describe, expect, it } from 'vitest';
import type { SessionConfig, WeightsSnapshot } from '../../train/protocol';
import { DEFAULT_PAGE } from '../state/defaults';
import {
  initRuns,
  MAX_SELECTED,
  previousRun,
  resumable,
  runsReducer,
  RESTORED_VERSION,
  type RestoredRun,
  type RunsState,
} from './runsStore';

const A: SessionConfig = {
  world: DEFAULT_PAGE.world,
  model: DEFAULT_PAGE.model,
  train: DEFAULT_PAGE.train,
};
const B: SessionConfig = { ...A, model: { ...A.model, attentionInput: 'dot' } };
const W = (step: number, floats = 4): WeightsSnapshot => ({
  step,
  tensors: {
    base: [{ name: 'w', shape: [floats], values: new Float32Array(floats) }],
    din: [],
    dien: [],
  },
  training: {
    optimizer: {
      base: { iterations: step, moments: [] },
      din: { iterations: step, moments: [] },
      dien: { iterations: step, moments: [] },
    },
    data: {} as never,
  },
});
const curves = (version: number, steps: number[]) => ({
  version,
  loss: steps.map((step) => ({ step, loss: { base: 1, din: 1, dien: 1 }, aux: 0 })),
  test: [],
});

/** Run 1 trained to step 20 under version 1, then a reset to B (version 2). */
function twoRuns(budget?: number): RunsState {
  let s = runsReducer(initRuns(budget), { type: 'started', version: 1, config: A });
  s = runsReducer(s, { type: 'track', version: 1, curves: curves(1, [10, 20]), step: 20 });
  s = runsReducer(s, { type: 'started', version: 2, config: B });
  return runsReducer(s, { type: 'kept', version: 1, weights: W(20), rewind: [W(10)] });
}

describe('the runs store', () => {
  it('a new config version is a new run; the old one keeps curves, step and weights', () => {
    const s = twoRuns();
    expect(s.runs.map((r) => [r.id, r.version])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(s.current).toBe(2);
    expect(s.runs[0].curves.loss.map((p) => p.step)).toEqual([10, 20]);
    expect(s.runs[0].step).toBe(20);
    expect(s.runs[0].weights?.step).toBe(20);
    expect(s.runs[0].rewind.map((x) => x.step)).toEqual([10]);
    expect(resumable(s, s.runs[0])).toBe(true);
    expect(resumable(s, s.runs[1])).toBe(false); // training now
    expect(previousRun(s, s.runs[1])?.id).toBe(1);
    // The same version again (a restarted worker keeps it) is no new run.
    expect(runsReducer(s, { type: 'started', version: 2, config: B })).toBe(s);
  });

  it('files the kept weights even before the new run’s first progress', () => {
    let s = runsReducer(initRuns(), { type: 'started', version: 1, config: A });
    s = runsReducer(s, { type: 'kept', version: 1, weights: W(20), rewind: [] });
    expect(s.runs[0].weights?.step).toBe(20);
    s = runsReducer(s, { type: 'started', version: 2, config: B });
    expect(resumable(s, s.runs[0])).toBe(true);
  });

  it('tracking follows only the run of that version', () => {
    const s = runsReducer(twoRuns(), {
      type: 'track',
      version: 2,
      curves: curves(2, [5]),
      step: 5,
    });
    expect(s.runs[1].step).toBe(5);
    expect(s.runs[0].step).toBe(20);
    expect(runsReducer(s, { type: 'track', version: 9, curves: curves(9, []), step: 1 })).toBe(s);
  });

  it('resuming a kept run makes it current under a new version; the replaced one is kept', () => {
    let s = runsReducer(twoRuns(), { type: 'resumed', id: 1, version: 3 });
    expect(s.current).toBe(1);
    expect(s.runs[0].version).toBe(3);
    expect(s.runs[0].curves.version).toBe(3);
    expect(s.runs[0].curves.loss).toHaveLength(2);
    expect(s.runs[0].weights).toBeUndefined();
    s = runsReducer(s, { type: 'kept', version: 2, weights: W(7), rewind: [] });
    expect(s.runs[1].weights?.step).toBe(7);
    // No third run: version 3 belongs to run 1.
    expect(runsReducer(s, { type: 'started', version: 3, config: A }).runs).toHaveLength(2);
  });

  it('selects at most six runs, and deletes any but the current one', () => {
    let s = twoRuns();
    for (let v = 3; v <= 9; v++) s = runsReducer(s, { type: 'started', version: v, config: A });
    for (const r of s.runs) s = runsReducer(s, { type: 'select', id: r.id, on: true });
    expect(s.selected).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.selected).toHaveLength(MAX_SELECTED);
    s = runsReducer(s, { type: 'delete', id: 2 });
    expect(s.runs.map((r) => r.id)).toEqual([1, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.selected).toEqual([1, 3, 4, 5, 6]);
    expect(runsReducer(s, { type: 'delete', id: s.current! })).toBe(s);
    // Ids are names: a new run after a delete does not take Run 2's.
    s = runsReducer(s, { type: 'started', version: 10, config: A });
    expect(s.runs[s.runs.length - 1].id).toBe(10);
  });

  it('over the budget a kept run loses snapshots, then weights, and the store says so', () => {
    // Each snapshot is 16 bytes; run 1 keeps 32 (weights and one snapshot).
    const s = twoRuns(20);
    expect(s.runs[0].rewind).toEqual([]);
    expect(s.runs[0].weights).toBeDefined();
    expect(s.dropped).toEqual([{ id: 1, snapshots: 1, weights: false }]);
    const t = twoRuns(10);
    expect(t.runs[0].weights).toBeUndefined();
    expect(t.runs[0].weightsDropped).toBe(true);
    expect(resumable(t, t.runs[0])).toBe(false);
    expect(t.runs[0].curves.loss).toHaveLength(2); // still listed with its curves
  });

  it('a link lists its runs untrained, to be trained to a step', () => {
    let s = runsReducer(initRuns(), {
      type: 'plan',
      runs: [
        { config: A, steps: 40 },
        { config: B, steps: 40 },
      ],
    });
    expect(s.runs.map((r) => [r.id, r.version, r.planned])).toEqual([
      [1, null, 40],
      [2, null, 40],
    ]);
    s = runsReducer(s, { type: 'training', id: 2, version: 1 });
    expect(s.current).toBe(2);
    expect(runsReducer(s, { type: 'started', version: 1, config: B })).toBe(s);
  });

  describe('restore: saved runs come back', () => {
    const saved = (id: number, config: SessionConfig, step: number): RestoredRun => ({
      id,
      config,
      curves: curves(7, [step]),
      step,
      weights: W(step),
      rewind: [W(0)],
      weightsDropped: false,
    });
    const C: SessionConfig = { ...A, train: { ...A.train, seed: 9 } };

    it('a reload: the saved runs under their numbers, the resumed one current, the blank run gone', () => {
      let s = runsReducer(initRuns(), { type: 'started', version: 1, config: C });
      s = runsReducer(s, {
        type: 'restore',
        runs: [saved(1, A, 20), saved(2, B, 30)],
        next: 5,
        current: { id: 4, version: 2, config: C, curves: curves(2, [40]), step: 40 },
      });
      expect(s.runs.map((r) => [r.id, r.version, r.step])).toEqual([
        [1, RESTORED_VERSION, 20],
        [2, RESTORED_VERSION, 30],
        [4, 2, 40],
      ]);
      expect([s.current, s.next]).toEqual([4, 5]);
      expect(resumable(s, s.runs[0])).toBe(true);
      expect(resumable(s, s.runs[2])).toBe(false);
      // The resumed run's progress is that run's, not a new one; the blank run's first progress
      // arriving late is no run either.
      expect(runsReducer(s, { type: 'started', version: 2, config: C })).toBe(s);
      expect(runsReducer(s, { type: 'started', version: 1, config: C })).toBe(s);
      s = runsReducer(s, { type: 'track', version: 2, curves: curves(2, [40, 41]), step: 41 });
      expect(s.runs[2].step).toBe(41);
      // A run kept after a restore takes the next number.
      s = runsReducer(s, { type: 'started', version: 3, config: A });
      expect(s.runs.at(-1)?.id).toBe(5);
    });

    it('a run trained here stays, numbered after the saved ones, and keeps training', () => {
      let s = runsReducer(initRuns(), { type: 'started', version: 1, config: C });
      s = runsReducer(s, { type: 'track', version: 1, curves: curves(1, [5]), step: 5 });
      s = runsReducer(s, { type: 'select', id: 1, on: true });
      // An offered run of other settings joins the panel as a kept run (no current given).
      s = runsReducer(s, { type: 'restore', runs: [saved(1, A, 20), saved(2, B, 30)], next: 3 });
      expect(s.runs.map((r) => [r.id, r.version, r.step])).toEqual([
        [1, RESTORED_VERSION, 20],
        [2, RESTORED_VERSION, 30],
        [3, 1, 5],
      ]);
      expect([s.current, s.next, s.selected]).toEqual([3, 4, [3]]);
      s = runsReducer(s, { type: 'track', version: 1, curves: curves(1, [5, 6]), step: 6 });
      expect(s.runs[2].step).toBe(6);
      // Resuming a restored run keeps the one it replaces, as for any kept run.
      s = runsReducer(s, { type: 'resumed', id: 2, version: 2 });
      expect(s.current).toBe(2);
      s = runsReducer(s, { type: 'kept', version: 1, weights: W(6), rewind: [] });
      expect(resumable(s, s.runs[2])).toBe(true);
    });

    it('a link’s planned run that a saved run already is gives its place to the saved one', () => {
      let s = runsReducer(initRuns(), {
        type: 'plan',
        runs: [
          { config: B, steps: 30 },
          { config: A, steps: 99 },
        ],
      });
      s = runsReducer(s, { type: 'select', id: 1, on: true });
      s = runsReducer(s, { type: 'select', id: 2, on: true });
      s = runsReducer(s, { type: 'started', version: 1, config: C });
      s = runsReducer(s, {
        type: 'restore',
        runs: [saved(1, A, 20), saved(2, B, 30)],
        next: 4,
        current: { id: 3, version: 2, config: C, curves: curves(2, [40]), step: 40 },
      });
      // Plan 1 (B to 30) is saved Run 2; plan 2 (A to 99) is no saved run: listed as Run 4.
      expect(s.runs.map((r) => [r.id, r.planned ?? null])).toEqual([
        [1, null],
        [2, null],
        [3, null],
        [4, 99],
      ]);
      expect(s.selected).toEqual([2, 4]);
      expect(s.next).toBe(5);
    });

    it('Start fresh: nothing stays; the next run takes the next number', () => {
      let s = twoRuns();
      s = runsReducer(s, { type: 'restore', runs: [], next: s.next, replace: true });
      expect([s.runs, s.current, s.selected]).toEqual([[], null, []]);
      s = runsReducer(s, { type: 'started', version: 3, config: A });
      expect(s.runs.map((r) => r.id)).toEqual([3]);
      // The replaced run's weights arriving late have no run to go to.
      expect(runsReducer(s, { type: 'kept', version: 2, weights: W(1), rewind: [] })).toBe(s);
    });

    it('restored runs are held to the same budget', () => {
      // Each W is 16 bytes: two runs × (weights + one snapshot) = 64 bytes over a 40-byte budget.
      const s = runsReducer(initRuns(40), {
        type: 'restore',
        runs: [saved(1, A, 20), saved(2, B, 30)],
        next: 4,
        current: { id: 3, version: 1, config: C, curves: curves(1, []), step: 0 },
      });
      expect(s.dropped).toEqual([
        { id: 1, snapshots: 1, weights: false },
        { id: 2, snapshots: 1, weights: false },
      ]);
      expect(s.runs.map((r) => r.rewind.length)).toEqual([0, 0, 0]);
    });
  });
});
