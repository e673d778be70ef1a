/**
 * DIN versus DIEN on the current history: each model's CTR for a candidate of the current
 * interest and one of an old interest, with the world's true CTR. DIN pools purchases without
 * order, so an old phase still lifts its category; DIEN's evolving state follows the recent one.
 */
import { memo } from 'react';
import { useGoodNames } from '../common/goods';
import { useStrings, useText } from '../text/TextContext';
import { COMPARE_STRINGS, verdictText } from './compareStrings';
import type { CompareData } from './useCompare';
import { marginPts, shownPct, verdict } from './verdict';

/** A CTR exactly as the verdict reads it (shownPct), so the sentence and the cells agree. */
const cell = (ctr: number) => (Number.isFinite(ctr) ? `${shownPct(ctr).toFixed(1)}%` : '–');

const GoodSelect = memo(function GoodSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (g: number) => void;
}) {
  const names = useGoodNames();
  return (
    <label>
      <span>{label}</span>
      <select
        className="good-select"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {names.catalogue.goods.map((g) => (
          <option key={g.id} value={g.id}>
            {names.label(g.id)}
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
  const w = useText(COMPARE_STRINGS);
  const names = useGoodNames();
  const truthNow = data?.current.truth;
  const truthOld = data?.old.truth;
  const rows: (readonly [string, number, number])[] = data
    ? [
        ['DIN', data.current.din.ctr, data.old.din.ctr],
        ['DIEN', data.current.dien.ctr, data.old.dien.ctr],
        ...(truthNow && truthOld ? [[t.trueCtr, truthNow.ctr, truthOld.ctr] as const] : []),
      ]
    : [];
  // The verdict reads the Difference column, digit for digit; without a truth row there is none.
  const said = !data
    ? ''
    : truthNow && truthOld
      ? verdictText(
          w,
          verdict({
            din: marginPts(data.current.din.ctr, data.old.din.ctr),
            dien: marginPts(data.current.dien.ctr, data.old.dien.ctr),
            truth: marginPts(truthNow.ctr, truthOld.ctr),
          }),
          names.name(currentGood),
          names.name(oldGood),
        )
      : w.noTruth(names.name(currentGood), names.name(oldGood));
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
                  <th scope="col">{names.label(currentGood)}</th>
                  <th scope="col">{names.label(oldGood)}</th>
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
                      {cell(a)}
                    </td>
                    <td className="num">
                      <span
                        className="mini-bar"
                        style={{ width: `${b * 4}rem` }}
                        aria-hidden="true"
                      />
                      {cell(b)}
                    </td>
                    <td className="num">{w.pts(marginPts(a, b))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint" aria-live="polite">
            {said}
          </p>
        </>
      )}
    </div>
  );
});
