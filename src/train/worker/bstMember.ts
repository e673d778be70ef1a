/**
 * BST (the model that came next) as a fourth member of the lockstep: trained on the session's
 * own mini-batches (its token indices built from the same Batch), scored on the same test set,
 * its weights and Adam state in checkpoints. Present only when the config switches it on: it
 * costs a Transformer block's step on slow backends.
 */
import * as tf from '@tensorflow/tfjs-core';
import { evalBatches, type RowTimes } from '../../data/batch';
import type { Batch, Sample } from '../../data/types';
import { BstModel, disposeBstTensors } from '../../model/bst';
import type { BstInternals } from '../../model/bstConfig';
import { bstInternals, bstTrainer } from '../../model/bstInspect';
import type { NamedValues, OptimizerState } from '../../model/config';
import type { ModelTrainer } from '../../model/trainer';
import type { Catalogue } from '../../world/types';
import type { SessionConfig, WeightsSnapshot } from '../protocol';
import { vocabOf } from './models';

/** BST's seed: buildModels' rule (seed · 31 + index), index 3 after Base, DIN and DIEN. */
const BST_INDEX = 3;

const EVAL_ROWS = 256;

export class BstMember {
  readonly model: BstModel;
  private trainer: ModelTrainer;
  private latest: tf.Scalar | null = null;

  constructor(
    config: SessionConfig,
    private readonly catalogue: Catalogue,
  ) {
    if (!config.bst) throw new Error('BstMember: the config does not switch BST on');
    const seed = config.train.seed * 31 + BST_INDEX;
    this.model = new BstModel(config.model, vocabOf(catalogue), seed, config.bst);
    this.trainer = bstTrainer(this.model, config.train.learningRate);
  }

  /** One step on the session's batch (no readback). */
  step(batch: Batch): void {
    const x = this.model.tensors(batch);
    try {
      const r = this.trainer.step(x);
      r.aux?.dispose();
      this.latest?.dispose();
      this.latest = r.total;
    } finally {
      disposeBstTensors(x);
    }
  }

  /** The latest step's loss tensor (none before the first step). */
  get loss(): tf.Scalar | null {
    return this.latest;
  }

  /** Probabilities on `samples`, in fixed-shape chunks, one readback. */
  async predict(samples: Sample[]): Promise<Float32Array> {
    const T = this.model.settings.T;
    const parts = evalBatches(samples, this.catalogue, T, EVAL_ROWS).map(({ batch, valid }) =>
      tf.tidy(() => {
        const x = this.model.tensors(batch);
        const p = tf.sigmoid(this.model.forward(x, { training: false }).logits);
        disposeBstTensors(x);
        return tf.slice(p, [0], [valid]);
      }),
    );
    const all = tf.concat(parts);
    parts.forEach((p) => p.dispose());
    const v = (await all.data()) as Float32Array;
    all.dispose();
    return v;
  }

  /** `when`: the purchases' and the candidate's times (NaN: unknown); absent, every gap is unknown. */
  internals(history: number[], candidate: number, when?: RowTimes): Promise<BstInternals> {
    return bstInternals(this.model, history, candidate, this.catalogue, when);
  }

  exportWeights(): Promise<NamedValues[]> {
    return this.model.params.export();
  }

  exportOptimizer(): Promise<OptimizerState> {
    return this.trainer.exportState();
  }

  async importWeights(weights: NamedValues[], optimizer?: OptimizerState): Promise<void> {
    this.model.params.import(weights);
    if (!optimizer) return;
    this.latest?.dispose();
    this.latest = null;
    await this.trainer.importState(optimizer);
  }

  /** BST's part of a snapshot; a training checkpoint without it cannot resume a session with it. */
  importFrom(s: WeightsSnapshot): Promise<void> {
    if (!s.bst) {
      if (s.training) throw new Error('BST: this checkpoint has no weights for BST');
      return Promise.resolve();
    }
    if (s.training && !s.training.bst) {
      throw new Error('BST: this checkpoint has no Adam state for BST');
    }
    return this.importWeights(s.bst, s.training?.bst);
  }

  setLearningRate(learningRate: number): void {
    this.trainer.setLearningRate(learningRate);
  }

  dispose(): void {
    this.latest?.dispose();
    this.trainer.dispose();
    this.model.dispose();
  }
}
