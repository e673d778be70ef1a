/**
 * The small per-purchase bars under the history strip: DIN's weight, DIEN's a_t, the world's
 * true relevance as an outline and, after an edit, the previous values as pale ghosts.
 */
import { useStrings } from '../text/TextContext';
import type { BarScales, BarValues } from './attentionData';

const W = 18;
const H = 48;

/** The bar's top y and height, drawn from the zero line (up for positive, down for negative). */
function span(v: number | undefined, [lo, hi]: [number, number]): { y: number; h: number } {
  const range = hi - lo;
  if (v === undefined || !Number.isFinite(v) || range <= 0) return { y: 1 + H, h: 0 };
  const at = (x: number) => 1 + H - ((Math.max(lo, Math.min(hi, x)) - lo) / range) * H;
  const y0 = at(0);
  const y1 = at(v);
  return { y: Math.min(y0, y1), h: Math.abs(y1 - y0) };
}

function Bar({
  value,
  ghost,
  relevance,
  max,
  relMax,
  kind,
  label,
}: {
  value: number;
  ghost?: number;
  relevance: number;
  max: [number, number];
  relMax: [number, number];
  kind: 'din' | 'dien';
  label: string;
}) {
  const v = span(value, max);
  const g = span(ghost, max);
  const r = span(relevance, relMax);
  const zero = span(0, max).y;
  return (
    <svg
      className={`bar bar-${kind}`}
      width={W}
      height={H + 2}
      viewBox={`0 0 ${W} ${H + 2}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <rect className="bar-track" x={0} y={1} width={W} height={H} />
      {ghost !== undefined && (
        <rect className="bar-ghost" x={2} y={g.y} width={W - 4} height={g.h} />
      )}
      <rect className="bar-value" x={3} y={v.y} width={W - 6} height={v.h} />
      <rect className="bar-truth" x={0.75} y={r.y} width={W - 1.5} height={r.h} />
      <line className="bar-zero" x1={0} x2={W} y1={zero} y2={zero} />
    </svg>
  );
}

export function AttentionBars({
  name,
  values,
  ghost,
  scales,
}: {
  name: string;
  values: BarValues;
  ghost?: BarValues;
  scales: BarScales;
}) {
  const t = useStrings();
  return (
    <div className="bars">
      <Bar
        kind="din"
        value={values.din}
        ghost={ghost?.din}
        relevance={values.relevance}
        max={scales.din}
        relMax={scales.relevance}
        label={t.attentionLabel(name, values.din)}
      />
      <Bar
        kind="dien"
        value={values.dien}
        ghost={ghost?.dien}
        relevance={values.relevance}
        max={scales.dien}
        relMax={scales.relevance}
        label={t.dienAttentionLabel(name, values.dien)}
      />
    </div>
  );
}
