/** The text alternative of the attention bars: one row per kept purchase, now and before the edit. */
import { memo } from 'react';
import { valuesByUid } from './attentionData';
import { fmt } from '../common/format';
import { useGoodNames } from '../common/goods';
import { ScrollRegion } from '../common/ScrollRegion';
import { useStrings } from '../text/TextContext';
import type { Scored } from '../state/types';

export const AttentionTable = memo(function AttentionTable({
  current,
  previous,
}: {
  current: Scored | null;
  previous: Scored | null;
}) {
  const t = useStrings();
  const names = useGoodNames();
  if (!current) return null;
  const before = valuesByUid(previous);
  const { result, uids } = current;
  return (
    <details className="attention-table">
      <summary>{t.showTable}</summary>
      <ScrollRegion label={t.showTable}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.behavior}</th>
              <th scope="col">{t.dinWeight}</th>
              <th scope="col">{t.dienAt}</th>
              <th scope="col">{t.relevance}</th>
              <th scope="col">
                {t.before} ({t.dinWeight})
              </th>
            </tr>
          </thead>
          <tbody>
            {result.kept.map((h, k) => (
              <tr key={uids[h] ?? h}>
                <th scope="row">{names.label(result.history[h])}</th>
                <td className="num">{fmt(result.din.weights[k], 3)}</td>
                <td className="num">{fmt(result.dien.attention[k], 3)}</td>
                <td className="num">{fmt(result.truth?.relevance[k], 3)}</td>
                <td className="num">{fmt(before.get(uids[h])?.din, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
});
