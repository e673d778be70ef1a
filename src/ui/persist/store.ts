/**
 * The autosave store: one IndexedDB database through `idb`. A save writes the new record and
 * moves the `current` pointer in one transaction, then drops the old record, so a reader sees
 * the old session or the new one, never half of either (IndexedDB transactions are atomic,
 * also when the tab dies mid-write). A record that fails its check is moved aside under
 * `setAside` and reported, never loaded.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { errorText } from '../../lib/errorText';
import { checkSaved, type SavedSession } from './schema';

interface Schema extends DBSchema {
  sessions: { key: number; value: unknown };
  meta: { key: string; value: number };
}

export const DB_NAME = 'din-dien-explainer';

export type Loaded =
  | { kind: 'none' }
  | { kind: 'session'; session: SavedSession }
  | { kind: 'setAside'; problem: string }
  | { kind: 'unavailable'; reason: string };

export type Saved = { ok: true; bytes: number } | { ok: false; reason: string };

/** Bytes of the weights a record holds (the bulk of it), for the quota check. */
export function recordBytes(s: SavedSession): number {
  let n = 0;
  const c = s.checkpoint;
  for (const m of ['base', 'din', 'dien'] as const) {
    for (const t of c.tensors[m]) n += t.values.byteLength;
    for (const mo of c.training?.optimizer[m]?.moments ?? []) n += mo.values.byteLength;
  }
  return n + 64 * (s.curves.loss.length + s.curves.test.length);
}

/** The browser's IndexedDB; null where it is missing or refused (reading it can throw). */
function browserIndexedDB(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}

export class SessionStore {
  private db: Promise<IDBPDatabase<Schema>> | undefined;

  constructor(private readonly factory: IDBFactory | null = browserIndexedDB()) {}

  private open(): Promise<IDBPDatabase<Schema>> {
    if (!this.factory) return Promise.reject(new Error('this browser has no IndexedDB'));
    // idb opens through the global indexedDB; a test passes fake-indexeddb's as the global.
    this.db ??= openDB<Schema>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('sessions');
        db.createObjectStore('meta');
      },
    });
    return this.db;
  }

  async load(): Promise<Loaded> {
    let db: IDBPDatabase<Schema>;
    try {
      db = await this.open();
    } catch (e) {
      this.db = undefined;
      return { kind: 'unavailable', reason: errorText(e) };
    }
    try {
      const key = await db.get('meta', 'current');
      if (key === undefined) return { kind: 'none' };
      const raw = await db.get('sessions', key);
      const checked = checkSaved(raw);
      if (checked.ok) return { kind: 'session', session: checked.session };
      // Kept, not deleted: a newer page may still read it; this one will not load it again.
      const tx = db.transaction(['sessions', 'meta'], 'readwrite');
      await tx.objectStore('meta').put(key, 'setAside');
      await tx.objectStore('meta').delete('current');
      await tx.done;
      return { kind: 'setAside', problem: checked.problem };
    } catch (e) {
      return { kind: 'setAside', problem: errorText(e) };
    }
  }

  async save(session: SavedSession): Promise<Saved> {
    const bytes = recordBytes(session);
    try {
      const estimate = await globalThis.navigator?.storage?.estimate?.();
      if (estimate?.quota !== undefined && estimate.usage !== undefined)
        if (estimate.quota - estimate.usage < 2 * bytes)
          return { ok: false, reason: `the browser's storage for this page is nearly full` };
      const db = await this.open();
      const tx = db.transaction(['sessions', 'meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      const old = await meta.get('current');
      // Time-ordered keys never reuse a set-aside record's.
      const key = Math.max(Date.now(), (old ?? 0) + 1);
      await tx.objectStore('sessions').put(session, key);
      await meta.put(key, 'current');
      if (old !== undefined) await tx.objectStore('sessions').delete(old);
      await tx.done;
      return { ok: true, bytes };
    } catch (e) {
      this.db = undefined;
      return { ok: false, reason: errorText(e) };
    }
  }

  /** Forget the saved session ("Start fresh"); a set-aside record stays set aside. */
  async clear(): Promise<void> {
    try {
      const db = await this.open();
      const tx = db.transaction(['sessions', 'meta'], 'readwrite');
      const key = await tx.objectStore('meta').get('current');
      if (key !== undefined) await tx.objectStore('sessions').delete(key);
      await tx.objectStore('meta').delete('current');
      await tx.done;
    } catch {
      // Nothing saved can be reached either: nothing to forget.
    }
  }
}
