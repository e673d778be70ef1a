/** Reading one event row under a column mapping, the seeded user sample, the bad-rows message. */
import { parseTime } from './fields';
import { ImportError, type ColumnMapping, type ImportSettings, type ImportSummary } from './types';

/** FNV-1a: a seeded, uniform choice of which eligible users a maxUsers cap keeps. */
export function hashKey(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface RowReader {
  /** null: the row is skipped (reason counted in pass 1). */
  read(fields: string[]): { user: string; item: string; time: number } | null;
  reason: 'short' | 'badTime' | 'behavior' | 'rating' | null;
}

export function rowReader(m: ColumnMapping, settings: ImportSettings): RowReader {
  const need = Math.max(...Object.values(m).filter((v): v is number => v !== undefined)) + 1;
  const allowed =
    m.behavior !== undefined && settings.behaviors ? new Set<string>(settings.behaviors) : null;
  const minRating = m.rating !== undefined ? settings.minRating : undefined;
  const r: RowReader = {
    reason: null,
    read(f) {
      if (f.length < need || f[m.user].trim() === '' || f[m.item].trim() === '') {
        r.reason = 'short';
        return null;
      }
      const time = parseTime(f[m.time]);
      if (time === null) {
        r.reason = 'badTime';
        return null;
      }
      if (allowed && !allowed.has(f[m.behavior!].trim())) {
        r.reason = 'behavior';
        return null;
      }
      // Not a number fails the comparison too: such a row is not a rating of minRating or more.
      if (minRating !== undefined && !(Number(f[m.rating!]) >= minRating)) {
        r.reason = 'rating';
        return null;
      }
      r.reason = null;
      return { user: f[m.user].trim(), item: f[m.item].trim(), time };
    },
  };
  return r;
}

export function badRowsError(
  s: ImportSummary['skipped'],
  rows: number,
  early: boolean,
): ImportError {
  const what = [
    s.short ? `${s.short} with too few fields or an empty id` : '',
    s.badTime ? `${s.badTime} with a timestamp that is not one` : '',
  ].filter(Boolean);
  return new ImportError({
    code: 'badRows',
    message:
      `${what.join(' and ')} of ${rows} rows${early ? ' read so far' : ''}, the first at line ${s.firstLine}: ` +
      'too many to skip. Check the delimiter and the column mapping.',
    line: s.firstLine,
  });
}
