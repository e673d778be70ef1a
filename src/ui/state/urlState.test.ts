import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState, type PageState } from './urlState';

const defaults: PageState = {
  history: [2, 13, 24],
  candidate: 1,
  world: {
    seed: 1,
    shoppers: 1500,
    minHistory: 8,
    maxHistory: 30,
    drift: 0.15,
    noise: 0.15,
    related: 0.5,
  },
  model: {
    embDim: 6,
    T: 20,
    hidden: [32, 16],
    activation: 'prelu',
    basePooling: 'sum',
    attentionInput: 'diffprod',
    attentionHidden: [36],
    attentionSoftmax: false,
    evolving: 'augru',
    auxWeight: 1,
  },
  train: { batchSize: 64, learningRate: 0.005, seed: 1, evalEvery: 20 },
  speed: 2,
  lang: 'en',
};

describe('url state', () => {
  it('round-trips every setting', () => {
    const state: PageState = {
      ...defaults,
      history: [5, 5, 40],
      candidate: 44,
      world: { ...defaults.world, seed: 7, shoppers: 60, drift: 0.3, minHistory: 3, maxHistory: 6 },
      model: {
        ...defaults.model,
        T: 4,
        embDim: 2,
        attentionInput: 'outer',
        attentionSoftmax: true,
        evolving: 'agru',
        auxWeight: 0.5,
      },
      train: { ...defaults.train, batchSize: 8, learningRate: 0.01, seed: 3 },
      speed: 5,
      lang: 'zh',
      backend: 'wasm',
    };
    const search = serializeUrlState(state, defaults);
    const { state: back, problems } = parseUrlState(search, defaults, 44);
    expect(problems).toEqual([]);
    expect(back).toEqual(state);
  });

  it('writes nothing for the defaults', () => {
    expect(serializeUrlState(defaults, defaults)).toBe('');
    expect(parseUrlState('', defaults, 44)).toEqual({ state: defaults, problems: [] });
  });

  it('ignores garbage field by field and says what', () => {
    const { state, problems } = parseUrlState(
      '?h=3.zz.999.4&c=abc&T=-5&lr=NaN&seed=12&cell=lstm&%E0%A4%A=1',
      defaults,
      44,
    );
    expect(state.history).toEqual([3, 4]);
    expect(state.candidate).toBe(defaults.candidate);
    expect(state.model.T).toBe(defaults.model.T);
    expect(state.train.learningRate).toBe(defaults.train.learningRate);
    expect(state.model.evolving).toBe('augru');
    expect(state.world.seed).toBe(12);
    // Five bad values, and one key that is no setting at all (issue 11: said, not ignored).
    expect(problems.length).toBe(6);
    expect(problems.join(' ')).toMatch(/kept the other 2/);
    expect(problems.join(' ')).toMatch(/is not a setting of this page/);
  });

  it('takes the fused kernels switch, and names a value it does not know', () => {
    expect(parseUrlState('?kernels=off', defaults, 44).problems).toEqual([]);
    expect(parseUrlState('?kernels=on', defaults, 44).problems).toEqual([]);
    expect(parseUrlState('?kernels=maybe', defaults, 44).problems).toEqual([
      'kernels=“maybe” (expected on or off)',
    ]);
  });

  it('says which keys are unknown or given twice, and uses the first of a repeated key', () => {
    const { state, problems } = parseUrlState('?T=5&T=9&colour=red', defaults, 44);
    expect(state.model.T).toBe(5);
    expect(problems).toEqual([
      'T was given 2 times (used the first)',
      '“colour” is not a setting of this page',
    ]);
  });

  it('words its problems in the link’s language, keeping only the reader’s own text as it came', () => {
    const { problems } = parseUrlState(
      '?lang=zh&T=abc&colour=red&shoppers=20000&minh=200&maxh=200',
      defaults,
      44,
    );
    expect(problems).toEqual([
      '“colour”不是本页面的设置',
      'T=“abc”（应为 1–100 之间的整数）',
      '这些设置合在一起超出了资源预算：购物者人数（shoppers）从 20000 改为 402',
    ]);
  });

  it('accepts the largest seed its hint names', () => {
    const { state, problems } = parseUrlState('?seed=2147483647', defaults, 44);
    expect(state.world.seed).toBe(2147483647);
    expect(problems).toEqual([]);
    expect(parseUrlState('?seed=2147483648', defaults, 44).problems[0]).toMatch(
      /expected an integer in 0–2147483647/,
    );
  });

  it('caps settings that are each allowed but do not fit together, and says so', () => {
    const { state, problems } = parseUrlState(
      '?shoppers=20000&minh=200&maxh=200&T=100&emb=64&batch=2048',
      defaults,
      44,
    );
    expect(state.world.shoppers).toBe(402);
    expect(state.train.batchSize).toBe(10);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/kept 402 shoppers/);
    expect(problems[1]).toMatch(/kept batch 10 /);
  });

  it('accepts an empty history and rejects inverted history bounds', () => {
    const { state, problems } = parseUrlState('?h=&minh=9&maxh=4', defaults, 44);
    expect(state.history).toEqual([]);
    expect(state.world.minHistory).toBe(8);
    expect(state.world.maxHistory).toBe(30);
    expect(problems).toHaveLength(1);
  });
});

