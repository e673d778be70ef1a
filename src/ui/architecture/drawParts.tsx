/**
 * What every diagram draws alike at its bottom (decorative SVG): each shown purchase's emoji and
 * name, the "+n earlier" slot, the candidate, and their embedding cells with the line up from the
 * id. BST's tokens add a fourth segment, the position embedding.
 */
import { useGoodNames } from '../common/goods';
import type { Good } from '../../world/types';
import { categoryColor } from '../common/palette';
import type { Slots } from './layout';

export function short(name: string, width: number): string {
  const max = Math.max(3, Math.floor(width / 5.6));
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/** Width of an embedding cell: three segments, four with the position. */
export function embeddingWidth(position: boolean): number {
  return position ? 27 : 20;
}

export function EmbeddingCell({
  x,
  y,
  id,
  position = false,
}: {
  x: number;
  y: number;
  id: number;
  position?: boolean;
}) {
  const g = useGoodNames().good(id);
  const left = x - embeddingWidth(position) / 2;
  // goods ⊕ shop ⊕ category (⊕ position): the category's segment in its colour.
  return (
    <g className="arch-emb">
      <rect x={left} y={y} width={6} height={16} className="arch-emb-goods" />
      <rect x={left + 7} y={y} width={6} height={16} className="arch-emb-shop" />
      <rect
        x={left + 14}
        y={y}
        width={6}
        height={16}
        fill={g ? categoryColor(g.category) : '#999'}
      />
      {position && <rect x={left + 21} y={y} width={6} height={16} className="arch-emb-pos" />}
    </g>
  );
}

/** A good's emoji; an imported file's goods have none, so a dot marks the id (its name is below). */
const mark = (g: Good | undefined) => (g ? g.emoji || '•' : '?');

/** The ids row and the embedding cells of the shown columns and the candidate. */
export function TokenRow({
  goods,
  slots,
  idsY,
  embTop,
  candidate,
  candidateLabel,
  earlierLabel,
  position = false,
}: {
  /** The shown columns' goods, aligned with slots.xs. */
  goods: { key: string; good: number }[];
  slots: Slots;
  idsY: number;
  embTop: number;
  candidate: number;
  candidateLabel: string;
  earlierLabel: string;
  position?: boolean;
}) {
  const names = useGoodNames();
  const embBottom = embTop + 16;
  return (
    <>
      {goods.map((c, i) => (
        <g key={c.key}>
          <text x={slots.xs[i]} y={idsY + 17} className="arch-emoji">
            {mark(names.good(c.good))}
          </text>
          <text x={slots.xs[i]} y={idsY + 33} className="arch-name">
            {short(names.name(c.good), slots.colW)}
          </text>
          <line className="arch-edge" x1={slots.xs[i]} x2={slots.xs[i]} y1={idsY} y2={embBottom} />
          <EmbeddingCell x={slots.xs[i]} y={embTop} id={c.good} position={position} />
        </g>
      ))}
      {slots.markerX !== null && (
        <text x={slots.markerX} y={idsY + 17} className="arch-name arch-earlier">
          {earlierLabel}
        </text>
      )}
      <text x={slots.candX} y={idsY + 17} className="arch-emoji">
        {mark(names.good(candidate))}
      </text>
      <text x={slots.candX} y={idsY + 33} className="arch-name arch-cand-name">
        {candidateLabel}
      </text>
      <line className="arch-edge" x1={slots.candX} x2={slots.candX} y1={idsY} y2={embBottom} />
      <EmbeddingCell x={slots.candX} y={embTop} id={candidate} position={position} />
    </>
  );
}
