/** Maps a score onto the editor's entries by uid, so ghosts follow purchases through reorders. */
import type { Scored } from '../state/types';

export interface BarValues {
  din: number;
  dien: number;
  relevance: number;
}

/** [low, high] per series, always containing 0: DIN's paper weights are unnormalised and may be negative. */
export interface BarScales {
  din: [number, number];
  dien: [number, number];
  relevance: [number, number];
}

export function valuesByUid(scored: Scored | null): Map<number, BarValues> {
  const out = new Map<number, BarValues>();
  if (!scored) return out;
  const { result, uids } = scored;
  result.kept.forEach((hIndex, k) => {
    const uid = uids[hIndex];
    if (uid === undefined) return;
    out.set(uid, {
      din: result.din.weights[k],
      dien: result.dien.attention[k],
      relevance: result.truth?.relevance[k] ?? NaN,
    });
  });
  return out;
}

/** One scale per series over current and ghost values, so a ghost is comparable with its bar. */
export function barScales(...maps: Map<number, BarValues>[]): BarScales {
  const s: BarScales = { din: [0, 0], dien: [0, 0], relevance: [0, 0] };
  const widen = (key: keyof BarScales, x: number) => {
    if (!Number.isFinite(x)) return;
    s[key] = [Math.min(s[key][0], x), Math.max(s[key][1], x)];
  };
  for (const m of maps) {
    for (const v of m.values()) {
      widen('din', v.din);
      widen('dien', v.dien);
      widen('relevance', v.relevance);
    }
  }
  return s;
}
