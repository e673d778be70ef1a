/**
 * The page's side of the parse worker (src/data/import/parseWorker.ts): one owner of the worker and
 * of its requests. The worker is started on first use (a reader who never imports never pays
 * for it), every request gets a number, and each promise settles exactly once: by the worker's
 * final message, by a Cancel, or by the worker failing.
 */
import type { DetectedMessage, ParseReply, ParseRequest } from '../../data/import/messages';
import {
  ImportError,
  type ImportedWorld,
  type ImportErrorData,
  type ImportProgress,
  type ImportSettings,
} from '../../data/import/types';

/** What the client needs of a Worker (a test passes a fake). */
export interface ParseWorkerLike {
  postMessage(message: ParseRequest): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<ParseReply>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export type ParseWorkerFactory = () => ParseWorkerLike;

/** A file as the page has it: a File, or any Blob with a name. */
export type NamedBlob = Blob & { readonly name: string };

export function parseWorker(): ParseWorkerLike {
  return new Worker(new URL('../../data/import/parseWorker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as ParseWorkerLike;
}

type Pending =
  | { kind: 'detect'; resolve: (m: DetectedMessage) => void; reject: (e: ImportError) => void }
  | {
      kind: 'import';
      resolve: (w: ImportedWorld) => void;
      reject: (e: ImportError) => void;
      onProgress?: (p: ImportProgress) => void;
    };

const cancelled = () =>
  new ImportError({ code: 'cancelled', message: 'The import was cancelled.' });

/** The error an import or detection rejects with: the worker's ImportErrorData, as an Error. */
export function importErrorOf(e: unknown): ImportErrorData {
  if (e instanceof ImportError) return e.data;
  return { code: 'failed', message: e instanceof Error ? e.message : String(e) };
}

export class ParseClient {
  private worker: ParseWorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly factory: ParseWorkerFactory = parseWorker) {}

  /** Suggest a format and column mapping from the files' first bytes. */
  detect(events: NamedBlob, meta?: NamedBlob): Promise<DetectedMessage> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { kind: 'detect', resolve, reject });
      this.post({ type: 'detect', id, events, eventsName: events.name, ...metaOf(meta) });
    });
  }

  /** Read the whole log with these settings; rejects with an ImportError (code 'cancelled' on Cancel). */
  import(
    events: NamedBlob,
    meta: NamedBlob | undefined,
    settings: ImportSettings,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportedWorld> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { kind: 'import', resolve, reject, onProgress });
      this.post({
        type: 'import',
        id,
        events,
        eventsName: events.name,
        ...metaOf(meta),
        settings,
      });
    });
  }

  /**
   * Stop every running import. Its promise rejects now, not when the worker notices (the
   * reader's Cancel takes effect at once); the worker's late answer finds no request and is
   * dropped.
   */
  cancel(): void {
    for (const [id, p] of this.pending) {
      if (p.kind !== 'import') continue;
      this.pending.delete(id);
      this.worker?.postMessage({ type: 'cancel', id });
      p.reject(cancelled());
    }
  }

  /** Requests still waiting for their answer (for tests and the panel's guard). */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Stop the worker; anything waiting rejects. The next request starts a new one. */
  dispose(): void {
    this.fail({ code: 'cancelled', message: 'The import was cancelled.' });
  }

  private post(req: ParseRequest): void {
    if (!this.worker) {
      let w: ParseWorkerLike;
      try {
        w = this.factory();
      } catch (e) {
        return this.fail({ code: 'failed', message: `The parse worker did not start: ${msg(e)}` });
      }
      w.onmessage = (ev) => this.receive(ev.data);
      w.onerror = (ev) => {
        ev.preventDefault?.();
        this.fail({
          code: 'failed',
          message: `The parse worker failed: ${ev.message || 'unknown error'}`,
        });
      };
      this.worker = w;
    }
    this.worker.postMessage(req);
  }

  private receive(m: ParseReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      if (p.kind === 'import') p.onProgress?.(m.progress);
      return;
    }
    this.pending.delete(m.id);
    if (m.type === 'error') return p.reject(new ImportError(m.error));
    if (m.type === 'detected' && p.kind === 'detect') return p.resolve(m);
    if (m.type === 'result' && p.kind === 'import') return p.resolve(m.world);
    p.reject(new ImportError({ code: 'failed', message: `Unexpected answer "${m.type}".` }));
  }

  /** The worker is gone (or must go): every waiting request rejects with this. */
  private fail(error: ImportErrorData): void {
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new ImportError(error));
  }
}

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

function metaOf(meta: NamedBlob | undefined): { meta?: Blob; metaName?: string } {
  return meta ? { meta, metaName: meta.name } : {};
}
