/**
 * BST's diagram (a group named "BST"): the blocks of the paper's Figure 1 as buttons, the
 * candidate's attention on each purchase as value nodes ("keyboard: BST attention 0.42", the BST
 * room's two decimals), the CTR. When the run does not train BST: a note saying so and how to
 * switch it on, and no numbers.
 */
import { memo } from 'react';
import type { BstSettings } from '../../model/bstConfig';
import { fmt, pct } from '../common/format';
import { useGoodNames } from '../common/goods';
import { BlockButton } from './BlockButton';
import { BST_BLOCK_ROW, BST_BLOCKS, BST_ROOM_ID, bstEquation, bstSection } from './bstBlocks';
import type { BstBlockId } from './bstBlocks';
import { bstBlockRect, bstGeometry, hasCells } from './bstLayout';
import { BstLines, type BstDrawColumn } from './BstLines';
import type { BstValues } from './diagramData';
import type { ArchStrings } from './strings';
import { useWidth } from './useWidth';

export function bstBlockName(s: ArchStrings, block: BstBlockId, bst: BstSettings): string {
  const b = s.bst;
  switch (block) {
    case 'embeddings':
      return b.embeddings(bst.position);
    case 'mhsa':
      return b.mhsa(bst.heads, bst.attention === 'causal');
    case 'norm1':
    case 'norm2':
      return b.norm;
    case 'ffn':
      return b.ffn;
    case 'output':
      return b.output(bst.output);
    case 'mlp':
    case 'ctr':
      return s.block[block];
  }
}

interface Props {
  title: string;
  /** Shown by the model switch on narrow screens (always shown on wide ones). */
  active: boolean;
  /** BST's settings in this run; undefined: BST is off. */
  bst: BstSettings | undefined;
  columns: BstDrawColumn[];
  candidate: number;
  /** The score's BST numbers; null before BST's first score. */
  values: BstValues | null;
  /** The MLP's hidden sizes (BST's MLP is the one every model shares). */
  hidden: number[];
  s: ArchStrings;
  onGo: (section: string) => void;
}

export const BstDiagram = memo(function BstDiagram(props: Props) {
  const { title, active, bst, s, onGo } = props;
  return (
    <div
      role="group"
      aria-label={title}
      className={`arch-diagram arch-diagram-bst${active ? ' arch-active' : ''}`}
    >
      <h3 className="arch-title" aria-hidden="true">
        {title}
      </h3>
      {bst ? (
        <BstCanvas {...props} bst={bst} />
      ) : (
        <div className="arch-bst-off">
          <p>{s.bst.off}</p>
          <button type="button" onClick={() => onGo(BST_ROOM_ID)}>
            {s.bst.goToRoom}
          </button>
        </div>
      )}
    </div>
  );
});

/** Its own component, so that its width is measured from the moment BST is switched on. */
function BstCanvas({
  bst,
  columns,
  candidate,
  values,
  hidden,
  s,
  onGo,
}: Props & { bst: BstSettings }) {
  const names = useGoodNames();
  const [ref, width] = useWidth<HTMLDivElement>(320);
  const g = bstGeometry(columns, width, bst.output);
  const { slots } = g;
  const live = values !== null;
  const reads = g.row('reads');
  const ctrRect = bstBlockRect(g.row('ctr'), slots, bst.output);
  const heads = values?.heads ?? bst.heads;
  // A value node at the root of its edge, just above the token's embedding.
  const node = (x: number, key: string, label: string, text: string) => (
    <span
      key={key}
      role="img"
      aria-label={label}
      className="arch-val arch-val-bst"
      style={{ left: x - g.cellW / 2, top: reads.y + reads.h - 17, width: g.cellW, height: 15 }}
    >
      {text}
    </span>
  );
  return (
    <>
      {!live && <p className="arch-note">{s.bst.waiting}</p>}
      <div ref={ref} className="arch-measure">
        <div className="arch-canvas" style={{ width: slots.width, height: g.rows.height }}>
          {BST_BLOCKS.map((block) => {
            const row = g.row(BST_BLOCK_ROW[block]);
            const rect = bstBlockRect(row, slots, bst.output);
            if (!rect) return null;
            const band = hasCells(row.kind, bst.output) ? ' arch-bst-band' : '';
            return (
              <BlockButton
                key={block}
                cardId={`arch-card-bst-${block}`}
                kind={`bst-${block}${band}`}
                name={bstBlockName(s, block, bst)}
                rect={rect}
                canvasWidth={slots.width}
                does={
                  block === 'mhsa' ? `${s.bst.does.mhsa} ${s.bst.lines(heads)}` : s.bst.does[block]
                }
                equation={bstEquation(block, bst, hidden)}
                hint={s.cardHint}
                onPress={() => onGo(bstSection(block))}
              />
            );
          })}
          <BstLines
            g={g}
            candidate={candidate}
            output={bst.output}
            self={values?.self}
            max={values?.max ?? 0}
            live={live}
            candidateLabel={s.candidate}
            earlierLabel={s.earlier(slots.earlier)}
            sequenceLabel={s.bst.sequence}
            transformerLabel={s.bst.transformer}
          />
          {live &&
            g.cols.map((c, i) => {
              if (c.bst === undefined) return null;
              const a = fmt(c.bst, 2);
              return node(slots.xs[i], c.key, s.bst.attentionLabel(names.name(c.good), a), a);
            })}
          {live &&
            node(
              slots.candX,
              'self',
              s.bst.selfLabel(names.name(candidate), fmt(values.self, 2)),
              fmt(values.self, 2),
            )}
          {ctrRect && (
            <span
              className="arch-ctr-value"
              style={{ left: ctrRect.x + ctrRect.w + 6, top: ctrRect.y, height: ctrRect.h }}
            >
              {live ? pct(values.ctr) : '…'}
            </span>
          )}
        </div>
      </div>
    </>
  );
}
