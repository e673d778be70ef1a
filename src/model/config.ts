/** Plain settings of the three models (no tfjs here, so the page can share these types). */

export type ModelName = 'base' | 'din' | 'dien';
export const MODEL_NAMES: readonly ModelName[] = ['base', 'din', 'dien'];

export type Activation = 'prelu' | 'dice';
/** DIN activation-unit input: paper outer product, authors' diff/product, or plain dot product. */
export type AttentionInput = 'outer' | 'diffprod' | 'dot';
export type EvolvingCell = 'augru' | 'agru' | 'aigru';
export type Pooling = 'sum' | 'mean';

export interface Vocab {
  /** Sizes including the padding row 0. */
  items: number;
  categories: number;
  shops: number;
}

export interface ModelSettings {
  /** Embedding size of one id field; a good's vector is 3 × this (item ⊕ category ⊕ shop). */
  embDim: number;
  /** Max history length T. */
  T: number;
  /** Hidden sizes of the final MLP. */
  hidden: number[];
  activation: Activation;
  basePooling: Pooling;
  attentionInput: AttentionInput;
  /** Hidden sizes of DIN's activation-unit MLP (paper: one layer of 36). */
  attentionHidden: number[];
  /** Authors'-code masked softmax over DIN weights (paper: off). */
  attentionSoftmax: boolean;
  // DIEN's GRU size H equals the behavior size 3·embDim: the auxiliary loss takes ⟨h_t, e_{t+1}⟩.
  evolving: EvolvingCell;
  /** Weight α of DIEN's auxiliary loss (paper: 1). */
  auxWeight: number;
  /** The bug lab's deliberate mistakes (bugs.ts); absent or all off = the correct models. */
  bugs?: Partial<BugFlags>;
}

/**
 * The known pitfalls of public DIN/DIEN code (MODEL_SPEC.md), one switch each, all off by default.
 * A model with any switch on is a bug-lab variant, never one of the three correct models.
 */
export interface BugFlags {
  /** 1. Padded positions are not masked: the trainable padding row joins Base's SUM and DIN's sum. */
  paddingLeak: boolean;
  /** 2. The candidate is looked up in its own table, not the history's (initially a copy). */
  separateTables: boolean;
  /** 3. Dice's normalisation: batch statistics at inference, or frozen at mean 0 / variance 1. */
  batchNorm: false | 'batchAtInference' | 'frozen';
  /** 4. The DIEN authors' AUGRU: u ← (1 − a)·u, h ← u·h_prev + (1 − u)·h̃. */
  invertedAugru: boolean;
  /** 5. DIEN's auxiliary loss averaged over all B·(T − 1) pairs, padding included, or not added. */
  auxLoss: false | 'overPadding' | 'dropped';
  /** 6. DIN's weights as the authors' code computes them: softmax over the scores divided by √D. */
  scaledSoftmax: boolean;
  /** 7. Sampled negatives (the CTR negative and DIEN's auxiliary ones) may equal the positive. */
  negativesMayEqualPositive: boolean;
  /** Not a pitfall of its own: the DIN authors' activation unit uses sigmoid hidden units. */
  sigmoidUnit: boolean;
}

export const NO_BUGS: BugFlags = {
  paddingLeak: false,
  separateTables: false,
  batchNorm: false,
  invertedAugru: false,
  auxLoss: false,
  scaledSoftmax: false,
  negativesMayEqualPositive: false,
  sigmoidUnit: false,
};

/** Every switch of a settings object, missing ones off. */
export function bugsOf(settings: ModelSettings): BugFlags {
  return { ...NO_BUGS, ...settings.bugs };
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  embDim: 6,
  T: 20,
  hidden: [32, 16],
  activation: 'prelu',
  basePooling: 'sum',
  attentionInput: 'diffprod',
  attentionHidden: [36],
  attentionSoftmax: false,
  evolving: 'augru',
  auxWeight: 1,
};

/** Everything a view may show about one (history, candidate) pair for one model. Plain numbers. */
export interface BaseInternals {
  ctr: number;
  /** Pooled behavior vector (length 3·embDim). */
  pooled: number[];
}

export interface DinInternals extends BaseInternals {
  /** Attention weight per kept behavior. */
  weights: number[];
  /** Per kept behavior: w_j · e_j (its contribution to the pooled vector). */
  contributions: number[][];
  /** Per kept behavior, its embedding e_j; and the candidate's v_A. */
  behaviorEmbeddings: number[][];
  candidateEmbedding: number[];
  /**
   * Inside the activation unit: per hidden layer, per kept behavior, the layer's activations
   * (empty for the dot-product unit, which has no MLP).
   */
  unitHidden: number[][][];
  /** The CTR the DIN head gives when the weights are all 1 (SUM pooling through DIN's own MLP). */
  ctrWithEqualWeights: number;
}

export interface DienInternals extends BaseInternals {
  /** GRU interest states h_t per kept behavior. */
  gruStates: number[][];
  /** Evolving-layer states h'_t per kept behavior. */
  evolvingStates: number[][];
  /** Attention a_t (Eq. 8) per kept behavior. */
  attention: number[];
  /** Mean over units of the evolving cell's update gate u'_t per kept behavior. */
  updateGate: number[];
  /** Mean over units of the effective gate (AUGRU: a_t·u'_t; AGRU: a_t; AIGRU: u'_t). */
  effectiveGate: number[];
  /** Aux scores ⟨h_t, e_{t+1}⟩ per position with a next behavior (last one NaN). */
  auxPositiveScore: number[];
  /** The sampled good ê_{t+1} per position (0 where there is no next behavior). */
  auxNegatives: number[];
  /** Aux scores ⟨h_t, ê_{t+1}⟩ (last one NaN). */
  auxNegativeScore: number[];
}

/** One array of values with its name and shape (a variable's, or an optimizer moment's). */
export interface NamedValues {
  name: string;
  shape: number[];
  values: Float32Array;
}

/**
 * Adam's whole state: its step count and the first and second moments of every trainable
 * variable, in the order of the model's trainable variables (the order Adam indexes them by).
 */
export interface OptimizerState {
  iterations: number;
  moments: NamedValues[];
}
