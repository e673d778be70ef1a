/**
 * BST's blocks (docs/BST.md, "What we do"): bottom to top as the paper's Figure 1 draws them, the
 * section each one opens, and its equation for the settings the page runs (plain Unicode, as
 * blocks.ts writes the others').
 */
import type { BstSettings } from '../../model/bstConfig';
import type { BstRowKind } from './bstLayout';

export type BstBlockId =
  'embeddings' | 'mhsa' | 'norm1' | 'ffn' | 'norm2' | 'output' | 'mlp' | 'ctr';

/** Bottom to top. */
export const BST_BLOCKS: readonly BstBlockId[] = [
  'embeddings',
  'mhsa',
  'norm1',
  'ffn',
  'norm2',
  'output',
  'mlp',
  'ctr',
];

/** Each block is drawn in the row of the same name. */
export const BST_BLOCK_ROW: Record<BstBlockId, BstRowKind> = {
  embeddings: 'embeddings',
  mhsa: 'mhsa',
  norm1: 'norm1',
  ffn: 'ffn',
  norm2: 'norm2',
  output: 'output',
  mlp: 'mlp',
  ctr: 'ctr',
};

/**
 * The BST room's heading (the region "BST attention", BstRoom.tsx), where BST's own parts are
 * shown; the MLP and the CTR go where the other models' go (the results).
 */
export const BST_ROOM_ID = 'bst-h';

export function bstSection(block: BstBlockId): string {
  return block === 'mlp' || block === 'ctr' ? 'results' : BST_ROOM_ID;
}

export function bstEquation(block: BstBlockId, bst: BstSettings, hidden: number[]): string {
  switch (block) {
    case 'embeddings':
      return bst.position === 'timeGap'
        ? 'E_j = e_j ⊕ P[2 + ⌊log₂(1 + Δt_j)⌋],  Δt_j = t(v_A) − t(v_j) in days;  E_A = v_A ⊕ P[2]'
        : 'E_j = e_j ⊕ P[1 + distance of j from the candidate];  E_A = v_A ⊕ P[1]';
    case 'mhsa':
      return `A_i = softmax(E W_i^Q (E W_i^K)ᵀ / √d_k + M),  i = 1..${bst.heads};  S = concat_i(A_i E W_i^V) W^O;  M = −∞ on ${bst.attention === 'causal' ? 'padding and later tokens' : 'padding'}`;
    case 'norm1':
      return 'S′ = LayerNorm(E + S)';
    case 'ffn':
      return 'FFN(S′) = LeakyReLU₀.₀₁(S′ W₁ + b₁) W₂ + b₂';
    case 'norm2':
      return 'F = m̃ ⊙ LayerNorm(S′ + FFN(S′))';
    case 'output':
      return bst.output === 'candidate'
        ? 'x = F_A'
        : 'x = F_A ⊕ F_latest ⊕ F_2nd latest ⊕ …  ((T + 1)·d values)';
    case 'mlp':
      return `z = MLP_${hidden.join('→')}→1(x)`;
    case 'ctr':
      return 'CTR = σ(z)';
  }
}
