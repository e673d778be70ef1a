/**
 * The blocks of the three diagrams: which model has which, the story section each one opens,
 * and its equation (MODEL_SPEC.md, plain Unicode), which follows the labelled variants in the
 * settings so the card never shows the paper's formula for a variant the page is not running.
 */
import type { ModelName, ModelSettings } from '../../train/protocol';
import type { SectionId } from '../text/narrative';

export type BlockId =
  | 'embeddings'
  | 'pooling'
  | 'unit'
  | 'weighted'
  | 'extractor'
  | 'aux'
  | 'attention'
  | 'evolving'
  | 'mlp'
  | 'ctr';

/** Bottom to top, as the papers draw them. */
export const MODEL_BLOCKS: Record<ModelName, readonly BlockId[]> = {
  base: ['embeddings', 'pooling', 'mlp', 'ctr'],
  din: ['embeddings', 'unit', 'weighted', 'mlp', 'ctr'],
  dien: ['embeddings', 'aux', 'extractor', 'attention', 'evolving', 'mlp', 'ctr'],
};

/** The detailed view each block opens (the story sections' ids in App.tsx). */
export const BLOCK_SECTION: Record<BlockId, SectionId> = {
  embeddings: 'embeddings',
  pooling: 'base',
  unit: 'unit',
  weighted: 'base',
  extractor: 'evolution',
  aux: 'evolution',
  attention: 'dien',
  evolving: 'dien',
  mlp: 'results',
  ctr: 'results',
};

export type EquationSettings = Pick<
  ModelSettings,
  'basePooling' | 'attentionInput' | 'attentionSoftmax' | 'evolving' | 'hidden' | 'auxWeight'
>;

function unitEquation(s: EquationSettings): string {
  const inner =
    s.attentionInput === 'dot'
      ? 'e_j · v_A'
      : s.attentionInput === 'outer'
        ? 'MLP([e_j, v_A, e_j ⊗ v_A])'
        : 'MLP([e_j, v_A, e_j − v_A, e_j ⊙ v_A])';
  return s.attentionSoftmax ? `w_j = softmax_j(${inner})` : `w_j = ${inner}`;
}

const EVOLVING_EQUATION: Record<ModelSettings['evolving'], string> = {
  augru: 'ũ′_t = a_t · u′_t;  h′_t = (1 − ũ′_t) ⊙ h′_{t−1} + ũ′_t ⊙ h̃′_t',
  agru: 'h′_t = (1 − a_t) · h′_{t−1} + a_t · h̃′_t',
  aigru: 'i′_t = a_t · h_t;  h′_t = GRU(i′_t, h′_{t−1})',
};

/** The equation a block's card shows, for `model` (the MLP's input differs in DIEN). */
export function blockEquation(block: BlockId, model: ModelName, s: EquationSettings): string {
  switch (block) {
    case 'embeddings':
      return 'e_j = E_goods[g_j] ⊕ E_shop[s_j] ⊕ E_cat[c_j]';
    case 'pooling':
      return s.basePooling === 'mean'
        ? 'pooled = Σ_j m_j · e_j / Σ_j m_j'
        : 'pooled = Σ_j m_j · e_j';
    case 'unit':
      return unitEquation(s);
    case 'weighted':
      return 'pooled = Σ_j m_j · w_j · e_j';
    case 'extractor':
      return 'h_t = (1 − u_t) ⊙ h_{t−1} + u_t ⊙ h̃_t';
    case 'aux':
      return `L_aux = −[log σ(⟨h_t, e_{t+1}⟩) + log(1 − σ(⟨h_t, ê_{t+1}⟩))];  L = L_target + ${s.auxWeight} · L_aux`;
    case 'attention':
      return 'a_t = softmax(h_t W e_A)';
    case 'evolving':
      return EVOLVING_EQUATION[s.evolving];
    case 'mlp':
      return `z = MLP_${s.hidden.join('→')}→1([${model === 'dien' ? 'h′(T)' : 'pooled'} ⊕ v_A])`;
    case 'ctr':
      return 'CTR = σ(z)';
  }
}
