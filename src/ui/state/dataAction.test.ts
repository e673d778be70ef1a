/** The page on an imported file: one action in, one out; the config names the file only. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE, DEFAULT_PAGE } from './defaults';
import { goodsOf } from './historyReducer';
import { initPage, pageReducer, patched, urlStateOf, withData } from './pageReducer';

const FILE = { kind: 'imported', id: 'f1', name: 'log.csv' } as const;
const start = { history: [3, 9, 4], candidate: 7 };

describe("the page reducer's data action", () => {
  it('trains on the file: a new run on its start, nothing to undo, live again', () => {
    let p = pageReducer(initPage(DEFAULT_PAGE), {
      type: 'history',
      action: { type: 'add', good: 5 },
    });
    p = pageReducer(p, { type: 'rewind', step: 20 });
    p = pageReducer(p, { type: 'data', data: FILE, start, compare: { current: 7, old: 3 } });
    expect(p.config.data).toEqual(FILE);
    expect(goodsOf(p.history)).toEqual([3, 9, 4]);
    expect(p.candidate).toBe(7);
    expect(p.past).toEqual([]);
    expect(p.atStep).toBeNull();
    expect(p.resets).toBe(1);
    expect(p.compare).toEqual({ current: 7, old: 3 });
    // A changed setting keeps the file.
    expect(patched(p.config, { model: { T: 5 } }).data).toEqual(FILE);
    const back = pageReducer(p, {
      type: 'data',
      data: null,
      start: { history: [1, 2], candidate: 4 },
      compare: DEFAULT_COMPARE,
    });
    expect(back.config).not.toHaveProperty('data');
    expect(back.resets).toBe(2);
  });

  it('the page keeps the name, never the world; the link keeps the toy defaults', () => {
    const heavy = { ...FILE, world: { kind: 'imported' } as never };
    const c = withData(initPage(DEFAULT_PAGE).config, heavy);
    expect(c.data).toEqual(FILE);
    const p = pageReducer(initPage(DEFAULT_PAGE), {
      type: 'data',
      data: FILE,
      start,
      compare: DEFAULT_COMPARE,
    });
    const url = urlStateOf(p, undefined);
    expect(url.history).toEqual(DEFAULT_PAGE.history);
    expect(url.candidate).toBe(DEFAULT_PAGE.candidate);
    expect(url).not.toHaveProperty('data');
  });

  it('resuming a run of other data drops the goods that mean nothing there', () => {
    const toy = initPage(DEFAULT_PAGE);
    const onFile = pageReducer(toy, { type: 'data', data: FILE, start, compare: DEFAULT_COMPARE });
    const back = pageReducer(onFile, { type: 'resume', config: toy.config });
    expect(goodsOf(back.history)).toEqual(DEFAULT_PAGE.history);
    expect(back.candidate).toBe(DEFAULT_PAGE.candidate);
    expect(back.past).toEqual([]);
    const again = pageReducer(back, { type: 'resume', config: onFile.config });
    expect(goodsOf(again.history)).toEqual([]);
    expect(again.candidate).toBe(1);
    // The same data: the history stays.
    const same = pageReducer(onFile, { type: 'resume', config: onFile.config });
    expect(goodsOf(same.history)).toEqual([3, 9, 4]);
  });
});
