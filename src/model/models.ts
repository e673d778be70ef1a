import * as tf from '@tensorflow/tfjs-core';
import { bugsOf, type BugFlags, type ModelName, type ModelSettings, type Vocab } from './config';
import { ParamStore } from './params';
import { applyMlp, createMlp, type Mlp } from './layers';
import {
  bceWithLogits,
  createEmbeddings,
  embedBatch,
  embedGoods,
  maskedSoftmax,
  type BatchTensors,
  type Embeddings,
  type TableLayout,
} from './inputs';
import {
  attentionWeights,
  createActivationUnit,
  weightedPool,
  type ActivationUnit,
} from './attention';
import {
  createGru,
  runSequence,
  runSequenceLast,
  runStates,
  type GruWeights,
  type SequenceResult,
} from './gru';

export interface ForwardOptions {
  training: boolean;
  /** DIN only: replace the attention weights by 1 (SUM pooling through DIN's own MLP). */
  equalWeights?: boolean;
  /** Only the logits will be read (evaluation): skip the per-step stacks that only views use. */
  logitsOnly?: boolean;
}

/** Logits plus every intermediate a view may need; all tensors belong to the caller's tidy. */
export interface ForwardResult {
  logits: tf.Tensor1D;
  hist: tf.Tensor3D;
  cand: tf.Tensor2D;
  pooled: tf.Tensor2D;
  /** DIN: w [B, T]. DIEN: a_t [B, T]. */
  weights?: tf.Tensor2D;
  gruStates?: tf.Tensor3D;
  evolvingStates?: tf.Tensor3D;
  updateGates?: tf.Tensor3D;
  effectiveGates?: tf.Tensor3D;
  /** DIEN: ⟨h_t, e_{t+1}⟩ and ⟨h_t, ê_{t+1}⟩, [B, T]. */
  auxPositive?: tf.Tensor2D;
  auxNegative?: tf.Tensor2D;
  auxLoss?: tf.Scalar;
}

export interface LossResult {
  total: tf.Scalar;
  target: tf.Scalar;
  aux?: tf.Scalar;
}

export abstract class CtrModel {
  readonly params: ParamStore;
  /** The bug lab's switches (all off for the correct models). */
  readonly bugs: BugFlags;
  protected readonly emb: Embeddings;
  protected readonly head: Mlp;

  constructor(
    readonly name: ModelName,
    readonly settings: ModelSettings,
    vocab: Vocab,
    seed: number,
    headInput: number,
  ) {
    this.params = new ParamStore(seed);
    this.bugs = bugsOf(settings);
    this.emb = createEmbeddings(this.params, vocab, settings.embDim, this.bugs.separateTables);
    this.head = createMlp(
      this.params,
      'head',
      headInput,
      settings.hidden,
      settings.activation,
      this.bugs.batchNorm,
    );
  }

  get D(): number {
    return this.emb.dim;
  }

  abstract forward(x: BatchTensors, opts: ForwardOptions): ForwardResult;

  loss(x: BatchTensors, training: boolean): LossResult {
    const out = this.forward(x, { training });
    const target = bceWithLogits(out.logits, x.label);
    return { total: target, target };
  }

  /** Vectors of goods given as interleaved ids (see toTensors), [N, D]. */
  goodEmbeddings(ids: tf.Tensor1D): tf.Tensor2D {
    return embedGoods(this.emb, ids);
  }

  get layout(): TableLayout {
    return this.emb.layout;
  }

  protected headLogits(features: tf.Tensor2D[], training: boolean): tf.Tensor1D {
    return applyMlp(this.head, tf.concat(features, 1), training);
  }

  dispose(): void {
    this.params.dispose();
  }
}

/** Embedding & MLP with SUM pooling (mean pooling as the labelled variant). */
export class BaseModel extends CtrModel {
  constructor(settings: ModelSettings, vocab: Vocab, seed: number) {
    super('base', settings, vocab, seed, 2 * 3 * settings.embDim);
  }

  forward(x: BatchTensors, opts: ForwardOptions): ForwardResult {
    const { hist, cand } = embedBatch(this.emb, x, this.bugs.paddingLeak);
    let pooled = tf.sum(hist, 1) as tf.Tensor2D;
    if (this.settings.basePooling === 'mean') {
      pooled = tf.div(pooled, tf.maximum(tf.sum(x.mask, 1, true), 1));
    }
    return { logits: this.headLogits([pooled, cand], opts.training), hist, cand, pooled };
  }
}

/** DIN: the activation unit weighs each behavior for this candidate; weighted sum pooling. */
export class DinModel extends CtrModel {
  readonly unit: ActivationUnit;

  constructor(settings: ModelSettings, vocab: Vocab, seed: number) {
    super('din', settings, vocab, seed, 2 * 3 * settings.embDim);
    const s = settings;
    this.unit = createActivationUnit(
      this.params,
      3 * s.embDim,
      s.attentionInput,
      s.attentionHidden,
      s.activation,
      s.attentionSoftmax,
      this.bugs,
    );
  }

  forward(x: BatchTensors, opts: ForwardOptions): ForwardResult {
    const leak = this.bugs.paddingLeak;
    const { hist, cand } = embedBatch(this.emb, x, leak);
    // The leak: every position counts as real, so the padding vector gets a weight of its own.
    const mask = leak ? tf.onesLike(x.mask) : x.mask;
    const weights = opts.equalWeights
      ? mask
      : attentionWeights(this.unit, hist, cand, mask, opts.training);
    const pooled = weightedPool(hist, weights);
    return {
      logits: this.headLogits([pooled, cand], opts.training),
      hist,
      cand,
      pooled,
      weights,
    };
  }
}

