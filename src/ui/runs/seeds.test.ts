import { describe, expect, it } from 'vitest';
import type { EvalMetrics, Progress, Response } from '../../train/protocol';
import { Cancelled, progressWhere, repeatSeeds, seedSummary, type SeedResult } from './seeds';

const m = (auc: number, gauc: number, logloss: number): EvalMetrics => ({ auc, gauc, logloss });
const result = (seed: number, a: number): SeedResult => ({
  seed,
  step: 300,
  test: { base: m(a, a, 0.6), din: m(a + 0.1, a, 0.5), dien: m(a + 0.2, a, 0.4) },
});

describe('repeat over seeds', () => {
  it('numbers the seeds from the current one', () => {
    expect(repeatSeeds(7)).toEqual([7, 8, 9]);
  });

  it('summarises each model and metric as mean ± sample std', () => {
    // AUCs of Base 0.6, 0.7, 0.8: mean 0.7; deviations ±0.1, 0 → variance 0.02 / 2 = 0.01.
    const s = seedSummary([result(1, 0.6), result(2, 0.7), result(3, 0.8)]);
    expect(s.base.auc.mean).toBeCloseTo(0.7, 12);
    expect(s.base.auc.std).toBeCloseTo(0.1, 12);
    expect(s.dien.auc.mean).toBeCloseTo(0.9, 12);
    expect(s.din.logloss).toEqual({ mean: 0.5, std: 0 });
  });

  it('waits for the progress asked for, and stops waiting when cancelled', async () => {
    let listener: ((r: Response) => void) | undefined;
    const client = {
      subscribe: (l: (r: Response) => void) => {
        listener = l;
        return () => (listener = undefined);
      },
    };
    const p = (step: number) => ({ type: 'progress', progress: { step } as Progress }) as Response;
    const ctl = new AbortController();
    const waiting = progressWhere(client, (x) => x.step >= 3, ctl.signal);
    listener?.(p(2));
    listener?.(p(3));
    await expect(waiting).resolves.toMatchObject({ step: 3 });
    expect(listener).toBeUndefined();
    const again = progressWhere(client, (x) => x.step >= 9, ctl.signal);
    ctl.abort();
    await expect(again).rejects.toBeInstanceOf(Cancelled);
    expect(listener).toBeUndefined();
  });
});

describe('repeat over seeds with BST', () => {
  it('adds BST’s row when every seed’s run trained it, and none otherwise', () => {
    // BST AUCs 0.55, 0.65: mean 0.6, sample std √((0.05² + 0.05²) / 1) = 0.0707…
    const withBst = [
      { ...result(1, 0.6), bst: m(0.55, 0.5, 0.7) },
      { ...result(2, 0.7), bst: m(0.65, 0.5, 0.7) },
    ];
    const s = seedSummary(withBst);
    expect(s.bst?.auc.mean).toBeCloseTo(0.6, 12);
    expect(s.bst?.auc.std).toBeCloseTo(Math.sqrt(0.005), 12);
    expect(s.bst?.logloss).toEqual({ mean: 0.7, std: 0 });
    expect(seedSummary([withBst[0], result(2, 0.7)]).bst).toBeUndefined();
    expect(seedSummary([result(1, 0.6)]).bst).toBeUndefined();
  });
});
