import { describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../train/protocol';
import type { Scored } from '../state/types';
import { diagramValues } from './diagramData';
import { blockEquation, MODEL_BLOCKS } from './blocks';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';

/** A hand-made score: history [4, 9, 2, 7] of which the models keep the last three (T = 3). */
function score(): Scored {
  const result: ScoreResult = {
    step: 12,
    history: [4, 9, 2, 7],
    kept: [1, 2, 3],
    candidate: 5,
    truth: { ctr: 0.7, nextProbability: 0.1, relevance: [0.9, 0.1, 0.2] },
    base: { ctr: 0.41, pooled: [] },
    din: {
      ctr: 0.62,
      pooled: [],
      weights: [1.5, -0.25, 0.75],
      contributions: [],
      behaviorEmbeddings: [],
      candidateEmbedding: [],
      unitHidden: [],
      ctrWithEqualWeights: 0.5,
    },
    dien: {
      ctr: 0.58,
      pooled: [],
      gruStates: [],
      evolvingStates: [],
      attention: [0.2, 0.5, 0.3],
      updateGate: [0.4, 0.6, 0.8],
      effectiveGate: [0.08, 0.3, 0.24],
      auxPositiveScore: [],
      auxNegatives: [],
      auxNegativeScore: [],
    },
  };
  return { uids: [10, 11, 12, 13], result };
}

describe('diagramValues', () => {
  it('one column per kept purchase, each with its own values, oldest first', () => {
    const v = diagramValues(score());
    expect(v.columns).toEqual([
      { k: 0, uid: 11, good: 9, din: 1.5, attention: 0.2, updateGate: 0.4, effectiveGate: 0.08 },
      { k: 1, uid: 12, good: 2, din: -0.25, attention: 0.5, updateGate: 0.6, effectiveGate: 0.3 },
      { k: 2, uid: 13, good: 7, din: 0.75, attention: 0.3, updateGate: 0.8, effectiveGate: 0.24 },
    ]);
  });

  it('each model’s CTR, the truth, the purchases not kept and the largest magnitudes', () => {
    const v = diagramValues(score());
    expect(v.ctr).toEqual({ base: 0.41, din: 0.62, dien: 0.58 });
    expect(v.trueCtr).toBe(0.7);
    expect(v.candidate).toBe(5);
    expect(v.notKept).toBe(1);
    expect(v.dinMax).toBe(1.5);
    expect(v.attentionMax).toBe(0.5);
  });

  it('a negative weight counts by its magnitude; NaN is skipped; an empty history has none', () => {
    const s = score();
    s.result.din.weights = [0.5, -2, Number.NaN];
    expect(diagramValues(s).dinMax).toBe(2);
    s.result.kept = [];
    s.result.history = [];
    const v = diagramValues(s);
    expect(v.columns).toEqual([]);
    expect(v.notKept).toBe(0);
    expect(v.dinMax).toBe(0);
    expect(v.attentionMax).toBe(0);
  });
});

describe('block equations follow the settings', () => {
  const s = DEFAULT_MODEL_SETTINGS;
  it('the defaults: authors’ unit input, no softmax, AUGRU, MLP 32→16→1', () => {
    expect(blockEquation('unit', 'din', s)).toBe('w_j = MLP([e_j, v_A, e_j − v_A, e_j ⊙ v_A])');
    expect(blockEquation('evolving', 'dien', s)).toContain('ũ′_t = a_t · u′_t');
    expect(blockEquation('mlp', 'din', s)).toBe('z = MLP_32→16→1([pooled ⊕ v_A])');
    expect(blockEquation('mlp', 'dien', s)).toBe('z = MLP_32→16→1([h′(T) ⊕ v_A])');
    expect(blockEquation('attention', 'dien', s)).toBe('a_t = softmax(h_t W e_A)');
  });

  it('the labelled variants', () => {
    expect(blockEquation('unit', 'din', { ...s, attentionInput: 'dot' })).toBe('w_j = e_j · v_A');
    expect(
      blockEquation('unit', 'din', { ...s, attentionInput: 'outer', attentionSoftmax: true }),
    ).toBe('w_j = softmax_j(MLP([e_j, v_A, e_j ⊗ v_A]))');
    expect(blockEquation('pooling', 'base', { ...s, basePooling: 'mean' })).toBe(
      'pooled = Σ_j m_j · e_j / Σ_j m_j',
    );
    expect(blockEquation('evolving', 'dien', { ...s, evolving: 'agru' })).toBe(
      'h′_t = (1 − a_t) · h′_{t−1} + a_t · h̃′_t',
    );
    expect(blockEquation('aux', 'dien', { ...s, auxWeight: 0.5 })).toContain(
      'L_target + 0.5 · L_aux',
    );
  });

  it('every model has embeddings at the bottom and the CTR at the top', () => {
    for (const blocks of Object.values(MODEL_BLOCKS)) {
      expect(blocks[0]).toBe('embeddings');
      expect(blocks[blocks.length - 1]).toBe('ctr');
    }
  });
});
