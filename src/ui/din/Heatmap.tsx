/**
 * DIN's weight for every candidate (rows) against every kept purchase (columns), with a table
 * alternative. Rows are buttons: choosing one makes that good the candidate.
 */
import { memo, useMemo } from 'react';
import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import type { HeatmapResult } from '../../train/protocol';
import { fmt } from '../common/format';
import { good, goodLabel, goodName } from '../common/goods';
import { useStrings } from '../text/TextContext';
import { TableAlternative } from '../common/TableAlternative';
import type { Scored } from '../state/types';

interface Props {
  heatmap: HeatmapResult | null;
  /** The current score: its kept purchases are the heatmap's columns, oldest first. */
  scored: Scored | null;
  candidate: number;
  onPick: (good: number) => void;
  /** Why the last heatmap request failed, if it did. */
  error: string | null;
}

const CELL = 22;

type Weights = HeatmapResult;

/** The colour range over all finite weights (hi > lo always). */
function range(heatmap: Weights): [number, number] {
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
  return [lo, hi];
}

/**
 * One candidate's row. Memoised (its row array and colour scale only change with a new heatmap),
 * so picking another candidate re-renders just the two rows whose highlight changes.
 */
const HeatRow = memo(function HeatRow({
  c,
  row,
  cols,
  color,
  current,
  onPick,
}: {
  c: number;
  row: number[];
  cols: number;
  color: (w: number) => string;
  current: boolean;
  onPick: (good: number) => void;
}) {
  const label = `${goodName(c)}: ${row.map((w) => fmt(w, 2)).join(', ')}`;
  return (
    <button
      type="button"
      className={`heat-row ${current ? 'current' : ''}`}
      aria-label={`${goodName(c)} as candidate (${label})`}
      aria-pressed={current}
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
});

/** The table alternative: depends on the heatmap only, not on the chosen candidate. */
const HeatTable = memo(function HeatTable({
  heatmap,
  colGoods,
}: {
  heatmap: Weights;
  colGoods: number[];
}) {
  const t = useStrings();
  return (
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
  );
});

const NO_ROW: number[] = [];

/** The heatmap's content as a string: a reply with the same numbers is the same heatmap. */
function contentKey(h: Weights | null): string {
  return h ? `${h.candidates.join()}|${h.weights.map((r) => r.join()).join(';')}` : '';
}

export const Heatmap = memo(function Heatmap({
  heatmap: replied,
  scored,
  candidate,
  onPick,
  error,
}: Props) {
  const t = useStrings();
  // Training progress re-requests the heatmap, and weights that did not move (paused, a small
  // step) bring back the same numbers in a new object: keep the old one, so no row re-renders.
  const key = contentKey(replied);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the content of the reply
  const heatmap = useMemo(() => replied, [key]);
  const cols = heatmap?.weights[0]?.length ?? 0;
  const [lo, hi] = useMemo(() => (heatmap ? range(heatmap) : [0, 1]), [heatmap]);
  const color = useMemo(() => scaleSequential(interpolateCividis).domain([lo, hi]), [lo, hi]);
  const keptGoods = scored ? scored.result.kept.map((h) => scored.result.history[h]) : NO_ROW;
  const colKey = keptGoods.slice(-cols).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- colKey is the content of the slice
  const colGoods = useMemo(() => keptGoods.slice(-cols), [colKey]);
  if (error && !heatmap) return <p className="notice notice-warning">{t.heatmapFailed(error)}</p>;
  if (!heatmap || heatmap.candidates.length === 0) return <p className="loading">{t.loading}</p>;
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
        {heatmap.candidates.map((c, r) => (
          <HeatRow
            key={c}
            c={c}
            row={heatmap.weights[r] ?? NO_ROW}
            cols={cols}
            color={color}
            current={c === candidate}
            onPick={onPick}
          />
        ))}
      </div>
      <p className="legend">
        <span>{fmt(lo, 2)}</span>
        <span className="legend-ramp cividis" aria-hidden="true" />
        <span>{fmt(hi, 2)}</span>
      </p>
      <HeatTable heatmap={heatmap} colGoods={colGoods} />
    </div>
  );
});
