/**
 * From a score to the numbers the diagrams draw: one column per kept purchase with its DIN
 * weight and DIEN's a_t and gates, each model's CTR, and the largest magnitudes the edges are
 * scaled by. Values are copied, never recomputed, so the diagram shows what the bars show.
 */
import type { ModelName } from '../../train/protocol';
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
}

function largest(values: number[]): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

export function diagramValues(scored: Scored): DiagramValues {
  const { result, uids } = scored;
  const columns = result.kept.map((h, k): Column => ({
    k,
    uid: uids[h] ?? -1,
    good: result.history[h],
    din: result.din.weights[k],
    attention: result.dien.attention[k],
    updateGate: result.dien.updateGate[k],
    effectiveGate: result.dien.effectiveGate[k],
  }));
  return {
    candidate: result.candidate,
    columns,
    notKept: result.history.length - result.kept.length,
    ctr: { base: result.base.ctr, din: result.din.ctr, dien: result.dien.ctr },
    trueCtr: result.truth?.ctr,
    dinMax: largest(columns.map((c) => c.din)),
    attentionMax: largest(columns.map((c) => c.attention)),
  };
}
