import * as tf from '@tensorflow/tfjs-core';
// Gradients are registered separately from tfjs-core's ops (TFJS_NOTES.md: no union package here).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { CtrModel } from './models';
import type { BatchTensors } from './inputs';

/** Adam on one model; the same code runs in the browser worker and in Node. */
export class ModelTrainer {
  private readonly optimizer: tf.AdamOptimizer;

  constructor(
    readonly model: CtrModel,
    learningRate: number,
  ) {
    // ε pinned to 1e-7: left unset, tfjs takes the backend's epsilon, which is 1e-4 on WebGL and
    // made WebGL's losses drift from the other backends after the first update (agreement test).
    this.optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  }

  /**
   * One gradient step. Returns the total and auxiliary loss as tensors the caller owns, so they
   * can be read back later (or never): no GPU readback here.
   */
  step(x: BatchTensors): { total: tf.Scalar; aux?: tf.Scalar } {
    let aux: tf.Scalar | undefined;
    const vars = this.model.params.trainable();
    const total = this.optimizer.minimize(
      () => {
        const l = this.model.loss(x, true);
        if (l.aux) aux = tf.keep(l.aux);
        return l.total;
      },
      true,
      vars,
    ) as tf.Scalar;
    return { total, aux };
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}
