import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from './defaults';
import { goodsOf } from './historyReducer';
import { initPage, pageReducer, urlStateOf, type PageModel } from './pageReducer';

const start = (): PageModel => initPage(DEFAULT_PAGE);

describe('page reducer', () => {
  it('starts from the linked state, live, with no reset asked for', () => {
    const p = start();
    expect(goodsOf(p.history)).toEqual(DEFAULT_PAGE.history);
    expect(p.candidate).toBe(DEFAULT_PAGE.candidate);
    expect(p.atStep).toBeNull();
    expect(p.resets).toBe(0);
    expect(urlStateOf(p, 'wasm')).toEqual({ ...DEFAULT_PAGE, backend: 'wasm' });
  });

  it('a changed setting and the Reset button are one intent: new config, counter bumped, live again', () => {
    let p = pageReducer(start(), { type: 'rewind', step: 40 });
    expect(p.atStep).toBe(40);
    p = pageReducer(p, { type: 'reset', patch: { model: { T: 5 }, train: { seed: 9 } } });
    expect(p.resets).toBe(1);
    expect(p.atStep).toBeNull();
    expect(p.config.model).toEqual({ ...DEFAULT_PAGE.model, T: 5 });
    expect(p.config.train).toEqual({ ...DEFAULT_PAGE.train, seed: 9 });
    expect(p.config.world).toEqual(DEFAULT_PAGE.world);
    p = pageReducer(pageReducer(p, { type: 'rewind', step: 10 }), { type: 'reset' });
    expect(p.resets).toBe(2);
    expect(p.atStep).toBeNull();
    expect(p.config.model.T).toBe(5);
  });

  it('a learning rate taken on the NaN guard’s offer changes the config but asks for no reset', () => {
    const p = pageReducer(pageReducer(start(), { type: 'rewind', step: 40 }), {
      type: 'learningRate',
      learningRate: 0.0005,
    });
    expect(p.config.train.learningRate).toBe(0.0005);
    expect(p.resets).toBe(0);
    expect(p.atStep).toBe(40);
    expect(urlStateOf(p, undefined).train.learningRate).toBe(0.0005);
  });

  it('a setting that would not fit the resource budget together with the others is capped', () => {
    const p = pageReducer(start(), {
      type: 'reset',
      patch: { world: { shoppers: 20000, minHistory: 200, maxHistory: 200 } },
    });
    expect(p.config.world.shoppers).toBe(402);
    expect(p.resets).toBe(1);
  });

  it('a preset sets history and candidate together, and can be undone', () => {
    let p = pageReducer(start(), { type: 'preset', preset: { history: [4, 5], candidate: 6 } });
    expect(goodsOf(p.history)).toEqual([4, 5]);
    expect(p.candidate).toBe(6);
    p = pageReducer(p, { type: 'history', action: { type: 'undo' } });
    expect(goodsOf(p.history)).toEqual(DEFAULT_PAGE.history);
  });

  it('returns the same state for a no-op, so nothing re-renders', () => {
    const p = start();
    expect(pageReducer(p, { type: 'candidate', good: p.candidate })).toBe(p);
    expect(pageReducer(p, { type: 'rewind', step: null })).toBe(p);
    expect(pageReducer(p, { type: 'inspect', uid: null })).toBe(p);
    expect(pageReducer(p, { type: 'history', action: { type: 'undo' } })).toBe(p);
  });

  it('the comparison candidates change one at a time', () => {
    const p = pageReducer(start(), { type: 'compare', old: 3 });
    expect(p.compare).toEqual({ current: start().compare.current, old: 3 });
  });
});
