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

describe('BST and the time signal in the diff', () => {
  const bst = { position: 'timeGap', attention: 'full', output: 'concat', heads: 1 } as const;
  const plain: SessionConfig = {
    world: { ...DEFAULT_PAGE.world },
    model: DEFAULT_PAGE.model,
    train: DEFAULT_PAGE.train,
  };
  it('BST switched on is one line; a BST setting changed is its own line', () => {
    expect(settingsDiff(plain, { ...plain, bst }, 'en')).toEqual(['BST: off → on']);
    expect(
      settingsDiff({ ...plain, bst }, { ...plain, bst: { ...bst, position: 'position' } }, 'en'),
    ).toEqual(['BST positions: time gaps → plain positions']);
    expect(settingsDiff({ ...plain, bst }, { ...plain, bst: { ...bst, heads: 2 } }, 'zh')).toEqual([
      'BST 注意力头数：1 → 2',
    ]);
  });
  it('names the time signal', () => {
    const timed = { ...plain, world: { ...plain.world, timeSignal: 0.1 } };
    expect(settingsDiff(plain, timed, 'en')).toEqual(['time signal: off → 0.1']);
  });
});
