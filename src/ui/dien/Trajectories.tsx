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
import { useGoodNames } from '../common/goods';
import { useStrings } from '../text/TextContext';
import { categoryColor, PATH_COLOR } from '../common/palette';
import { project } from '../embeddings/projection';
import { fitFrame, labelledSteps } from './trajectoryFrame';
import './trajectories.css';
import {
  CategoryLegend,
  ProjectionNote,
  type FittedProjection,
} from '../embeddings/ProjectionNote';
import type { Scored } from '../state/types';
import type { Strings } from '../text/i18n';
import type { EmbeddingsResult, ModelName } from '../../train/protocol';
import { TableAlternative } from '../common/TableAlternative';

const W = 380;
const H = 320;
const PAD = 12;
/** Step labels closer than this (viewBox px) to one already shown are left to hover and focus. */
const LABEL_GAP = 16;

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
  const names$ = useGoodNames();
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
  const frame = fitFrame([...pg, ...pe, ...ctx.map((c) => c.p)], W - 2 * PAD, H - 2 * PAD);
  const sx = scaleLinear()
    .domain(frame.x)
    .range([PAD, W - PAD]);
  const sy = scaleLinear()
    .domain(frame.y)
    .range([H - PAD, PAD]);
  const path = line<[number, number]>()
    .x(([x]) => sx(x))
    .y(([, y]) => sy(y));
  const names = result.kept.map((h) => names$.name(result.history[h]));
  const labelled = labelledSteps(
    pe.map(([x, y]) => [sx(x), sy(y)]),
    LABEL_GAP,
  );
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
        {frame.y[0] < 0 && frame.y[1] > 0 && (
          <line className="axis0" x1={PAD} x2={W - PAD} y1={sy(0)} y2={sy(0)} />
        )}
        {frame.x[0] < 0 && frame.x[1] > 0 && (
          <line className="axis0" x1={sx(0)} x2={sx(0)} y1={PAD} y2={H - PAD} />
        )}
        <g aria-hidden="true">
          {ctx.map(({ g, p }) => (
            <circle
              key={g}
              className="context-point"
              cx={sx(p[0])}
              cy={sy(p[1])}
              r={3.5}
              fill={categoryColor(names$.good(g)?.category ?? 8)}
            >
              <title>{`${names$.name(g)} (${names$.category(names$.good(g)?.category ?? 0)})`}</title>
            </circle>
          ))}
        </g>
        <path
          d={path(pg) ?? ''}
          fill="none"
          stroke={PATH_COLOR.gru}
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        <path d={path(pe) ?? ''} fill="none" stroke={PATH_COLOR.evolving} strokeWidth={2.5} />
        {pg.map(([x, y], i) => (
          <circle
            key={`g${i}`}
            className="state-point"
            cx={sx(x)}
            cy={sy(y)}
            r={4.5}
            fill={PATH_COLOR.gru}
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
            fill={PATH_COLOR.evolving}
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
        {pe.map(([x, y], i) =>
          labelled.has(i) || shown === i ? (
            <text
              key={`n${i}`}
              className={`point-label${shown === i ? ' point-label-shown' : ''}`}
              x={sx(x) + 7}
              y={sy(y) - 7}
              aria-hidden="true"
            >
              {i + 1}
            </text>
          ) : null,
        )}
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
        <PathLegend t={t} />
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

/** The key to the marks: each path's line, dash and marker as drawn, the ring, the goods. */
function PathLegend({ t }: { t: Strings }) {
  const sample = (stroke: string, dash: string | undefined, marker: 'circle' | 'square') => (
    <svg width={34} height={12} aria-hidden="true" className="legend-sample">
      <line x1={1} x2={33} y1={6} y2={6} stroke={stroke} strokeWidth={2} strokeDasharray={dash} />
      {marker === 'circle' ? (
        <circle cx={17} cy={6} r={4} fill={stroke} stroke="#fff" />
      ) : (
        <rect x={12} y={1} width={10} height={10} fill={stroke} stroke="#fff" />
      )}
    </svg>
  );
  return (
    <ul className="legend-list trajectory-legend">
      <li>
        {sample(PATH_COLOR.gru, '5 3', 'circle')} {t.gruPath}
      </li>
      <li>
        {sample(PATH_COLOR.evolving, undefined, 'square')} {t.augruPath}
      </li>
      <li>
        <svg width={24} height={24} aria-hidden="true" className="legend-sample">
          <circle cx={12} cy={12} r={10} fill="none" stroke="#000" strokeWidth={2} />
        </svg>{' '}
        h′(T)
      </li>
      <li>
        <svg width={12} height={12} aria-hidden="true" className="legend-sample">
          <circle cx={6} cy={6} r={3.5} fill="#888" opacity={0.45} />
        </svg>{' '}
        {t.contextPoints}
      </li>
    </ul>
  );
}
