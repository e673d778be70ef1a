/**
 * Imported data sets kept in this browser, so a reload trains on a file without parsing it
 * again. A database of their own (the session autosave's belongs to persist/), at most
 * MAX_DATASETS of them (the oldest goes), each under an id that is a hash of the file and the
 * settings it was read with: the same file imported the same way finds its kept copy.
 *
 * Two stores written in one transaction: `datasets` holds the worlds (a few MB each), `entries`
 * the one-line descriptions, so listing them does not read every world back.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FormatId, ImportedWorld, ImportSettings } from '../../data/import/types';
import { COLUMN_ROLES } from '../../data/import/types';

export const DATASETS_DB = 'din-dien-explainer-datasets';
export const DATASETS_VERSION = 1;
export const MAX_DATASETS = 3;

export interface DatasetEntry {
  id: string;
  /** The event file's name. */
  name: string;
  format: FormatId;
  users: number;
  items: number;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** About how much storage it takes (its JSON's length). */
  bytes: number;
}

interface Schema extends DBSchema {
  datasets: { key: string; value: ImportedWorld };
  entries: { key: string; value: DatasetEntry };
}

/** What the id is made of: the files as the browser describes them. */
export interface FileStamp {
  name: string;
  size: number;
  lastModified: number;
}

/** FNV-1a, 32 bits, from a given offset basis (two bases give 64 bits of id). */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const stamp = (f: FileStamp | undefined) => (f ? [f.name, f.size, f.lastModified] : null);

/**
 * The data set's id: a hash of the files and every setting that changes what is read. Written
 * as arrays in a fixed order, so the order the settings' keys were set in does not matter.
 */
export function datasetId(
  events: FileStamp,
  meta: FileStamp | undefined,
  settings: ImportSettings,
): string {
  const d = settings.detection;
  const m = settings.meta;
  const { caps } = settings;
  const key = JSON.stringify([
    stamp(events),
    stamp(meta),
    [d.format, d.delimiter, d.header, COLUMN_ROLES.map((r) => d.mapping[r] ?? null)],
    m
      ? [
          m.kind,
          m.delimiter,
          m.header,
          m.mapping.item,
          m.mapping.category ?? null,
          m.mapping.name ?? null,
          m.listSeparator ?? null,
        ]
      : null,
    [caps.topItems, caps.minEvents, caps.maxUsers, caps.maxHistory],
    settings.behaviors ? [...settings.behaviors].sort() : null,
    settings.minRating ?? null,
    settings.seed,
  ]);
  const hex = (x: number) => x.toString(16).padStart(8, '0');
  return `ds-${hex(fnv1a(key))}${hex(fnv1a(key, 0x050c5d1f))}`;
}

export function entryOf(id: string, world: ImportedWorld, savedAt: number): DatasetEntry {
  return {
    id,
    name: world.fileName,
    format: world.format,
    users: world.shoppers.length,
    items: world.catalogue.goods.length,
    savedAt,
    bytes: JSON.stringify(world).length,
  };
}

function browserIndexedDB(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}

const isQuota = (e: unknown) =>
  e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));

/** Why a data set could not be kept, in the reader's words (the panel says it goes on without). */
export class DatasetStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetStoreError';
  }
}

export class DatasetStore {
  private db: Promise<IDBPDatabase<Schema>> | undefined;

  constructor(
    private readonly factory: IDBFactory | null = browserIndexedDB(),
    private readonly now: () => number = Date.now,
  ) {}

  private open(): Promise<IDBPDatabase<Schema>> {
    if (!this.factory) {
      return Promise.reject(new DatasetStoreError('this browser has no IndexedDB'));
    }
    // idb opens through the global indexedDB; a test sets fake-indexeddb's as the global.
    this.db ??= openDB<Schema>(DATASETS_DB, DATASETS_VERSION, {
      upgrade(db) {
        db.createObjectStore('datasets');
        db.createObjectStore('entries');
      },
    }).catch((e: unknown) => {
      this.db = undefined;
      throw e;
    });
    return this.db;
  }

  /**
   * Keep a data set (again: its savedAt moves to now) and drop the oldest past MAX_DATASETS.
   * Resolves with its entry and the entries dropped; rejects with a DatasetStoreError.
   */
  async put(
    id: string,
    world: ImportedWorld,
  ): Promise<{ entry: DatasetEntry; dropped: DatasetEntry[] }> {
    const entry = entryOf(id, world, this.now());
    try {
      const estimate = await globalThis.navigator?.storage?.estimate?.();
      if (estimate?.quota !== undefined && estimate.usage !== undefined)
        if (estimate.quota - estimate.usage < 2 * entry.bytes)
          throw new DatasetStoreError('the browser’s storage for this page is nearly full');
      const db = await this.open();
      const tx = db.transaction(['datasets', 'entries'], 'readwrite');
      await tx.objectStore('datasets').put(world, id);
      await tx.objectStore('entries').put(entry, id);
      const all = await tx.objectStore('entries').getAll();
      const dropped = all
        .filter((e) => e.id !== id)
        .sort((a, b) => b.savedAt - a.savedAt)
        .slice(MAX_DATASETS - 1);
      for (const e of dropped) {
        await tx.objectStore('datasets').delete(e.id);
        await tx.objectStore('entries').delete(e.id);
      }
      await tx.done;
      return { entry, dropped };
    } catch (e) {
      if (e instanceof DatasetStoreError) throw e;
      if (isQuota(e)) throw new DatasetStoreError('the browser’s storage for this page is full');
      throw new DatasetStoreError(e instanceof Error ? e.message : String(e));
    }
  }

  async get(id: string): Promise<ImportedWorld | undefined> {
    const db = await this.open();
    return db.get('datasets', id);
  }

  /** The kept data sets, newest first. */
  async list(): Promise<DatasetEntry[]> {
    const db = await this.open();
    const all = await db.getAll('entries');
    return all.sort((a, b) => b.savedAt - a.savedAt);
  }

  async remove(id: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['datasets', 'entries'], 'readwrite');
    await tx.objectStore('datasets').delete(id);
    await tx.objectStore('entries').delete(id);
    await tx.done;
  }
}
