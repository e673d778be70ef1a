/**
 * Format detection from a file's first bytes: the text must be UTF-8 and delimited, the header (if
 * any) names the columns, and without one the values' shapes do (Taobao's behaviour types,
 * Amazon's ASINs and star ratings). The result is a suggestion the reader can correct.
 */
import Papa from 'papaparse';
import {
  ALIASES,
  isAsin,
  isNumeric,
  isRating,
  isReviewer,
  normalizeName,
  parseTime,
  roleOf,
} from './fields';
import { headText } from './headText';
import {
  BEHAVIORS,
  ImportError,
  type ColumnMapping,
  type ColumnRole,
  type Detection,
  type FormatId,
} from './types';

const DELIMITERS = [',', '\t', ';', '|', '::'];
const SNIFF_ROWS = 20;
const PREVIEW_ROWS = 5;

function parseRows(text: string, delimiter: string, max: number): string[][] {
  const out = Papa.parse<string[]>(text, {
    delimiter,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    preview: max,
  });
  return out.data.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

/** The delimiter that splits the first rows into the same number (≥ 2) of fields most often. */
export function sniffDelimiter(text: string): { delimiter: string; rows: string[][] } {
  let best: { delimiter: string; rows: string[][]; share: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = parseRows(text, delimiter, SNIFF_ROWS);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (width < 2) continue;
    const share = n / rows.length;
    if (!best || share > best.share || (share === best.share && width > best.width)) {
      best = { delimiter, rows, share, width };
    }
  }
  if (!best) {
    throw new ImportError({
      code: 'delimiter',
      message:
        'Line 1 has a single column: the file is not separated by commas, tabs, semicolons, | or ::.',
      line: 1,
    });
  }
  return { delimiter: best.delimiter, rows: best.rows };
}

/** A header names at least one known column, or is all words above rows with numbers. */
export function looksLikeHeader(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (first.some((f) => roleOf(f) !== null)) return true;
  if (rest.length === 0 || first.some((f) => isNumeric(f))) return false;
  return first.some((_, c) => rest.every((r) => r[c] !== undefined && isNumeric(r[c])));
}

function byHeader(names: string[]): { format: FormatId; mapping: Partial<ColumnMapping> } {
  const mapping: Partial<ColumnMapping> = {};
  names.forEach((n, i) => {
    const role = roleOf(n);
    if (role && mapping[role] === undefined) mapping[role] = i;
  });
  const norm = names.map(normalizeName);
  let format: FormatId = 'generic';
  if (norm.includes('movieid')) format = 'movielens';
  else if (mapping.behavior !== undefined) format = 'taobao';
  else if (['asin', 'reviewerid', 'overall', 'unixreviewtime'].some((n) => norm.includes(n)))
    format = 'amazon';
  else if (mapping.rating !== undefined && mapping.category === undefined) format = 'amazon';
  return { format, mapping };
}

function byShape(
  rows: string[][],
  delimiter: string,
): { format: FormatId; mapping: Partial<ColumnMapping> } {
  const width = rows[0].length;
  const col = (c: number) => rows.map((r) => r[c] ?? '');
  const all = (c: number, f: (s: string) => boolean) => col(c).every(f);
  const behaviors: readonly string[] = BEHAVIORS;
  if (width >= 5 && all(3, (s) => behaviors.includes(s.trim()))) {
    return { format: 'taobao', mapping: { user: 0, item: 1, category: 2, behavior: 3, time: 4 } };
  }
  if (width === 4 && all(2, isRating) && all(3, (s) => parseTime(s) !== null)) {
    if (delimiter === '::')
      return { format: 'movielens', mapping: { user: 0, item: 1, rating: 2, time: 3 } };
    const swapped = all(0, isAsin) && all(1, isReviewer);
    return {
      format: 'amazon',
      mapping: swapped
        ? { item: 0, user: 1, rating: 2, time: 3 }
        : { user: 0, item: 1, rating: 2, time: 3 },
    };
  }
  // Generic: the timestamp is column 4 when it reads as one, else the last column that does;
  // the others keep the order user, item, category, shop, name.
  const canonical = canonicalMapping('generic', width);
  const isTime = (c: number) => all(c, (s) => parseTime(s) !== null);
  if (canonical.time === undefined || isTime(canonical.time))
    return { format: 'generic', mapping: canonical };
  const time = [...Array(width).keys()].reverse().find(isTime);
  if (time === undefined) return { format: 'generic', mapping: canonical };
  const rest = [...Array(width).keys()].filter((c) => c !== time);
  const m: Partial<ColumnMapping> = { time };
  (['user', 'item', 'category', 'shop', 'name'] as const).forEach((role, i) => {
    if (i < rest.length) m[role] = rest[i];
  });
  return { format: 'generic', mapping: m };
}

/** Checks a (possibly corrected) mapping against the columns and the sample's timestamps. */
export function checkMapping(
  mapping: Partial<ColumnMapping>,
  columns: string[],
  rows: string[][],
  firstLine: number,
): ColumnMapping {
  for (const role of ['user', 'item', 'time'] as const) {
    if (mapping[role] === undefined) {
      throw new ImportError({
        code: 'columns',
        message: `No column is the ${role}: name one (a header such as ${ALIASES[role].slice(0, 2).join(' or ')}), or map it by hand.`,
      });
    }
  }
  const used = new Map<number, ColumnRole>();
  for (const [role, c] of Object.entries(mapping) as [ColumnRole, number | undefined][]) {
    if (c === undefined) continue;
    if (!Number.isInteger(c) || c < 0 || c >= columns.length) {
      throw new ImportError({
        code: 'columns',
        message: `The ${role} is mapped to column ${c + 1}, but the file has ${columns.length} columns.`,
        column: String(c + 1),
      });
    }
    const other = used.get(c);
    if (other) {
      throw new ImportError({
        code: 'columns',
        message: `Column "${columns[c]}" is mapped twice (${other} and ${role}).`,
        column: columns[c],
      });
    }
    used.set(c, role);
  }
  const t = mapping.time!;
  rows.forEach((r, i) => {
    if (r.length > t && parseTime(r[t]) === null) {
      throw new ImportError({
        code: 'timestamp',
        message: `Line ${firstLine + i}, column "${columns[t]}": "${r[t].slice(0, 40)}" is not a timestamp (Unix seconds, milliseconds or an ISO date).`,
        line: firstLine + i,
        column: columns[t],
      });
    }
  });
  return mapping as ColumnMapping;
}

/** Detects an event file's dialect, format and columns from its head. */
export function detectFormat(head: Uint8Array, complete: boolean): Detection {
  const text = headText(head, complete);
  const { delimiter, rows } = sniffDelimiter(text);
  const header = looksLikeHeader(rows);
  const data = header ? rows.slice(1) : rows;
  if (data.length === 0) {
    throw new ImportError({
      code: 'empty',
      message: 'The file has a header but no data rows.',
      line: 2,
    });
  }
  const width = Math.max(...rows.map((r) => r.length));
  const columns = header
    ? rows[0].map((n, i) => n.trim() || `column ${i + 1}`)
    : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  const found = header ? byHeader(rows[0]) : byShape(data, delimiter);
  return withProblem({
    format: found.format,
    delimiter,
    header,
    columns,
    mapping: found.mapping,
    preview: data.slice(0, PREVIEW_ROWS),
  });
}

/** The reader's corrected mapping, checked (see `problem`). */
export function withMapping(d: Detection, mapping: Partial<ColumnMapping>): Detection {
  return withProblem({ ...d, mapping });
}

/** The detection with `problem` set to what checkMapping refuses, if anything. */
export function withProblem(d: Detection): Detection {
  const rest = { ...d };
  delete rest.problem;
  try {
    checkMapping(d.mapping, d.columns, d.preview, d.header ? 2 : 1);
    return rest;
  } catch (e) {
    if (e instanceof ImportError) return { ...rest, problem: e.data };
    throw e;
  }
}

/** Each format's columns in its public file's order (no header). */
export function canonicalMapping(format: FormatId, width: number): Partial<ColumnMapping> {
  switch (format) {
    case 'taobao':
      return { user: 0, item: 1, category: 2, behavior: 3, time: 4 };
    case 'amazon':
    case 'movielens':
      return { user: 0, item: 1, rating: 2, time: 3 };
    case 'generic': {
      const m: Partial<ColumnMapping> =
        width === 3 ? { user: 0, item: 1, time: 2 } : { user: 0, item: 1, category: 2, time: 3 };
      if (width > 4) m.shop = 4;
      if (width > 5) m.name = 5;
      return m;
    }
  }
}

/**
 * The reader says which format it is: a header keeps its names' mapping, a headerless file takes
 * the format's column order. Checked like a detected mapping (see `problem`).
 */
export function withFormat(d: Detection, format: FormatId): Detection {
  if (format === d.format) return d;
  const mapping = d.header
    ? byHeader(d.columns).mapping
    : canonicalMapping(format, d.columns.length);
  return withProblem({ ...d, format, mapping });
}
