import { describe, expect, it } from 'vitest';
import { labEntry } from '../../model/bugs';
import type { TwinProbeResult } from '../../train/protocol';
import { probeRows } from './probeRows';
import { BUGLAB_STRINGS } from './strings';

const w = BUGLAB_STRINGS.en;
const probe = (extra = {}) => ({
  lengths: [3, 20, 40],
  correct: [0.61234, 0.61234, 0.61234],
  bugged: [0.6, 0.65, 0.7],
  ...extra,
});

describe('probeRows', () => {
  it('padding: the CTR at each padding length, correct against bugged', () => {
    const r: TwinProbeResult = { step: 5, probes: { 'paddingLeak|din': probe() } };
    const rows = probeRows(labEntry('paddingLeak')!, r, w);
    expect(rows.map((x) => x.label)).toEqual([
      'DIN CTR, 3 purchases in 3 slots',
      'DIN CTR, 3 purchases in 20 slots',
      'DIN CTR, 3 purchases in 40 slots',
    ]);
    expect(rows.map((x) => x.correct)).toEqual(['0.6123', '0.6123', '0.6123']);
    expect(rows[2].bugged).toBe('0.7000');
  });

  it('softmax: the sum of the weights; the AUGRU gate: the move where a_t is smallest', () => {
    const soft: TwinProbeResult = {
      step: 5,
      probes: { 'scaledSoftmax|din': probe({ weightSum: { correct: 2.345, bugged: 1 } }) },
    };
    const rows = probeRows(labEntry('scaledSoftmax')!, soft, w);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ label: 'Sum of DIN’s weights', correct: '2.345', bugged: '1.000' });
    const q = { position: 2, correctA: 0.05, buggedA: 0.07, correctMove: 0.012, buggedMove: 0.4 };
    const gate: TwinProbeResult = {
      step: 5,
      probes: { 'invertedAugru|dien': probe({ quietest: q }) },
    };
    const g = probeRows(labEntry('invertedAugru')!, gate, w);
    expect(g[1].label).toBe(
      'DIEN state move at purchase 3, the least relevant (a_t 0.050 correct / 0.070 bugged)',
    );
    expect([g[1].correct, g[1].bugged]).toEqual(['0.012', '0.400']);
  });

  it('leaves out models the probe has no twin for', () => {
    expect(probeRows(labEntry('paddingLeak')!, { step: 1, probes: {} }, w)).toEqual([]);
  });
});
