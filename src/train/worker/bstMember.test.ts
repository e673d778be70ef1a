import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BST } from '../../model/bstConfig';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { useCpu } from '../../model/testing';
import { DEFAULT_WORLD } from '../../world/simulator';
import type { SessionConfig } from '../protocol';
import { weightsOnly } from './checkpoints';
import { ViewInspector } from './inspector';
import { TrainingSession } from './session';

beforeAll(useCpu);

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, shoppers: 40, seed: 4 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [8], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 4, evalEvery: 0 },
  bst: DEFAULT_BST,
};
/** The same session without BST. */
const WITHOUT: SessionConfig = { world: CONFIG.world, model: CONFIG.model, train: CONFIG.train };

async function run(s: TrainingSession, steps: number) {
  const out = [];
  for (let i = 0; i < steps; i++) {
    s.step();
    out.push(await s.readLosses());
  }
  return out;
}

describe('BST in the lockstep', () => {
  it('trains next to the others without changing them, and is scored on the same test set', async () => {
    const plain = TrainingSession.create(WITHOUT);
    const withBst = TrainingSession.create(CONFIG);
    const a = await run(plain, 3);
    const b = await run(withBst, 3);
    // The three models read the same batches from the same weights: BST changes none of them.
    expect(b.map((r) => r.loss)).toEqual(a.map((r) => r.loss));
    expect(a[0].bstLoss).toBeUndefined();
    expect(Number.isFinite(b[2].bstLoss)).toBe(true);
    expect(b[2].bstLoss).not.toBe(b[0].bstLoss);
    const t = await withBst.evaluateAll();
    expect(t.bstTest!.auc).toBeGreaterThan(0);
    expect(t.bstTest!.auc).toBeLessThan(1);
    const r = await withBst.score([3, 7, 12], 5);
    expect(r.bst!.attention[0]).toHaveLength(4);
    r.bst!.attention[0].forEach((row) => expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5));
    [plain, withBst].forEach((s) => s.dispose());
  });

  it('resumes exactly from a checkpoint, and the scoring worker’s copy scores as the session does', async () => {
    const a = TrainingSession.create(CONFIG);
    await run(a, 2);
    const state = await a.exportState();
    expect(state.bst?.length).toBeGreaterThan(0);
    expect(state.training?.bst?.iterations).toBe(2);
    const ahead = await run(a, 3);
    const b = TrainingSession.create(CONFIG);
    await b.importWeights(state);
    const resumed = await run(b, 3);
    expect(resumed.map((r) => r.loss)).toEqual(ahead.map((r) => r.loss));
    expect(resumed.map((r) => r.bstLoss)).toEqual(ahead.map((r) => r.bstLoss));

    // The scoring worker is fed what rewind keeps: BST's weights come along (the twins' do not).
    const fed = weightsOnly(await b.exportState());
    expect(Object.keys(fed).sort()).toEqual(['bst', 'step', 'tensors']);
    const scorer = ViewInspector.create(CONFIG);
    scorer.importWeights(fed);
    const mine = await b.score([3, 7, 12], 5);
    const theirs = await scorer.score([3, 7, 12], 5);
    expect(theirs.bst!.ctr).toBeCloseTo(mine.bst!.ctr, 6);
    const plain = TrainingSession.create(WITHOUT);
    await expect(b.importWeights(await plain.exportState())).rejects.toThrow(/no weights for BST/);
    [a, b, plain].forEach((s) => s.dispose());
    scorer.dispose();
  });
});
