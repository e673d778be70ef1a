import { describe, expect, it } from 'vitest';
import { DEFAULT_BST, PAGE_BST } from '../../model/bstConfig';
import type { BstInternals, ScoreResult } from '../../train/protocol';
import type { Scored } from '../state/types';
import { bstBlockName } from './BstDiagram';
import { BST_BLOCKS, BST_ROOM_ID, bstEquation, bstSection } from './bstBlocks';
import {
  attentionEdges,
  bstBlockRect,
  bstGeometry,
  bstRows,
  bstSlots,
  BST_ROW_KINDS,
  SKIP_W,
} from './bstLayout';
import { diagramValues } from './diagramData';
import { CAND_W, EDGE_MAX, EDGE_MIN, PAD } from './layout';
import { ARCH_STRINGS } from './strings';

/** One head's (n+1)×(n+1) attention whose last row (the candidate's) is `row`; other rows uniform. */
function head(row: number[]): number[][] {
  const n = row.length;
  return [...Array.from({ length: n - 1 }, () => row.map(() => 1 / n)), row];
}

function bst(attention: number[][][], positions = [5, 4, 3, 1]): BstInternals {
  return { ctr: 0.37, pooled: [], attention, outputs: [], positions };
}

/** History [4, 9, 2, 7], the last three kept (T = 3), candidate 5. */
function score(b?: BstInternals): Scored {
  const result: ScoreResult = {
    step: 3,
    history: [4, 9, 2, 7],
    kept: [1, 2, 3],
    candidate: 5,
    base: { ctr: 0.41, pooled: [] },
    din: {
      ctr: 0.62,
      pooled: [],
      weights: [1.5, -0.25, 0.75],
      contributions: [],
      behaviorEmbeddings: [],
      candidateEmbedding: [],
      unitHidden: [],
      ctrWithEqualWeights: 0.5,
    },
    dien: {
      ctr: 0.58,
      pooled: [],
      gruStates: [],
      evolvingStates: [],
      attention: [0.2, 0.5, 0.3],
      updateGate: [0.4, 0.6, 0.8],
      effectiveGate: [0.08, 0.3, 0.24],
      auxPositiveScore: [],
      auxNegatives: [],
      auxNegativeScore: [],
    },
    ...(b ? { bst: b } : {}),
  };
  return { uids: [10, 11, 12, 13], result };
}

