/**
 * The purchase history as an ordered strip (oldest left). Every edit works by mouse (click,
 * drag and drop) and by keyboard (buttons, Alt+←/→, Delete); focus follows the moved purchase.
 * Where two neighbours both have times, a small label says how long after the first the second
 * came ("2 days later"); an unknown time shows nothing.
 */
import {
  memo,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type Dispatch,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { AttentionBars } from './AttentionBars';
import { barScales, valuesByUid } from './attentionData';
import { gapsBefore, gapWords } from './gapWords';
import { HISTORY_STRINGS } from './strings';
import { useGoodNames } from '../common/goods';
import type { HistoryAction, HistoryState } from '../state/historyReducer';
import { useStrings, useText } from '../text/TextContext';
import type { Scored } from '../state/types';
import './historyTimes.css';

interface Props {
  history: HistoryState;
  dispatch: Dispatch<HistoryAction>;
  T: number;
  current: Scored | null;
  previous: Scored | null;
  inspected: number | null;
  onInspect: (uid: number) => void;
}

type FocusTarget = { uid: number; act: 'left' | 'right' | 'item' } | { uid: null; act: 'list' };

export const HistoryEditor = memo(function HistoryEditor({
  history,
  dispatch,
  T,
  current,
  previous,
  inspected,
  onInspect,
}: Props) {
  const t = useStrings();
  const w = useText(HISTORY_STRINGS);
  const names = useGoodNames();
  const listRef = useRef<HTMLOListElement>(null);
  const [focusAfter, setFocusAfter] = useState<FocusTarget | null>(null);
  const [dragUid, setDragUid] = useState<number | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const entries = history.entries;
  const firstKept = Math.max(0, entries.length - T);
  const gaps = gapsBefore(entries.map((e) => e.time));
  const timed = entries.filter((e) => e.time !== undefined).length;
  const mixed = timed > 0 && timed < entries.length;

  const now = valuesByUid(current);
  const before = valuesByUid(previous);
  const scales = barScales(now, before);

  // Keyboard users keep their place: after a move or remove, focus goes where the reader expects.
  useEffect(() => {
    if (!focusAfter || !listRef.current) return;
    const list = listRef.current;
    let el: HTMLElement | null = null;
    if (focusAfter.uid !== null) {
      const item = list.querySelector<HTMLElement>(`[data-uid="${focusAfter.uid}"]`);
      el =
        focusAfter.act === 'item'
          ? item
          : (item?.querySelector<HTMLElement>(`[data-act="${focusAfter.act}"]`) ?? item);
      if (el && (el as HTMLButtonElement).disabled) el = item;
    }
    (el ?? list).focus();
    setFocusAfter(null);
  }, [focusAfter, entries]);

  const move = (uid: number, delta: number, act: 'left' | 'right' | 'item') => {
    dispatch({ type: 'move', uid, delta });
    setFocusAfter({ uid, act });
  };
  const remove = (index: number) => {
    const uid = entries[index].uid;
    const next = entries[index + 1] ?? entries[index - 1];
    dispatch({ type: 'remove', uid });
    setFocusAfter(next ? { uid: next.uid, act: 'item' } : { uid: null, act: 'list' });
  };

  const onItemKey = (e: KeyboardEvent<HTMLLIElement>, index: number, uid: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.altKey && e.key === 'ArrowLeft') {
      e.preventDefault();
      move(uid, -1, 'item');
    } else if (e.altKey && e.key === 'ArrowRight') {
      e.preventDefault();
      move(uid, 1, 'item');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      remove(index);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      // Roving between purchases with plain arrows, like a toolbar.
      e.preventDefault();
      const to = entries[index + (e.key === 'ArrowLeft' ? -1 : 1)];
      if (to) setFocusAfter({ uid: to.uid, act: 'item' });
    }
  };

  const onDragStart = (e: DragEvent, uid: number) => {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(uid));
    setDragUid(uid);
  };
  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const uid = dragUid ?? Number(e.dataTransfer.getData('text/plain'));
    if (Number.isFinite(uid)) dispatch({ type: 'moveTo', uid, index });
    setDragUid(null);
    setDropIndex(null);
  };

  return (
    <div className="history-editor">
      <p className="hint" id="history-hint">
        {t.historyHint}
      </p>
      {mixed && <p className="hint times-mixed">{w.timesMixed}</p>}
      <ol
        className="strip"
        aria-label={t.history}
        aria-describedby="history-hint"
        ref={listRef}
        tabIndex={-1}
      >
        {entries.map((entry, i) => {
          const g = names.good(entry.good);
          const name = names.name(entry.good);
          const kept = i >= firstKept;
          const values = now.get(entry.uid);
          return (
            <li
              key={entry.uid}
              data-uid={entry.uid}
              className={[
                'purchase',
                kept ? '' : 'not-kept',
                inspected === entry.uid ? 'inspected' : '',
                dragUid === entry.uid ? 'dragging' : '',
                dropIndex === i && dragUid !== entry.uid ? 'drop-target' : '',
              ].join(' ')}
              tabIndex={0}
              draggable
              onDragStart={(e) => onDragStart(e, entry.uid)}
              onDragEnd={() => {
                setDragUid(null);
                setDropIndex(null);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (dropIndex !== i) setDropIndex(i);
              }}
              onDrop={(e) => onDrop(e, i)}
              onKeyDown={(e) => onItemKey(e, i, entry.uid)}
              style={g ? ({ '--cat': `var(--cat-${g.category})` } as CSSProperties) : undefined}
            >
              {/* Text of the list item, read before the purchase; outside its buttons' names. */}
              {Number.isFinite(gaps[i]) && (
                <span className="gap-label">{w.later(gapWords(gaps[i]))}</span>
              )}
              <button
                type="button"
                className="purchase-name"
                aria-pressed={inspected === entry.uid}
                aria-label={t.inspect(name)}
                onClick={() => onInspect(entry.uid)}
              >
                <span className="emoji" aria-hidden="true">
                  {g?.emoji}
                </span>
                <span className="name">{name}</span>
              </button>
              <div className="purchase-tools">
                <button
                  type="button"
                  data-act="left"
                  aria-label={t.moveLeft(name)}
                  disabled={i === 0}
                  onClick={() => move(entry.uid, -1, 'left')}
                >
                  ←
                </button>
                <button
                  type="button"
                  data-act="remove"
                  aria-label={t.remove(name)}
                  onClick={() => remove(i)}
                >
                  ×
                </button>
                <button
                  type="button"
                  data-act="right"
                  aria-label={t.moveRight(name)}
                  disabled={i === entries.length - 1}
                  onClick={() => move(entry.uid, 1, 'right')}
                >
                  →
                </button>
              </div>
              {kept ? (
                values ? (
                  <AttentionBars
                    name={name}
                    values={values}
                    ghost={before.get(entry.uid)}
                    scales={scales}
                  />
                ) : (
                  <div className="bars bars-pending" aria-hidden="true" />
                )
              ) : (
                <p className="not-kept-note">{t.notKept(T)}</p>
              )}
            </li>
          );
        })}
      </ol>
      {entries.length === 0 && <p className="empty">{t.emptyHistory}</p>}
    </div>
  );
});
