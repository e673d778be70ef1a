import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from './defaults';
import { timesOf } from './historyReducer';
import { initPage, pageReducer } from './pageReducer';

describe('the page’s history times', () => {
  const preset = { history: [4, 5], candidate: 6, times: [1, 4], candidateTime: 5 };

  it('a preset brings its times; undo brings back the times of the history it restores', () => {
    let p = pageReducer(initPage(DEFAULT_PAGE), { type: 'preset', preset });
    expect(timesOf(p.history)).toEqual([-4, -1]);
    p = pageReducer(p, { type: 'history', action: { type: 'add', good: 7 } });
    expect(timesOf(p.history)).toEqual([-4, -1, NaN]);
    p = pageReducer(p, { type: 'preset', preset: { history: [1, 2], candidate: 3 } });
    expect(timesOf(p.history)).toBeUndefined();
    p = pageReducer(p, { type: 'undo' });
    expect(timesOf(p.history)).toEqual([-4, -1, NaN]);
    p = pageReducer(p, { type: 'undo' });
    expect(timesOf(p.history)).toEqual([-4, -1]);
  });

  it('a new candidate keeps the times (it is shown at the same moment)', () => {
    let p = pageReducer(initPage(DEFAULT_PAGE), { type: 'preset', preset });
    p = pageReducer(p, { type: 'candidate', good: 9 });
    expect(timesOf(p.history)).toEqual([-4, -1]);
  });

  it('a new data set starts from its preset’s times', () => {
    const p = pageReducer(initPage(DEFAULT_PAGE), {
      type: 'data',
      data: null,
      start: preset,
      compare: { current: 6, old: 4 },
    });
    expect(timesOf(p.history)).toEqual([-4, -1]);
  });
});
