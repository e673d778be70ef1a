/**
 * DIN's weight for every candidate (rows) against every kept purchase (columns), with a table
 * alternative. Rows are buttons: choosing one makes that good the candidate. One CSS grid
 * template for the header and every row keeps the columns aligned and lets them shrink to the
 * card; the readout names the value under the pointer, or the focused row's values.
 */
import { memo, useMemo, useState, type CSSProperties } from 'react';
import { scaleSequential } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import type { HeatmapResult } from '../../train/protocol';
import { fmt } from '../common/format';
import { useGoodNames, type GoodNames } from '../common/goods';
import { useStrings, useText } from '../text/TextContext';
import { DIN_STRINGS } from './strings';
import './heatmap.css';
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

type Weights = HeatmapResult;

/** What the readout shows: a row (focused) or one cell (under the pointer). */
interface Probe {
  row: number;
  col: number | null;
}

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
  r,
  c,
  row,
  color,
  current,
  names,
  onPick,
  onProbe,
}: {
  r: number;
  c: number;
  row: number[];
  color: (w: number) => string;
  current: boolean;
  names: GoodNames;
  onPick: (good: number) => void;
  onProbe: (p: Probe | null) => void;
}) {
  // The English accessible name is what the tests use; the Chinese page names rows in Chinese.
  const values = row.map((w) => fmt(w, 2)).join(', ');
  const d = useText(DIN_STRINGS);
  return (
    <button
      type="button"
      className={`heat-row ${current ? 'current' : ''}`}
      aria-label={d.heatRowLabel(names.name(c), values)}
      aria-pressed={current}
      onClick={() => onPick(c)}
      onFocus={() => onProbe({ row: r, col: null })}
      onBlur={() => onProbe(null)}
      onMouseLeave={() => onProbe(null)}
    >
      <span className="heat-label">{names.label(c)}</span>
      {row.map((w, j) => (
        <span
          key={j}
          className="heat-cell"
          aria-hidden="true"
          style={{ background: Number.isFinite(w) ? color(w) : '#ccc' }}
          onMouseEnter={() => onProbe({ row: r, col: j })}
        />
      ))}
    </button>
  );
});

/** The value under the pointer, or every value of the focused row, named. */
function readout(
  probe: Probe | null,
  heatmap: Weights,
  colGoods: number[],
  names: GoodNames,
  d: (typeof DIN_STRINGS)['en'],
): string {
  if (!probe) return d.heatReadoutHint;
  const c = heatmap.candidates[probe.row];
  const row = heatmap.weights[probe.row] ?? [];
  if (c === undefined) return d.heatReadoutHint;
  if (probe.col !== null)
    return d.heatCell(names.label(c), names.label(colGoods[probe.col]), fmt(row[probe.col], 2));
  return d.heatRow(
    names.label(c),
    row.map((w, j) => `${names.label(colGoods[j])} ${fmt(w, 2)}`).join(' · '),
  );
}

/** The table alternative: depends on the heatmap only, not on the chosen candidate. */
const HeatTable = memo(function HeatTable({
  heatmap,
  colGoods,
}: {
  heatmap: Weights;
  colGoods: number[];
}) {
  const t = useStrings();
  const names = useGoodNames();
  return (
    <TableAlternative summary={t.showTable} caption={t.heatmap}>
      <thead>
        <tr>
          <th scope="col">{t.candidate}</th>
          {colGoods.map((g, j) => (
            <th scope="col" key={j}>
              {names.label(g)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {heatmap.candidates.map((c, r) => (
          <tr key={c}>
            <th scope="row">{names.label(c)}</th>
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

/** An imported catalogue has up to ~1,000 items: the most frequent (ids 1…) stay as rows. */
export const IMPORTED_ROWS = 40;

/** The first IMPORTED_ROWS candidates, and the current one wherever it is. */
export function topRows(h: HeatmapResult, candidate: number): HeatmapResult {
  if (h.candidates.length <= IMPORTED_ROWS) return h;
  const keep = h.candidates.map((c, i) => i < IMPORTED_ROWS || c === candidate);
  return {
    candidates: h.candidates.filter((_, i) => keep[i]),
    weights: h.weights.filter((_, i) => keep[i]),
  };
}

export const Heatmap = memo(function Heatmap({
  heatmap: replied,
  scored,
  candidate,
  onPick,
  error,
}: Props) {
  const t = useStrings();
  const d = useText(DIN_STRINGS);
  const names = useGoodNames();
  const [probe, setProbe] = useState<Probe | null>(null);
  // Training progress re-requests the heatmap, and weights that did not move (paused, a small
  // step) bring back the same numbers in a new object: keep the old one, so no row re-renders.
  const key = contentKey(replied);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the content of the reply
  const full = useMemo(() => replied, [key]);
  const heatmap = useMemo(
    () => (full && names.imported ? topRows(full, candidate) : full),
    [full, names.imported, candidate],
  );
  const cols = heatmap?.weights[0]?.length ?? 0;
  const [lo, hi] = useMemo(() => (heatmap ? range(heatmap) : [0, 1]), [heatmap]);
  const color = useMemo(() => scaleSequential(interpolateCividis).domain([lo, hi]), [lo, hi]);
  const keptGoods = scored ? scored.result.kept.map((h) => scored.result.history[h]) : NO_ROW;
  const colKey = keptGoods.slice(-cols).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- colKey is the content of the slice
  const colGoods = useMemo(() => keptGoods.slice(-cols), [colKey]);
  if (error && !heatmap) return <p className="notice notice-warning">{t.heatmapFailed(error)}</p>;
  if (!heatmap || heatmap.candidates.length === 0) return <p className="loading">{t.loading}</p>;
  const grid = { '--cols': cols } as CSSProperties;
  return (
    <div className="heatmap">
      <p className="caption">{t.heatmapCaption}</p>
      {full && heatmap !== full && (
        <p className="hint">{d.heatTopRows(IMPORTED_ROWS, full.candidates.length)}</p>
      )}
      <p className="heat-readout" aria-hidden="true">
        {readout(probe, heatmap, colGoods, names, d)}
      </p>
      {/* Focusable and named: on a phone the grid scrolls, and a keyboard must reach it. */}
      <div className="heatmap-grid" role="region" aria-label={t.heatmap} tabIndex={0} style={grid}>
        <div className="heat-head" aria-hidden="true">
          <span className="heat-label heat-corner">{d.heatColumns}</span>
          {colGoods.map((g, j) => (
            <span key={j} className="heat-col" title={names.name(g)}>
              <span className="heat-col-emoji">{names.good(g)?.emoji}</span>
              <span className="heat-col-name">{names.name(g)}</span>
            </span>
          ))}
        </div>
        {heatmap.candidates.map((c, r) => (
          <HeatRow
            key={c}
            r={r}
            c={c}
            row={heatmap.weights[r] ?? NO_ROW}
            color={color}
            current={c === candidate}
            names={names}
            onPick={onPick}
            onProbe={setProbe}
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
