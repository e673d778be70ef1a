/**
 * From a score to the numbers the diagrams draw: one column per kept purchase with its DIN
 * weight, DIEN's a_t and gates and BST's attention, each model's CTR, and the largest magnitudes
 * the edges are scaled by. Values are copied, never recomputed, so the diagram shows what the
 * bars and the BST room show; the one exception is BST's mean over heads (with 2 heads).
 */
import type { BstInternals, ModelName, ScoreResult } from '../../train/protocol';
import type { Scored } from '../state/types';

export interface Column {
  /** Index into result.kept (and into every per-behavior array of the result). */
  k: number;
  /** The editor's uid of this purchase (a stable React key), or -1 when unknown. */
  uid: number;
  good: number;
  din: number;
  attention: number;
  updateGate: number;
  effectiveGate: number;
  /** BST's candidate row on this purchase: per head, and what is drawn (their mean). */
  bstPerHead?: number[];
  bst?: number;
  /** The position index this purchase's token embedded (a gap bucket or a distance). */
  bstPosition?: number;
}

/** BST's numbers beyond the columns, when the score has them. */
export interface BstValues {
  ctr: number;
  heads: number;
  /** The candidate's weight on its own token: per head, and the drawn mean. */
  selfPerHead: number[];
  self: number;
  candidatePosition: number | undefined;
  /** Largest drawn weight, the candidate's own included (0 when none is finite). */
  max: number;
}

export interface DiagramValues {
  candidate: number;
  columns: Column[];
  /** Purchases in the history the models do not keep (older than the most recent T). */
  notKept: number;
  ctr: Record<ModelName, number>;
  /** Absent on imported data (no ground truth). */
  trueCtr: number | undefined;
  /** Largest |w_j| and largest a_t over the kept purchases (0 when none is finite). */
  dinMax: number;
  attentionMax: number;
  /** Null when the score has no BST, or its attention is not over these tokens. */
  bst: BstValues | null;
}

function largest(values: number[]): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

/** A mean over heads; one head's value is copied as it is. */
function mean(xs: number[]): number {
  return xs.length === 1 ? xs[0] : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * The candidate's row of every head (token n, after the n kept behaviors), or null when the
 * score's attention is not over n + 1 tokens (a score of other settings, or none).
 */
function candidateRows(bst: BstInternals | undefined, n: number): number[][] | null {
  const a = bst?.attention;
  if (!a || a.length === 0) return null;
  const rows = a.map((head) => (head.length === n + 1 ? head[n] : undefined));
  return rows.every((r): r is number[] => r !== undefined && r.length === n + 1) ? rows : null;
}

function bstValues(result: ScoreResult, rows: number[][] | null): BstValues | null {
  if (!rows || !result.bst) return null;
  const n = result.kept.length;
  const drawn = Array.from({ length: n + 1 }, (_, j) => mean(rows.map((r) => r[j])));
  const positions = result.bst.positions;
  return {
    ctr: result.bst.ctr,
    heads: rows.length,
    selfPerHead: rows.map((r) => r[n]),
    self: drawn[n],
    candidatePosition: positions.length === n + 1 ? positions[n] : undefined,
    max: largest(drawn),
  };
}

export function diagramValues(scored: Scored): DiagramValues {
  const { result, uids } = scored;
  const rows = candidateRows(result.bst, result.kept.length);
  const positions = result.bst?.positions;
  const columns = result.kept.map((h, k): Column => {
    const c: Column = {
      k,
      uid: uids[h] ?? -1,
      good: result.history[h],
      din: result.din.weights[k],
      attention: result.dien.attention[k],
      updateGate: result.dien.updateGate[k],
      effectiveGate: result.dien.effectiveGate[k],
    };
    if (!rows) return c;
    const perHead = rows.map((r) => r[k]);
    c.bstPerHead = perHead;
    c.bst = mean(perHead);
    if (positions?.length === result.kept.length + 1) c.bstPosition = positions[k];
    return c;
  });
  return {
    candidate: result.candidate,
    columns,
    notKept: result.history.length - result.kept.length,
    ctr: { base: result.base.ctr, din: result.din.ctr, dien: result.dien.ctr },
    trueCtr: result.truth?.ctr,
    dinMax: largest(columns.map((c) => c.din)),
    attentionMax: largest(columns.map((c) => c.attention)),
    bst: bstValues(result, rows),
  };
}
