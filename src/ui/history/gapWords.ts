/**
 * The time between two purchases in words a reader takes in at a glance: the largest unit that
 * fits, rounded ("9 hours later", "3 days later", "2 months later"). Rounding picks the unit, so
 * 23.6 hours reads "1 day later", never "24 hours later".
 */

export type GapUnit = 'sameHour' | 'hours' | 'days' | 'months' | 'years';

export interface GapWords {
  unit: GapUnit;
  /** How many of the unit (0 for 'sameHour'). */
  n: number;
}

const DAYS_PER_MONTH = 365.25 / 12;
const DAYS_PER_YEAR = 365.25;

/** `days` between two purchases (>= 0) as a unit and a count. */
export function gapWords(days: number): GapWords {
  if (!Number.isFinite(days) || days < 0) throw new Error(`gapWords: a gap of ${days} days`);
  const hours = Math.round(days * 24);
  if (hours < 1) return { unit: 'sameHour', n: 0 };
  if (hours < 24) return { unit: 'hours', n: hours };
  const d = Math.round(days);
  if (d < 60) return { unit: 'days', n: d };
  const months = Math.round(days / DAYS_PER_MONTH);
  if (months < 24) return { unit: 'months', n: months };
  return { unit: 'years', n: Math.round(days / DAYS_PER_YEAR) };
}

/** The gap before each entry (days, NaN where it or the one before has no time; NaN first). */
export function gapsBefore(times: readonly (number | undefined)[]): number[] {
  return times.map((t, i) => {
    const prev = i > 0 ? times[i - 1] : undefined;
    return t === undefined || prev === undefined ? NaN : Math.max(0, t - prev);
  });
}
