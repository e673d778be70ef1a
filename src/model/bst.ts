/**
 * BST (Chen et al. 2019): the behaviors and the candidate form one sequence; each token is its
 * good's embedding (item ⊕ category ⊕ shop, the tables Base/DIN/DIEN use) concatenated with a
 * position embedding (the paper concatenates, unlike the Transformer's sum); one Transformer block
 * (transformer.ts); its outputs go into the same MLP head as the other models. docs/BST.md.
 *
 * A standalone model with the others' interface (params, forward, loss, layout, dispose); it is
 * not a ModelName yet (phase 2 wires it into the session). Its batches need three more index
 * tensors (BstTensors): build them with model.tensors(batch).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from '../data/types';
import { GAP_BUCKETS, gapBucket } from '../world/gaps';
import { NO_BUGS, type BugFlags, type ModelSettings, type Vocab } from './config';
import { DEFAULT_BST, type BstSettings } from './bstConfig';
import {
  bceWithLogits,
  createEmbeddings,
  embedBatch,
  embedGoods,
  toTensors,
  type BatchTensors,
  type Embeddings,
  type TableLayout,
} from './inputs';
import { applyMlp, createMlp, embeddingLookup, type Mlp } from './layers';
import type { ForwardOptions, LossResult } from './models';
import { ParamStore } from './params';
import { applyBlock, createBlock, type BlockWeights } from './transformer';

/** A batch for BST: the usual tensors plus, per token (T behaviors, then the candidate), [B·(T+1)]. */
export interface BstTensors extends BatchTensors {
  /** 0 padding, 1 the candidate, 1 + k the k-th latest behavior (capped at settings.T + 1). */
  tokenDistance: tf.Tensor1D;
  /** Batch.histGap per behavior, gapBucket(0) for the candidate (pos = t(v_t) − t(v_t) = 0). */
  tokenGap: tf.Tensor1D;
  /** Row of the flattened [B·(T+1), d] block output for each output slot, recency order. */
  recency: tf.Tensor1D;
}

/** Logits plus what the views read; all tensors belong to the caller's tidy. */
export interface BstForwardResult {
  logits: tf.Tensor1D;
  hist: tf.Tensor3D;
  cand: tf.Tensor2D;
  /** What the MLP read: the concatenated outputs [B, (T+1)·d] or the candidate's [B, d]. */
  pooled: tf.Tensor2D;
  /** Block input per token: good ⊕ position embedding, padding zeroed, [B, T+1, d]. */
  tokens: tf.Tensor3D;
  /** Attention per head, [B, h, T+1, T+1] (query, key); token T is the candidate. */
  attention: tf.Tensor4D;
  /** Block output per token, [B, T+1, d]. */
  outputs: tf.Tensor3D;
}

/** Candidate token's gap bucket: it is shown at its own time. */
export const CANDIDATE_GAP = gapBucket(0);

export class BstModel {
  readonly name = 'bst';
  readonly params: ParamStore;
  /** BST has no bug-lab variants: every switch off, as the other models' correct versions. */
  readonly bugs: BugFlags = NO_BUGS;
  readonly bst: BstSettings;
  protected readonly emb: Embeddings;
  readonly positions: tf.Variable;
  readonly block: BlockWeights;
  protected readonly head: Mlp;
  /** Token size d = 3·embDim (good) + embDim (position). */
  readonly d: number;

  constructor(
    readonly settings: ModelSettings,
    vocab: Vocab,
    seed: number,
    bst: BstSettings = DEFAULT_BST,
  ) {
    this.bst = bst;
    this.params = new ParamStore(seed);
    this.emb = createEmbeddings(this.params, vocab, settings.embDim);
    const rows = bst.position === 'timeGap' ? GAP_BUCKETS : settings.T + 2;
    this.positions = this.params.embedding('bst/positions', rows, settings.embDim);
    this.d = 4 * settings.embDim;
    this.block = createBlock(
      this.params,
      'bst/block',
      this.d,
      bst.heads,
      bst.ffnHidden ?? 4 * this.d,
    );
    const headInput = bst.output === 'concat' ? (settings.T + 1) * this.d : this.d;
    this.head = createMlp(this.params, 'head', headInput, settings.hidden, settings.activation);
  }

