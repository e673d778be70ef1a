/**
 * tfjs's Adam with one kernel per variable (FUSED_ADAM, kernels/names.ts) instead of ~8, where
 * the backend registers it; otherwise exactly tfjs's own applyGradients. The state (moments,
 * β powers, iterations) is tfjs's own fields, so getWeights / setWeights (the trainer's
 * export and import of Adam's state) are unchanged.
 */
import * as tf from '@tensorflow/tfjs-core';
import { FUSED_ADAM } from './names';
import { fusedKernelsEnabled } from '../recurrence';

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** AdamOptimizer's private fields (tfjs-core 4.22, adam_optimizer.js). */
interface AdamFields {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Slot[];
  accumulatedSecondMoment: Slot[];
}

type Grads = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class FusedAdam extends tf.AdamOptimizer {
  applyGradients(variableGradients: Grads): void {
    if (!fusedKernelsEnabled() || !tf.getKernel(FUSED_ADAM, tf.getBackend())) {
      super.applyGradients(variableGradients);
      return;
    }
    const self = this as unknown as AdamFields;
    const list = Array.isArray(variableGradients)
      ? variableGradients
      : Object.keys(variableGradients).map((name) => ({
          name,
          tensor: (variableGradients as Record<string, tf.Tensor>)[name],
        }));
    const attrs = {
      lr: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      eps: this.epsilon,
    } as unknown as tf.NamedAttrMap;
    tf.tidy(() => {
      const c1 = tf.sub(1, self.accBeta1);
      const c2 = tf.sub(1, self.accBeta2);
      list.forEach(({ name, tensor: gradient }, i) => {
        const value = tf.engine().registeredVariables[name];
        const slot = (s: Slot[], suffix: string) =>
          (s[i] ??= {
            originalName: `${name}/${suffix}`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          }).variable;
        const m = slot(self.accumulatedFirstMoment, 'm');
        const v = slot(self.accumulatedSecondMoment, 'v');
        if (gradient == null) return;
        const [x1, m1, v1] = tf
          .engine()
          .runKernel(FUSED_ADAM, { x: value, g: gradient, m, v, c1, c2 }, attrs) as tf.Tensor[];
        m.assign(m1);
        v.assign(v1);
        value.assign(x1);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, this.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}
