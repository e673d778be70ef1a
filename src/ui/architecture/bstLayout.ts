/**
 * BST's diagram geometry (the BST paper's Figure 1, bottom to top): the behaviors and the
 * candidate as one sequence of tokens, their embeddings with the position, the candidate's row
 * of attention as edges from each behavior into the candidate's token, one Transformer block,
 * the output, the MLP and the CTR. Pure, beside layout.ts whose columns and edge widths it shares.
 */
import type { BstOutput } from '../../model/bstConfig';
import {
  CAND_GAP,
  CAND_W,
  CAPTION_H,
  edgeWidth,
  headX,
  PAD,
  columnSlots,
  type Rect,
  type Slots,
} from './layout';

export type BstRowKind =
  'ctr' | 'mlp' | 'output' | 'norm2' | 'ffn' | 'norm1' | 'mhsa' | 'reads' | 'embeddings' | 'ids';

export interface BstRow {
  kind: BstRowKind;
  y: number;
  h: number;
}

/** Top (CTR) to bottom (ids). */
export const BST_ROW_KINDS: readonly BstRowKind[] = [
  'ctr',
  'mlp',
  'output',
  'norm2',
  'ffn',
  'norm1',
  'mhsa',
  'reads',
  'embeddings',
  'ids',
];

/** The concatenated output is a band with a cell per token; the candidate's is one block. */
function rowHeight(kind: BstRowKind, output: BstOutput): number {
  switch (kind) {
    case 'output':
      return output === 'concat' ? 40 : 28;
    case 'norm2':
    case 'ffn':
    case 'norm1':
      return 22;
    case 'mhsa':
      return 40;
    case 'reads':
      return 56;
    case 'ids':
      // The ids, then a bracket under all the tokens: one sequence.
      return 54;
    default:
      return kind === 'ctr' || kind === 'mlp' ? 28 : 40;
  }
}

/** The Transformer block's sub-layers sit closer together than the layers around it. */
function gapAbove(kind: BstRowKind): number {
  return kind === 'ffn' || kind === 'norm1' || kind === 'mhsa' ? 8 : 16;
}

/** Space kept left of the rows for the residual connections ("Add & norm"'s skip lines). */
export const SKIP_W = 10;

export interface BstRows {
  rows: BstRow[];
  byKind: Record<BstRowKind, BstRow>;
  height: number;
}

export function bstRows(output: BstOutput): BstRows {
  const rows: BstRow[] = [];
  let y = PAD;
  for (const kind of BST_ROW_KINDS) {
    if (rows.length > 0) y += gapAbove(kind);
    const h = rowHeight(kind, output);
    rows.push({ kind, y, h });
    y += h;
  }
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, r])) as Record<BstRowKind, BstRow>;
  return { rows, byKind, height: y + PAD };
}

/** Rows whose block spans every token, the candidate's included: each token passes through it. */
export function spansTokens(kind: BstRowKind, output: BstOutput): boolean {
  if (kind === 'output') return output === 'concat';
  return (
    kind === 'embeddings' ||
    kind === 'mhsa' ||
    kind === 'norm1' ||
    kind === 'ffn' ||
    kind === 'norm2'
  );
}

/** Rows with a cell per token below their caption. */
export function hasCells(kind: BstRowKind, output: BstOutput): boolean {
  return kind === 'embeddings' || kind === 'mhsa' || (kind === 'output' && output === 'concat');
}

/** The button of the block in `row` (null for the rows without one: ids and the edges). */
export function bstBlockRect(row: BstRow, s: Slots, output: BstOutput): Rect | null {
  if (row.kind === 'ids' || row.kind === 'reads') return null;
  // The residual lines run left of the Transformer block's sub-layers.
  const left = PAD + (isSubLayer(row.kind) ? SKIP_W : 0);
  if (spansTokens(row.kind, output))
    return { x: left, y: row.y, w: s.width - PAD - left, h: row.h };
  const want = row.kind === 'ctr' ? 56 : row.kind === 'mlp' ? 96 : 132;
  const w = Math.min(want, s.width - 2 * PAD);
  // The candidate's output stands over the candidate's token; MLP and CTR over the middle.
  const cx = row.kind === 'output' ? s.candX : headX(s);
  const x = Math.max(PAD, Math.min(s.width - PAD - w, cx - w / 2));
  return { x, y: row.y, w, h: row.h };
}

export function isSubLayer(kind: BstRowKind): boolean {
  return kind === 'mhsa' || kind === 'norm1' || kind === 'ffn' || kind === 'norm2';
}

/** Top and bottom of the cells inside a row with cells (below its caption). */
export function cellSpan(row: BstRow): { top: number; bottom: number } {
  return { top: row.y + CAPTION_H + 2, bottom: row.y + row.h - 3 };
}

export interface AttentionEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/**
 * The candidate's row of attention as edges: from each shown behavior's token (the top of its
 * embeddings, y `from`) to the candidate's token in the attention (the bottom of its cell,
 * y `to`). Width linear in the weight against `max`; a behavior without a number gets a 1 px
 * edge, as the skeleton's.
 */
export function attentionEdges(
  s: Slots,
  from: number,
  to: number,
  weights: readonly (number | undefined)[],
  max: number,
): AttentionEdge[] {
  // The edges land spread over the candidate's cell, not on one point, so each stays visible.
  const land = Math.min(CAND_W - CAND_GAP, 36);
  const n = s.xs.length;
  return s.xs.map((x, i) => {
    const w = weights[i];
    return {
      x1: x,
      y1: from,
      x2: s.candX - land / 2 + (n > 1 ? (land * i) / (n - 1) : land / 2),
      y2: to,
      width: w === undefined ? 1 : edgeWidth(w, max),
    };
  });
}

export interface BstGeometry<C> {
  rows: BstRows;
  slots: Slots;
  /** The shown columns (the most recent ones), aligned with slots.xs. */
  cols: C[];
  row: (kind: BstRowKind) => BstRow;
  cellTop: (kind: BstRowKind) => number;
  cellBottom: (kind: BstRowKind) => number;
  cellW: number;
  headX: number;
}

/**
 * The columns of layout.ts in a diagram `width` wide, moved right by SKIP_W: the residual lines
 * run in the margin so left, beside every token's column.
 */
export function bstSlots(n: number, width: number): Slots {
  const s = columnSlots(n, width - SKIP_W);
  return {
    ...s,
    xs: s.xs.map((x) => x + SKIP_W),
    markerX: s.markerX === null ? null : s.markerX + SKIP_W,
    candX: s.candX + SKIP_W,
    width: s.width + SKIP_W,
  };
}

/** One BST diagram's geometry from its columns, its width and what the MLP reads. */
export function bstGeometry<C>(all: C[], width: number, output: BstOutput): BstGeometry<C> {
  const rows = bstRows(output);
  const slots = bstSlots(all.length, width);
  return {
    rows,
    slots,
    cols: all.slice(slots.from),
    row: (kind) => rows.byKind[kind],
    cellTop: (kind) => cellSpan(rows.byKind[kind]).top,
    cellBottom: (kind) => cellSpan(rows.byKind[kind]).bottom,
    cellW: Math.max(12, Math.min(slots.colW - 6, 44)),
    headX: headX(slots),
  };
}
