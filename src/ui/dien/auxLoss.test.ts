import { describe, expect, it } from 'vitest';
import { auxRows } from './AuxLoss';
import type { Scored } from '../state/types';

describe('aux-loss rows', () => {
  it('pair each kept purchase with the next one and recompute the loss term from the model scores', () => {
    const scored = {
      uids: [1, 2, 3, 4],
      result: {
        history: [10, 11, 12, 13],
        kept: [1, 2, 3], // T = 3: the oldest purchase is not kept
        dien: {
          auxPositiveScore: [2, -1, NaN],
          auxNegatives: [30, 31, 0],
          auxNegativeScore: [-0.5, 0.25, NaN],
        },
      },
    } as unknown as Scored;
    const rows = auxRows(scored);
    expect(rows.map((r) => [r.t, r.current, r.next, r.negative])).toEqual([
      [1, 11, 12, 30],
      [2, 12, 13, 31],
    ]);
    const term = (p: number, n: number) =>
      -Math.log(1 / (1 + Math.exp(-p))) - Math.log(1 - 1 / (1 + Math.exp(-n)));
    expect(rows[0].loss).toBeCloseTo(term(2, -0.5), 12);
    expect(rows[1].loss).toBeCloseTo(term(-1, 0.25), 12);
  });
});
