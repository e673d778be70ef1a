/**
 * What the page shows of BST, as plain data (its loss and test metrics come from the curves,
 * as the other models' do: training/shownMetrics.ts): the attention matrix of one head with its labels, and the
 * three-way comparison of DIN's weights, DIEN's a_t and BST's candidate row per kept purchase.
 */
import type { ScoreResult } from '../../train/protocol';

export interface MatrixRow {
  label: string;
  cells: number[];
  sum: number;
}

export interface AttentionMatrix {
  /** Column labels: the kept purchases (oldest first, numbered), then the candidate. */
  labels: string[];
  rows: MatrixRow[];
  heads: number;
}

/** "1. keyboard": numbered, since the same good can be bought twice. */
function labelsOf(result: ScoreResult, name: (good: number) => string, candidateMark: string) {
  const kept = result.kept.map((k, i) => `${i + 1}. ${name(result.history[k])}`);
  return [...kept, `${name(result.candidate)} (${candidateMark})`];
}

/**
 * Head `head`'s matrix with its labels, or null when the score has no BST or its tokens are not
 * the kept purchases and the candidate (a score of other settings).
 */
export function attentionMatrix(
  result: ScoreResult,
  head: number,
  name: (good: number) => string,
  candidateMark: string,
): AttentionMatrix | null {
  const a = result.bst?.attention;
  const m = a?.[head];
  const n = result.kept.length + 1;
  if (!a || !m || m.length !== n || m.some((r) => r.length !== n)) return null;
  return {
    labels: labelsOf(result, name, candidateMark),
    rows: m.map((cells, i) => ({
      label: labelsOf(result, name, candidateMark)[i],
      cells,
      sum: cells.reduce((s, x) => s + x, 0),
    })),
    heads: a.length,
  };
}

export interface ThreeWayRow {
  label: string;
  din: number;
  dien: number;
  bst: number;
}

export interface ThreeWays {
  rows: ThreeWayRow[];
  /** Column sums over the kept purchases. */
  sums: { din: number; dien: number; bst: number };
  /** What BST's candidate gives itself (the rest of its row's 1). */
  bstSelf: number;
}

/** Per kept purchase, the three models' weights on it for this history and candidate. */
export function threeWays(
  result: ScoreResult,
  head: number,
  name: (good: number) => string,
): ThreeWays | null {
  const row = result.bst?.attention[head]?.[result.kept.length];
  const n = result.kept.length;
  if (!row || row.length !== n + 1) return null;
  if (result.din.weights.length !== n || result.dien.attention.length !== n) return null;
  const rows = result.kept.map((k, i) => ({
    label: `${i + 1}. ${name(result.history[k])}`,
    din: result.din.weights[i],
    dien: result.dien.attention[i],
    bst: row[i],
  }));
  const sum = (f: (r: ThreeWayRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    rows,
    sums: { din: sum((r) => r.din), dien: sum((r) => r.dien), bst: sum((r) => r.bst) },
    bstSelf: row[n],
  };
}
