/** The saved history keeps its times (null where unknown: JSON has no NaN). */
import { describe, expect, it } from 'vitest';
import { historyReducer, initHistory, setAction, timesOf } from '../state/historyReducer';
import { checkSaved } from './schema';
import { sessionFromFile, sessionToFile } from './sessionFile';
import { session } from './testSession';
import { savedPreset, sessionOf } from './useAutosave';

const page = (history = initHistory([])) => {
  const base = session(4);
  return { config: base.config, history, candidate: 4 };
};

describe('saved history times', () => {
  it('a history with some times saves them, through a file, and restores them', () => {
    let h = historyReducer(
      initHistory([]),
      setAction({ history: [1, 2], times: [3, 5.5], candidateTime: 6 }),
    );
    h = historyReducer(h, { type: 'add', good: 3 });
    const base = session(4);
    const saved = sessionOf(page(h), base.curves, base.checkpoint);
    expect(saved.times).toEqual([-3, -0.5, null]);
    const back = sessionFromFile(sessionToFile(saved));
    if (!back.ok) throw new Error(back.problem);
    expect(back.session.times).toEqual([-3, -0.5, null]);
    const restored = historyReducer(initHistory([]), setAction(savedPreset(back.session)));
    expect(timesOf(restored)).toEqual(timesOf(h));
  });

  it('a history without times saves none; an old record without them loads', () => {
    const base = session(4);
    const saved = sessionOf(page(initHistory([1, 2, 3])), base.curves, base.checkpoint);
    expect('times' in saved).toBe(false);
    expect(checkSaved(saved).ok).toBe(true);
    expect(savedPreset(saved)).toEqual({ history: [1, 2, 3], candidate: 4 });
  });

  it('refuses times that are not one per purchase, or after the candidate', () => {
    const s = session(4);
    expect(checkSaved({ ...s, times: [-1, 0, null] }).ok).toBe(true);
    expect(checkSaved({ ...s, times: [-1, 0] })).toMatchObject({ ok: false });
    expect(checkSaved({ ...s, times: [-1, 2, null] })).toMatchObject({ ok: false });
  });
});
