/**
 * Loss and test AUC per model over steps: D3 scales and line generators, React renders the paths.
 * DIEN's loss line is its target loss (comparable with the others), its auxiliary loss dotted;
 * the AUC chart carries the world's Bayes-optimal AUC as a ceiling; a replayed step is marked.
 * BST's lines (green, dash-dot) join a run's only when that run trained BST.
 */
import { memo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { fmt } from '../common/format';
import { useStrings, useText } from '../text/TextContext';
import { MODEL_COLOR, MODEL_DASH, MODELS } from '../common/palette';
import { BST_STRINGS } from '../bst/strings';
import type { Curves } from '../state/types';
import { TableAlternative } from '../common/TableAlternative';
import { stepDomain, stepTicks, valueDomain, valueTicks } from './chartScale';
import { METRIC_STRINGS } from './metricStrings';
import {
  AUX_COLOR,
  aucSeries,
  BST_COLOR,
  BST_DASH,
  curvesHaveBst,
  lossSeries,
  seriesColor,
  seriesDash,
  type Series,
} from './curveSeries';
import './metrics.css';
import { RUNS_STRINGS } from '../runs/strings';

const W = 420;
const H = 210;
// The y-axis name sits in the top margin, above the highest tick label.
const M = { top: 24, right: 12, bottom: 28, left: 44 };
const NO_OVERLAY: OverlayRun[] = [];

/** A selected run's curves, drawn in its colour over the current run's. */
export interface OverlayRun {
  key: number;
  label: string;
  color: string;
  curves: Curves;
}

interface ChartProps {
  title: string;
  series: Series[];
  yLabel: string;
  /** A labelled horizontal line (the Bayes ceiling), kept inside the domain. */
  ceiling?: { value: number; label: string };
  /** The replayed step, marked with a vertical line; null when live. */
  at: number | null;
  empty: boolean;
  /** Both charts share one step axis. */
  steps: [number, number] | null;
}

function Chart({ title, series, yLabel, ceiling, at, empty, steps }: ChartProps) {
  const t = useStrings();
  const w = useText(METRIC_STRINGS);
  const b = useText(BST_STRINGS);
  const all = series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y));
  const xd = steps;
  const yd = valueDomain([...all.map((p) => p[1]), ...(ceiling ? [ceiling.value] : [])]);
  if (empty || !xd || !yd) {
    // The same frame for both charts until the first step: one empty state.
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${w.empty}`}>
          <rect
            className="frame"
            x={M.left}
            y={M.top}
            width={W - M.left - M.right}
            height={H - M.top - M.bottom}
          />
          <text className="empty" x={W / 2} y={H / 2} textAnchor="middle">
            {w.empty}
          </text>
        </svg>
      </figure>
    );
  }
  const x = scaleLinear()
    .domain(xd)
    .range([M.left, W - M.right]);
  const yt = valueTicks(yd);
  const y = scaleLinear()
    .domain(yt.domain)
    .range([H - M.bottom, M.top]);
  const path = line<[number, number]>()
    .defined(([, v]) => Number.isFinite(v))
    .x(([s]) => x(s))
    .y(([, v]) => y(v));
  const last = (s: Series) => s.points[s.points.length - 1];
  const name = (s: Series) =>
    `${s.run ? `${s.run.label} ` : ''}${s.model === 'aux' ? t.auxLossLegend : s.model === 'bst' ? b.name : t.modelNames[s.model]}`;
  const color = (s: Series) => (s.run ? s.run.color : seriesColor(s.model));
  const key = (s: Series) => `${s.run?.key ?? 'now'}-${s.model}`;
  const summary = series.map((s) => `${name(s)} ${fmt(last(s)?.[1], 4)}`).join(', ');
  const extra = [ceiling?.label, at !== null ? w.rewoundAria(at) : ''].filter(Boolean).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title}: ${t.stepAxis} ${xd[1]}; ${summary}${extra ? `; ${extra}` : ''}`}
      >
        {yt.ticks.map((v) => (
          <g key={v.value} className="tick">
            <line x1={M.left} x2={W - M.right} y1={y(v.value)} y2={y(v.value)} />
            <text x={M.left - 6} y={y(v.value)} dy="0.32em" textAnchor="end">
              {v.label}
            </text>
          </g>
        ))}
        {stepTicks(xd).map((v) => (
          <text key={v} className="tick" x={x(v)} y={H - M.bottom + 16} textAnchor="middle">
            {v}
          </text>
        ))}
        <text className="axis-label" x={W - M.right} y={H - 2} textAnchor="end">
          {t.stepAxis}
        </text>
        <text className="axis-label" x={M.left - 6} y={12} textAnchor="end">
          {yLabel}
        </text>
        {ceiling && (
          <g className="ceiling">
            <line x1={M.left} x2={W - M.right} y1={y(ceiling.value)} y2={y(ceiling.value)} />
            <text x={W - M.right - 2} y={y(ceiling.value) - 4} textAnchor="end">
              {ceiling.label}
            </text>
          </g>
        )}
        {at !== null && at >= xd[0] && at <= xd[1] && (
          <g className="rewound-mark">
            <line x1={x(at)} x2={x(at)} y1={M.top} y2={H - M.bottom} />
            <text x={x(at) + 3} y={M.top + 10}>
              {w.rewoundMark(at)}
            </text>
          </g>
        )}
        {series.map((s) => (
          <path
            key={key(s)}
            d={path(s.points) ?? ''}
            fill="none"
            stroke={color(s)}
            strokeDasharray={seriesDash(s.model)}
            strokeWidth={s.run ? 1.5 : 2}
            opacity={s.run ? 0.85 : 1}
          />
        ))}
        {/* A single evaluation (step 0) is a point, not an invisible one-point path. */}
        {series.map((s) =>
          s.points.length === 1 && Number.isFinite(s.points[0][1]) ? (
            <circle
              key={`${key(s)}-dot`}
              cx={x(s.points[0][0])}
              cy={y(s.points[0][1])}
              r={3}
              fill={color(s)}
            />
          ) : null,
        )}
      </svg>
    </figure>
  );
}

