import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../state/defaults';
import type { SessionConfig } from '../../train/protocol';
import { settingsDiff } from './settingsDiff';

const BASE: SessionConfig = {
  world: DEFAULT_PAGE.world,
  model: { ...DEFAULT_PAGE.model, attentionInput: 'diffprod' },
  train: DEFAULT_PAGE.train,
};
const withModel = (m: Partial<SessionConfig['model']>): SessionConfig => ({
  ...BASE,
  model: { ...BASE.model, ...m },
});

describe('settingsDiff', () => {
  it('names the changed setting and both values in words', () => {
    expect(settingsDiff(BASE, withModel({ attentionInput: 'dot' }), 'en')).toEqual([
      'activation-unit input: difference and product → dot product',
    ]);
    expect(settingsDiff(BASE, withModel({ attentionInput: 'dot' }), 'zh')).toEqual([
      '激活单元输入：差与逐元素积 → 内积',
    ]);
  });

  it('says nothing for the same settings, and lists several changes world → model → train', () => {
    expect(settingsDiff(BASE, structuredClone(BASE), 'en')).toEqual([]);
    const b: SessionConfig = {
      world: { ...BASE.world, drift: 0.25 },
      model: { ...BASE.model, attentionSoftmax: true, hidden: [40, 20] },
      train: { ...BASE.train, seed: BASE.train.seed + 1 },
    };
    expect(settingsDiff(BASE, b, 'en')).toEqual([
      `interest drift: ${BASE.world.drift} → 0.25`,
      `MLP hidden sizes: ${BASE.model.hidden.join(', ')} → 40, 20`,
      'softmax-normalised DIN weights: off → on',
      `training seed: ${BASE.train.seed} → ${BASE.train.seed + 1}`,
    ]);
  });

  it('words the bug lab’s switches by the ones that are on, absent as off', () => {
    expect(settingsDiff(BASE, withModel({ bugs: { paddingLeak: true } }), 'en')).toEqual([
      'bug-lab switches: off → paddingLeak',
    ]);
  });
});
