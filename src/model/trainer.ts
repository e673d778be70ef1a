import * as tf from '@tensorflow/tfjs-core';
// Gradients are registered separately from tfjs-core's ops (TFJS_NOTES.md: no union package here).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { OptimizerState } from './config';
import type { CtrModel } from './models';
import type { BatchTensors } from './inputs';
import { FusedAdam } from './kernels/fusedAdam';

// ε pinned to 1e-7: left unset, tfjs takes the backend's epsilon, which is 1e-4 on WebGL and
// made WebGL's losses drift from the other backends after the first update (agreement test).
// FusedAdam is tfjs' Adam with one kernel per variable update where the backend has it (cpu,
// wasm, webgpu; kernels/fusedAdam.ts), tfjs' own update elsewhere or with the kernels off.
function adam(learningRate: number): tf.AdamOptimizer {
  return new FusedAdam(learningRate, 0.9, 0.999, 1e-7);
}

/** The β powers tfjs' Adam keeps as float32 variables (protected in its types). */
interface AdamBetas {
  beta1: number;
  beta2: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
}

/**
 * tfjs' setWeights sets Adam's β₁ᵗ and β₂ᵗ with one pow, while training reaches them by one
 * float32 multiplication per step; the two differ in the last bit at some step counts, and a
 * resumed run drifted from the uninterrupted one from its second step. Recompute them as
 * training does: float32 products, one per step (a float32 × float32 product is exact in a double,
 * so Math.fround rounds it as the backend does).
 */
export function restoreAccumulatedBetas(optimizer: tf.AdamOptimizer, iterations: number): void {
  const o = optimizer as unknown as AdamBetas;
  const power = (beta: number) => {
    const b = Math.fround(beta);
    let acc = b;
    for (let i = 0; i < iterations; i++) acc = Math.fround(acc * b);
    return acc;
  };
  tf.tidy(() => {
    o.accBeta1.assign(tf.scalar(power(o.beta1)));
    o.accBeta2.assign(tf.scalar(power(o.beta2)));
  });
}

/** Adam on one model; the same code runs in the browser worker and in Node. */
export class ModelTrainer {
  private optimizer: tf.AdamOptimizer;

  constructor(
    readonly model: CtrModel,
    private learningRate: number,
  ) {
    this.optimizer = adam(learningRate);
  }

  /** Go on with another learning rate, keeping the moments (tfjs reads the field every step). */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
    // The field is protected in tfjs' types; Adam reads it in every applyGradients.
    (this.optimizer as unknown as { learningRate: number }).learningRate = learningRate;
  }

  /** A copy of Adam's state (one readback of all its moments). */
  async exportState(): Promise<OptimizerState> {
    const [iter, ...moments] = await this.optimizer.getWeights();
    const iterations = (await iter.tensor.data())[0];
    iter.tensor.dispose();
    if (moments.length === 0) return { iterations, moments: [] };
    const flat = tf.tidy(() => tf.concat(moments.map((m) => tf.reshape(m.tensor, [-1]))));
    const all = (await flat.data()) as Float32Array;
    flat.dispose();
    let offset = 0;
    return {
      iterations,
      moments: moments.map((m) => {
        const values = all.slice(offset, offset + m.tensor.size);
        offset += m.tensor.size;
        return { name: m.name, shape: [...m.tensor.shape], values };
      }),
    };
  }

  /**
   * Continue from `state`: a fresh Adam takes the saved step count and moments (tfjs' setWeights
   * replaces the moment variables without freeing the old ones, so the old optimizer goes whole).
   */
  async importState(state: OptimizerState): Promise<void> {
    const fresh = adam(this.learningRate);
    const iter = tf.scalar(state.iterations, 'int32');
    const tensors = state.moments.map((m) => ({
      name: m.name,
      tensor: tf.tensor(m.values, m.shape, 'float32'),
    }));
    try {
      await fresh.setWeights([{ name: 'iter', tensor: iter }, ...tensors]);
    } catch (e) {
      fresh.dispose();
      throw e;
    } finally {
      iter.dispose();
      for (const t of tensors) t.tensor.dispose();
    }
    restoreAccumulatedBetas(fresh, state.iterations);
    this.optimizer.dispose();
    this.optimizer = fresh;
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
