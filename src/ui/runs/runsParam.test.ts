import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../state/defaults';
import type { SessionConfig } from '../../train/protocol';
import { readRunsParam, writeRunsParam } from './runsParam';

const base = {
  ...DEFAULT_PAGE,
  model: { ...DEFAULT_PAGE.model, attentionInput: 'diffprod' as const },
};
const cfg = (c: Partial<SessionConfig> = {}): SessionConfig => ({
  world: base.world,
  model: base.model,
  train: base.train,
  ...c,
});

describe('the runs parameter', () => {
  it('writes each run as its differences from the page’s settings and its step count', () => {
    const dot = cfg({ model: { ...base.model, attentionInput: 'dot' } });
    const seeded = cfg({ train: { ...base.train, seed: base.train.seed + 1 } });
    expect(
      writeRunsParam(
        [
          { config: cfg(), steps: 40 },
          { config: dot, steps: 40 },
          { config: seeded, steps: 12 },
        ],
        base,
      ),
    ).toBe(`n_40-attn_dot*n_40-tseed_${base.train.seed + 1}*n_12`);
    expect(writeRunsParam([], base)).toBe('');
  });

  it('reads back the same settings and steps', () => {
    const runs = [
      {
        config: cfg({ model: { ...base.model, attentionInput: 'dot', attentionSoftmax: true } }),
        steps: 300,
      },
      { config: cfg({ world: { ...base.world, drift: 0.25 } }), steps: 7 },
    ];
    const text = writeRunsParam(runs, base);
    expect(text).toBe('attn_dot*softmax_1*n_300-drift_0.25*n_7');
    expect(readRunsParam(text, base)).toEqual({ runs, bad: [] });
  });

  it('carries the bug lab’s switches of a run, and reads them back', () => {
    const lab = cfg({ bugLab: ['paddingLeak', 'invertedAugru'] });
    const raw = writeRunsParam([{ config: lab, steps: 30 }], base);
    expect(raw).toBe('bugs_paddingLeak,invertedAugru*n_30');
    expect(readRunsParam(raw, base).runs).toEqual([{ config: lab, steps: 30 }]);
  });

  it('leaves out a run it cannot read whole, and keeps the others', () => {
    const r = readRunsParam('attn_cross*n_4-n_9-T_6', base);
    expect(r.runs).toEqual([{ config: cfg(), steps: 9 }]);
    expect(r.bad).toEqual(['attn_cross*n_4', 'T_6']);
    expect(readRunsParam(null, base)).toEqual({ runs: [], bad: [] });
  });
});

describe('BST runs in the link', () => {
  it('a BST run (plain positions, time world) travels and comes back whole', () => {
    const bst = { position: 'position', attention: 'full', output: 'concat', heads: 1 } as const;
    const run = { config: cfg({ world: { ...base.world, timeSignal: 0.1 }, bst }), steps: 20 };
    const raw = writeRunsParam([run, { config: cfg(), steps: 5 }], base);
    expect(raw).toBe('tsig_0.1*bst_1*bstpos_position*n_20-n_5');
    const back = readRunsParam(raw, base);
    expect(back.bad).toEqual([]);
    expect(back.runs[0]).toEqual(run);
    expect('bst' in back.runs[1].config).toBe(false);
  });
});
