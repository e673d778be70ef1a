/**
 * BST's drawn part (decorative: the buttons, the value nodes and the text alternative carry the
 * meaning): the tokens as one sequence, their embeddings with the position segment, the
 * candidate's row of attention as edges into its token, the Transformer block's sub-layers with
 * their residual lines, the output the MLP reads, the MLP and the CTR.
 */
import type { BstOutput } from '../../model/bstConfig';
import { TokenRow } from './drawParts';
import { attentionEdges, SKIP_W, type BstGeometry } from './bstLayout';
import { edgeWidth, PAD } from './layout';

/** What a BST column draws: its good and, once a score has come, the candidate's weight on it. */
export interface BstDrawColumn {
  key: string;
  good: number;
  bst?: number;
}

export function BstLines({
  g,
  candidate,
  output,
  self,
  max,
  live,
  candidateLabel,
  earlierLabel,
  sequenceLabel,
  transformerLabel,
}: {
  g: BstGeometry<BstDrawColumn>;
  candidate: number;
  output: BstOutput;
  /** The candidate's weight on its own token (undefined in the skeleton). */
  self: number | undefined;
  max: number;
  live: boolean;
  candidateLabel: string;
  earlierLabel: string;
  sequenceLabel: string;
  transformerLabel: string;
}) {
  const { slots, cols } = g;
  const ids = g.row('ids');
  const embTop = g.cellTop('embeddings');
  const mhsa = g.row('mhsa');
  const norm1 = g.row('norm1');
  const ffn = g.row('ffn');
  const norm2 = g.row('norm2');
  const out = g.row('output');
  const mlp = g.row('mlp');
  const ctr = g.row('ctr');
  const half = g.cellW / 2;
  const tokens = [...slots.xs, slots.candX];
  // From the top of the embeddings' band, under the values' labels and clear of its caption.
  const edges = attentionEdges(
    slots,
    g.row('embeddings').y,
    g.cellBottom('mhsa'),
    cols.map((c) => (live ? c.bst : undefined)),
    max,
  );
  // Short links between the sub-layers, in the gaps only: the names sit inside the bands.
  const link = (x: number, below: { y: number }, above: { y: number; h: number }, key: string) => (
    <line key={key} className="arch-edge" x1={x} x2={x} y1={below.y} y2={above.y + above.h} />
  );
  const skipX = PAD + SKIP_W / 2;
  const first =
    slots.markerX !== null ? PAD + SKIP_W : (slots.xs[0] ?? slots.candX) - slots.colW / 2;
  const seqY = ids.y + 42;
  const outTop = out.y;
  const outX = output === 'candidate' ? slots.candX : g.headX;

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
        position
      />
      {/* The behaviors and the candidate are one sequence (DIN and DIEN keep the candidate apart). */}
      <polyline
        className="arch-seq"
        points={`${first},${seqY - 4} ${first},${seqY} ${slots.width - PAD},${seqY} ${slots.width - PAD},${seqY - 4}`}
      />
      <text x={(first + slots.width - PAD) / 2} y={seqY + 11} className="arch-name">
        {sequenceLabel}
      </text>

      {/* Each token goes up into the attention as a query; the candidate's own line is its self-weight. */}
      {slots.xs.map((x, i) => (
        <line
          key={cols[i]?.key ?? i}
          className="arch-edge"
          x1={x}
          x2={x}
          y1={embTop}
          y2={g.cellBottom('mhsa')}
        />
      ))}
      <line
        className="arch-edge arch-bst-att"
        x1={slots.candX}
        x2={slots.candX}
        y1={embTop}
        y2={g.cellBottom('mhsa')}
        style={{ strokeWidth: live && self !== undefined ? edgeWidth(self, max) : 1 }}
      />
      {edges.map((e, i) => (
        <line
          key={cols[i]?.key ?? i}
          className="arch-edge arch-bst-att"
          x1={e.x1}
          y1={e.y1}
          x2={e.x2}
          y2={e.y2}
          style={{ strokeWidth: e.width }}
        />
      ))}
      {tokens.map((x, i) => (
        <rect
          key={i}
          className={`arch-cell arch-cell-bst${i === tokens.length - 1 ? ' arch-cell-bst-cand' : ''}`}
          x={x - half}
          y={g.cellTop('mhsa')}
          width={g.cellW}
          height={g.cellBottom('mhsa') - g.cellTop('mhsa')}
        />
      ))}

      {/* Position-wise sub-layers: every token passes through each. */}
      {tokens.flatMap((x, i) => [
        link(x, mhsa, norm1, `a${i}`),
        link(x, norm1, ffn, `b${i}`),
        link(x, ffn, norm2, `c${i}`),
      ])}
      {/* Residuals: the attention's input added back at the first Add & norm, its output at the second. */}
      <polyline
        className="arch-skip"
        points={`${skipX},${mhsa.y + mhsa.h + 4} ${skipX},${norm1.y + norm1.h / 2} ${skipX + SKIP_W / 2},${norm1.y + norm1.h / 2}`}
      />
      <polyline
        className="arch-skip"
        points={`${skipX},${norm1.y - 3} ${skipX},${norm2.y + norm2.h / 2} ${skipX + SKIP_W / 2},${norm2.y + norm2.h / 2}`}
      />
      <rect
        className="arch-transformer"
        x={PAD / 2}
        y={norm2.y - 14}
        width={slots.width - PAD}
        height={mhsa.y + mhsa.h + 5 - (norm2.y - 14)}
        rx={6}
      />
      <text x={slots.width - PAD} y={norm2.y - 4} className="arch-name arch-transformer-name">
        {transformerLabel}
      </text>

      {/* The output the MLP reads: every token's (concat) or the candidate's alone. */}
      {output === 'concat' ? (
        tokens.map((x, i) => (
          <g key={i}>
            <line className="arch-edge" x1={x} x2={x} y1={norm2.y} y2={g.cellBottom('output')} />
            <rect
              className="arch-cell arch-cell-bst"
              x={x - half}
              y={g.cellTop('output')}
              width={g.cellW}
              height={g.cellBottom('output') - g.cellTop('output')}
            />
          </g>
        ))
      ) : (
        <line
          className="arch-edge"
          x1={slots.candX}
          x2={slots.candX}
          y1={norm2.y}
          y2={out.y + out.h}
        />
      )}
      <polyline
        className="arch-edge"
        points={`${outX},${outTop} ${outX},${mlp.y + mlp.h + 8} ${g.headX},${mlp.y + mlp.h + 8} ${g.headX},${mlp.y + mlp.h}`}
      />
      <line className="arch-edge" x1={g.headX} x2={g.headX} y1={mlp.y} y2={ctr.y + ctr.h} />
    </svg>
  );
}
