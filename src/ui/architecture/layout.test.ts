import { describe, expect, it } from 'vitest';
import {
  blockRect,
  CAND_W,
  columnSlots,
  DIAGRAM_HEIGHT,
  EDGE_MAX,
  EDGE_MIN,
  edgeWidth,
  MAX_COL,
  MIN_COL,
  MIN_WIDTH,
  PAD,
  rowsFor,
} from './layout';
import { MODEL_NAMES } from '../../model/config';

describe('columnSlots', () => {
  it('places every purchase when they fit: 3 purchases in 300 px', () => {
    // inner = 300 − 16 − 60 − 12 = 212; 212 / 3 = 70.67 < MAX_COL, so each column is 70.67 wide.
    const s = columnSlots(3, 300);
    expect(s.shown).toBe(3);
    expect(s.from).toBe(0);
    expect(s.markerX).toBeNull();
    expect(s.colW).toBeCloseTo(212 / 3, 10);
    expect(s.xs[0]).toBeCloseTo(PAD + 212 / 6, 10);
    expect(s.candX).toBe(300 - PAD - CAND_W / 2);
  });

  it('caps a column at MAX_COL: one purchase in 300 px sits at PAD + MAX_COL / 2', () => {
    const s = columnSlots(1, 300);
    expect(s.colW).toBe(MAX_COL);
    expect(s.xs).toEqual([PAD + MAX_COL / 2]);
  });

  it('keeps the most recent ones behind a "+n earlier" slot when they do not fit', () => {
    // inner = 212; with the 48 px marker, floor(164 / 40) = 4 columns, 41 px each.
    const s = columnSlots(10, 300);
    expect(s.shown).toBe(4);
    expect(s.from).toBe(6);
    expect(s.earlier).toBe(6);
    expect(s.colW).toBe(41);
    expect(s.markerX).toBe(PAD + 24);
    expect(s.xs[0]).toBe(PAD + 48 + 20.5);
  });

  it('no purchase: no columns, the candidate still at the right', () => {
    const s = columnSlots(0, 320);
    expect(s.shown).toBe(0);
    expect(s.xs).toEqual([]);
    expect(s.candX).toBe(320 - PAD - CAND_W / 2);
  });

  it('for T = 1..100 and every width: legible, ordered, inside, most recent shown', () => {
    for (const width of [MIN_WIDTH - 50, 280, 343, 420, 700, 1000]) {
      for (let n = 1; n <= 100; n++) {
        const s = columnSlots(n, width);
        expect(s.shown).toBeGreaterThanOrEqual(1);
        expect(s.shown + s.earlier).toBe(n);
        expect(s.from).toBe(n - s.shown);
        expect(s.xs).toHaveLength(s.shown);
        expect(s.colW).toBeGreaterThanOrEqual(MIN_COL - 1e-9);
        expect(s.colW).toBeLessThanOrEqual(MAX_COL);
        for (let i = 1; i < s.xs.length; i++) {
          expect(s.xs[i] - s.xs[i - 1]).toBeCloseTo(s.colW, 9);
        }
        const left = s.markerX !== null ? s.markerX + 24 : PAD;
        expect(s.xs[0] - s.colW / 2).toBeCloseTo(left, 9);
        // The last column ends before the candidate's column starts.
        expect(s.xs[s.shown - 1] + s.colW / 2).toBeLessThanOrEqual(s.candX - CAND_W / 2 + 1e-9);
        expect(s.candX + CAND_W / 2 + PAD).toBeCloseTo(s.width, 9);
        expect(s.markerX !== null).toBe(s.earlier > 0);
      }
    }
  });
});

describe('rows and blocks', () => {
  it('rows run top to bottom without overlapping, CTR first and ids last', () => {
    for (const m of MODEL_NAMES) {
      const { rows, height } = rowsFor(m);
      expect(rows[0].kind).toBe('ctr');
      expect(rows[rows.length - 1].kind).toBe('ids');
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].y).toBeGreaterThan(rows[i - 1].y + rows[i - 1].h);
      }
      const last = rows[rows.length - 1];
      expect(height).toBe(last.y + last.h + PAD);
      expect(height).toBeLessThanOrEqual(DIAGRAM_HEIGHT);
    }
  });

  it('drawn DIAGRAM_HEIGHT tall, every model’s ids sit on the same baseline', () => {
    const ids = MODEL_NAMES.map((m) => rowsFor(m, DIAGRAM_HEIGHT).byKind.ids?.y);
    expect(new Set(ids).size).toBe(1);
    expect(rowsFor('dien', DIAGRAM_HEIGHT).rows[0].y).toBe(PAD);
    for (const m of MODEL_NAMES) expect(rowsFor(m, DIAGRAM_HEIGHT).height).toBe(DIAGRAM_HEIGHT);
  });

  it('every block lies inside the diagram, at any column count', () => {
    for (const m of MODEL_NAMES) {
      for (const n of [0, 1, 5, 100]) {
        const s = columnSlots(n, 300);
        for (const row of rowsFor(m).rows) {
          if (row.kind === 'ids' || row.kind === 'concat') continue;
          const r = blockRect(row, s);
          expect(r.x).toBeGreaterThanOrEqual(PAD);
          expect(r.x + r.w).toBeLessThanOrEqual(s.width - PAD + 1e-9);
          expect(r.w).toBeGreaterThan(40);
        }
      }
    }
  });
});

describe('edgeWidth', () => {
  it('is EDGE_MIN at 0, EDGE_MAX at the largest magnitude, linear between', () => {
    expect(edgeWidth(0, 2)).toBe(EDGE_MIN);
    expect(edgeWidth(2, 2)).toBe(EDGE_MAX);
    expect(edgeWidth(-2, 2)).toBe(EDGE_MAX);
    expect(edgeWidth(1, 2)).toBe((EDGE_MIN + EDGE_MAX) / 2);
  });

  it('grows monotonically with |v|', () => {
    let prev = -Infinity;
    for (let v = 0; v <= 1.5; v += 0.01) {
      const w = edgeWidth(v, 1.5);
      expect(w).toBeGreaterThanOrEqual(prev);
      expect(edgeWidth(-v, 1.5)).toBe(w);
      prev = w;
    }
    expect(edgeWidth(0.3, 1)).toBeLessThan(edgeWidth(0.31, 1));
  });

  it('draws no edge for a value that is not a number, a thin one when all are 0', () => {
    expect(edgeWidth(Number.NaN, 1)).toBe(0);
    expect(edgeWidth(0, 0)).toBe(EDGE_MIN);
  });
});
