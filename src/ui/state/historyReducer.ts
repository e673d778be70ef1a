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
  /** Never reused, not even by an undo, so a restored purchase keeps the uid it had. */
  nextUid: number;
}

export type HistoryAction =
  | { type: 'add'; good: number }
  | { type: 'remove'; uid: number }
  | { type: 'move'; uid: number; delta: number }
  | { type: 'moveTo'; uid: number; index: number }
  | { type: 'clear' }
  | { type: 'set'; goods: number[] };

/** Upper bound on the editor's length: long enough to show truncation to T, short enough to stay readable. */
export const MAX_HISTORY = 60;

export function initHistory(goods: number[]): HistoryState {
  const kept = goods.slice(-MAX_HISTORY);
  return {
    entries: kept.map((good, i) => ({ uid: i + 1, good })),
    nextUid: kept.length + 1,
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
    case 'remove': {
      const entries = state.entries.filter((e) => e.uid !== action.uid);
      return entries.length === state.entries.length ? state : { ...state, entries };
    }
    case 'move':
    case 'moveTo': {
      // The same state for a move that goes nowhere (an end reached), so it is no undo step.
      const from = state.entries.findIndex((e) => e.uid === action.uid);
      const to = action.type === 'move' ? from + action.delta : action.index;
      const entries = moveEntry(state.entries, from, to);
      return entries === state.entries ? state : { ...state, entries };
    }
    case 'clear':
      return state.entries.length === 0 ? state : { ...state, entries: [] };
    case 'set': {
      const goods = action.goods.slice(-MAX_HISTORY);
      const entries = goods.map((good, i) => ({ uid: state.nextUid + i, good }));
      return { entries, nextUid: state.nextUid + goods.length };
    }
  }
}
