import * as tf from '@tensorflow/tfjs-core';
import type { Activation, BugFlags } from './config';
import type { ParamStore } from './params';

/**
 * Embedding lookup whose gradient is a scatterND into the table.
 * tf.gather's own gradient needs UnsortedSegmentSum, missing on wasm and very slow on cpu
 * (TFJS_NOTES.md); scatterND sums duplicate ids, which is the correct gradient.
 */
export function embeddingLookup(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const op = tf.customGrad((tbl, idx, save) => {
    const t = tbl as tf.Tensor2D;
    const i = idx as tf.Tensor1D;
    (save as tf.GradSaveFunc)([i]);
    return {
      value: tf.gather(t, i),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
        tf.scatterND(tf.expandDims(saved[0], 1), dy, t.shape),
        tf.zerosLike(saved[0]),
      ],
    };
  });
  return op(table, ids) as tf.Tensor2D;
}

export interface Dense {
  w: tf.Variable;
  b: tf.Variable;
}

export function createDense(p: ParamStore, name: string, fanIn: number, fanOut: number): Dense {
  return { w: p.glorot(`${name}/w`, fanIn, fanOut), b: p.constant(`${name}/b`, [fanOut], 0) };
}

export function applyDense(layer: Dense, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(x, layer.w as tf.Tensor2D), layer.b);
}

/** PReLU: s if s > 0 else α·s, α per unit. */
export function prelu(x: tf.Tensor2D, alpha: tf.Tensor): tf.Tensor2D {
  return tf.sub(tf.relu(x), tf.mul(alpha, tf.relu(tf.neg(x))));
}

export const DICE_EPSILON = 1e-8;
export const DICE_MOMENTUM = 0.99;

export interface DiceParams {
  alpha: tf.Variable;
  movingMean: tf.Variable;
  movingVar: tf.Variable;
}

/**
 * Dice (DIN paper Eq. 9): f(s) = p(s)·s + (1 − p(s))·α·s, p(s) = σ((s − E[s]) / √(Var[s] + ε)).
 * Training uses the mini-batch statistics (over the rows with weight 1) and updates the moving
 * averages; inference uses the moving averages only. Mixing them up is a known public bug.
 */
export function dice(
  x: tf.Tensor2D,
  d: DiceParams,
  training: boolean,
  rowWeights?: tf.Tensor1D,
  bug: BugFlags['batchNorm'] = false,
): tf.Tensor2D {
  let mean: tf.Tensor;
  let variance: tf.Tensor;
  if (bug === 'frozen') {
    // The DIN authors' code: batch norm always called with training=False, statistics never move.
    mean = tf.zerosLike(d.movingMean);
    variance = tf.onesLike(d.movingVar);
  } else if (training || bug === 'batchAtInference') {
    if (rowWeights) {
      // Padding rows must not shift the statistics, so "more padding changes nothing" holds.
      const w = tf.expandDims(rowWeights, 1);
      const n = tf.maximum(tf.sum(rowWeights), 1);
      mean = tf.div(tf.sum(tf.mul(x, w), 0), n);
      variance = tf.div(tf.sum(tf.mul(tf.square(tf.sub(x, mean)), w), 0), n);
    } else {
      const m = tf.moments(x, 0);
      mean = m.mean;
      variance = m.variance;
    }
    if (training) {
      const newMean = tf.add(tf.mul(d.movingMean, DICE_MOMENTUM), tf.mul(mean, 1 - DICE_MOMENTUM));
      const newVar = tf.add(
        tf.mul(d.movingVar, DICE_MOMENTUM),
        tf.mul(variance, 1 - DICE_MOMENTUM),
      );
      d.movingMean.assign(newMean);
      d.movingVar.assign(newVar);
    }
  } else {
    mean = d.movingMean;
    variance = d.movingVar;
  }
  const p = tf.sigmoid(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, DICE_EPSILON))));
  return tf.add(tf.mul(p, x), tf.mul(tf.mul(tf.sub(1, p), d.alpha), x));
}

/** 'sigmoid' only for the DIN authors' activation unit (bug lab preset). */
export type MlpActivation = Activation | 'sigmoid';

export interface Mlp {
  layers: Dense[];
  activation: MlpActivation;
  /** Bug lab: how Dice normalises (false = correctly). */
  batchNorm: BugFlags['batchNorm'];
  /** Per hidden layer: PReLU α, or Dice parameters. */
  prelu: tf.Variable[];
  dice: DiceParams[];
  out: Dense;
}

/** Hidden layers with PReLU/Dice, then Linear(1). */
export function createMlp(
  p: ParamStore,
  name: string,
  inputSize: number,
  hidden: number[],
  activation: MlpActivation,
  batchNorm: BugFlags['batchNorm'] = false,
): Mlp {
  const layers: Dense[] = [];
  const preluAlphas: tf.Variable[] = [];
  const diceParams: DiceParams[] = [];
  let size = inputSize;
  hidden.forEach((h, i) => {
    layers.push(createDense(p, `${name}/dense${i}`, size, h));
    if (activation === 'prelu') {
      preluAlphas.push(p.constant(`${name}/prelu${i}`, [h], 0));
    } else if (activation === 'dice') {
      diceParams.push({
        alpha: p.constant(`${name}/dice${i}/alpha`, [h], 0),
        movingMean: p.constant(`${name}/dice${i}/mean`, [h], 0, false),
        movingVar: p.constant(`${name}/dice${i}/var`, [h], 1, false),
      });
    }
    size = h;
  });
  return {
    layers,
    activation,
    batchNorm,
    prelu: preluAlphas,
    dice: diceParams,
    out: createDense(p, `${name}/out`, size, 1),
  };
}

/** Logits [N] and each hidden layer's activations [N, h] (the latter for the views). */
export function applyMlpWithHidden(
  mlp: Mlp,
  x: tf.Tensor2D,
  training: boolean,
  rowWeights?: tf.Tensor1D,
): { logits: tf.Tensor1D; hidden: tf.Tensor2D[] } {
  let h = x;
  const hidden: tf.Tensor2D[] = [];
  mlp.layers.forEach((layer, i) => {
    const s = applyDense(layer, h);
    if (mlp.activation === 'prelu') h = prelu(s, mlp.prelu[i]);
    else if (mlp.activation === 'sigmoid') h = tf.sigmoid(s);
    else h = dice(s, mlp.dice[i], training, rowWeights, mlp.batchNorm);
    hidden.push(h);
  });
  return { logits: tf.reshape(applyDense(mlp.out, h), [-1]) as tf.Tensor1D, hidden };
}

/** Returns the logits, shape [N]. */
export function applyMlp(
  mlp: Mlp,
  x: tf.Tensor2D,
  training: boolean,
  rowWeights?: tf.Tensor1D,
): tf.Tensor1D {
  return applyMlpWithHidden(mlp, x, training, rowWeights).logits;
}
