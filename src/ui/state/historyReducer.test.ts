import { describe, expect, it } from 'vitest';
import {
  goodsOf,
  historyReducer,
  initHistory,
  MAX_HISTORY,
  setAction,
  timesOf,
  type HistoryState,
} from './historyReducer';

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

  describe('times', () => {
    // Purchases on days 2, 3.5 and 10; the candidate shown on day 12.
    const timed = (): HistoryState =>
      historyReducer(
        initHistory([]),
        setAction({ history: [4, 5, 6], times: [2, 3.5, 10], candidateTime: 12 }),
      );
    const timesOfEntries = (s: HistoryState) => s.entries.map((e) => e.time);

    it('a preset with times keeps them relative to the candidate (shown at 0)', () => {
      expect(timesOfEntries(timed())).toEqual([-10, -8.5, -2]);
      expect(timesOf(timed())).toEqual([-10, -8.5, -2]);
    });

    it('without a candidate time the latest purchase is the origin', () => {
      const s = historyReducer(initHistory([]), setAction({ history: [1, 2], times: [5, 7] }));
      expect(timesOfEntries(s)).toEqual([-2, 0]);
    });

    it('a preset without times, a link (initHistory) and a bad list give none', () => {
      const none = (s: HistoryState) => expect(timesOf(s)).toBeUndefined();
      none(historyReducer(timed(), { type: 'set', goods: [1, 2] }));
      none(initHistory([1, 2, 3]));
      const set = (times: number[], candidateTime?: number) =>
        historyReducer(initHistory([]), setAction({ history: [1, 2], times, candidateTime }));
      none(set([1])); // not one per purchase
      none(set([3, 1], 5)); // out of order
      none(set([1, 6], 5)); // after the candidate
      none(set([NaN, NaN], 5));
      // An unknown one among known ones stays unknown.
      expect(timesOfEntries(set([NaN, 4], 5))).toEqual([undefined, -1]);
    });

    it('an added purchase has no time; the others keep theirs', () => {
      const s = historyReducer(timed(), { type: 'add', good: 9 });
      expect(timesOfEntries(s)).toEqual([-10, -8.5, -2, undefined]);
      expect(timesOf(s)).toEqual([-10, -8.5, -2, NaN]);
    });

    it('a moved purchase loses its time (by button or by drag); the others keep theirs', () => {
      let s = timed();
      const [a, b, c] = s.entries;
      s = historyReducer(s, { type: 'move', uid: a.uid, delta: 1 });
      expect(s.entries.map((e) => [e.uid, e.time])).toEqual([
        [b.uid, -8.5],
        [a.uid, undefined],
        [c.uid, -2],
      ]);
      s = historyReducer(timed(), { type: 'moveTo', uid: c.uid, index: 0 });
      expect(timesOfEntries(s)).toEqual([undefined, -10, -8.5]);
      // A move that goes nowhere changes nothing, its time included.
      const same = timed();
      expect(historyReducer(same, { type: 'move', uid: a.uid, delta: -1 })).toBe(same);
    });

    it('removing keeps the others’ times; the cap keeps the latest times with their goods', () => {
      const s = timed();
      const removed = historyReducer(s, { type: 'remove', uid: s.entries[1].uid });
      expect(timesOfEntries(removed)).toEqual([-10, -2]);
      const n = MAX_HISTORY + 3;
      const goods = Array.from({ length: n }, (_, i) => (i % 40) + 1);
      const times = Array.from({ length: n }, (_, i) => i);
      const capped = historyReducer(
        initHistory([]),
        setAction({ history: goods, times, candidateTime: n }),
      );
      expect(capped.entries[0]).toMatchObject({ good: goods[3], time: 3 - n });
      expect(capped.entries.at(-1)).toMatchObject({ good: goods[n - 1], time: -1 });
    });

    it('an add beyond the cap drops the oldest purchase with its time', () => {
      const goods = Array.from({ length: MAX_HISTORY }, (_, i) => (i % 40) + 1);
      const times = goods.map((_, i) => i);
      let s = historyReducer(
        initHistory([]),
        setAction({ history: goods, times, candidateTime: MAX_HISTORY }),
      );
      s = historyReducer(s, { type: 'add', good: 1 });
      expect(s.entries[0].time).toBe(1 - MAX_HISTORY);
      expect(s.entries.at(-1)?.time).toBeUndefined();
    });
  });
});
