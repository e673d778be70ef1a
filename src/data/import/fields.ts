/** Reading single fields: timestamps, header names, id shapes. */
import type { ColumnRole } from './types';

/** Above this a numeric timestamp is taken as milliseconds (1e11 s is the year 5138). */
const MS_THRESHOLD = 1e11;
const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Unix seconds from a numeric (s or ms) or ISO-date field; null when it is neither. */
export function parseTime(field: string): number | null {
  const s = field.trim();
  if (NUMBER.test(s)) {
    const n = Number(s);
    return n > MS_THRESHOLD ? n / 1000 : n;
  }
  if (ISO_DATE.test(s)) {
    // A bare date is UTC midnight in Date.parse; with a time and no zone it would be local:
    // pin it to UTC so the same file gives the same times everywhere.
    const zoned = s.length > 10 && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s.replace(' ', 'T')}Z` : s;
    const ms = Date.parse(zoned);
    return Number.isNaN(ms) ? null : ms / 1000;
  }
  return null;
}

export function isNumeric(field: string): boolean {
  return NUMBER.test(field.trim());
}

/** A 1–5 star rating as review dumps write it ("4", "4.0"). */
export function isRating(field: string): boolean {
  return /^[0-5](\.\d+)?$/.test(field.trim());
}

/** An Amazon ASIN: ten capitals/digits, "B0…" or an ISBN-10. */
export function isAsin(field: string): boolean {
  return /^(B0[0-9A-Z]{8}|\d{9}[\dX])$/.test(field.trim());
}

/** An Amazon reviewer id: "A" and 11+ capitals/digits. */
export function isReviewer(field: string): boolean {
  return /^A[0-9A-Z]{11,}$/.test(field.trim());
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Header names each role answers to (normalized: lower case, letters and digits only). */
export const ALIASES: Record<ColumnRole, string[]> = {
  user: ['user', 'userid', 'uid', 'reviewerid', 'customer', 'customerid', 'visitorid', 'member'],
  item: ['item', 'itemid', 'movieid', 'asin', 'product', 'productid', 'sku', 'good', 'goodid'],
  category: ['category', 'categoryid', 'cat', 'catid', 'cate', 'cateid', 'genre', 'genres'],
  time: ['timestamp', 'time', 'ts', 'unixreviewtime', 'date', 'datetime', 'eventtime', 'unixtime'],
  behavior: [
    'behavior',
    'behaviortype',
    'behaviour',
    'behaviourtype',
    'event',
    'eventtype',
    'action',
  ],
  rating: ['rating', 'overall', 'score', 'stars'],
  shop: ['shop', 'shopid', 'seller', 'sellerid', 'store', 'storeid', 'brand'],
  name: ['name', 'title', 'itemname', 'productname'],
};

export function roleOf(headerName: string): ColumnRole | null {
  const n = normalizeName(headerName);
  for (const [role, names] of Object.entries(ALIASES) as [ColumnRole, string[]][]) {
    if (names.includes(n)) return role;
  }
  return null;
}

/**
 * A copy of `s` that does not hold on to the chunk it was cut from. V8 keeps substrings of 13+
 * characters as slices of their parent: a Map key cut from a 1 MB chunk would keep the whole
 * chunk alive, and a large file's counts would keep every chunk. Concatenating and slicing
 * flattens into a string of its own. Use it for what is stored, not for lookups.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