function LegendLine({ color, dash }: { color: string; dash: string | undefined }) {
  return (
    <svg width="28" height="10" aria-hidden="true">
      <line x1="0" x2="28" y1="5" y2="5" stroke={color} strokeDasharray={dash} strokeWidth="2.5" />
    </svg>
  );
}

export const TrainingCurves = memo(function TrainingCurves({
  curves,
  ceiling,
  alpha,
  at,
  overlay = NO_OVERLAY,
}: {
  curves: Curves;
  /** Selected kept runs, drawn over the current run's curves. */
  overlay?: OverlayRun[];
  /** The world's Bayes-optimal test AUC (ReadyInfo.bayesAuc). */
  ceiling: number | undefined;
  /** DIEN's auxiliary-loss weight: its target loss is total − α·aux. */
  alpha: number;
  /** The replayed step, or null when live. */
  at: number | null;
}) {
  const t = useStrings();
  const w = useText(METRIC_STRINGS);
  const b = useText(BST_STRINGS);
  const runWords = useText(RUNS_STRINGS);
  const loss = lossSeries(curves, alpha);
  const auc = aucSeries(curves);
  for (const o of overlay) {
    const run = { key: o.key, label: o.label, color: o.color };
    loss.push(...lossSeries(o.curves, alpha, run));
    auc.push(...aucSeries(o.curves, run));
  }
  const all = [curves, ...overlay.map((o) => o.curves)];
  // Both charts start with the first step (the AUC of step 0 alone is no curve yet).
  const empty = all.every((c) => c.loss.length === 0);
  const steps = stepDomain(all.flatMap((c) => [...c.loss, ...c.test].map((p) => p.step)));
  const ceilingLine =
    ceiling !== undefined && Number.isFinite(ceiling)
      ? { value: ceiling, label: w.ceiling(fmt(ceiling, 3)) }
      : undefined;
  // Text alternative: a handful of evenly spaced evaluations.
  const every = Math.max(1, Math.ceil(curves.test.length / 8));
  const rows = curves.test.filter((_, i) => i % every === 0 || i === curves.test.length - 1);
  const bstNow = curvesHaveBst(curves);
  const bstAny = loss.some((s) => s.model === 'bst') || auc.some((s) => s.model === 'bst');
  return (
    <div className="curves">
      <ul className="legend-list">
        {MODELS.map((m) => (
          <li key={m}>
            <LegendLine color={MODEL_COLOR[m]} dash={MODEL_DASH[m]} />
            {t.modelNames[m]}
          </li>
        ))}
        {bstAny && (
          <li>
            <LegendLine color={BST_COLOR} dash={BST_DASH} />
            {b.name}
          </li>
        )}
        <li>
          <LegendLine color={AUX_COLOR} dash={seriesDash('aux')} />
          {t.auxLossLegend}
        </li>
        {overlay.map((o) => (
          <li key={o.key} className="run-legend">
            <LegendLine color={o.color} dash={undefined} />
            {o.label}
          </li>
        ))}
      </ul>
      <p className="hint">{w.lossNote(alpha)}</p>
      {overlay.length > 0 && <p className="hint">{runWords.overlayNote}</p>}
      <div className="chart-row">
        <Chart
          title={t.lossCurve}
          series={loss}
          yLabel={t.lossAxis}
          at={at}
          empty={empty}
          steps={steps}
        />
        <Chart
          title={t.aucCurve}
          series={auc}
          yLabel="AUC"
          ceiling={ceilingLine}
          at={at}
          empty={empty}
          steps={steps}
        />
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
            {bstNow && <th scope="col">{b.name} AUC</th>}
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
              {bstNow && <td className="num">{p.bst ? fmt(p.bst.auc, 4) : '–'}</td>}
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </div>
  );
});
