/**
 * BST's settings and view types (plain, no tfjs, so the page can share them in phase 2).
 * BST: Chen et al. 2019, "Behavior Sequence Transformer for E-commerce Recommendation in
 * Alibaba" (arXiv 1905.06874). docs/BST.md gives the equations and every choice made here.
 */
import type { BaseInternals } from './config';

/**
 * What each token's position embedding reads. 'timeGap' (the paper): pos(v_i) = t(v_t) − t(v_i),
 * the bucketised time from the behavior to the candidate. 'position': how many behaviors back it
 * is (candidate 0, the latest behavior 1, …), no clock.
 */
export type BstPosition = 'timeGap' | 'position';
/** 'full' (the paper: an encoder, every token sees every token) or 'causal' (no token sees later ones). */
export type BstAttention = 'full' | 'causal';
/**
 * What the MLP gets. 'concat' (the paper's Figure 1: all the block's outputs concatenated),
 * slots in recency order (candidate, latest behavior, …); 'candidate': the candidate's output only.
 */
export type BstOutput = 'concat' | 'candidate';

export interface BstSettings {
  position: BstPosition;
  attention: BstAttention;
  output: BstOutput;
  /** Attention heads h (the paper uses 8 on d = 64·k; here 1 or 2 on d = 4·embDim). */
  heads: 1 | 2;
  /** Hidden size of the feed-forward layer (the paper does not say; 4·d as in the Transformer). */
  ffnHidden?: number;
}

export const DEFAULT_BST: BstSettings = {
  position: 'timeGap',
  attention: 'full',
  output: 'concat',
  heads: 1,
};

/**
 * What the page's buttons switch on: the paper's BST reading the candidate's output only. With
 * every output concatenated (the paper's Figure 1) live runs here often sit at loss ln 2 for
 * hundreds of steps (docs/BST.md); the candidate's output trains level with DIEN. The settings
 * offer the paper's output too.
 */
export const PAGE_BST: BstSettings = { ...DEFAULT_BST, output: 'candidate' };

/** LeakyReLU slope in the feed-forward layer (the paper names LeakyReLU, not its slope). */
export const BST_LEAKY_SLOPE = 0.01;
/** Layer norm's ε (the paper does not say; the Transformer's common 1e-6). */
export const BST_LN_EPSILON = 1e-6;

/** Everything a view may show about one (history, candidate) pair for BST. Plain numbers. */
export interface BstInternals extends BaseInternals {
  /**
   * attention[h][i][j]: how much token i reads token j in head h, over the kept behaviors
   * (oldest first) and then the candidate (last row/column). Rows sum to 1.
   */
  attention: number[][][];
  /** The block's output per token (kept behaviors, then the candidate). */
  outputs: number[][];
  /** The position index each token embedded (gap bucket or distance, per settings.position). */
  positions: number[];
}
