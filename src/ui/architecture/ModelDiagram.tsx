/**
 * One model's diagram: the drawn lines underneath, the blocks as buttons over them, and the
 * live numbers as nodes with accessible names ("keyboard: DIN weight 0.42") in the same format
 * as the attention bars, so both can be compared by name.
 */
import { memo } from 'react';
import { fmt, pct } from '../common/format';
import { useGoodNames } from '../common/goods';
import type { ModelName, ModelSettings } from '../../train/protocol';
import { BlockButton } from './BlockButton';
import { blockEquation, BLOCK_SECTION, MODEL_BLOCKS, type BlockId } from './blocks';
import { DiagramLines } from './DiagramLines';
import { geometry, type DrawColumn } from './geometry';
import type { RowKind } from './layout';
import type { ArchStrings } from './strings';
import { useWidth } from './useWidth';

/** The row each block is drawn in. */
const BLOCK_ROW: Record<BlockId, RowKind> = {
  embeddings: 'embeddings',
  pooling: 'pooling',
  unit: 'unit',
  weighted: 'weighted',
  extractor: 'extractor',
  aux: 'aux',
  attention: 'attention',
  evolving: 'evolving',
  mlp: 'mlp',
  ctr: 'ctr',
};

export function blockName(s: ArchStrings, block: BlockId, settings: ModelSettings): string {
  if (block === 'pooling') return s.pooling(settings.basePooling === 'mean');
  if (block === 'evolving') return s.evolving(settings.evolving.toUpperCase());
  return s.block[block];
}

export const ModelDiagram = memo(function ModelDiagram({
  model,
  title,
  active,
  aligned,
  columns,
  candidate,
  ctr,
  dinMax,
  attentionMax,
  live,
  settings,
  s,
  onGo,
}: {
  model: ModelName;
  title: string;
  /** Shown by the model switch on narrow screens (all three are shown on wide ones). */
  active: boolean;
  aligned: boolean;
  columns: DrawColumn[];
  candidate: number;
  ctr: number | null;
  dinMax: number;
  attentionMax: number;
  /** False before the first score: the skeleton, without numbers. */
  live: boolean;
  settings: ModelSettings;
  s: ArchStrings;
  onGo: (section: string) => void;
}) {
  const names = useGoodNames();
  const [ref, width] = useWidth<HTMLDivElement>(320);
  const g = geometry(model, columns, width, aligned);
  const { slots } = g;
  const ctrRect = g.rect('ctr');
  // A value node in the lower part of a band, one per shown column.
  const node = (kind: RowKind, x: number, key: string, label: string, text: string) => (
    <span
      key={key}
      role="img"
      aria-label={label}
      className={`arch-val arch-val-${kind}`}
      style={{
        left: x - g.cellW / 2,
        top: g.cellTop(kind),
        width: g.cellW,
        height: g.cellBottom(kind) - g.cellTop(kind),
      }}
    >
      {text}
    </span>
  );
  return (
    <div
      role="group"
      aria-label={title}
      className={`arch-diagram arch-diagram-${model}${active ? ' arch-active' : ''}`}
    >
      <h3 className="arch-title" aria-hidden="true">
        {title}
      </h3>
      <div ref={ref} className="arch-measure">
        <div className="arch-canvas" style={{ width: slots.width, height: g.rows.height }}>
          {MODEL_BLOCKS[model].map((block) => (
            <BlockButton
              key={block}
              cardId={`arch-card-${model}-${block}`}
              kind={block}
              name={blockName(s, block, settings)}
              rect={g.rect(BLOCK_ROW[block])}
              canvasWidth={slots.width}
              does={s.does[block]}
              equation={blockEquation(block, model, settings)}
              hint={s.cardHint}
              onPress={() => onGo(BLOCK_SECTION[block])}
            />
          ))}
          <DiagramLines
            g={g}
            candidate={candidate}
            dinMax={dinMax}
            attentionMax={attentionMax}
            live={live}
            candidateLabel={s.candidate}
            earlierLabel={s.earlier(slots.earlier)}
          />
          {live &&
            g.cols.map((c, i) => {
              const x = slots.xs[i];
              const name = names.name(c.good);
              if (model === 'din' && c.din !== undefined) {
                const w = fmt(c.din, 2);
                return node('unit', x, c.key, s.dinWeightLabel(name, w), w);
              }
              if (model !== 'dien') return null;
              const a = fmt(c.attention, 2);
              const e = fmt(c.effectiveGate, 2);
              return [
                node('attention', x, `${c.key}-a`, s.dienAttentionLabel(name, a), a),
                node('evolving', x, `${c.key}-e`, s.gateLabel(name, e), e),
              ];
            })}
          <span
            className="arch-ctr-value"
            style={{ left: ctrRect.x + ctrRect.w + 6, top: ctrRect.y, height: ctrRect.h }}
          >
            {live && ctr !== null ? pct(ctr) : '…'}
          </span>
        </div>
      </div>
    </div>
  );
});
