/**
 * Streams a delimited file through PapaParse a chunk at a time, the same way in the page's worker
 * and in Node: bytes → UTF-8 text → whole records (never a quoted field cut in two) → rows.
 * Only one chunk's text is alive at once, so memory stays flat however large the file.
 */
import Papa from 'papaparse';
import { ImportError, type ByteSource, type Dialect } from './types';

/** Text held back while looking for a record's end: past this, a quote was never closed. */
export const MAX_CARRY_CHARS = 16 * 1024 * 1024;

/** How long the reader runs before yielding, so a worker sees a Cancel in time. */
const YIELD_MS = 40;

export interface ReadOptions {
  signal?: AbortSignal;
  /** After each chunk: records so far (a header counts) and bytes read. */
  onChunk?: (rows: number, bytes: number) => void;
}

/**
 * Where the last complete record of `text` ends: the index of its newline, or -1. A newline
 * inside a quoted field is not an end ("" inside quotes closes and reopens: parity holds).
 */
export function lastRecordEnd(text: string): number {
  let i = 0;
  let cut = -1;
  for (;;) {
    const open = text.indexOf('"', i);
    const nl = text.lastIndexOf('\n', open < 0 ? text.length : open - 1);
    if (nl >= i) cut = nl;
    if (open < 0) return cut;
    const close = text.indexOf('"', open + 1);
    if (close < 0) return cut;
    i = close + 1;
  }
}

function cancelled(): ImportError {
  return new ImportError({ code: 'cancelled', message: 'The import was cancelled.' });
}

/**
 * Calls `onRow(fields, line)` for every non-empty record of the file, header included (line 1).
 * Line numbers count physical lines, exact unless a quoted field holds a newline.
 */
export async function readRecords(
  source: ByteSource,
  dialect: Pick<Dialect, 'delimiter'>,
  onRow: (fields: string[], line: number) => void,
  opts: ReadOptions = {},
): Promise<{ records: number; bytes: number }> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let bytes = 0;
  let line = 0;
  let records = 0;
  let lastYield = Date.now();
  const parse = (text: string) => {
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const out = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, newline: '\n' });
    for (const row of out.data) {
      line++;
      if (row.length === 1 && row[0].trim() === '') continue;
      if (row.length > 0 && row[row.length - 1].endsWith('\r')) {
        row[row.length - 1] = row[row.length - 1].slice(0, -1);
      }
      records++;
      onRow(row, line);
    }
  };
  for await (const chunk of source.chunks()) {
    if (opts.signal?.aborted) throw cancelled();
    bytes += chunk.byteLength;
    const text = carry + decoder.decode(chunk, { stream: true });
    const end = lastRecordEnd(text);
    if (end >= 0) {
      parse(text.slice(0, end));
      carry = text.slice(end + 1);
    } else {
      carry = text;
    }
    if (carry.length > MAX_CARRY_CHARS) {
      throw new ImportError({
        code: 'quote',
        message: `A quote opened near line ${line + 1} is never closed (16 MB of text without a record's end).`,
        line: line + 1,
      });
    }
    opts.onChunk?.(records, bytes);
    if (Date.now() - lastYield > YIELD_MS) {
      await new Promise((r) => setTimeout(r, 0));
      lastYield = Date.now();
      if (opts.signal?.aborted) throw cancelled();
    }
  }
  const rest = carry + decoder.decode();
  if (rest.length > 0) parse(rest);
  opts.onChunk?.(records, bytes);
  return { records, bytes };
}

/**
 * Calls `onLine(text, line)` for every non-empty line (JSON lines: quotes there are JSON's, not
 * CSV's, so records are plain lines).
 */
export async function readLines(
  source: ByteSource,
  onLine: (text: string, line: number) => void,
  opts: ReadOptions = {},
): Promise<{ records: number; bytes: number }> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let bytes = 0;
  let line = 0;
  let records = 0;
  const emit = (text: string) => {
    for (const l of text.split('\n')) {
      line++;
      if (l.trim() === '') continue;
      records++;
      onLine(l, line);
    }
  };
  for await (const chunk of source.chunks()) {
    if (opts.signal?.aborted) throw cancelled();
    bytes += chunk.byteLength;
    const text = carry + decoder.decode(chunk, { stream: true });
    const end = text.lastIndexOf('\n');
    if (end >= 0) {
      emit(text.slice(0, end));
      carry = text.slice(end + 1);
    } else carry = text;
    opts.onChunk?.(records, bytes);
  }
  emit(carry + decoder.decode());
  opts.onChunk?.(records, bytes);
  return { records, bytes };
}

/** A ByteSource over bytes already in memory (tests, generated samples). */
export function bytesSource(
  name: string,
  data: Uint8Array | string,
  chunkSize = 64 * 1024,
): ByteSource {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      for (let i = 0; i < bytes.byteLength; i += chunkSize) {
        yield bytes.subarray(i, Math.min(bytes.byteLength, i + chunkSize));
      }
    },
  };
}

/** A ByteSource over a Blob or File (the page's worker; Node 20 has Blob too). */
export function blobSource(
  blob: Blob,
  name = blob instanceof File ? blob.name : 'file',
): ByteSource {
  return {
    name,
    size: blob.size,
    async *chunks() {
      // getReader, not async iteration: Safari's ReadableStream is not async-iterable.
      const reader = blob.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        // Also when a reader stops early (readHead): the rest of the file is not read.
        await reader.cancel();
      }
    },
  };
}

/** The file's first bytes, for detection. */
export async function readHead(source: ByteSource, maxBytes = 64 * 1024): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk.subarray(0, Math.min(chunk.byteLength, maxBytes - n)));
    n += parts[parts.length - 1].byteLength;
    if (n >= maxBytes) break;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}
