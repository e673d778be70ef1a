import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CAPS, type Detection, type ImportSettings } from '../../data/import/types';
import { DATASETS_DB, DatasetStore, MAX_DATASETS, datasetId, fnv1a } from './datasets';
import { tinyWorld } from './testWorld';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const detection: Detection = {
  format: 'generic',
  delimiter: ',',
  header: true,
  columns: ['user', 'item', 'timestamp'],
  mapping: { user: 0, item: 1, time: 2 },
  preview: [['u1', 'a', '1500000000']],
};
const settings: ImportSettings = { detection, caps: DEFAULT_CAPS, seed: 1 };
const file = { name: 'log.csv', size: 1000, lastModified: 1_700_000_000_000 };

/** A store whose clock reads 1, 2, 3… so that "oldest" is well defined. */
function store() {
  let t = 0;
  return new DatasetStore(globalThis.indexedDB, () => ++t);
}

describe('datasetId', () => {
  it('FNV-1a matches its published test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is the same for the same file and settings, whatever the keys’ order', () => {
    const id = datasetId(file, undefined, settings);
    expect(id).toMatch(/^ds-[0-9a-f]{16}$/);
    const reordered: ImportSettings = {
      seed: 1,
      caps: { maxHistory: 50, maxUsers: 2000, minEvents: 5, topItems: 1000 },
      detection: { ...detection, mapping: { time: 2, item: 1, user: 0 } },
    };
    expect(datasetId({ ...file }, undefined, reordered)).toBe(id);
    expect(datasetId(file, undefined, { ...settings, behaviors: ['buy', 'pv'] })).toBe(
      datasetId(file, undefined, { ...settings, behaviors: ['pv', 'buy'] }),
    );
  });

  it('changes with the file, the metadata file, the mapping, dialect, caps, behaviours, rating and seed', () => {
    const id = datasetId(file, undefined, settings);
    const others = [
      datasetId({ ...file, lastModified: file.lastModified + 1 }, undefined, settings),
      datasetId({ ...file, size: 1001 }, undefined, settings),
      datasetId({ ...file, name: 'log2.csv' }, undefined, settings),
      datasetId(file, { name: 'meta.csv', size: 10, lastModified: 0 }, settings),
      datasetId(file, undefined, {
        ...settings,
        detection: { ...detection, mapping: { user: 1, item: 0, time: 2 } },
      }),
      datasetId(file, undefined, { ...settings, detection: { ...detection, delimiter: ';' } }),
      datasetId(file, undefined, { ...settings, detection: { ...detection, header: false } }),
      datasetId(file, undefined, { ...settings, caps: { ...DEFAULT_CAPS, maxHistory: 49 } }),
      datasetId(file, undefined, { ...settings, behaviors: ['buy'] }),
      datasetId(file, undefined, { ...settings, minRating: 4 }),
      datasetId(file, undefined, { ...settings, seed: 2 }),
    ];
    expect(new Set([id, ...others]).size).toBe(others.length + 1);
  });
});

describe('DatasetStore', () => {
  it('puts, lists, gets and removes a data set in its own database', async () => {
    const s = store();
    expect(await s.list()).toEqual([]);
    const world = tinyWorld('log.csv', 4);
    const { entry, dropped } = await s.put('ds-1', world);
    expect(dropped).toEqual([]);
    expect(entry).toMatchObject({
      id: 'ds-1',
      name: 'log.csv',
      format: 'generic',
      users: 4,
      items: 3,
    });
    expect(entry.bytes).toBe(JSON.stringify(world).length);
    expect(await s.get('ds-1')).toEqual(world);
    expect(await s.list()).toEqual([entry]);
    await s.remove('ds-1');
    expect(await s.get('ds-1')).toBeUndefined();
    expect(await s.list()).toEqual([]);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toEqual([DATASETS_DB]);
  });

  it(`keeps at most ${MAX_DATASETS}, dropping the oldest; putting one again makes it the newest`, async () => {
    const s = store();
    await s.put('a', tinyWorld('a.csv'));
    await s.put('b', tinyWorld('b.csv'));
    await s.put('c', tinyWorld('c.csv'));
    // a again: now newest, so b is the oldest.
    expect((await s.put('a', tinyWorld('a.csv'))).dropped).toEqual([]);
    const { dropped } = await s.put('d', tinyWorld('d.csv'));
    expect(dropped.map((e) => e.id)).toEqual(['b']);
    expect((await s.list()).map((e) => e.id)).toEqual(['d', 'a', 'c']);
    expect(await s.get('b')).toBeUndefined();
  });

  it('refuses to write when the storage is nearly full, and says so', async () => {
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ quota: 1000, usage: 900 }) },
    });
    const s = store();
    await expect(s.put('a', tinyWorld('a.csv'))).rejects.toThrow(
      /storage for this page is nearly full/,
    );
    vi.unstubAllGlobals();
    expect(await s.list()).toEqual([]);
  });

  it('turns a quota error of IndexedDB into a clear message and keeps nothing half-written', async () => {
    const s = store();
    await s.put('a', tinyWorld('a.csv'));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await expect(s.put('b', tinyWorld('b.csv'))).rejects.toThrow(
      'the browser’s storage for this page is full',
    );
    vi.restoreAllMocks();
    expect((await s.list()).map((e) => e.id)).toEqual(['a']);
  });

  it('without IndexedDB every call rejects with a reason (the page goes on without)', async () => {
    const s = new DatasetStore(null);
    await expect(s.list()).rejects.toThrow('this browser has no IndexedDB');
    await expect(s.put('a', tinyWorld('a.csv'))).rejects.toThrow('this browser has no IndexedDB');
  });
});
