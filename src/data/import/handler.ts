/**
 * What the parse worker does with each request, apart from the worker scope so that tests drive
 * it directly: one AbortController per running import, progress at most every PROGRESS_MS (and
 * at each pass's end), exactly one final message per request.
 */
import { detectFormat } from './detect';
import { detectMeta } from './detectMeta';
import { importLog } from './importLog';
import type { ParseReply, ParseRequest } from './messages';
import { blobSource, readHead } from './records';
import { ImportError, type ByteSource, type ImportErrorData } from './types';

export const PROGRESS_MS = 100;
const HEAD_BYTES = 64 * 1024;

export function errorData(e: unknown): ImportErrorData {
  if (e instanceof ImportError) return e.data;
  return {
    code: 'badRows',
    message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`,
  };
}

async function head(source: ByteSource): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const bytes = await readHead(source, HEAD_BYTES);
  return { bytes, complete: bytes.byteLength >= source.size };
}

export function createParseHandler(
  post: (m: ParseReply) => void,
  toSource: (blob: Blob, name: string) => ByteSource = blobSource,
): (req: ParseRequest) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (req) => {
    if (req.type === 'cancel') {
      running.get(req.id)?.abort();
      return;
    }
    const events = toSource(req.events, req.eventsName);
    const meta = req.meta ? toSource(req.meta, req.metaName ?? 'metadata') : undefined;
    try {
      if (req.type === 'detect') {
        const e = await head(events);
        const detection = detectFormat(e.bytes, e.complete);
        let metaDetection;
        if (meta) {
          const m = await head(meta);
          try {
            metaDetection = detectMeta(m.bytes, m.complete);
          } catch (err) {
            // Say which of the two files it was.
            const d = errorData(err);
            throw new ImportError({ ...d, code: 'meta', message: `Metadata file: ${d.message}` });
          }
        }
        post({
          type: 'detected',
          id: req.id,
          detection,
          ...(metaDetection ? { meta: metaDetection } : {}),
        });
        return;
      }
      const abort = new AbortController();
      running.set(req.id, abort);
      let last = 0;
      let lastPass = 0;
      const world = await importLog(events, meta, req.settings, {
        signal: abort.signal,
        onProgress: (progress) => {
          const now = Date.now();
          const end = progress.bytes >= progress.totalBytes;
          if (now - last < PROGRESS_MS && progress.pass === lastPass && !end) return;
          last = now;
          lastPass = progress.pass;
          post({ type: 'progress', id: req.id, progress });
        },
      });
      post({ type: 'result', id: req.id, world });
    } catch (e) {
      post({ type: 'error', id: req.id, error: errorData(e) });
    } finally {
      running.delete(req.id);
    }
  };
}
