import { describe, expect, it } from 'vitest';
import type { Curves } from '../state/types';
import { curvesCsv } from './csv';

const m = (auc: number) => ({ auc, gauc: auc - 0.01, logloss: 0.69 });

describe('curvesCsv', () => {
  it('writes one row per step, model and metric, with blanks for non-finite values', () => {
    const curves: Curves = {
      version: 1,
      loss: [{ step: 1, loss: { base: 0.7, din: 0.69, dien: 2.1 }, aux: NaN }],
      test: [{ step: 0, test: { base: m(0.5), din: m(0.51), dien: m(0.52) } }],
    };
    const lines = curvesCsv(curves).trimEnd().split('\n');
    expect(lines[0]).toBe('step,model,metric,value');
    expect(lines.slice(1, 5)).toEqual([
      '1,base,loss,0.7',
      '1,din,loss,0.69',
      '1,dien,loss,2.1',
      '1,dien,aux_loss,',
    ]);
    expect(lines).toContain('0,din,test_auc,0.51');
    expect(lines).toContain('0,dien,test_gauc,0.51');
    expect(lines).toHaveLength(1 + 4 + 9);
  });
});
