/**
 * The session file: one JSON document a reader can download and open again, holding what the
 * autosave holds (settings, history, candidate, curves, weights with training state). Float
 * arrays are written as base64 of their little-endian bytes, so the file stays exact and about
 * a third larger than the raw weights. Reading it runs the same schema as the autosave; a file
 * over the size limit is refused before it is read.
 */
import { errorText } from '../../lib/errorText';
import { fitRuns, keptBytes, type Drop } from '../runs/budget';
import { checkSaved, type SavedSession } from './schema';

export const FILE_FORMAT = 'din-dien-explainer/session-file';
export const FILE_VERSION = 1;
/** Larger than any session the budgets allow (their weights are a few MB), far below a tab's memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const F32 = '__f32';

function toBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat32(4 * i, a[i], true);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Float32Array {
  const s = atob(b64);
  if (s.length % 4 !== 0)
    throw new Error('a float array whose length is not a multiple of 4 bytes');
  const view = new DataView(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) view.setUint8(i, s.charCodeAt(i));
  const out = new Float32Array(s.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

export function sessionToFile(session: SavedSession): string {
  return JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, session }, (_key, value) =>
    value instanceof Float32Array ? { [F32]: toBase64(value) } : value,
  );
}

/**
 * The file of `session` within `max` bytes. Over it, the kept runs give up what the runs budget
 * takes first (snapshots, then weights, oldest run first) until it fits; null when even the
 * current run alone does not. Each character over asks for as many bytes of floats less as the
 * kept runs hold per character of theirs (base64's 4/3 and the names and curves around them).
 */
export function fileWithin(
  session: SavedSession,
  max = MAX_FILE_BYTES,
): { text: string; dropped: Drop[] } | null {
  let text = sessionToFile(session);
  if (text.length <= max) return { text, dropped: [] };
  const runs = session.runs;
  if (!runs || runs.kept.length === 0) return null;
  let kept = runs.kept;
  let dropped: Drop[] = [];
  let limit = kept.reduce((a, r) => a + keptBytes(r), 0);
  const runsChars = text.length - sessionToFile({ ...session, runs: { ...runs, kept: [] } }).length;
  const perChar = limit / runsChars;
  while (text.length > max && limit > 0) {
    limit = Math.max(0, limit - Math.ceil((text.length - max) * perChar));
    const fit = fitRuns(runs.kept, limit, null);
    const gone = new Set(fit.dropped.filter((d) => d.weights).map((d) => d.id));
    kept = fit.runs.map((r) => (gone.has(r.id) ? { ...r, weightsDropped: true } : r));
    dropped = fit.dropped;
    text = sessionToFile({ ...session, runs: { ...runs, kept } });
  }
  return text.length <= max ? { text, dropped } : null;
}

export type FileRead = { ok: true; session: SavedSession } | { ok: false; problem: string };

/** Read a session file's text; every failure says what was wrong. */
export function sessionFromFile(text: string): FileRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && F32 in value) {
        const b64 = (value as Record<string, unknown>)[F32];
        if (typeof b64 !== 'string') throw new Error('a float array that is not base64');
        return fromBase64(b64);
      }
      return value;
    });
  } catch (e) {
    const why = errorText(e);
    return {
      ok: false,
      problem: /JSON|Unexpected|Unterminated/i.test(why)
        ? 'it is not a session file (not JSON, or cut short)'
        : why,
    };
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    (doc as { format?: unknown }).format !== FILE_FORMAT
  )
    return { ok: false, problem: 'it is not a session file of this page' };
  const version = (doc as { version?: unknown }).version;
  if (typeof version !== 'number' || version > FILE_VERSION)
    return {
      ok: false,
      problem: `it was written by a newer version of this page (format ${String(version)})`,
    };
  const checked = checkSaved((doc as { session?: unknown }).session);
  return checked.ok ? checked : { ok: false, problem: checked.problem };
}
