import { describe, expect, it } from 'vitest';
import type { EvalMetrics, Progress } from '../../train/protocol';
import type { Curves } from '../state/types';
import { addProgress, NO_CURVES } from './curves';
import { replayedStep, shownMetrics, targetLoss } from './shownMetrics';

// Every number encodes its own step, so "comes from step ≤ s" can be read off the value.
const metrics = (step: number): EvalMetrics => ({
  auc: 0.5 + step / 1000,
  gauc: 0.5 + step / 2000,
  logloss: 1 - step / 1000,
});
function progress(step: number, evalEvery = 10): Progress {
  const l = step === 0 ? NaN : 1000 + step;
  const tested = step - (step % evalEvery);
  return {
    step,
    epoch: 0,
    samplesSeen: step * 16,
    version: 1,
    loss: { base: l, din: l, dien: l },
    auxLoss: step === 0 ? NaN : step,
    playing: false,
    test: { base: metrics(tested), din: metrics(tested), dien: metrics(tested) },
    testStep: tested,
  };
}

function run(steps: number): { curves: Curves; live: Progress } {
  let curves = NO_CURVES;
  let live = progress(0);
  for (let s = 0; s <= steps; s++) {
    live = progress(s);
    curves = addProgress(curves, live);
  }
  return { curves, live };
}

describe('what the cards and the results table show at a step', () => {
  const { curves, live } = run(57);

  it('live: the latest loss and the latest evaluation, with their steps', () => {
    const shown = shownMetrics(curves, live, null);
    expect(shown.at).toBeNull();
    expect(shown.loss).toEqual({ step: 57, value: { loss: live.loss, aux: 57 } });
    expect(shown.test?.step).toBe(50);
    expect(shown.test?.value.din.auc).toBe(0.55);
  });

  it('rewound to s: every number comes from a step ≤ s (the last evaluation at or before s)', () => {
    for (const s of [0, 1, 9, 10, 11, 24, 40, 56]) {
      const shown = shownMetrics(curves, live, s);
      expect(shown.at).toBe(s);
      if (s === 0)
        expect(shown.loss).toBeUndefined(); // no loss before the first step
      else {
        expect(shown.loss?.step).toBe(s);
        for (const v of Object.values(shown.loss!.value.loss)) expect(v - 1000).toBe(s);
        expect(shown.loss?.value.aux).toBe(s);
      }
      const tested = s - (s % 10);
      expect(shown.test?.step).toBe(tested);
      for (const m of Object.values(shown.test!.value)) {
        expect(m.auc).toBeCloseTo(0.5 + tested / 1000, 12);
        expect(m.gauc).toBeCloseTo(0.5 + tested / 2000, 12);
        expect(m.logloss).toBeCloseTo(1 - tested / 1000, 12);
      }
    }
  });

  it('a thinned run still never shows a later step', () => {
    const thinned: Curves = { ...curves, loss: curves.loss.filter((p) => p.step % 4 === 0) };
    const shown = shownMetrics(thinned, live, 23);
    expect(shown.loss?.step).toBe(20);
  });

  it('before any evaluation at or before s there is none to show', () => {
    const late: Curves = { ...curves, test: curves.test.filter((p) => p.step >= 30) };
    expect(shownMetrics(late, live, 25).test).toBeUndefined();
  });

  it('curves of other weights say nothing about the replay', () => {
    expect(shownMetrics(curves, { ...live, version: 2 }, 20)).toEqual({ at: 20 });
  });

  it('before training: nothing, and no loss at step 0', () => {
    expect(shownMetrics(NO_CURVES, null, null)).toEqual({ at: null });
    const zero = shownMetrics(addProgress(NO_CURVES, progress(0)), progress(0), null);
    expect(zero.loss).toBeUndefined();
    expect(zero.test?.step).toBe(0);
  });
});

describe('BST at the step shown', () => {
  // BST's numbers encode their step too, offset so they cannot be mistaken for the others'.
  const withBst = (step: number): Progress => {
    const p = progress(step);
    return {
      ...p,
      bstLoss: step === 0 ? NaN : 2000 + step,
      bstTest: { auc: 0.6 + p.testStep! / 1000, gauc: 0.6, logloss: 0.9 },
    };
  };
  let curves = NO_CURVES;
  let live = withBst(0);
  for (let s = 0; s <= 57; s++) {
    live = withBst(s);
    curves = addProgress(curves, live);
  }

  it('live: BST’s loss and test metrics of the latest step and evaluation', () => {
    const shown = shownMetrics(curves, live, null);
    expect(shown.loss?.value.bst).toBe(2057);
    expect(shown.test?.step).toBe(50);
    expect(shown.test?.bst?.auc).toBeCloseTo(0.65, 12);
  });

  it('rewound to s: BST’s loss of step s and its metrics of the last evaluation ≤ s', () => {
    for (const s of [1, 9, 10, 23, 56]) {
      const shown = shownMetrics(curves, live, s);
      expect(shown.loss?.value.bst).toBe(2000 + s);
      const tested = s - (s % 10);
      expect(shown.test?.bst?.auc).toBeCloseTo(0.6 + tested / 1000, 12);
    }
  });

  it('rewound into curves kept without BST (an older save): none, the others still shown', () => {
    const old: Curves = {
      ...curves,
      loss: curves.loss.map(({ bst: _, ...p }) => p),
      test: curves.test.map(({ bst: _, ...p }) => p),
    };
    const shown = shownMetrics(old, live, 23);
    expect(shown.loss?.value.loss.din).toBe(1023);
    expect(shown.loss?.value.bst).toBeUndefined();
    expect(shown.test?.value.base.auc).toBeCloseTo(0.52, 12);
    expect(shown.test?.bst).toBeUndefined();
  });

  it('a run without BST has no BST numbers, live or rewound', () => {
    const { curves: plain, live: now } = run(20);
    expect(shownMetrics(plain, now, null).loss?.value.bst).toBeUndefined();
    expect(shownMetrics(plain, now, 15).test?.bst).toBeUndefined();
  });
});

describe('replayedStep', () => {
  it('is the last snapshot at or before the asked step', () => {
    expect(replayedStep([0, 8, 16, 32], null)).toBeNull();
    expect(replayedStep([0, 8, 16, 32], 20)).toBe(16);
    expect(replayedStep([0, 8, 16, 32], 16)).toBe(16);
    expect(replayedStep([], 5)).toBe(5);
  });
});

describe('targetLoss', () => {
  it('takes α times the auxiliary loss off the total', () => {
    // 0.9 = 0.6 + 1 · 0.3; with α = 0.5: 0.9 − 0.15 = 0.75.
    expect(targetLoss(0.9, 0.3, 1)).toBeCloseTo(0.6, 12);
    expect(targetLoss(0.9, 0.3, 0.5)).toBeCloseTo(0.75, 12);
    expect(targetLoss(0.7, NaN, 0)).toBe(0.7);
  });
});
