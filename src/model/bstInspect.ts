/**
 * BST's intermediates for one (history, candidate) pair as plain numbers (BstInternals), the way
 * the inspector reads DIN's and DIEN's: attention per head over the kept tokens, the block's
 * output per token, what the MLP read. Also a trainer: ModelTrainer reads only `params` and `loss`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { singleBatch, type RowTimes } from '../data/batch';
import type { Catalogue } from '../world/types';
import { disposeBstTensors, type BstModel } from './bst';
import type { BstInternals } from './bstConfig';
import type { CtrModel } from './models';
import { ModelTrainer } from './trainer';

/** Adam on a BST model (ModelTrainer's type names CtrModel; it calls params.trainable and loss). */
export function bstTrainer(model: BstModel, learningRate: number): ModelTrainer {
  return new ModelTrainer(model as unknown as CtrModel, learningRate);
}

export async function bstInternals(
  model: BstModel,
  history: number[],
  candidate: number,
  catalogue: Catalogue,
  when?: RowTimes,
): Promise<BstInternals> {
  const T = model.settings.T;
  const batch = singleBatch(history, candidate, catalogue, T, when);
  const len = batch.length[0];
  const x = model.tensors(batch);
  const [logit, attention, outputs, pooled, positions] = tf.tidy(() => {
    const out = model.forward(x, { training: false });
    const index = model.bst.position === 'timeGap' ? x.tokenGap : x.tokenDistance;
    return [out.logits, out.attention, out.outputs, out.pooled, index];
  });
  const read = await Promise.all(
    [logit, attention, outputs, pooled, positions].map((t) => t.array()),
  );
  // `positions` is one of x's own tensors: freed with them.
  for (const t of [logit, attention, outputs, pooled]) t.dispose();
  disposeBstTensors(x);
  const [lg, at, ou, po, ps] = read as [
    number[],
    number[][][][],
    number[][][],
    number[][],
    number[],
  ];
  // Kept behaviors (tokens 0..len−1), then the candidate (token T): padding tokens dropped.
  const keep = [...Array.from({ length: len }, (_, i) => i), T];
  return {
    ctr: 1 / (1 + Math.exp(-lg[0])),
    pooled: po[0],
    attention: at[0].map((head) => keep.map((i) => keep.map((j) => head[i][j]))),
    outputs: keep.map((i) => ou[0][i]),
    positions: keep.map((i) => ps[i]),
  };
}
