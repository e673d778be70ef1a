/**
 * Geometry of one diagram, in CSS pixels: where each kept purchase's column sits, where each
 * row sits, the rectangle of each block's button and how thick an edge is. Pure, so the
 * scaling to T = 100 and the monotone edges are unit-tested.
 */
import type { ModelName } from '../../train/protocol';

export const PAD = 8;
/** A column narrower than this no longer fits a weight like "-0.42". */
export const MIN_COL = 40;
export const MAX_COL = 72;
export const CAND_W = 60;
export const CAND_GAP = 12;
/** The "+n earlier" slot left of the columns when not every purchase fits. */
export const MARKER_W = 48;
export const MIN_WIDTH = 2 * PAD + MARKER_W + MIN_COL + CAND_GAP + CAND_W;
export const GAP = 16;

export interface Slots {
  /** Kept purchases in all, shown ones, and the index of the first one shown. */
  n: number;
  shown: number;
  from: number;
  /** Kept purchases not drawn (the oldest ones): `from`. */
  earlier: number;
  colW: number;
  /** Centre x of each shown column, oldest first. */
  xs: number[];
  /** Centre x of the "+n earlier" slot, or null when every purchase is drawn. */
  markerX: number | null;
  candX: number;
  width: number;
}

/** Columns for `n` kept purchases in a diagram `width` wide: the most recent ones that fit. */
export function columnSlots(n: number, width: number): Slots {
  const w = Math.max(MIN_WIDTH, Number.isFinite(width) ? width : MIN_WIDTH);
  const inner = w - 2 * PAD - CAND_W - CAND_GAP;
  const count = Math.max(0, Math.floor(n));
  let shown = count;
  let marker = 0;
  if (count * MIN_COL > inner) {
    marker = MARKER_W;
    shown = Math.max(1, Math.floor((inner - MARKER_W) / MIN_COL));
  }
  const colW = shown === 0 ? 0 : Math.min(MAX_COL, (inner - marker) / shown);
  const left = PAD + marker;
  const xs = Array.from({ length: shown }, (_, i) => left + colW * (i + 0.5));
  return {
    n: count,
    shown,
    from: count - shown,
    earlier: count - shown,
    colW,
    xs,
    markerX: marker > 0 ? PAD + MARKER_W / 2 : null,
    candX: w - PAD - CAND_W / 2,
    width: w,
  };
}

export type RowKind =
  | 'ctr'
  | 'mlp'
  | 'concat'
  | 'pooling'
  | 'weighted'
  | 'unit'
  | 'evolving'
  | 'attention'
  | 'extractor'
  | 'aux'
  | 'embeddings'
  | 'ids';

const ROW_KINDS: Record<ModelName, readonly RowKind[]> = {
  base: ['ctr', 'mlp', 'concat', 'pooling', 'embeddings', 'ids'],
  din: ['ctr', 'mlp', 'concat', 'weighted', 'unit', 'embeddings', 'ids'],
  dien: ['ctr', 'mlp', 'concat', 'evolving', 'attention', 'extractor', 'aux', 'embeddings', 'ids'],
};

const ROW_H: Record<RowKind, number> = {
  ctr: 28,
  mlp: 28,
  concat: 22,
  pooling: 28,
  weighted: 28,
  unit: 44,
  evolving: 44,
  attention: 44,
  extractor: 40,
  aux: 22,
  embeddings: 40,
  ids: 40,
};

/** Rows whose button spans the diagram, with a caption on top and one cell per column below. */
export const BAND_ROWS: ReadonlySet<RowKind> = new Set([
  'unit',
  'evolving',
  'attention',
  'extractor',
  'embeddings',
]);
/** Height of a band's caption line: cells sit below it. */
export const CAPTION_H = 15;

export interface Row {
  kind: RowKind;
  y: number;
  h: number;
}

export interface Rows {
  rows: Row[];
  byKind: Partial<Record<RowKind, Row>>;
  height: number;
}

function naturalHeight(model: ModelName): number {
  return ROW_KINDS[model].reduce((h, k) => h + ROW_H[k] + GAP, 2 * PAD - GAP);
}

/** Region width from which the three diagrams sit side by side (architecture.css mirrors it). */
export const SIDE_BY_SIDE = 900;

/** The tallest diagram's height: all three are drawn this tall, so their ids line up. */
export const DIAGRAM_HEIGHT = Math.max(...(['base', 'din', 'dien'] as const).map(naturalHeight));

/**
 * The rows of `model`'s diagram, top (CTR) to bottom (ids), GAP apart, pushed down to the
 * bottom of a diagram `height` tall (the papers draw the inputs on one baseline).
 */
export function rowsFor(model: ModelName, height = naturalHeight(model)): Rows {
  const rows: Row[] = [];
  let y = PAD + Math.max(0, height - naturalHeight(model));
  for (const kind of ROW_KINDS[model]) {
    rows.push({ kind, y, h: ROW_H[kind] });
    y += ROW_H[kind] + GAP;
  }
  const byKind: Partial<Record<RowKind, Row>> = {};
  for (const r of rows) byKind[r.kind] = r;
  return { rows, byKind, height: y - GAP + PAD };
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the concat joint, the MLP and the CTR sit: between the columns and the candidate. */
export function headX(s: Slots): number {
  const last = s.xs.length > 0 ? s.xs[s.xs.length - 1] + s.colW / 2 : PAD + 40;
  const first = s.markerX !== null ? PAD : s.xs.length > 0 ? s.xs[0] - s.colW / 2 : PAD;
  return ((first + last) / 2 + s.candX) / 2;
}

/** The button of the block drawn in `row`. */
export function blockRect(row: Row, s: Slots): Rect {
  if (BAND_ROWS.has(row.kind) || row.kind === 'aux') {
    // The embeddings take the candidate too; the other bands stop before its column.
    const right = row.kind === 'embeddings' ? s.width - PAD : s.candX - CAND_W / 2 - CAND_GAP / 2;
    return { x: PAD, y: row.y, w: right - PAD, h: row.h };
  }
  const cx = row.kind === 'pooling' || row.kind === 'weighted' ? poolX(s) : headX(s);
  const want = row.kind === 'ctr' ? 56 : row.kind === 'mlp' ? 96 : 132;
  const w = Math.min(want, s.width - 2 * PAD);
  const x = Math.max(PAD, Math.min(s.width - PAD - w, cx - w / 2));
  return { x, y: row.y, w, h: row.h };
}

/** Centre of the purchases' columns (where pooling gathers them). */
export function poolX(s: Slots): number {
  if (s.xs.length === 0) return (PAD + s.candX - CAND_W / 2) / 2;
  const left = s.markerX !== null ? PAD : s.xs[0] - s.colW / 2;
  return (left + s.xs[s.xs.length - 1] + s.colW / 2) / 2;
}

export const EDGE_MIN = 1;
export const EDGE_MAX = 7;

/**
 * Stroke width for a value against the largest magnitude drawn: EDGE_MIN at 0, EDGE_MAX at
 * ±maxAbs, linear in |v| between; 0 (no edge) for a value that is not a number.
 */
export function edgeWidth(v: number, maxAbs: number): number {
  if (!Number.isFinite(v)) return 0;
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return EDGE_MIN;
  const r = Math.min(1, Math.abs(v) / maxAbs);
  return EDGE_MIN + (EDGE_MAX - EDGE_MIN) * r;
}
