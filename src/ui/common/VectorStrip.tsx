/** A vector as a row of coloured cells (diverging, colour-blind-safe PuOr) with its numbers on hover/focus. */
import { scaleDiverging } from 'd3-scale';
import { interpolatePuOr } from 'd3-scale-chromatic';

export function divergingScale(maxAbs: number) {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  // PuOr runs orange→purple; reversed so positive values are purple.
  return scaleDiverging((x: number) => interpolatePuOr(1 - x)).domain([-m, 0, m]);
}

export function maxAbs(...vectors: number[][]): number {
  let m = 0;
  for (const v of vectors) for (const x of v) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m;
}

export function VectorStrip({
  values,
  scale,
  label,
  cell = 14,
}: {
  values: number[];
  scale: (x: number) => string;
  label: string;
  cell?: number;
}) {
  const text = `${label}: [${values.map((v) => v.toFixed(2)).join(', ')}]`;
  return (
    <svg className="vector" width={values.length * cell} height={cell} role="img" aria-label={text}>
      <title>{text}</title>
      {values.map((v, i) => (
        <rect
          key={i}
          x={i * cell}
          y={0}
          width={cell - 1}
          height={cell - 1}
          fill={Number.isFinite(v) ? scale(v) : '#ccc'}
        />
      ))}
    </svg>
  );
}
