/**
 * The autosave store: one IndexedDB database through `idb`. A save writes the new record and
 * moves the `current` pointer in one transaction, then drops the old record, so a reader sees
 * the old session or the new one, never half of either (IndexedDB transactions are atomic,
 * also when the tab dies mid-write). A record that fails its check is moved aside under
 * `setAside` and reported, never loaded.
 *
 * Kept runs (tens of MB) live in a store of their own, one immutable record per run version: the
 * session record written every few seconds names their keys, a run is written again only when
 * it changed, and records no session names are dropped in the same transaction.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { errorText } from '../../lib/errorText';
import { keptBytes, snapshotBytes } from '../runs/budget';
import { checkSaved, type SavedKeptRun, type SavedSession } from './schema';

/** The session record as stored: its kept runs by key. */
export type StoredSession = Omit<SavedSession, 'runs'> & {
  runs?: { current: number; next: number; keys: number[] };
};

type SaveTx = IDBPTransaction<Schema, ('sessions' | 'meta' | 'runs')[], 'readwrite'>;

interface Schema extends DBSchema {
  sessions: { key: number; value: unknown };
  /** `current` and `setAside`: session keys; `setAsideRuns`: the run keys a set-aside record names. */
  meta: { key: string; value: number | number[] };
  runs: { key: number; value: unknown };
}

export const DB_NAME = 'din-dien-explainer';
/** 2 added the `runs` store; a version-1 database upgrades in place, its session kept. */
export const DB_VERSION = 2;

export type Loaded =
  | { kind: 'none' }
  | { kind: 'session'; session: SavedSession }
  | { kind: 'setAside'; problem: string }
  | { kind: 'unavailable'; reason: string };

export type Saved =
  { ok: true; bytes: number; runsWritten: number } | { ok: false; reason: string };

/** Bytes of the weights a save writes (the bulk of it), for the quota check. */
export function sessionBytes(s: SavedSession): number {
  const rewind = (s.rewind ?? []).reduce((a, w) => a + snapshotBytes(w), 0);
  return snapshotBytes(s.checkpoint) + rewind + 64 * (s.curves.loss.length + s.curves.test.length);
}

/** The parts of a kept run whose change makes it a new record (the same objects: unchanged). */
const partsOf = (r: SavedKeptRun): unknown[] => [
  r.config,
  r.curves,
  r.step,
  r.test,
  r.weights,
  r.rewind,
  r.weightsDropped,
];
const sameParts = (a: unknown[], b: unknown[]) => a.every((x, i) => x === b[i]);

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (x: unknown): string => {
  if (typeof x !== 'object' || x === null) return String(x);
  let id = ids.get(x);
  if (id === undefined) ids.set(x, (id = nextId++));
  return `#${id}`;
};

/** A string that changes exactly when sameKept would say the runs changed (an effect's key). */
export const keptSignature = (kept: readonly SavedKeptRun[]) =>
  kept.map((r) => `${r.id}:${partsOf(r).map(idOf).join(',')}`).join(';');

