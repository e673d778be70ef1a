/**
 * The catalogue by category: each good is a button that appends it to the history. The shop is
 * one tab stop (a toolbar with a roving tabindex, arrow keys inside: shopKeys.ts), so a keyboard
 * reader reaches Step without tabbing through every good.
 */
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { CATALOGUE } from '../../world/catalogue';
import { useGoodNames } from '../common/goods';
import { useStrings } from '../text/TextContext';
import { FileShop } from './FileShop';
import { moveInShop, type Cell } from './shopKeys';

const ROWS = CATALOGUE.categories.map((c) => CATALOGUE.goods.filter((g) => g.category === c.id));
const SIZES = ROWS.map((r) => r.length);

/** The toy shop's grid, or the search of an imported file's items. */
export const Shop = memo(function Shop({ onAdd }: { onAdd: (good: number) => void }) {
  return useGoodNames().imported ? <FileShop onAdd={onAdd} /> : <ToyShop onAdd={onAdd} />;
});

const ToyShop = memo(function ToyShop({ onAdd }: { onAdd: (good: number) => void }) {
  const t = useStrings();
  const names = useGoodNames();
  const [at, setAt] = useState<Cell>({ row: 0, col: 0 });
  const buttons = useRef(new Map<number, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent) => {
    const next = moveInShop(SIZES, at, e.key);
    if (!next) return;
    e.preventDefault();
    setAt(next);
    buttons.current.get(ROWS[next.row][next.col].id)?.focus();
  };

  return (
    <div className="shop">
      <p className="hint" id="shop-hint">
        {t.shopHint} {t.shopKeys}
      </p>
      <div
        className="shop-grid"
        role="toolbar"
        aria-label={t.shop}
        aria-describedby="shop-hint"
        onKeyDown={onKeyDown}
      >
        {CATALOGUE.categories.map((c, row) => (
          <section
            key={c.id}
            className="shop-category"
            aria-labelledby={`cat-${c.id}`}
            style={{ borderColor: `var(--cat-${c.id})` }}
          >
            <h4 id={`cat-${c.id}`}>{names.category(c.id)}</h4>
            <ul>
              {ROWS[row].map((g, col) => (
                <li key={g.id}>
                  <button
                    type="button"
                    className="good"
                    ref={(el) => {
                      if (el) buttons.current.set(g.id, el);
                      else buttons.current.delete(g.id);
                    }}
                    tabIndex={at.row === row && at.col === col ? 0 : -1}
                    aria-label={t.add(names.name(g.id))}
                    onFocus={() => setAt({ row, col })}
                    onClick={() => onAdd(g.id)}
                  >
                    <span aria-hidden="true">{g.emoji}</span> {names.name(g.id)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
});
