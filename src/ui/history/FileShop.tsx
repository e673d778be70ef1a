/**
 * The shop for an imported file: up to ~1,000 items do not fit a grid of buttons, so a search
 * over names, file ids and categories lists at most SHOWN matches, most frequent first (an
 * imported catalogue's ids follow frequency). One tab stop for the list, arrow keys inside, as
 * in the toy shop. Names are the file's and render as text.
 */
import { memo, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useGoodNames } from '../common/goods';
import { useStrings, useText } from '../text/TextContext';
import { moveInShop, type Cell } from './shopKeys';
import { HISTORY_STRINGS } from './strings';
import './fileShop.css';

export const SHOWN = 48;

/** Goods whose name, id or category contains the query (case-folded), at most SHOWN. */
export function findGoods(
  goods: readonly { id: number; name: string; category: number }[],
  categoryOf: (id: number) => string,
  query: string,
): number[] {
  const q = query.trim().toLocaleLowerCase();
  const out: number[] = [];
  for (const g of goods) {
    if (out.length >= SHOWN) break;
    if (
      !q ||
      g.name.toLocaleLowerCase().includes(q) ||
      String(g.id) === q ||
      categoryOf(g.category).toLocaleLowerCase().includes(q)
    )
      out.push(g.id);
  }
  return out;
}

export const FileShop = memo(function FileShop({ onAdd }: { onAdd: (good: number) => void }) {
  const t = useStrings();
  const w = useText(HISTORY_STRINGS);
  const names = useGoodNames();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const goods = names.catalogue.goods;
  const found = useMemo(
    () => findGoods(goods, names.category, deferred),
    [goods, names.category, deferred],
  );
  const [at, setAt] = useState(0);
  const col = Math.min(at, Math.max(0, found.length - 1));
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const next = moveInShop([found.length], { row: 0, col } satisfies Cell, e.key);
    if (!next || found.length === 0) return;
    e.preventDefault();
    setAt(next.col);
    buttons.current.get(found[next.col])?.focus();
  };
  return (
    <div className="shop file-shop">
      <label className="file-shop-find">
        <span>{w.find}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p className="hint" id="shop-hint">
        {found.length === 0 ? w.none(deferred) : w.findHint(found.length, goods.length)}{' '}
        {t.shopKeys}
      </p>
      <div role="toolbar" aria-label={t.shop} aria-describedby="shop-hint" onKeyDown={onKeyDown}>
        <ul className="file-shop-list">
          {found.map((id, i) => (
            <li key={id}>
              <button
                type="button"
                className="good"
                ref={(el) => {
                  if (el) buttons.current.set(id, el);
                  else buttons.current.delete(id);
                }}
                tabIndex={i === col ? 0 : -1}
                aria-label={t.add(names.name(id))}
                onFocus={() => setAt(i)}
                onClick={() => onAdd(id)}
              >
                {names.name(id)}
                <span className="file-shop-cat">
                  {' '}
                  · {names.category(names.good(id)?.category ?? 0)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
