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
    expect(problems.length).toBe(5);
    expect(problems.join(' ')).toMatch(/kept the other 2/);
  });

  it('accepts an empty history and rejects inverted history bounds', () => {
    const { state, problems } = parseUrlState('?h=&minh=9&maxh=4', defaults, 44);
    expect(state.history).toEqual([]);
    expect(state.world.minHistory).toBe(8);
    expect(state.world.maxHistory).toBe(30);
    expect(problems).toHaveLength(1);
  });
});