describe('BST values in the diagram', () => {
  it('one head: the candidate’s row copied as it is, per purchase, its own weight apart', () => {
    // 0.1 + 0.2 is 0.30000000000000004: a copy keeps it, a recomputation might not.
    const row = [0.1 + 0.2, 0.15, 0.05, 0.5];
    const v = diagramValues(score(bst([head(row)])));
    expect(v.columns.map((c) => c.bst)).toEqual([row[0], row[1], row[2]]);
    expect(v.columns[0].bst).toBe(0.1 + 0.2);
    expect(v.columns.map((c) => c.bstPerHead)).toEqual([[row[0]], [row[1]], [row[2]]]);
    expect(v.columns.map((c) => c.bstPosition)).toEqual([5, 4, 3]);
    expect(v.bst).toEqual({
      ctr: 0.37,
      heads: 1,
      selfPerHead: [0.5],
      self: 0.5,
      candidatePosition: 1,
      max: 0.5,
    });
    // The other models' numbers are untouched.
    expect(v.columns.map((c) => c.din)).toEqual([1.5, -0.25, 0.75]);
  });

  it('two heads: each head kept, the drawn value their mean, the largest over all drawn', () => {
    const v = diagramValues(score(bst([head([0.1, 0.2, 0.6, 0.1]), head([0.3, 0.4, 0.2, 0.1])])));
    expect(v.columns.map((c) => c.bstPerHead)).toEqual([
      [0.1, 0.3],
      [0.2, 0.4],
      [0.6, 0.2],
    ]);
    expect(v.columns[0].bst).toBeCloseTo(0.2, 12);
    expect(v.columns[1].bst).toBeCloseTo(0.3, 12);
    expect(v.columns[2].bst).toBeCloseTo(0.4, 12);
    expect(v.bst?.heads).toBe(2);
    expect(v.bst?.selfPerHead).toEqual([0.1, 0.1]);
    expect(v.bst?.self).toBeCloseTo(0.1, 12);
    expect(v.bst?.max).toBeCloseTo(0.4, 12);
  });

  it('no BST in the score, or attention over other tokens: no BST numbers at all', () => {
    const none = diagramValues(score());
    expect(none.bst).toBeNull();
    expect(none.columns.every((c) => !('bst' in c) && !('bstPerHead' in c))).toBe(true);
    // A 3×3 matrix for 3 kept purchases (the candidate missing): not these tokens.
    const other = diagramValues(score(bst([head([0.2, 0.3, 0.5])])));
    expect(other.bst).toBeNull();
    expect(other.columns.every((c) => c.bst === undefined)).toBe(true);
    // Positions of another length are left out; the attention still counts.
    const pos = diagramValues(score(bst([head([0.25, 0.25, 0.25, 0.25])], [1, 2])));
    expect(pos.bst?.candidatePosition).toBeUndefined();
    expect(pos.columns[0].bstPosition).toBeUndefined();
    expect(pos.columns[0].bst).toBe(0.25);
  });

  it('an empty history: the candidate reads only itself', () => {
    const s = score(bst([[[1]]], [1]));
    s.result.history = [];
    s.result.kept = [];
    const v = diagramValues(s);
    expect(v.columns).toEqual([]);
    expect(v.bst?.self).toBe(1);
    expect(v.bst?.max).toBe(1);
  });
});

describe('BST layout', () => {
  it('rows run bottom (ids) to top (CTR) as Figure 1, without overlapping', () => {
    for (const output of ['concat', 'candidate'] as const) {
      const { rows, height } = bstRows(output);
      expect(rows.map((r) => r.kind)).toEqual(BST_ROW_KINDS);
      expect(rows[0].kind).toBe('ctr');
      expect(rows[rows.length - 1].kind).toBe('ids');
      for (let i = 1; i < rows.length; i++)
        expect(rows[i].y).toBeGreaterThan(rows[i - 1].y + rows[i - 1].h);
      const last = rows[rows.length - 1];
      expect(height).toBe(last.y + last.h + PAD);
    }
  });

  it('the token-wise blocks span every token, the candidate’s included; all blocks fit', () => {
    for (const output of ['concat', 'candidate'] as const) {
      for (const width of [200, 343, 760]) {
        for (const n of [0, 1, 6, 100]) {
          const s = bstSlots(n, width);
          const rows = bstRows(output);
          for (const row of rows.rows) {
            const r = bstBlockRect(row, s, output);
            if (row.kind === 'ids' || row.kind === 'reads') {
              expect(r).toBeNull();
              continue;
            }
            if (!r) throw new Error(`${row.kind} has no block`);
            expect(r.x).toBeGreaterThanOrEqual(PAD);
            expect(r.x + r.w).toBeLessThanOrEqual(s.width - PAD + 1e-9);
            const spans = ['embeddings', 'mhsa', 'norm1', 'ffn', 'norm2'].includes(row.kind);
            if (spans || (row.kind === 'output' && output === 'concat')) {
              expect(r.x + r.w).toBeGreaterThanOrEqual(s.candX + CAND_W / 2 - 1e-9);
              if (s.xs.length > 0) expect(r.x).toBeLessThan(s.xs[0] - s.colW / 2 + 1e-9);
            }
            // The candidate's output stands over the candidate's token.
            if (row.kind === 'output' && output === 'candidate') {
              expect(r.x).toBeLessThanOrEqual(s.candX);
              expect(r.x + r.w).toBeGreaterThanOrEqual(s.candX);
              expect(r.w).toBeLessThan(s.width - 2 * PAD - SKIP_W);
            }
          }
        }
      }
    }
  });

  it('edges: one per shown purchase, from its column into the candidate’s cell, width linear', () => {
    const s = bstSlots(4, 400);
    const e = attentionEdges(s, 300, 200, [0, 0.25, 0.5, undefined], 0.5);
    expect(e.map((x) => x.x1)).toEqual(s.xs);
    expect(e.every((x) => x.y1 === 300 && x.y2 === 200)).toBe(true);
    for (const x of e) expect(Math.abs(x.x2 - s.candX)).toBeLessThanOrEqual(CAND_W / 2);
    for (let i = 1; i < e.length; i++) expect(e[i].x2).toBeGreaterThan(e[i - 1].x2);
    expect(e.map((x) => x.width)).toEqual([
      EDGE_MIN,
      (EDGE_MIN + EDGE_MAX) / 2,
      EDGE_MAX,
      1, // no number yet: the skeleton's line
    ]);
    // With many purchases only the shown ones get an edge.
    const many = bstSlots(100, 343);
    expect(attentionEdges(many, 1, 0, [], 1)).toHaveLength(many.shown);
  });

  it('the geometry shows the most recent columns', () => {
    const all = Array.from({ length: 30 }, (_, i) => i);
    const g = bstGeometry(all, 343, 'candidate');
    expect(g.cols).toEqual(all.slice(30 - g.slots.shown));
    expect(g.cellBottom('mhsa')).toBeGreaterThan(g.cellTop('mhsa'));
    expect(g.cellTop('embeddings')).toBeGreaterThan(g.row('reads').y + g.row('reads').h);
  });
});

