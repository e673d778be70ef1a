/** The catalogue by category: each good is a button that appends it to the history. */
import { memo } from 'react';
import { CATALOGUE } from '../../world/catalogue';
import { useStrings } from '../text/TextContext';

export const Shop = memo(function Shop({ onAdd }: { onAdd: (good: number) => void }) {
  const t = useStrings();
  return (
    <div className="shop">
      <p className="hint">{t.shopHint}</p>
      <div className="shop-grid">
        {CATALOGUE.categories.map((c) => (
          <section
            key={c.id}
            className="shop-category"
            aria-labelledby={`cat-${c.id}`}
            style={{ borderColor: `var(--cat-${c.id})` }}
          >
            <h4 id={`cat-${c.id}`}>{c.name}</h4>
            <ul>
              {CATALOGUE.goods
                .filter((g) => g.category === c.id)
                .map((g) => (
                  <li key={g.id}>
                    <button
                      type="button"
                      className="good"
                      aria-label={t.add(g.name)}
                      onClick={() => onAdd(g.id)}
                    >
                      <span aria-hidden="true">{g.emoji}</span> {g.name}
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
