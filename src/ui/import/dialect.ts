/**
 * The reader corrects the delimiter or the header switch: the head of the file is read again
 * with the new dialect (the columns and preview rows change with it), the mapping keeps what
 * still fits, and the result is checked like a detected one (withProblem).
 */
import Papa from 'papaparse';
import { canonicalMapping, withProblem } from '../../data/import/detect';
import { headText } from '../../data/import/headText';
import {
  REQUIRED_ROLES,
  type ColumnMapping,
  type ColumnRole,
  type Detection,
  type Dialect,
} from '../../data/import/types';

/** The delimiters detection tries, in its order. */
export const DELIMITERS = [',', '\t', ';', '|', '::'] as const;

/** The bytes the detection step reads: the head of the log, as text cut at a whole record. */
export const HEAD_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;

/** The head of a file as text for `redialect`; null when it is not text (detection says why). */
export async function readHeadText(file: Blob): Promise<string | null> {
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  try {
    return headText(bytes, bytes.byteLength >= file.size);
  } catch {
    return null;
  }
}

export function redialect(d: Detection, head: string, dialect: Dialect): Detection {
  const parsed = Papa.parse<string[]>(head, {
    delimiter: dialect.delimiter,
    newline: head.includes('\r\n') ? '\r\n' : '\n',
    preview: PREVIEW_ROWS + 1,
  });
  const rows = parsed.data.filter((r) => !(r.length === 1 && r[0].trim() === ''));
  const width = Math.max(1, ...rows.map((r) => r.length));
  const columns =
    dialect.header && rows.length > 0
      ? Array.from({ length: width }, (_, i) => rows[0][i]?.trim() || `column ${i + 1}`)
      : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  const preview = (dialect.header ? rows.slice(1) : rows).slice(0, PREVIEW_ROWS);
  const fits = (m: Partial<ColumnMapping>) => {
    const out: Partial<ColumnMapping> = {};
    for (const [role, c] of Object.entries(m) as [ColumnRole, number | undefined][])
      if (c !== undefined && c < width) out[role] = c;
    return out;
  };
  let mapping = fits(d.mapping);
  if (REQUIRED_ROLES.some((r) => mapping[r] === undefined))
    mapping = fits(canonicalMapping(d.format, width));
  return withProblem({
    ...d,
    delimiter: dialect.delimiter,
    header: dialect.header,
    columns,
    preview,
    mapping,
  });
}
