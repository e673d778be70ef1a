/** Which purchase the activation unit shows: the inspected one, or the most recent kept one. */
import type { Scored } from '../state/types';

/** Index into scored.result.kept (0 when there is no score yet). */
export function keptIndexOf(scored: Scored | null, inspected: number | null): number {
  if (!scored) return 0;
  const { kept } = scored.result;
  const k = inspected === null ? -1 : kept.findIndex((h) => scored.uids[h] === inspected);
  return k >= 0 ? k : kept.length - 1;
}

/** The good of the purchase shown (null when nothing is kept). */
export function unitGood(scored: Scored | null, keptIndex: number): number | null {
  if (!scored || scored.result.kept.length === 0) return null;
  return scored.result.history[scored.result.kept[keptIndex]];
}
