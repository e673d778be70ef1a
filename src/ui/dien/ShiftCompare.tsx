/**
 * DIN versus DIEN on the current history: each model's CTR for a candidate of the current
 * interest and one of an old interest, with the world's true CTR. DIN pools purchases without
 * order, so an old phase still lifts its category; DIEN's evolving state follows the recent one.
 */
import { memo } from 'react';
import { pct } from '../common/format';
import { GOODS, goodLabel, goodName } from '../common/goods';
import { useStrings } from '../text/TextContext';
import type { CompareData } from './useCompare';

function pts(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pts` : '–';
}

const GoodSelect = memo(function GoodSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (g: number) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <select
        className="good-select"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {GOODS.map((g) => (
          <option key={g.id} value={g.id}>
            {`${g.emoji} ${g.name}`}
          </option>
        ))}
      </select>
    </label>
  );
});

export const ShiftCompare = memo(function ShiftCompare({
  data,
  currentGood,
  oldGood,
  onCurrent,
  onOld,
}: {
  data: CompareData | null;
  currentGood: number;
  oldGood: number;
  onCurrent: (g: number) => void;
  onOld: (g: number) => void;
}) {
  const t = useStrings();
  const rows = data
    ? ([
        ['DIN', data.current.din.ctr, data.old.din.ctr],
        ['DIEN', data.current.dien.ctr, data.old.dien.ctr],
        [t.trueCtr, data.current.truth.ctr, data.old.truth.ctr],
      ] as const)
    : [];
  const gapDin = data ? data.current.din.ctr - data.old.din.ctr : NaN;
  const gapDien = data ? data.current.dien.ctr - data.old.dien.ctr : NaN;
  return (
    <div className="compare">
      <div className="compare-pickers">
        <GoodSelect label={t.compareCurrent} value={currentGood} onChange={onCurrent} />
        <GoodSelect label={t.compareOld} value={oldGood} onChange={onOld} />
      </div>
      {!data ? (
        <p className="loading">{t.loading}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="compare-table">
              <caption>{t.compareCaption(data.current.step)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.model}</th>
                  <th scope="col">{goodLabel(currentGood)}</th>
                  <th scope="col">{goodLabel(oldGood)}</th>
                  <th scope="col">{t.compareGap}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, a, b]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className="num">
                      <span
                        className="mini-bar"
                        style={{ width: `${a * 4}rem` }}
                        aria-hidden="true"
                      />
                      {pct(a)}
                    </td>
                    <td className="num">
                      <span
                        className="mini-bar"
                        style={{ width: `${b * 4}rem` }}
                        aria-hidden="true"
                      />
                      {pct(b)}
                    </td>
                    <td className="num">{pts(a - b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint" aria-live="polite">
            {t.compareVerdict(
              goodName(currentGood),
              goodName(oldGood),
              pts(gapDin),
              pts(gapDien),
              gapDien > gapDin,
            )}
          </p>
        </>
      )}
    </div>
  );
});