/** The same kept runs, unchanged (the same objects in every part), in the same order. */
export const sameKept = (a: readonly SavedKeptRun[], b: readonly SavedKeptRun[]) =>
  a.length === b.length &&
  a.every((r, i) => r.id === b[i].id && sameParts(partsOf(r), partsOf(b[i])));

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
  /** Which record holds each kept run as last written or read (by run number). */
  private stored = new Map<number, { key: number; parts: unknown[] }>();

  constructor(private readonly factory: IDBFactory | null = browserIndexedDB()) {}

  private open(): Promise<IDBPDatabase<Schema>> {
    if (!this.factory) return Promise.reject(new Error('this browser has no IndexedDB'));
    // idb opens through the global indexedDB; a test passes fake-indexeddb's as the global.
    this.db ??= openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('sessions');
          db.createObjectStore('meta');
        }
        if (oldVersion < 2) db.createObjectStore('runs', { autoIncrement: true });
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
      // One read transaction: the record and the runs it names as one save left them.
      const tx = db.transaction(['sessions', 'meta', 'runs']);
      const key = await tx.objectStore('meta').get('current');
      if (typeof key !== 'number') return { kind: 'none' };
      const raw = await tx.objectStore('sessions').get(key);
      const { runs, ...rest } = (raw ?? {}) as StoredSession;
      let assembled: unknown = raw;
      const keys = Array.isArray(runs?.keys) ? runs.keys : [];
      if (runs) {
        const kept = await Promise.all(keys.map((k) => tx.objectStore('runs').get(k)));
        assembled = { ...rest, runs: { current: runs.current, next: runs.next, kept } };
      }
      await tx.done;
      const checked = checkSaved(assembled);
      if (checked.ok) {
        this.stored.clear();
        checked.session.runs?.kept.forEach((r, i) =>
          this.stored.set(r.id, { key: keys[i], parts: partsOf(r) }),
        );
        return { kind: 'session', session: checked.session };
      }
      // Kept, not deleted: a newer page may still read it; this one will not load it again.
      const aside = db.transaction(['sessions', 'meta'], 'readwrite');
      await aside.objectStore('meta').put(key, 'setAside');
      await aside.objectStore('meta').put(keys, 'setAsideRuns');
      await aside.objectStore('meta').delete('current');
      await aside.done;
      return { kind: 'setAside', problem: checked.problem };
    } catch (e) {
      return { kind: 'setAside', problem: errorText(e) };
    }
  }

  async save(session: SavedSession): Promise<Saved> {
    const kept = session.runs?.kept ?? [];
    const fresh = kept.filter((r) => {
      const had = this.stored.get(r.id);
      return !had || !sameParts(had.parts, partsOf(r));
    });
    const bytes = sessionBytes(session) + fresh.reduce((a, r) => a + keptBytes(r), 0);
    try {
      const estimate = await globalThis.navigator?.storage?.estimate?.();
      if (estimate?.quota !== undefined && estimate.usage !== undefined)
        if (estimate.quota - estimate.usage < 2 * bytes)
          return { ok: false, reason: `the browser's storage for this page is nearly full` };
      const db = await this.open();
      const tx = db.transaction(['sessions', 'meta', 'runs'], 'readwrite');
      // Its failure is this save's, answered below.
      tx.done.catch(() => undefined);
      try {
        const runsWritten = await this.write(tx, session);
        return { ok: true, bytes, runsWritten };
      } catch (e) {
        // A request's error aborts the transaction by itself, an exception thrown in between
        // (a value that cannot be cloned, say) does not: nothing of this save may commit.
        try {
          tx.abort();
        } catch {
          // Already finished or aborted.
        }
        throw e;
      }
    } catch (e) {
      this.db = undefined;
      return { ok: false, reason: errorText(e) };
    }
  }

  /** The save's one transaction: changed runs, the record, the pointer, then the clean-up. */
  private async write(tx: SaveTx, session: SavedSession): Promise<number> {
    const kept = session.runs?.kept ?? [];
    const meta = tx.objectStore('meta');
    const runStore = tx.objectStore('runs');
    const got = await meta.get('current');
    const old = typeof got === 'number' ? got : undefined;
    // Time-ordered keys never reuse a set-aside record's.
    const key = Math.max(Date.now(), (old ?? 0) + 1);
    const keys: number[] = [];
    const written = new Map<number, { key: number; parts: unknown[] }>();
    let runsWritten = 0;
    for (const r of kept) {
      const had = this.stored.get(r.id);
      const reuse =
        had && sameParts(had.parts, partsOf(r)) && (await runStore.getKey(had.key)) !== undefined;
      const k = reuse ? had.key : await runStore.add(r);
      if (!reuse) runsWritten++;
      keys.push(k);
      written.set(r.id, { key: k, parts: partsOf(r) });
    }
    const { runs, ...rest } = session;
    const record: StoredSession = runs
      ? { ...rest, runs: { current: runs.current, next: runs.next, keys } }
      : rest;
    await tx.objectStore('sessions').put(record, key);
    await meta.put(key, 'current');
    if (old !== undefined) await tx.objectStore('sessions').delete(old);
    // Run records no session names any more (deleted, or replaced by a newer version); a
    // set-aside record keeps its own.
    const aside = await meta.get('setAsideRuns');
    const named = new Set([...keys, ...(Array.isArray(aside) ? aside : [])]);
    for (const k of await runStore.getAllKeys()) if (!named.has(k)) await runStore.delete(k);
    await tx.done;
    this.stored = written;
    return runsWritten;
  }

  /** Forget the saved session and its runs ("Start fresh"); a set-aside record stays set aside. */
  async clear(): Promise<void> {
    this.stored.clear();
    try {
      const db = await this.open();
      const tx = db.transaction(['sessions', 'meta', 'runs'], 'readwrite');
      const key = await tx.objectStore('meta').get('current');
      if (typeof key === 'number') await tx.objectStore('sessions').delete(key);
      await tx.objectStore('meta').delete('current');
      const aside = await tx.objectStore('meta').get('setAsideRuns');
      const keep = new Set(Array.isArray(aside) ? aside : []);
      for (const k of await tx.objectStore('runs').getAllKeys())
        if (!keep.has(k)) await tx.objectStore('runs').delete(k);
      await tx.done;
    } catch {
      // Nothing saved can be reached either: nothing to forget.
    }
  }
}
