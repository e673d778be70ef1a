/**
 * The purchase-history editor as a pure reducer. Each entry carries a uid so that React keys,
 * focus and the "ghost" of the previous attention survive reorders and duplicates of one good.
 */

export interface HistoryEntry {
  uid: number;
  good: number;
}

export interface HistoryState {
  entries: HistoryEntry[];
  nextUid: number;
  /** The history before the last destructive edit (clear / preset), so the reader can undo it. */
  undo: number[] | null;
}

export type HistoryAction =
  | { type: 'add'; good: number }
  | { type: 'remove'; uid: number }
  | { type: 'move'; uid: number; delta: number }
  | { type: 'moveTo'; uid: number; index: number }
  | { type: 'clear' }
  | { type: 'set'; goods: number[] }
  | { type: 'undo' };

/** Upper bound on the editor's length: long enough to show truncation to T, short enough to stay readable. */
export const MAX_HISTORY = 60;

export function initHistory(goods: number[]): HistoryState {
  const kept = goods.slice(-MAX_HISTORY);
  return {
    entries: kept.map((good, i) => ({ uid: i + 1, good })),
    nextUid: kept.length + 1,
    undo: null,
  };
}

export function goodsOf(state: HistoryState): number[] {
  return state.entries.map((e) => e.good);
}

function moveEntry(entries: HistoryEntry[], from: number, to: number): HistoryEntry[] {
  const clamped = Math.max(0, Math.min(entries.length - 1, to));
  if (from < 0 || from === clamped) return entries;
  const next = entries.slice();
  const [moved] = next.splice(from, 1);
  next.splice(clamped, 0, moved);
  return next;
}

export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'add': {
      // Appending means "bought most recently"; beyond the cap the oldest purchase drops off,
      // exactly as the models keep only the most recent behaviors.
      const entries = [...state.entries, { uid: state.nextUid, good: action.good }].slice(
        -MAX_HISTORY,
      );
      return { ...state, entries, nextUid: state.nextUid + 1 };
    }
    case 'remove':
      return { ...state, entries: state.entries.filter((e) => e.uid !== action.uid) };
    case 'move': {
      const from = state.entries.findIndex((e) => e.uid === action.uid);
      return { ...state, entries: moveEntry(state.entries, from, from + action.delta) };
    }
    case 'moveTo': {
      const from = state.entries.findIndex((e) => e.uid === action.uid);
      return { ...state, entries: moveEntry(state.entries, from, action.index) };
    }
    case 'clear':
      if (state.entries.length === 0) return state;
      return { ...state, entries: [], undo: goodsOf(state) };
    case 'set': {
      const goods = action.goods.slice(-MAX_HISTORY);
      const entries = goods.map((good, i) => ({ uid: state.nextUid + i, good }));
      return { entries, nextUid: state.nextUid + goods.length, undo: goodsOf(state) };
    }
    case 'undo': {
      if (!state.undo) return state;
      const entries = state.undo.map((good, i) => ({ uid: state.nextUid + i, good }));
      return { entries, nextUid: state.nextUid + entries.length, undo: null };
    }
  }
}
