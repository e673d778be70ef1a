/**
 * DIEN's interest trajectories: GRU states h_t and evolving-layer states h′_t of this history as
 * two paths in a frozen 2-D projection (PCA of DIEN's item embeddings, fitted once), with every
 * good's embedding as a context point coloured by category; h′(T) ringed. The projection object
 * is kept across training steps and rewinds, so motion on screen is learning.
 */
import { useState, memo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { fmt } from '../common/format';
import { categoryName, good, goodName } from '../common/goods';
import { useStrings } from '../text/TextContext';
import { categoryColor, OKABE_ITO } from '../common/palette';
import { project, snappedExtent } from '../embeddings/projection';
import {
  CategoryLegend,
  ProjectionNote,
  type FittedProjection,
} from '../embeddings/ProjectionNote';
import type { Scored } from '../state/types';
import type { EmbeddingsResult, ModelName } from '../../train/protocol';
import { TableAlternative } from '../common/TableAlternative';

const W = 380;
const H = 320;
const PAD = 22;

export const Trajectories = memo(function Trajectories({
  scored,
  fitted,
  context,
  onRefit,
}: {
  scored: Scored | null;
  fitted: FittedProjection | null;
  /** DIEN's item embeddings at the same step as `scored`. */
  context: EmbeddingsResult | null;
  /** Refit a model's frozen projection (here always DIEN's). */
  onRefit: (model: ModelName) => void;
}) {
  const t = useStrings();
  const [hover, setHover] = useState<number | null>(null);
  if (!scored || !fitted || scored.result.dien.gruStates.length === 0)
    return <p className="loading">{t.loading}</p>;
  const { result } = scored;
  const basis = fitted.projection;
  const dim = basis.center.length;
  const gru = result.dien.gruStates;
  if (gru[0].length !== dim) return <p className="loading">{t.loading}</p>;
  const evo = result.dien.evolvingStates;
  const pg = gru.map((v) => project(v, basis));
  const pe = evo.map((v) => project(v, basis));
  const ctx =
    context && context.vectors.dien[0]?.length === dim
      ? context.goods.map((g, i) => ({ g, p: project(context.vectors.dien[i], basis) }))
      : [];
  const r = snappedExtent([...pg, ...pe, ...ctx.map((c) => c.p)]);
  const sx = scaleLinear()
    .domain([-r, r])
    .range([PAD, W - PAD]);
  const sy = scaleLinear()
    .domain([-r, r])
    .range([H - PAD, PAD]);
  const path = line<[number, number]>()
    .x(([x]) => sx(x))
    .y(([, y]) => sy(y));
  const names = result.kept.map((h) => goodName(result.history[h]));
  const last = pe[pe.length - 1];
  const shown = hover !== null && hover < names.length ? hover : null;
  const xy = (p: [number, number]) => `(${fmt(p[0], 2)}, ${fmt(p[1], 2)})`;
  return (
    <figure className="trajectory">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={t.trajectoryLabel(names.length, xy(last))}
        onMouseLeave={() => setHover(null)}
      >
        <line className="axis0" x1={sx(-r)} x2={sx(r)} y1={sy(0)} y2={sy(0)} />
        <line className="axis0" x1={sx(0)} x2={sx(0)} y1={sy(-r)} y2={sy(r)} />
        <g aria-hidden="true">
          {ctx.map(({ g, p }) => (
            <circle
              key={g}
              className="context-point"
              cx={sx(p[0])}
              cy={sy(p[1])}
              r={3.5}
              fill={categoryColor(good(g)?.category ?? 8)}
            >
              <title>{`${goodName(g)} (${categoryName(good(g)?.category ?? 0)})`}</title>
            </circle>
          ))}
        </g>
        <path
          d={path(pg) ?? ''}
          fill="none"
          stroke={OKABE_ITO.orange}
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        <path d={path(pe) ?? ''} fill="none" stroke={OKABE_ITO.blue} strokeWidth={2.5} />
        {pg.map(([x, y], i) => (
          <circle
            key={`g${i}`}
            className="state-point"
            cx={sx(x)}
            cy={sy(y)}
            r={4.5}
            fill={OKABE_ITO.orange}
            stroke="#fff"
            role="img"
            aria-label={`h_${i + 1}: ${names[i]} ${xy([x, y])}`}
            onMouseEnter={() => setHover(i)}
          >
            <title>{`h_${i + 1}: ${names[i]}`}</title>
          </circle>
        ))}
        {pe.map(([x, y], i) => (
          <rect
            key={`e${i}`}
            className="state-point"
            x={sx(x) - 5}
            y={sy(y) - 5}
            width={10}
            height={10}
            fill={OKABE_ITO.blue}
            stroke="#fff"
            tabIndex={0}
            role="img"
            aria-label={`h′_${i + 1}: ${names[i]} ${xy([x, y])}, a_t ${fmt(result.dien.attention[i], 2)}`}
            onMouseEnter={() => setHover(i)}
            onFocus={() => setHover(i)}
            onBlur={() => setHover(null)}
          >
            <title>{`h′_${i + 1}: ${names[i]}`}</title>
          </rect>
        ))}
        {pe.map(([x, y], i) => (
          <text
            key={`n${i}`}
            className="point-label"
            x={sx(x) + 7}
            y={sy(y) - 7}
            aria-hidden="true"
          >
            {i + 1}
          </text>
        ))}
        {last && (
          <circle
            cx={sx(last[0])}
            cy={sy(last[1])}
            r={11}
            fill="none"
            stroke="#000"
            strokeWidth={2}
            aria-hidden="true"
          />
        )}
        {shown !== null && (
          <g className="tooltip" aria-hidden="true">
            <rect x={6} y={6} width={W - 12} height={22} rx={4} />
            <text x={12} y={21}>
              {`t=${shown + 1}: ${names[shown]} · h ${xy(pg[shown])} · h′ ${xy(pe[shown])} · a_t ${fmt(result.dien.attention[shown], 2)}`}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <span className="key key-gru">● {t.gruPath}</span>{' '}
        <span className="key key-augru">■ {t.augruPath}</span> <span className="key">◯ h′(T)</span>{' '}
        <span className="key">· {t.contextPoints}</span>
      </figcaption>
      <CategoryLegend />
      <ProjectionNote fitted={fitted} onRefit={() => onRefit('dien')} label={t.refitProjection} />
      <TableAlternative summary={t.showTable} caption={t.trajectory}>
        <thead>
          <tr>
            <th scope="col">t</th>
            <th scope="col">{t.behavior}</th>
            <th scope="col">{t.gruPath} (x, y)</th>
            <th scope="col">{t.augruPath} (x, y)</th>
            <th scope="col">a_t</th>
          </tr>
        </thead>
        <tbody>
          {names.map((n, i) => (
            <tr key={i}>
              <td className="num">{i + 1}</td>
              <th scope="row">{n}</th>
              <td className="num">{xy(pg[i])}</td>
              <td className="num">{pe[i] ? xy(pe[i]) : '–'}</td>
              <td className="num">{fmt(result.dien.attention[i], 2)}</td>
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </figure>
  );
});
