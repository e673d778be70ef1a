/**
 * The DIN-versus-DIEN verdict, from exactly the numbers the comparison table shows: each row's
 * CTRs rounded to 0.1 % and the margin current − old of those rounded values, in points.
 */

/**
 * Margins within ±2 pts count as "no separation". Measured: untrained DIN and DIEN (default model,
 * 30 initialisation seeds) separate the interest-shift preset's keyboard and basketball shoes by
 * |margin| ≤ 1.4 pts (95th percentile 1.1): random weights alone reach that far. The same 2 pts
 * decide "about the same" between the two models' margins.
 */
export const DEAD_ZONE_PTS = 2;

/** A CTR as the table shows it: percent, rounded to one decimal. */
export function shownPct(ctr: number): number {
  return Math.round(ctr * 1000) / 10;
}

/** Current − old in points, from the two rounded CTRs (so the table's columns add up). */
export function marginPts(current: number, old: number): number {
  return Math.round((shownPct(current) - shownPct(old)) * 10) / 10;
}

export type Model = 'din' | 'dien';

export type Verdict =
  /** The world itself barely tells the two candidates apart: nothing to follow. */
  | { kind: 'truthFlat'; truth: number }
  /** Both margins within the dead zone. */
  | { kind: 'neither'; din: number; dien: number }
  /** Both rank the current interest higher; `closer` is the clearer one, or 'same'. */
  | { kind: 'both'; din: number; dien: number; closer: Model | 'same' }
  /** One ranks the current interest higher; the other is flat or ranks the old one higher. */
  | { kind: 'one'; follows: Model; other: 'flat' | 'old'; din: number; dien: number }
  /** No model ranks the current interest higher; `reversed` ranks the old one higher. */
  | { kind: 'old'; din: number; dien: number; reversed: Model | 'both' };

export interface VerdictInput {
  /** Margins current − old in points, as the table shows them (marginPts). */
  din: number;
  dien: number;
  truth: number;
}

export interface OrientedVerdict {
  verdict: Verdict;
  /**
   * True when the world ranks the "old" pick above the "current" one: the verdict then speaks of
   * the candidates the other way round (margins negated), so "current" is the world's current.
   */
  swapped: boolean;
}

type Lean = 'current' | 'flat' | 'old';

function lean(m: number): Lean {
  return m > DEAD_ZONE_PTS ? 'current' : m < -DEAD_ZONE_PTS ? 'old' : 'flat';
}

export function verdict({ din, dien, truth }: VerdictInput): OrientedVerdict {
  if (Math.abs(truth) <= DEAD_ZONE_PTS)
    return { verdict: { kind: 'truthFlat', truth }, swapped: false };
  const swapped = truth < 0;
  // Negating a rounded number keeps it exact: the sentence still shows the table's digits.
  const d = swapped ? -din : din;
  const e = swapped ? -dien : dien;
  const [ld, le] = [lean(d), lean(e)];
  const at = { din: d, dien: e };
  let v: Verdict;
  if (ld === 'flat' && le === 'flat') v = { kind: 'neither', ...at };
  else if (ld === 'current' && le === 'current') {
    const gap = Math.round((e - d) * 10) / 10;
    const closer = gap > DEAD_ZONE_PTS ? 'dien' : gap < -DEAD_ZONE_PTS ? 'din' : 'same';
    v = { kind: 'both', ...at, closer };
  } else if (ld === 'current' || le === 'current') {
    const follows: Model = ld === 'current' ? 'din' : 'dien';
    const other = follows === 'din' ? le : ld;
    v = { kind: 'one', follows, other: other === 'old' ? 'old' : 'flat', ...at };
  } else {
    const reversed = ld === 'old' && le === 'old' ? 'both' : ld === 'old' ? 'din' : 'dien';
    v = { kind: 'old', ...at, reversed };
  }
  return { verdict: v, swapped };
}
