import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from '../data/types';
import type { ParamStore } from './params';
import { embeddingLookup } from './layers';
import type { Vocab } from './config';

/**
 * A Batch uploaded to the backend. Each good is three ids (item, category, shop) looked up in one
 * stacked table, interleaved per good, so one gather replaces three gathers and a concat.
 * Masks are float32 built on the CPU (TFJS_NOTES.md: never cast bool masks on webgpu).
 */
export interface BatchTensors {
  B: number;
  T: number;
  hist: tf.Tensor1D; // [B*T*3] int32 row ids
  mask: tf.Tensor2D; // [B, T]
  cand: tf.Tensor1D; // [B*3]
  label: tf.Tensor1D; // [B]
  auxNeg: tf.Tensor1D; // [B*T*3]
  auxMask: tf.Tensor2D; // [B, T]
}

/** Row offsets of the category and shop blocks in the stacked table. */
export interface TableLayout {
  catOffset: number;
  shopOffset: number;
  rows: number;
}

export function tableLayout(vocab: Vocab): TableLayout {
  return {
    catOffset: vocab.items,
    shopOffset: vocab.items + vocab.categories,
    rows: vocab.items + vocab.categories + vocab.shops,
  };
}

function interleave(
  layout: TableLayout,
  item: Int32Array,
  cat: Int32Array,
  shop: Int32Array,
): Int32Array {
  const out = new Int32Array(item.length * 3);
  for (let i = 0; i < item.length; i++) {
    out[3 * i] = item[i];
    out[3 * i + 1] = layout.catOffset + cat[i];
    out[3 * i + 2] = layout.shopOffset + shop[i];
  }
  return out;
}

export function toTensors(b: Batch, layout: TableLayout): BatchTensors {
  const B = b.size;
  const T = b.T;
  const ids = (i: Int32Array, c: Int32Array, s: Int32Array) =>
    tf.tensor1d(interleave(layout, i, c, s), 'int32');
  return {
    B,
    T,
    hist: ids(b.histItem, b.histCat, b.histShop),
    mask: tf.tensor2d(b.mask, [B, T], 'float32'),
    cand: ids(b.candItem, b.candCat, b.candShop),
    label: tf.tensor1d(b.label, 'float32'),
    auxNeg: ids(b.auxNegItem, b.auxNegCat, b.auxNegShop),
    auxMask: tf.tensor2d(b.auxMask, [B, T], 'float32'),
  };
}

export function disposeTensors(t: BatchTensors): void {
  for (const v of Object.values(t)) if (v instanceof tf.Tensor) v.dispose();
}

/**
 * The id embeddings: item, category and shop tables stacked in one variable (rows per
 * TableLayout; row 0 of each block is padding). Behaviors and the candidate read the SAME
 * table: the original design (two tables is a known bug of some public code).
 */
export interface Embeddings {
  table: tf.Variable;
  /** Bug lab (pitfall 2): the candidate's own table; absent = the candidate reads `table`. */
  candidateTable?: tf.Variable;
  layout: TableLayout;
  /** Size of one good's vector, 3 · embDim. */
  dim: number;
}

export function createEmbeddings(
  p: ParamStore,
  vocab: Vocab,
  embDim: number,
  separateTables = false,
): Embeddings {
  const layout = tableLayout(vocab);
  const table = p.embedding('embeddings', layout.rows, embDim);
  const e: Embeddings = { table, layout, dim: 3 * embDim };
  // A copy, so the bugged model starts from the correct one's weights: the tables drift apart
  // only because each gets the gradient of its half of the uses.
  if (separateTables) e.candidateTable = p.copyOf('embeddings/candidate', table);
  return e;
}

/** Goods' vectors item ⊕ category ⊕ shop from interleaved ids [N*3] → [N, 3·embDim]. */
export function embedGoods(e: Embeddings, ids: tf.Tensor1D): tf.Tensor2D {
  const rows = embeddingLookup(e.table as tf.Tensor2D, ids);
  return tf.reshape(rows, [-1, e.dim]);
}

/**
 * History embeddings [B, T, D] with padded positions zeroed, and the candidate's [B, D].
 * `paddingLeak` (bug lab, pitfall 1) keeps the padding rows' trainable vectors instead.
 */
export function embedBatch(
  e: Embeddings,
  x: BatchTensors,
  paddingLeak = false,
): { hist: tf.Tensor3D; cand: tf.Tensor2D } {
  const flat = embedGoods(e, x.hist);
  const shaped = tf.reshape(flat, [x.B, x.T, e.dim]) as tf.Tensor3D;
  const hist = paddingLeak ? shaped : (tf.mul(shaped, tf.expandDims(x.mask, 2)) as tf.Tensor3D);
  const cand = e.candidateTable
    ? (tf.reshape(embeddingLookup(e.candidateTable as tf.Tensor2D, x.cand), [
        -1,
        e.dim,
      ]) as tf.Tensor2D)
    : embedGoods(e, x.cand);
  return { hist, cand };
}

/** Binary cross-entropy from logits, mean over the batch; stable for large |z|. */
export function bceWithLogits(logits: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  // max(z,0) − z·y + log(1 + e^{−|z|})
  return tf.mean(
    tf.add(
      tf.sub(tf.relu(logits), tf.mul(logits, labels)),
      tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
    ),
  ) as tf.Scalar;
}

/** Softmax over the valid positions only; padded positions get exactly 0. */
export function maskedSoftmax(scores: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const shifted = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
  const max = tf.max(shifted, 1, true);
  const ex = tf.mul(tf.exp(tf.sub(shifted, max)), mask);
  return tf.div(ex, tf.maximum(tf.sum(ex, 1, true), 1e-30)) as tf.Tensor2D;
}
