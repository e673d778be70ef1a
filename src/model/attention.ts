import * as tf from '@tensorflow/tfjs-core';
import type { AttentionInput, Activation, BugFlags } from './config';
import type { ParamStore } from './params';
import { applyMlpWithHidden, createMlp, type Mlp } from './layers';
import { maskedSoftmax } from './inputs';

/**
 * DIN's activation unit a(e_j, v_A) → w_j for every behavior at once.
 * Variants (MODEL_SPEC.md): 'outer' = paper [e, v, flatten(e ⊗ v)], 'diffprod' = authors' code
 * [e, v, e − v, e ⊙ v], 'dot' = e · v (no parameters). Output is linear (paper: no sigmoid).
 */
export interface ActivationUnit {
  input: AttentionInput;
  softmax: boolean;
  /** Bug lab (pitfall 6): scores divided by √D before the softmax, as in the authors' code. */
  scaled?: boolean;
  mlp?: Mlp;
  D: number;
}

/** The bug-lab switches the activation unit reads. */
export type UnitBugs = Pick<BugFlags, 'scaledSoftmax' | 'sigmoidUnit' | 'batchNorm'>;

export function interactionSize(input: AttentionInput, D: number): number {
  if (input === 'outer') return 2 * D + D * D;
  if (input === 'diffprod') return 4 * D;
  return 0;
}

export function createActivationUnit(
  p: ParamStore,
  D: number,
  input: AttentionInput,
  hidden: number[],
  activation: Activation,
  softmax: boolean,
  bugs?: Partial<UnitBugs>,
): ActivationUnit {
  const unitActivation = bugs?.sigmoidUnit ? 'sigmoid' : activation;
  const mlp =
    input === 'dot'
      ? undefined
      : createMlp(p, 'att', interactionSize(input, D), hidden, unitActivation, bugs?.batchNorm);
  if (bugs?.scaledSoftmax) return { input, softmax: true, scaled: true, mlp, D };
  // Unnormalised weights have a sign symmetry (w → −w with the head's pooled weights negated).
  // Starting the output at 1, i.e. from SUM pooling, keeps "more weight = more attention": the
  // unit learns to raise relevant behaviors instead of possibly learning the mirror image.
  if (mlp && !softmax) tf.tidy(() => mlp.out.b.assign(tf.onesLike(mlp.out.b)));
  return { input, softmax, mlp, D };
}

/** The features the unit's MLP reads, [B*T, F]. Exposed for the "inside the unit" view and tests. */
export function interactionFeatures(
  input: AttentionInput,
  hist: tf.Tensor3D,
  cand: tf.Tensor2D,
): tf.Tensor2D {
  const [B, T, D] = hist.shape;
  const e = tf.reshape(hist, [B * T, D]) as tf.Tensor2D;
  // The candidate repeated over T by a broadcast multiply: tf.tile is slow on the wasm backend.
  const v = tf.reshape(tf.mul(tf.expandDims(cand, 1), tf.ones([1, T, 1])), [
    B * T,
    D,
  ]) as tf.Tensor2D;
  if (input === 'diffprod') return tf.concat([e, v, tf.sub(e, v), tf.mul(e, v)], 1) as tf.Tensor2D;
  if (input === 'outer') {
    const outer = tf.reshape(tf.mul(tf.expandDims(e, 2), tf.expandDims(v, 1)), [B * T, D * D]);
    return tf.concat([e, v, outer], 1) as tf.Tensor2D;
  }
  throw new Error('dot product has no feature vector');
}

/**
 * Weights w [B, T] (padded positions exactly 0) and the unit's hidden activations per layer,
 * [B*T, h] (none for the dot product).
 */
export function attentionDetails(
  unit: ActivationUnit,
  hist: tf.Tensor3D,
  cand: tf.Tensor2D,
  mask: tf.Tensor2D,
  training: boolean,
): { weights: tf.Tensor2D; hidden: tf.Tensor2D[] } {
  const [B, T] = mask.shape;
  let scores: tf.Tensor2D;
  let hidden: tf.Tensor2D[] = [];
  if (unit.input === 'dot') {
    scores = tf.sum(tf.mul(hist, tf.expandDims(cand, 1)), 2);
  } else {
    const feats = interactionFeatures(unit.input, hist, cand);
    const rowWeights = tf.reshape(mask, [B * T]) as tf.Tensor1D;
    const out = applyMlpWithHidden(unit.mlp!, feats, training, rowWeights);
    scores = tf.reshape(out.logits, [B, T]);
    hidden = out.hidden;
  }
  if (unit.scaled) scores = tf.div(scores, Math.sqrt(unit.D));
  const weights = unit.softmax
    ? maskedSoftmax(scores, mask)
    : (tf.mul(scores, mask) as tf.Tensor2D);
  return { weights, hidden };
}

/** Weights w [B, T]; padded positions are exactly 0. */
export function attentionWeights(
  unit: ActivationUnit,
  hist: tf.Tensor3D,
  cand: tf.Tensor2D,
  mask: tf.Tensor2D,
  training: boolean,
): tf.Tensor2D {
  return attentionDetails(unit, hist, cand, mask, training).weights;
}

/** Σ_j w_j · e_j → [B, D]. */
export function weightedPool(hist: tf.Tensor3D, weights: tf.Tensor2D): tf.Tensor2D {
  return tf.sum(tf.mul(hist, tf.expandDims(weights, 2)), 1);
}