/**
 * DIEN: GRU interest extractor (+ auxiliary loss), attention Eq. 8, and an interest-evolving
 * layer (AUGRU by default). H = D so that ⟨h_t, e_{t+1}⟩ is defined.
 */
export class DienModel extends CtrModel {
  readonly extractor: GruWeights;
  readonly evolver: GruWeights;
  /** W of Eq. 8: a_t ∝ exp(h_t W e_A), W ∈ R^{H×D}. */
  readonly attW: tf.Variable;

  constructor(settings: ModelSettings, vocab: Vocab, seed: number) {
    const D = 3 * settings.embDim;
    super('dien', settings, vocab, seed, 2 * D);
    this.extractor = createGru(this.params, 'extractor', D, D);
    this.evolver = createGru(this.params, 'evolver', D, D);
    this.attW = this.params.glorot('attention/W', D, D);
  }

  forward(x: BatchTensors, opts: ForwardOptions): ForwardResult {
    const { hist, cand } = embedBatch(this.emb, x);
    const [B, T, D] = hist.shape;
    // Training and evaluation read states only: the fused recurrence (hand-written backward).
    const lean = opts.training || opts.logitsOnly === true;
    const h = lean
      ? runStates(this.extractor, hist, x.mask, 'gru')
      : runSequence(this.extractor, hist, x.mask, 'gru').states;

    // Eq. 8: a_t = softmax_t(h_t W e_A) over the valid steps.
    const hW = tf.reshape(
      tf.matMul(tf.reshape(h, [B * T, D]) as tf.Tensor2D, this.attW as tf.Tensor2D),
      [B, T, D],
    );
    const scores = tf.sum(tf.mul(hW, tf.expandDims(cand, 1)), 2) as tf.Tensor2D;
    const a = maskedSoftmax(scores, x.mask);

    const cell = this.settings.evolving;
    const evolveInput = cell === 'aigru' ? (tf.mul(h, tf.expandDims(a, 2)) as tf.Tensor3D) : h;
    const inverted = cell === 'augru' && this.bugs.invertedAugru;
    const evolverCell = cell === 'aigru' ? 'gru' : inverted ? 'augruInverted' : cell;
    const evolverAttention = cell === 'aigru' ? undefined : a;
    // Training and evaluation read only the last evolved state; the per-step stacks are for the views.
    const evolved: Partial<SequenceResult> & { last: tf.Tensor2D } = lean
      ? {
          last: runSequenceLast(this.evolver, evolveInput, x.mask, evolverCell, evolverAttention),
        }
      : runSequence(this.evolver, evolveInput, x.mask, evolverCell, evolverAttention);

    // Auxiliary scores: state h_t against the real next behavior e_{t+1} and a sampled one.
    const next = tf.concat([tf.slice(hist, [0, 1, 0], [B, T - 1, D]), tf.zeros([B, 1, D])], 1);
    const neg = tf.reshape(embedGoods(this.emb, x.auxNeg), [B, T, D]);
    const auxPositive = tf.sum(tf.mul(h, next), 2) as tf.Tensor2D;
    const auxNegative = tf.sum(tf.mul(h, neg), 2) as tf.Tensor2D;
    // −[log σ(s⁺) + log(1 − σ(s⁻))] = softplus(−s⁺) + softplus(s⁻), averaged over valid t only.
    const perStep = tf.add(tf.softplus(tf.neg(auxPositive)), tf.softplus(auxNegative));
    // Bug lab 'overPadding': the authors' mean over all B·(T − 1) (h_t, e_{t+1}) pairs.
    const pairs =
      this.bugs.auxLoss === 'overPadding'
        ? tf.scalar(Math.max(B * (T - 1), 1))
        : tf.maximum(tf.sum(x.auxMask), 1);
    const auxLoss = tf.div(tf.sum(tf.mul(perStep, x.auxMask)), pairs) as tf.Scalar;

    const pooled = evolved.last;
    return {
      logits: this.headLogits([pooled, cand], opts.training),
      hist,
      cand,
      pooled,
      weights: a,
      gruStates: h,
      evolvingStates: evolved.states,
      updateGates: evolved.updateGates,
      effectiveGates: evolved.effectiveGates,
      auxPositive,
      auxNegative,
      auxLoss,
    };
  }

  loss(x: BatchTensors, training: boolean): LossResult {
    const out = this.forward(x, { training });
    const target = bceWithLogits(out.logits, x.label);
    const aux = out.auxLoss!;
    // Bug lab 'dropped': the loss is computed (and shown) but never reaches the gradient.
    if (this.bugs.auxLoss === 'dropped') return { total: target, target, aux };
    const total = tf.add(target, tf.mul(aux, this.settings.auxWeight)) as tf.Scalar;
    return { total, target, aux };
  }
}

export function createModel(
  name: ModelName,
  settings: ModelSettings,
  vocab: Vocab,
  seed: number,
): CtrModel {
  if (name === 'base') return new BaseModel(settings, vocab, seed);
  if (name === 'din') return new DinModel(settings, vocab, seed);
  return new DienModel(settings, vocab, seed);
}
