import { describe, expect, it } from 'vitest';
import { goodsOf, historyReducer, initHistory, MAX_HISTORY } from './historyReducer';

describe('historyReducer', () => {
  it('adds to the end (most recent) and removes by uid', () => {
    let s = initHistory([2, 13]);
    s = historyReducer(s, { type: 'add', good: 1 });
    expect(goodsOf(s)).toEqual([2, 13, 1]);
    s = historyReducer(s, { type: 'remove', uid: s.entries[1].uid });
    expect(goodsOf(s)).toEqual([2, 1]);
  });

  it('moves left and right, clamped at the ends', () => {
    let s = initHistory([1, 2, 3]);
    const uid = s.entries[0].uid;
    s = historyReducer(s, { type: 'move', uid, delta: -1 });
    expect(goodsOf(s)).toEqual([1, 2, 3]);
    s = historyReducer(s, { type: 'move', uid, delta: 1 });
    expect(goodsOf(s)).toEqual([2, 1, 3]);
    s = historyReducer(s, { type: 'moveTo', uid, index: 99 });
    expect(goodsOf(s)).toEqual([2, 3, 1]);
    expect(s.entries[2].uid).toBe(uid);
  });

  it('keeps uids unique across duplicates and presets', () => {
    let s = initHistory([5, 5]);
    s = historyReducer(s, { type: 'set', goods: [5, 5, 5] });
    s = historyReducer(s, { type: 'add', good: 5 });
    const uids = s.entries.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('returns the same state for an edit that changes nothing (so it is no undo step)', () => {
    const s = initHistory([1, 2, 3]);
    const [first, , last] = s.entries;
    expect(historyReducer(s, { type: 'move', uid: first.uid, delta: -1 })).toBe(s);
    expect(historyReducer(s, { type: 'move', uid: last.uid, delta: 1 })).toBe(s);
    expect(historyReducer(s, { type: 'moveTo', uid: first.uid, index: 0 })).toBe(s);
    expect(historyReducer(s, { type: 'remove', uid: 999 })).toBe(s);
    const empty = initHistory([]);
    expect(historyReducer(empty, { type: 'clear' })).toBe(empty);
  });

  it('a preset takes fresh uids, never one in use before', () => {
    let s = initHistory([1, 2]);
    s = historyReducer(s, { type: 'set', goods: [7, 8] });
    expect(s.entries.map((e) => e.uid)).toEqual([3, 4]);
    expect(s.nextUid).toBe(5);
  });

  it('caps the length, dropping the oldest', () => {
    const many = Array.from({ length: MAX_HISTORY + 5 }, (_, i) => (i % 40) + 1);
    const s = initHistory(many);
    expect(s.entries.length).toBe(MAX_HISTORY);
    expect(goodsOf(s)).toEqual(many.slice(-MAX_HISTORY));
  });
});
