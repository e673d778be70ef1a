import { describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../train/protocol';
import { attentionMatrix, threeWays } from './bstView';

const names: Record<number, string> = { 5: 'mouse', 7: 'keyboard', 9: 'monitor' };
const name = (g: number) => names[g] ?? `#${g}`;

/** History [9, 5, 7, 5] with T = 3: the kept ones are indices 1, 2, 3 (mouse, keyboard, mouse). */
function result(attention?: number[][][]): ScoreResult {
  return {
    step: 40,
    history: [9, 5, 7, 5],
    kept: [1, 2, 3],
    candidate: 9,
    din: { weights: [0.5, 1.25, 0.25] },
    dien: { attention: [0.2, 0.3, 0.5] },
    ...(attention ? { bst: { attention } } : {}),
  } as unknown as ScoreResult;
}

const HEAD0 = [
  [1, 0, 0, 0],
  [0.5, 0.5, 0, 0],
  [0.25, 0.25, 0.5, 0],
  [0.1, 0.2, 0.3, 0.4],
];
const HEAD1 = [
  [0.25, 0.25, 0.25, 0.25],
  [0.25, 0.25, 0.25, 0.25],
  [0.25, 0.25, 0.25, 0.25],
  [0.4, 0.3, 0.2, 0.1],
];

describe('the attention matrix', () => {
  it('labels the kept purchases by number and name, then the candidate', () => {
    const m = attentionMatrix(result([HEAD0, HEAD1]), 0, name, 'candidate');
    expect(m?.labels).toEqual(['1. mouse', '2. keyboard', '3. mouse', 'monitor (candidate)']);
    expect(m?.heads).toBe(2);
    expect(m?.rows.map((r) => r.label)).toEqual(m?.labels);
    expect(m?.rows[3].cells).toEqual([0.1, 0.2, 0.3, 0.4]);
    for (const r of m?.rows ?? []) expect(r.sum).toBeCloseTo(1, 12);
  });

  it('gives the chosen head, and null without BST or with tokens that are not these', () => {
    expect(attentionMatrix(result([HEAD0, HEAD1]), 1, name, 'c')?.rows[3].cells).toEqual([
      0.4, 0.3, 0.2, 0.1,
    ]);
    expect(attentionMatrix(result(), 0, name, 'c')).toBeNull();
    expect(attentionMatrix(result([HEAD0]), 1, name, 'c')).toBeNull();
    expect(attentionMatrix(result([HEAD0.slice(1)]), 0, name, 'c')).toBeNull();
  });
});

describe('three ways of attending', () => {
  it('puts DIN, DIEN and BST candidate row side by side per kept purchase', () => {
    const t = threeWays(result([HEAD0, HEAD1]), 0, name);
    expect(t?.rows).toEqual([
      { label: '1. mouse', din: 0.5, dien: 0.2, bst: 0.1 },
      { label: '2. keyboard', din: 1.25, dien: 0.3, bst: 0.2 },
      { label: '3. mouse', din: 0.25, dien: 0.5, bst: 0.3 },
    ]);
    // DIN unnormalised: 2; DIEN softmax: 1; BST: 1 − what the candidate gives itself (0.4).
    expect(t?.sums.din).toBeCloseTo(2, 12);
    expect(t?.sums.dien).toBeCloseTo(1, 12);
    expect(t?.sums.bst).toBeCloseTo(0.6, 12);
    expect(t?.bstSelf).toBe(0.4);
    expect(threeWays(result([HEAD0, HEAD1]), 1, name)?.bstSelf).toBe(0.1);
  });

  it('is null without BST', () => {
    expect(threeWays(result(), 0, name)).toBeNull();
  });
});