describe('the bug lab in the link', () => {
  it('reads up to two known switches, writes them back, and leaves "none" out', () => {
    const r = parseUrlState('?bugs=paddingLeak,invertedAugru', defaults, 30);
    expect(r.problems).toEqual([]);
    expect(r.state.bugLab).toEqual(['paddingLeak', 'invertedAugru']);
    expect(serializeUrlState(r.state, defaults)).toBe('?bugs=paddingLeak%2CinvertedAugru');
    expect(serializeUrlState(defaults, defaults)).toBe('');
    expect('bugLab' in parseUrlState('?bugs=', defaults, 30).state).toBe(false);
  });

  it('refuses unknown, repeated or too many switches, keeping none on', () => {
    for (const raw of ['nope', 'paddingLeak,paddingLeak', 'paddingLeak,invertedAugru,auxDropped']) {
      const r = parseUrlState(`?bugs=${raw}`, defaults, 30);
      expect(r.state.bugLab, raw).toBeUndefined();
      expect(r.problems, raw).toHaveLength(1);
      expect(r.problems[0], raw).toMatch(/bugs/);
    }
  });
});

describe('BST and the time signal in the link', () => {
  it('bst=1 alone is the paper BST, written back as bst=1 only', () => {
    const r = parseUrlState('?bst=1', defaults, 30);
    expect(r.problems).toEqual([]);
    expect(r.state.bst).toEqual({
      position: 'timeGap',
      attention: 'full',
      output: 'concat',
      heads: 1,
    });
    expect(serializeUrlState(r.state, defaults)).toBe('?bst=1');
    expect('bst' in parseUrlState('?bst=0', defaults, 30).state).toBe(false);
    expect('bst' in parseUrlState('', defaults, 30).state).toBe(false);
  });

  it('reads and writes each of BST settings that differ from the paper', () => {
    const link = '?bst=1&bstpos=position&bstheads=2&bstattn=causal&bstout=candidate';
    const r = parseUrlState(link, defaults, 30);
    expect(r.problems).toEqual([]);
    expect(r.state.bst).toEqual({
      position: 'position',
      attention: 'causal',
      output: 'candidate',
      heads: 2,
    });
    expect(serializeUrlState(r.state, defaults)).toBe(link);
  });

  it('ignores BST settings without bst=1 (no half BST) and refuses bad values', () => {
    const off = parseUrlState('?bstpos=position&bstheads=2', defaults, 30);
    expect(off.problems).toEqual([]);
    expect('bst' in off.state).toBe(false);
    for (const raw of ['bstpos=clock', 'bstheads=3', 'bstattn=masked', 'bstout=sum', 'bst=yes']) {
      const r = parseUrlState(`?bst=1&${raw}`, defaults, 30);
      expect(r.problems, raw).toHaveLength(1);
      expect(r.problems[0], raw).toMatch(new RegExp(raw.split('=')[0]));
    }
    expect(parseUrlState('?bst=1&bstheads=3', defaults, 30).state.bst?.heads).toBe(1);
  });

  it('tsig sets the world time signal; 0 leaves the field out; negatives are refused', () => {
    const r = parseUrlState('?tsig=0.1', defaults, 30);
    expect(r.state.world.timeSignal).toBe(0.1);
    expect(serializeUrlState(r.state, defaults)).toBe('?tsig=0.1');
    expect('timeSignal' in parseUrlState('?tsig=0', defaults, 30).state.world).toBe(false);
    const bad = parseUrlState('?tsig=-1', defaults, 30);
    expect(bad.problems).toHaveLength(1);
    expect('timeSignal' in bad.state.world).toBe(false);
  });
});