  get D(): number {
    return this.emb.dim;
  }

  get layout(): TableLayout {
    return this.emb.layout;
  }

  /** The batch's tensors with BST's token indices (T must be this model's settings.T for 'concat'). */
  tensors(b: Batch): BstTensors {
    const { size: B, T } = b;
    const L = T + 1;
    const cap = this.settings.T + 1;
    const distance = new Int32Array(B * L);
    const gap = new Int32Array(B * L);
    const recency = new Int32Array(B * L);
    for (let r = 0; r < B; r++) {
      const len = b.length[r];
      const base = r * L;
      for (let t = 0; t < len; t++) {
        distance[base + t] = Math.min(1 + (len - t), cap);
        gap[base + t] = b.histGap[r * T + t];
      }
      distance[base + T] = 1;
      gap[base + T] = CANDIDATE_GAP;
      // Slot 0 the candidate, slot k the k-th latest behavior; empty slots read a padded token
      // (zero output): token `len` is padding whenever a slot is empty.
      recency[base] = base + T;
      for (let k = 1; k <= T; k++) recency[base + k] = base + (k <= len ? len - k : len);
    }
    return {
      ...toTensors(b, this.emb.layout),
      tokenDistance: tf.tensor1d(distance, 'int32'),
      tokenGap: tf.tensor1d(gap, 'int32'),
      recency: tf.tensor1d(recency, 'int32'),
    };
  }

  forward(x: BstTensors, opts: ForwardOptions): BstForwardResult {
    if (!x.tokenGap) throw new Error('BstModel.forward: build the batch with model.tensors(batch)');
    const { hist, cand } = embedBatch(this.emb, x);
    const [B, T, D] = hist.shape;
    const L = T + 1;
    if (this.bst.output === 'concat' && T !== this.settings.T) {
      throw new Error(`BstModel: 'concat' output needs T = ${this.settings.T}, got ${T}`);
    }
    const goods = tf.concat([hist, tf.reshape(cand, [B, 1, D])], 1);
    const index = this.bst.position === 'timeGap' ? x.tokenGap : x.tokenDistance;
    const pos = tf.reshape(embeddingLookup(this.positions as tf.Tensor2D, index), [B, L, -1]);
    const tokenMask = tf.concat([x.mask, tf.ones([B, 1])], 1) as tf.Tensor2D;
    const tokens = tf.mul(tf.concat([goods, pos], 2), tf.expandDims(tokenMask, 2)) as tf.Tensor3D;
    const { out, attention } = applyBlock(this.block, tokens, tokenMask, this.bst.attention);
    const d = this.d;
    const pooled =
      this.bst.output === 'candidate'
        ? (tf.reshape(tf.slice(out, [0, T, 0], [B, 1, d]), [B, d]) as tf.Tensor2D)
        : (tf.reshape(embeddingLookup(tf.reshape(out, [B * L, d]) as tf.Tensor2D, x.recency), [
            B,
            L * d,
          ]) as tf.Tensor2D);
    const logits = applyMlp(this.head, pooled, opts.training);
    return { logits, hist, cand, pooled, tokens, attention, outputs: out };
  }

  loss(x: BstTensors, training: boolean): LossResult {
    const target = bceWithLogits(this.forward(x, { training }).logits, x.label);
    return { total: target, target };
  }

  goodEmbeddings(ids: tf.Tensor1D): tf.Tensor2D {
    return embedGoods(this.emb, ids);
  }

  dispose(): void {
    this.params.dispose();
  }
}

export function disposeBstTensors(t: BstTensors): void {
  for (const v of Object.values(t)) if (v instanceof tf.Tensor) v.dispose();
}
