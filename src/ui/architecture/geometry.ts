/**
 * One diagram's geometry from its model, its columns and its width: the rows, the slots, the
 * block rectangles and the cells inside the bands, shared by the lines (SVG) and the buttons
 * and values (HTML) drawn over them.
 */
import type { ModelName } from '../../train/protocol';
import {
  blockRect,
  CAPTION_H,
  columnSlots,
  DIAGRAM_HEIGHT,
  headX,
  poolX,
  rowsFor,
  type Rect,
  type Row,
  type RowKind,
  type Rows,
  type Slots,
} from './layout';

/** What a column draws: its good, and its numbers once a score has arrived. */
export interface DrawColumn {
  key: string;
  good: number;
  din?: number;
  attention?: number;
  effectiveGate?: number;
  /** BST's candidate row on this purchase (drawn by BST's diagram only). */
  bst?: number;
}

export interface Geometry {
  model: ModelName;
  rows: Rows;
  slots: Slots;
  /** The shown columns (the most recent ones), aligned with slots.xs. */
  cols: DrawColumn[];
  rect: (kind: RowKind) => Rect;
  row: (kind: RowKind) => Row;
  /** Top and bottom y of the cells inside a band row. */
  cellTop: (kind: RowKind) => number;
  cellBottom: (kind: RowKind) => number;
  cellW: number;
  headX: number;
  poolX: number;
}

/** `aligned`: drawn as tall as the tallest model, so side by side their ids share a baseline. */
export function geometry(
  model: ModelName,
  all: DrawColumn[],
  width: number,
  aligned: boolean,
): Geometry {
  const rows = aligned ? rowsFor(model, DIAGRAM_HEIGHT) : rowsFor(model);
  const slots = columnSlots(all.length, width);
  const row = (kind: RowKind): Row => {
    const r = rows.byKind[kind];
    if (!r) throw new Error(`${model} has no ${kind} row`);
    return r;
  };
  return {
    model,
    rows,
    slots,
    cols: all.slice(slots.from),
    rect: (kind) => blockRect(row(kind), slots),
    row,
    cellTop: (kind) => row(kind).y + CAPTION_H + 2,
    cellBottom: (kind) => row(kind).y + row(kind).h - 3,
    cellW: Math.max(12, Math.min(slots.colW - 6, 44)),
    headX: headX(slots),
    poolX: poolX(slots),
  };
}

/** x clamped into a block's rectangle (where an edge from column x lands on it). */
export function clampInto(x: number, r: Rect, inset = 6): number {
  return Math.max(r.x + inset, Math.min(r.x + r.w - inset, x));
}
