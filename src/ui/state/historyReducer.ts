/**
 * The purchase-history editor as a pure reducer. Each entry carries a uid so that React keys,
 * focus and the "ghost" of the previous attention survive reorders and duplicates of one good.
 *
 * Times: a preset from a world with timestamps (or a file) gives each purchase a time. They are
 * kept relative to the moment the candidate is shown (0), so undo, which restores entries only,
 * restores their gaps too. A purchase the reader adds or moves has no time: nobody knows when it
 * happened (a moved one would otherwise break the order of time).
 */

export interface HistoryEntry {
  uid: number;
  good: number;
  /** Days relative to when the candidate is shown (<= 0); absent: unknown. */
  time?: number;
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
  | {
      type: 'set';
      goods: number[];
      /** When each purchase happened, in days (NaN: unknown); absent: no times at all. */
      times?: number[];
      /** When the candidate is shown, on the same clock (absent: the latest purchase's time). */
      candidateTime?: number;
    };

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

/**
 * Each entry's time (NaN: unknown), relative to the candidate's moment, 0: what a score query
 * sends. Undefined when no purchase has a time (the query then stays as it was without times).
 */
export function timesOf(state: HistoryState): number[] | undefined {
  if (!state.entries.some((e) => e.time !== undefined)) return undefined;
  return state.entries.map((e) => e.time ?? NaN);
}

/**
 * Times relative to the candidate's moment, or undefined where they cannot be trusted: a list of
 * another length, known times out of order or after the candidate. Unknown (NaN) ones stay NaN.
 */
function relativeTimes(
  n: number,
  times: number[] | undefined,
  candidateTime: number | undefined,
): number[] | undefined {
  if (!times || times.length !== n) return undefined;
  const known = times.filter(Number.isFinite);
  if (known.length === 0) return undefined;
  const now = candidateTime ?? Math.max(...known);
  if (!Number.isFinite(now)) return undefined;
  for (let i = 0; i < known.length; i++) {
    if (known[i] > now || (i > 0 && known[i] < known[i - 1])) return undefined;
  }
  return times.map((t) => (Number.isFinite(t) ? t - now : NaN));
}

/** The action that puts a preset (with its times, if it has them) into the editor. */
export function setAction(p: {
  history: number[];
  times?: number[];
  candidateTime?: number;
}): HistoryAction {
  return {
    type: 'set',
    goods: p.history,
    ...(p.times ? { times: p.times } : {}),
    ...(p.candidateTime !== undefined ? { candidateTime: p.candidateTime } : {}),
  };
}

function moveEntry(entries: HistoryEntry[], from: number, to: number): HistoryEntry[] {
  const clamped = Math.max(0, Math.min(entries.length - 1, to));
  if (from < 0 || from === clamped) return entries;
  const next = entries.slice();
  const [moved] = next.splice(from, 1);
  // A moved purchase no longer happened when it did: its time is unknown.
  next.splice(clamped, 0, { uid: moved.uid, good: moved.good });
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
      const all = relativeTimes(action.goods.length, action.times, action.candidateTime);
      const goods = action.goods.slice(-MAX_HISTORY);
      const times = all?.slice(-MAX_HISTORY);
      const entries = goods.map((good, i): HistoryEntry => {
        const entry: HistoryEntry = { uid: state.nextUid + i, good };
        const time = times?.[i];
        if (time !== undefined && Number.isFinite(time)) entry.time = time;
        return entry;
      });
      return { entries, nextUid: state.nextUid + goods.length };
    }
  }
}
