/**
 * One Transformer encoder block as BST uses it (paper §2.2, post-norm, no dropout):
 *   S  = MH(E) = concat(head_1..head_h)·W^O,  head_i = softmax(E W_i^Q (E W_i^K)ᵀ / √d_k + M)·E W_i^V
 *   S' = LayerNorm(E + S)
 *   F  = LayerNorm(S' + LeakyReLU(S' W1 + b1) W2 + b2)
 * M masks padded keys (and later keys when causal) with −∞; padded tokens' outputs are zeroed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamStore } from './params';
import { BST_LEAKY_SLOPE, BST_LN_EPSILON, type BstAttention } from './bstConfig';

export interface BlockWeights {
  heads: number;
  /** Per head [d, d_k]: stacks [h, d, d_k]. */
  wq: tf.Variable;
  wk: tf.Variable;
  wv: tf.Variable;
  /** [h·d_k, d]. */
  wo: tf.Variable;
  ln1Gain: tf.Variable;
  ln1Bias: tf.Variable;
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  b2: tf.Variable;
  ln2Gain: tf.Variable;
  ln2Bias: tf.Variable;
}

export function createBlock(
  p: ParamStore,
  name: string,
  d: number,
  heads: number,
  ffnHidden: number,
): BlockWeights {
  if (d % heads !== 0) throw new Error(`transformer: d = ${d} is not divisible by ${heads} heads`);
  const dk = d / heads;
  return {
    heads,
    wq: p.glorot(`${name}/wq`, d, dk, heads),
    wk: p.glorot(`${name}/wk`, d, dk, heads),
    wv: p.glorot(`${name}/wv`, d, dk, heads),
    wo: p.glorot(`${name}/wo`, heads * dk, d),
    ln1Gain: p.constant(`${name}/ln1/gain`, [d], 1),
    ln1Bias: p.constant(`${name}/ln1/bias`, [d], 0),
    w1: p.glorot(`${name}/ffn/w1`, d, ffnHidden),
    b1: p.constant(`${name}/ffn/b1`, [ffnHidden], 0),
    w2: p.glorot(`${name}/ffn/w2`, ffnHidden, d),
    b2: p.constant(`${name}/ffn/b2`, [d], 0),
    ln2Gain: p.constant(`${name}/ln2/gain`, [d], 1),
    ln2Bias: p.constant(`${name}/ln2/bias`, [d], 0),
  };
}

/** Layer norm over the last axis, with a learned gain and bias. */
export function layerNorm(x: tf.Tensor3D, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor3D {
  const { mean, variance } = tf.moments(x, 2, true);
  const normed = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, BST_LN_EPSILON)));
  return tf.add(tf.mul(normed, gain), bias) as tf.Tensor3D;
}

/**
 * Which keys each query may read, [B, L, L] float: key j is real, and j ≤ i when causal.
 * Built from the token mask with float ops only (TFJS_NOTES: no bool masks on webgpu).
 */
export function keyMask(tokenMask: tf.Tensor2D, attention: BstAttention): tf.Tensor3D {
  const L = tokenMask.shape[1];
  const keys = tf.tile(tf.expandDims(tokenMask, 1), [1, L, 1]) as tf.Tensor3D;
  if (attention === 'full') return keys;
  // Lower triangle including the diagonal: 1 where j ≤ i.
  const tri = tf.buffer([L, L], 'float32');
  for (let i = 0; i < L; i++) for (let j = 0; j <= i; j++) tri.set(1, i, j);
  return tf.mul(keys, tf.reshape(tri.toTensor(), [1, L, L])) as tf.Tensor3D;
}

export interface BlockResult {
  /** The block's output F per token, padded tokens zeroed, [B, L, d]. */
  out: tf.Tensor3D;
  /** Attention per head, [B, h, L, L]; rows of real tokens sum to 1 over their readable keys. */
  attention: tf.Tensor4D;
}

/** Applies the block to tokens E [B, L, d] with token mask [B, L] (1 = real). */
export function applyBlock(
  w: BlockWeights,
  tokens: tf.Tensor3D,
  tokenMask: tf.Tensor2D,
  attention: BstAttention,
): BlockResult {
  const [B, L, d] = tokens.shape;
  const h = w.heads;
  const dk = d / h;
  const flatTokens = tf.reshape(tokens, [B * L, d]) as tf.Tensor2D;
  // The heads' [d, d_k] matrices side by side: one matMul projects every head, then [B·h, L, d_k].
  const project = (m: tf.Variable) => {
    const side = tf.reshape(tf.transpose(m, [1, 0, 2]), [d, h * dk]) as tf.Tensor2D;
    const all = tf.reshape(tf.matMul(flatTokens, side), [B, L, h, dk]);
    return tf.reshape(tf.transpose(all, [0, 2, 1, 3]), [B * h, L, dk]) as tf.Tensor3D;
  };
  const q = project(w.wq);
  const k = project(w.wk);
  const v = project(w.wv);
  const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk)) as tf.Tensor3D;
  const allowed = tf.reshape(
    tf.tile(tf.expandDims(keyMask(tokenMask, attention), 1), [1, h, 1, 1]),
    [B * h, L, L],
  ) as tf.Tensor3D;
  const shifted = tf.add(scores, tf.mul(tf.sub(1, allowed), -1e9));
  const ex = tf.mul(tf.exp(tf.sub(shifted, tf.max(shifted, 2, true))), allowed);
  const attn = tf.div(ex, tf.maximum(tf.sum(ex, 2, true), 1e-30)) as tf.Tensor3D;
  // concat(head_1..head_h): [B·h, L, d_k] → [B, L, h·d_k].
  const heads = tf.reshape(
    tf.transpose(tf.reshape(tf.matMul(attn, v), [B, h, L, dk]), [0, 2, 1, 3]),
    [B * L, h * dk],
  ) as tf.Tensor2D;
  const s = tf.reshape(tf.matMul(heads, w.wo as tf.Tensor2D), [B, L, d]) as tf.Tensor3D;
  const s1 = layerNorm(tf.add(tokens, s) as tf.Tensor3D, w.ln1Gain, w.ln1Bias);
  const flat = tf.reshape(s1, [B * L, d]) as tf.Tensor2D;
  const hidden = tf.leakyRelu(tf.add(tf.matMul(flat, w.w1 as tf.Tensor2D), w.b1), BST_LEAKY_SLOPE);
  const ffn = tf.reshape(tf.add(tf.matMul(hidden, w.w2 as tf.Tensor2D), w.b2), [B, L, d]);
  const f = layerNorm(tf.add(s1, ffn) as tf.Tensor3D, w.ln2Gain, w.ln2Bias);
  return {
    out: tf.mul(f, tf.expandDims(tokenMask, 2)) as tf.Tensor3D,
    attention: tf.reshape(attn, [B, h, L, L]) as tf.Tensor4D,
  };
}
