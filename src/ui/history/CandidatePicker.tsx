/** The candidate ad: one select over the active catalogue, grouped by category. */
import { memo } from 'react';
import { goodsByCategory, useGoodNames } from '../common/goods';
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
  const groups = goodsByCategory(names.catalogue);
  return (
    <label className="candidate-picker">
      <span>{t.candidate}</span>
      <select
        className="good-select"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {names.catalogue.categories.map((c, i) => (
          <optgroup key={c.id} label={names.category(c.id)}>
            {groups[i].map((g) => (
              <option key={g.id} value={g.id}>
                {names.label(g.id)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
});
