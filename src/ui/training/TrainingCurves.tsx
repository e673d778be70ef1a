/** Loss and test AUC per model over steps: D3 scales and line generators, React renders the paths. */
import { memo } from 'react';
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ModelName } from '../../train/protocol';
import { fmt } from '../common/format';
import { useStrings } from '../text/TextContext';
import { MODEL_COLOR, MODEL_DASH, MODELS } from '../common/palette';
import type { Curves } from '../state/types';
import { TableAlternative } from '../common/TableAlternative';

const W = 420;
const H = 200;
const M = { top: 10, right: 12, bottom: 28, left: 44 };

interface Series {
  model: ModelName | 'aux';
  points: [number, number][];
}

function Chart({ title, series, yLabel }: { title: string; series: Series[]; yLabel: string }) {
  const t = useStrings();
  const all = series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y));
  if (all.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="hint">{t.noCurve}</p>
      </figure>
    );
  }
  const [x0, x1] = extent(all, (p) => p[0]) as [number, number];
  const [y0, y1] = extent(all, (p) => p[1]) as [number, number];
  const pad = (y1 - y0) * 0.05 || 0.01;
  const x = scaleLinear()
    .domain([x0, Math.max(x1, x0 + 1)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([y0 - pad, y1 + pad])
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<[number, number]>()
    .defined(([, v]) => Number.isFinite(v))
    .x(([s]) => x(s))
    .y(([, v]) => y(v));
  const last = (s: Series) => s.points[s.points.length - 1];
  const summary = series
    .map(
      (s) =>
        `${s.model === 'aux' ? t.auxLossLegend : t.modelNames[s.model]} ${fmt(last(s)?.[1], 4)}`,
    )
    .join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title}: ${t.stepAxis} ${x1}; ${summary}`}
      >
        {y.ticks(4).map((v) => (
          <g key={v} className="tick">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {v.toFixed(2)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((v) => (
          <text key={v} className="tick" x={x(v)} y={H - M.bottom + 16} textAnchor="middle">
            {v}
          </text>
        ))}
        <text className="axis-label" x={W - M.right} y={H - 2} textAnchor="end">
          {t.stepAxis}
        </text>
        <text className="axis-label" x={4} y={M.top + 2} dy="0.7em">
          {yLabel}
        </text>
        {series.map((s) => (
          <path
            key={s.model}
            d={path(s.points) ?? ''}
            fill="none"
            stroke={s.model === 'aux' ? '#999' : MODEL_COLOR[s.model]}
            strokeDasharray={s.model === 'aux' ? '1 3' : MODEL_DASH[s.model]}
            strokeWidth={2}
          />
        ))}
      </svg>
    </figure>
  );
}

export const TrainingCurves = memo(function TrainingCurves({ curves }: { curves: Curves }) {
  const t = useStrings();
  const loss: Series[] = MODELS.map((m) => ({
    model: m,
    points: curves.loss.map((p) => [p.step, p.loss[m]] as [number, number]),
  }));
  loss.push({ model: 'aux', points: curves.loss.map((p) => [p.step, p.aux] as [number, number]) });
  const auc: Series[] = MODELS.map((m) => ({
    model: m,
    points: curves.test.map((p) => [p.step, p.test[m].auc] as [number, number]),
  }));
  // Text alternative: a handful of evenly spaced evaluations.
  const every = Math.max(1, Math.ceil(curves.test.length / 8));
  const rows = curves.test.filter((_, i) => i % every === 0 || i === curves.test.length - 1);
  return (
    <div className="curves">
      <ul className="legend-list">
        {MODELS.map((m) => (
          <li key={m}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={MODEL_COLOR[m]}
                strokeDasharray={MODEL_DASH[m]}
                strokeWidth="2.5"
              />
            </svg>
            {t.modelNames[m]}
          </li>
        ))}
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="28"
              y1="5"
              y2="5"
              stroke="#999"
              strokeDasharray="1 3"
              strokeWidth="2.5"
            />
          </svg>
          {t.auxLossLegend}
        </li>
      </ul>
      <div className="chart-row">
        <Chart title={t.lossCurve} series={loss} yLabel="loss" />
        <Chart title={t.aucCurve} series={auc} yLabel="AUC" />
      </div>
      <TableAlternative summary={t.showTable} caption={t.aucCurve}>
        <thead>
          <tr>
            <th scope="col">{t.stepAxis}</th>
            {MODELS.map((m) => (
              <th scope="col" key={m}>
                {t.modelNames[m]} AUC
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.step}>
              <th scope="row">{p.step}</th>
              {MODELS.map((m) => (
                <td key={m} className="num">
                  {fmt(p.test[m].auc, 4)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </div>
  );
});
