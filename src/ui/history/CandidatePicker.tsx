/** The candidate ad: one select over the catalogue, grouped by category. */
import { memo } from 'react';
import { CATALOGUE } from '../../world/catalogue';
import { useGoodNames } from '../common/goods';
import { useStrings } from '../text/TextContext';

/** Memoised: the page re-renders on every score reply, and each render of a controlled select
 * walks all its options. */
export const CandidatePicker = memo(function CandidatePicker({
  value,
  onChange,
}: {
  value: number;
  onChange: (good: number) => void;
}) {
  const t = useStrings();
  const names = useGoodNames();
  return (
    <label className="candidate-picker">
      <span>{t.candidate}</span>
      <select
        className="good-select"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {CATALOGUE.categories.map((c) => (
          <optgroup key={c.id} label={names.category(c.id)}>
            {CATALOGUE.goods
              .filter((g) => g.category === c.id)
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {g.emoji} {names.name(g.id)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
});
