/**
 * The drawn part of a diagram (decorative: the buttons, the value nodes and the text
 * alternative carry the meaning): ids, embedding cells, the edges between the layers with
 * their thickness from the weights, the GRU chains and the auxiliary loss's next-purchase
 * branch.
 */
import { edgeWidth } from './layout';
import { clampInto, type Geometry } from './geometry';
import { TokenRow } from './drawParts';

export function DiagramLines({
  g,
  candidate,
  dinMax,
  attentionMax,
  live,
  candidateLabel,
  earlierLabel,
}: {
  g: Geometry;
  candidate: number;
  dinMax: number;
  attentionMax: number;
  live: boolean;
  candidateLabel: string;
  earlierLabel: string;
}) {
  const { slots, cols, model } = g;
  const ids = g.row('ids');
  const embTop = g.cellTop('embeddings');
  const concat = g.row('concat');
  const cy = concat.y + concat.h / 2;
  const mlp = g.rect('mlp');
  const ctr = g.rect('ctr');
  const pool = model === 'base' ? g.rect('pooling') : model === 'din' ? g.rect('weighted') : null;
  const half = g.cellW / 2;
  const chain = (kind: 'extractor' | 'evolving') => {
    const y = (g.cellTop(kind) + g.cellBottom(kind)) / 2;
    const out = slots.xs
      .slice(1)
      .map((x, i) => (
        <line key={i} className="arch-chain" x1={slots.xs[i] + half} x2={x - half} y1={y} y2={y} />
      ));
    if (slots.markerX !== null && slots.xs.length > 0)
      out.push(
        <line
          key="m"
          className="arch-chain arch-earlier-chain"
          x1={slots.markerX}
          x2={slots.xs[0] - half}
          y1={y}
          y2={y}
        />,
      );
    return out;
  };
  // The candidate's vector joins the purchases' at this height (DIN's units, DIEN's attention).
  const busY =
    model === 'din'
      ? g.cellBottom('unit') + 9
      : model === 'dien'
        ? g.cellBottom('attention') + 9
        : null;

  return (
    <svg
      className="arch-lines"
      width={slots.width}
      height={g.rows.height}
      viewBox={`0 0 ${slots.width} ${g.rows.height}`}
      aria-hidden="true"
      focusable="false"
    >
      <TokenRow
        goods={cols}
        slots={slots}
        idsY={ids.y}
        embTop={embTop}
        candidate={candidate}
        candidateLabel={candidateLabel}
        earlierLabel={earlierLabel}
      />

      {/* the candidate to the concat joint; the bus into the units / the attention */}
      <polyline
        className="arch-edge arch-cand"
        points={`${slots.candX},${embTop} ${slots.candX},${cy} ${g.headX + 9},${cy}`}
      />
      {busY !== null && cols.length > 0 && (
        <line
          className="arch-edge arch-cand"
          x1={slots.candX}
          x2={slots.markerX ?? slots.xs[0]}
          y1={busY}
          y2={busY}
        />
      )}

      {model === 'base' &&
        pool &&
        cols.map((c, i) => (
          <line
            key={c.key}
            className="arch-edge arch-edge-base"
            x1={slots.xs[i]}
            y1={embTop}
            x2={clampInto(slots.xs[i], pool)}
            y2={pool.y + pool.h}
          />
        ))}

      {model === 'din' &&
        pool &&
        cols.map((c, i) => {
          const x = slots.xs[i];
          const w = c.din;
          return (
            <g key={c.key}>
              <line className="arch-edge" x1={x} x2={x} y1={embTop} y2={g.cellBottom('unit')} />
              <circle className="arch-joint" cx={x} cy={busY ?? 0} r={2.5} />
              <rect
                className="arch-cell arch-cell-unit"
                x={x - half}
                y={g.cellTop('unit')}
                width={g.cellW}
                height={g.cellBottom('unit') - g.cellTop('unit')}
              />
              <line
                className={`arch-edge arch-weight${live && w !== undefined && w < 0 ? ' arch-negative' : ''}`}
                x1={x}
                y1={g.cellTop('unit')}
                x2={clampInto(x, pool)}
                y2={pool.y + pool.h}
                style={{ strokeWidth: live && w !== undefined ? edgeWidth(w, dinMax) : 1 }}
              />
            </g>
          );
        })}

      {model === 'dien' &&
        cols.map((c, i) => {
          const x = slots.xs[i];
          const next = slots.xs[i + 1];
          return (
            <g key={c.key}>
              <line
                className="arch-edge"
                x1={x}
                x2={x}
                y1={embTop}
                y2={g.cellBottom('extractor')}
              />
              <rect
                className="arch-cell arch-cell-gru"
                x={x - half}
                y={g.cellTop('extractor')}
                width={g.cellW}
                height={g.cellBottom('extractor') - g.cellTop('extractor')}
              />
              {next !== undefined && (
                // The next-purchase branch: h_t is scored against e_{t+1}.
                <line
                  className="arch-aux"
                  x1={x + half / 2}
                  y1={g.cellBottom('extractor')}
                  x2={next - 4}
                  y2={embTop}
                />
              )}
              <line
                className="arch-edge"
                x1={x}
                x2={x}
                y1={g.cellTop('extractor')}
                y2={g.cellBottom('attention')}
              />
              <circle className="arch-joint" cx={x} cy={busY ?? 0} r={2.5} />
              <rect
                className="arch-cell arch-cell-att"
                x={x - half}
                y={g.cellTop('attention')}
                width={g.cellW}
                height={g.cellBottom('attention') - g.cellTop('attention')}
              />
              <line
                className="arch-edge arch-att"
                x1={x}
                x2={x}
                y1={g.cellTop('attention')}
                y2={g.cellBottom('evolving')}
                style={{
                  strokeWidth:
                    live && c.attention !== undefined ? edgeWidth(c.attention, attentionMax) : 1,
                }}
              />
              <rect
                className="arch-cell arch-cell-evo"
                x={x - half}
                y={g.cellTop('evolving')}
                width={g.cellW}
                height={g.cellBottom('evolving') - g.cellTop('evolving')}
                fillOpacity={
                  live && c.effectiveGate !== undefined && Number.isFinite(c.effectiveGate)
                    ? 0.12 + 0.6 * Math.max(0, Math.min(1, c.effectiveGate))
                    : 0.08
                }
              />
            </g>
          );
        })}
      {model === 'dien' && chain('extractor')}
      {model === 'dien' && chain('evolving')}
      {model === 'dien' && slots.xs.length > 0 && (
        // h′(T), the last evolving state, goes up to the concat joint.
        <g>
          <line
            className="arch-edge arch-final"
            x1={slots.xs[slots.xs.length - 1]}
            y1={g.cellTop('evolving')}
            x2={g.headX}
            y2={cy + 9}
          />
          <text
            x={slots.xs[slots.xs.length - 1] + 5}
            y={g.row('evolving').y - 4}
            className="arch-name arch-hT"
          >
            h′(T)
          </text>
        </g>
      )}

      {pool && (
        <polyline
          className="arch-edge"
          points={`${pool.x + pool.w / 2},${pool.y} ${pool.x + pool.w / 2},${cy} ${g.headX - 9},${cy}`}
        />
      )}
      <circle className="arch-concat" cx={g.headX} cy={cy} r={9} />
      <text x={g.headX} y={cy + 4} className="arch-concat-sign">
        ⊕
      </text>
      <line className="arch-edge" x1={g.headX} x2={g.headX} y1={cy - 9} y2={mlp.y + mlp.h} />
      <line className="arch-edge" x1={g.headX} x2={g.headX} y1={mlp.y} y2={ctr.y + ctr.h} />
    </svg>
  );
}
