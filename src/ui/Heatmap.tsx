/**
 * DIN's weight for every candidate (rows) against every kept purchase (columns), with a table
 * alternative. Rows are buttons: choosing one makes that good the candidate.
 */
import { memo } from 'react';
import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import { fmt } from './format';
import { good, goodLabel, goodName } from './goods';
import type { Strings } from './i18n';
import { TableAlternative } from './TableAlternative';

interface Props {
  heatmap: { candidates: number[]; weights: number[][] } | null;
  /** Good ids of the kept purchases (the heatmap's columns), oldest first. */
  keptGoods: number[];
  candidate: number;
  onPick: (good: number) => void;
  /** Why the last heatmap request failed, if it did. */
  error: string | null;
  t: Strings;
}

const CELL = 22;

export const Heatmap = memo(function Heatmap({
  heatmap,
  keptGoods,
  candidate,
  onPick,
  error,
  t,
}: Props) {
  if (error && !heatmap) return <p className="notice notice-warning">{t.heatmapFailed(error)}</p>;
  if (!heatmap || heatmap.candidates.length === 0) return <p className="loading">{t.loading}</p>;
  const cols = heatmap.weights[0]?.length ?? 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of heatmap.weights)
    for (const w of row) {
      if (Number.isFinite(w)) {
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
      }
    }
  if (!(hi > lo)) hi = lo + 1;
  const color = scaleSequential(interpolateCividis).domain([lo, hi]);
  const colGoods = keptGoods.slice(-cols);
  return (
    <div className="heatmap">
      <p className="caption">{t.heatmapCaption}</p>
      <div className="heatmap-grid" role="group" aria-label={t.heatmap}>
        <div className="heat-head" aria-hidden="true">
          <span className="heat-label" />
          <span className="heat-cols">
            {colGoods.map((g, j) => (
              <span key={j} style={{ width: CELL }} title={goodName(g)}>
                {good(g)?.emoji}
              </span>
            ))}
          </span>
        </div>
        {heatmap.candidates.map((c, r) => {
          const row = heatmap.weights[r] ?? [];
          const label = `${goodName(c)}: ${row.map((w) => fmt(w, 2)).join(', ')}`;
          return (
            <button
              type="button"
              key={c}
              className={`heat-row ${c === candidate ? 'current' : ''}`}
              aria-label={`${goodName(c)} as candidate (${label})`}
              aria-pressed={c === candidate}
              onClick={() => onPick(c)}
            >
              <span className="heat-label">{goodLabel(c)}</span>
              <svg width={cols * CELL} height={CELL - 4} aria-hidden="true">
                {row.map((w, j) => (
                  <rect
                    key={j}
                    x={j * CELL}
                    y={0}
                    width={CELL - 2}
                    height={CELL - 4}
                    fill={Number.isFinite(w) ? color(w) : '#ccc'}
                  />
                ))}
              </svg>
            </button>
          );
        })}
      </div>
      <p className="legend">
        <span>{fmt(lo, 2)}</span>
        <span className="legend-ramp cividis" aria-hidden="true" />
        <span>{fmt(hi, 2)}</span>
      </p>
      <TableAlternative summary={t.showTable} caption={t.heatmap}>
        <thead>
          <tr>
            <th scope="col">{t.candidate}</th>
            {colGoods.map((g, j) => (
              <th scope="col" key={j}>
                {goodLabel(g)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.candidates.map((c, r) => (
            <tr key={c}>
              <th scope="row">
                {good(c)?.emoji} {goodName(c)}
              </th>
              {(heatmap.weights[r] ?? []).map((w, j) => (
                <td key={j} className="num">
                  {fmt(w, 2)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </div>
  );
});
