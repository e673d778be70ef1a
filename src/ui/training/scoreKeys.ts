/**
 * What a score and a heatmap request depend on, as keys: a reply is kept only while its key is
 * still the wanted one. The heatmap scores every good as the candidate, so the chosen candidate
 * is not part of its key (a candidate-only change never re-requests it).
 */

export interface Wanted {
  /** Good ids of the history, oldest first. */
  history: number[];
  /** The editor's uid of each entry (the ghosts follow them). */
  uids: number[];
  candidate: number;
  /** Replay at this rewind step (null: the live weights). */
  atStep: number | null;
}

export function scoreKey(w: Wanted): string {
  return `${w.uids.join()}|${w.history.join()}|${w.candidate}|${w.atStep}`;
}

export function heatmapKey(w: Pick<Wanted, 'history' | 'atStep'>): string {
  return `${w.history.join()}|${w.atStep}`;
}
