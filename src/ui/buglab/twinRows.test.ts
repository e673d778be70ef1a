import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../state/defaults';
import { initPage } from '../state/pageReducer';
import type { Progress } from '../../train/protocol';
import { twinRows } from './twinRows';

const m = (auc: number) => ({ auc, gauc: auc - 0.01, logloss: 0.6 });
const config = { ...initPage(DEFAULT_PAGE).config, bugLab: ['paddingLeak' as const] };
const progress = {
  testStep: 40,
  test: { base: m(0.7), din: m(0.72), dien: m(0.75) },
  twinTest: { 'paddingLeak|base': m(0.69), 'paddingLeak|din': m(0.71) },
} as unknown as Progress;

describe('twinRows', () => {
  it('names each bugged copy by model and switch, in the switches’ order', () => {
    const rows = twinRows(config, progress, 40, 'en');
    expect(rows.map((r) => r.name)).toEqual([
      'Base + Padding not masked',
      'DIN + Padding not masked',
    ]);
    expect(rows[1].metrics.auc).toBe(0.71);
    expect(twinRows(config, progress, 40, 'zh')[0].name).toBe('Base + 填充位未屏蔽');
  });

  it('shows nothing for another step than the twins were evaluated at (rewound), or without twins', () => {
    expect(twinRows(config, progress, 20, 'en')).toEqual([]);
    expect(twinRows(config, { ...progress, twinTest: undefined }, 40, 'en')).toEqual([]);
    expect(twinRows({ ...config, bugLab: undefined }, progress, 40, 'en')).toEqual([]);
  });
});