describe('BST blocks: names, equations, sections follow the settings', () => {
  const en = ARCH_STRINGS.en;
  it('names say which position, how many heads, which attention and which output', () => {
    const names = BST_BLOCKS.map((b) => bstBlockName(en, b, DEFAULT_BST));
    expect(names).toEqual([
      'Embedding + time-gap position',
      'Multi-head self-attention (1 head, full)',
      'Add & norm',
      'Feed-forward',
      'Add & norm',
      'All outputs concatenated',
      'MLP',
      'CTR',
    ]);
    const other = { ...PAGE_BST, position: 'position', attention: 'causal', heads: 2 } as const;
    expect(bstBlockName(en, 'embeddings', other)).toBe('Embedding + position');
    expect(bstBlockName(en, 'mhsa', other)).toBe('Multi-head self-attention (2 heads, causal)');
    expect(bstBlockName(en, 'output', other)).toBe('Candidate’s output');
    expect(bstBlockName(ARCH_STRINGS.zh, 'mhsa', other)).toBe('多头自注意力（2 个头，因果）');
  });

  it('equations', () => {
    expect(bstEquation('embeddings', DEFAULT_BST, [8])).toContain('Δt_j = t(v_A) − t(v_j)');
    expect(bstEquation('embeddings', { ...DEFAULT_BST, position: 'position' }, [8])).toContain(
      'distance',
    );
    expect(bstEquation('mhsa', DEFAULT_BST, [8])).toContain('i = 1..1');
    expect(bstEquation('mhsa', DEFAULT_BST, [8])).toMatch(/−∞ on padding$/);
    expect(bstEquation('mhsa', { ...DEFAULT_BST, heads: 2, attention: 'causal' }, [8])).toMatch(
      /i = 1\.\.2.*padding and later tokens$/,
    );
    expect(bstEquation('output', PAGE_BST, [8])).toBe('x = F_A');
    expect(bstEquation('output', DEFAULT_BST, [8])).toContain('F_A ⊕ F_latest');
    expect(bstEquation('mlp', DEFAULT_BST, [32, 16])).toBe('z = MLP_32→16→1(x)');
  });

  it('BST’s blocks open the BST room; MLP and CTR the results, as the other models’', () => {
    expect(bstSection('mhsa')).toBe(BST_ROOM_ID);
    expect(bstSection('embeddings')).toBe(BST_ROOM_ID);
    expect(bstSection('mlp')).toBe('results');
    expect(bstSection('ctr')).toBe('results');
  });
});
