import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { snapshotBytes } from '../runs/budget';
import { SESSION_VERSION, checkSaved, type SavedSession } from './schema';
import { DB_NAME, SessionStore, sessionBytes, type StoredSession } from './store';
import { keptRun, session, sessionWithRuns, snapshot } from './testSession';

const bits = (a: Float32Array) => [...new Uint32Array(a.buffer, a.byteOffset, a.length)];

// A fresh, empty IndexedDB for every test.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** What the database holds, read past the store: the pointer, session keys and run keys. */
async function contents() {
  const db = await openDB(DB_NAME);
  const out = {
    current: (await db.get('meta', 'current')) as number | undefined,
    sessions: (await db.getAllKeys('sessions')) as number[],
    runs: (await db.getAllKeys('runs')) as number[],
  };
  db.close();
  return out;
}

describe('SessionStore', () => {
  it('saves and loads a session bit for bit, the newest replacing the last', async () => {
    const store = new SessionStore();
    expect((await store.load()).kind).toBe('none');
    expect((await store.save(session(10))).ok).toBe(true);
    expect((await store.save(session(20))).ok).toBe(true);
    const loaded = await store.load();
    if (loaded.kind !== 'session') throw new Error(loaded.kind);
    expect(loaded.session.checkpoint.step).toBe(20);
    const want = session(20);
    expect(bits(loaded.session.checkpoint.tensors.din[0].values)).toEqual(
      bits(want.checkpoint.tensors.din[0].values),
    );
    expect(loaded.session.checkpoint.training).toEqual(want.checkpoint.training);
    expect(loaded.session.curves).toEqual(want.curves);
    await store.clear();
    expect((await store.load()).kind).toBe('none');
  });

  it('sets a record aside that fails its check, and says why', async () => {
    const store = new SessionStore();
    const bad = session(5);
    bad.checkpoint.tensors.dien[1].values[0] = NaN;
    // Written past the check, as a corrupted or older page might have left it.
    await store.save(bad);
    const loaded = await store.load();
    expect(loaded).toEqual({
      kind: 'setAside',
      problem: expect.stringMatching(/NaN or infinite/),
    });
    expect((await store.load()).kind).toBe('none');
  });

  it('reports a missing IndexedDB as unavailable instead of throwing', async () => {
    const store = new SessionStore(null);
    expect(await store.load()).toMatchObject({ kind: 'unavailable' });
    expect(await store.save(session(1))).toMatchObject({ ok: false });
  });
});

describe('SessionStore with kept runs and rewind snapshots', () => {
  it('round-trips them bit for bit; unchanged runs are not written again', async () => {
    const store = new SessionStore();
    const s = sessionWithRuns(40);
    const first = await store.save(s);
    expect(first).toMatchObject({ ok: true, runsWritten: 2 });
    // The session record names its runs by key; it does not hold them.
    const db = await openDB(DB_NAME);
    const c = await contents();
    const rec = (await db.get('sessions', c.current!)) as StoredSession;
    db.close();
    expect(rec.runs).toEqual({ current: 3, next: 4, keys: c.runs });
    expect('kept' in rec.runs!).toBe(false);
    expect(c.runs).toHaveLength(2);

    // The next save of the same runs (the same objects) writes the session record alone.
    const later = { ...sessionWithRuns(41), runs: s.runs, rewind: s.rewind };
    expect(await store.save(later)).toMatchObject({ ok: true, runsWritten: 0 });
    expect((await contents()).runs).toEqual(c.runs);

    // A fresh store (a reload) reads it all back.
    const loaded = await new SessionStore().load();
    if (loaded.kind !== 'session') throw new Error(loaded.kind);
    const back = loaded.session;
    expect(back.checkpoint.step).toBe(41);
    expect(back.rewind?.map((w) => w.step)).toEqual([0, 40]);
    expect(bits(back.rewind![1].tensors.dien[0].values)).toEqual(
      bits(s.rewind![1].tensors.dien[0].values),
    );
    expect(back.runs?.kept.map((r) => [r.id, r.step, r.rewind.length])).toEqual([
      [1, 20, 2],
      [2, 30, 2],
    ]);
    const want = s.runs!.kept[1];
    const got = back.runs!.kept[1];
    expect(bits(got.weights!.tensors.din[0].values)).toEqual(
      bits(want.weights!.tensors.din[0].values),
    );
    expect(got.weights!.training).toEqual(want.weights!.training);
    expect(got.test).toEqual(want.test);
    expect(got.config).toEqual(want.config);
  });

  it('writes a changed run anew and drops the records no session names', async () => {
    const store = new SessionStore();
    const s = sessionWithRuns(40);
    await store.save(s);
    const before = (await contents()).runs;
    // Run 1's weights dropped by the budget, Run 2 deleted, Run 4 kept.
    const run1 = { ...s.runs!.kept[0], weights: undefined, weightsDropped: true };
    const runs = { current: 3, next: 5, kept: [run1, keptRun(4, 10)] };
    expect(await store.save({ ...s, runs })).toMatchObject({ ok: true, runsWritten: 2 });
    const after = await contents();
    expect(after.runs).toHaveLength(2);
    expect(after.runs.some((k) => before.includes(k))).toBe(false);
    const loaded = await new SessionStore().load();
    if (loaded.kind !== 'session') throw new Error(loaded.kind);
    expect(loaded.session.runs?.kept.map((r) => [r.id, r.weightsDropped, !!r.weights])).toEqual([
      [1, true, false],
      [4, false, true],
    ]);
  });

  it('a save that fails mid-transaction leaves the last complete save, and nothing of its own', async () => {
    const store = new SessionStore();
    await store.save(sessionWithRuns(40));
    const before = await contents();
    // The pointer's write fails after the session record and a new run were written: the
    // transaction aborts, as it does when the tab dies at that point.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (this.name === 'meta' && key === 'current') throw new DOMException('killed', 'AbortError');
      return put.call(this, value, key);
    };
    try {
      const next = sessionWithRuns(50);
      next.runs!.kept.push(keptRun(5, 7));
      expect((await store.save(next)).ok).toBe(false);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await contents()).toEqual(before);
    const loaded = await new SessionStore().load();
    if (loaded.kind !== 'session') throw new Error(loaded.kind);
    expect(loaded.session.checkpoint.step).toBe(40);
    expect(loaded.session.runs?.kept.map((r) => r.id)).toEqual([1, 2]);
  });

  it('upgrades a version-1 database, its saved session kept', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('sessions');
        db.createObjectStore('meta');
      },
    });
    await v1.put('sessions', session(9), 5);
    await v1.put('meta', 5, 'current');
    v1.close();
    const store = new SessionStore();
    const loaded = await store.load();
    if (loaded.kind !== 'session') throw new Error(loaded.kind);
    expect(loaded.session.checkpoint.step).toBe(9);
    expect(loaded.session.runs).toBeUndefined();
    expect(await store.save(sessionWithRuns(10))).toMatchObject({ ok: true, runsWritten: 2 });
  });

  it('sets aside a record whose run record is missing, and keeps that record’s runs', async () => {
    const store = new SessionStore();
    await store.save(sessionWithRuns(40));
    const { runs } = await contents();
    const db = await openDB(DB_NAME);
    await db.delete('runs', runs[0]);
    db.close();
    const loaded = await new SessionStore().load();
    expect(loaded).toMatchObject({
      kind: 'setAside',
      problem: expect.stringMatching(/^runs\.kept\.0/),
    });
    // A later save of another session does not delete the set-aside record's remaining run.
    await new SessionStore().save(session(3));
    expect((await contents()).runs).toEqual([runs[1]]);
  });

  it('counts the bytes it writes with the runs budget’s own counter', () => {
    const s = sessionWithRuns(40);
    const rewind = snapshotBytes(snapshot(0)) + snapshotBytes(snapshot(40));
    // Three models × (embeddings ROWS×2 + one bias) floats, weights and Adam moments.
    expect(snapshotBytes(s.checkpoint)).toBe(
      2 * 3 * 4 * (s.checkpoint.tensors.base[0].values.length + 1),
    );
    expect(sessionBytes(s)).toBe(snapshotBytes(s.checkpoint) + rewind + 64 * 1);
  });
});

describe('checkSaved', () => {
  it('accepts a good record and names what is wrong with a bad one', () => {
    expect(checkSaved(session(1)).ok).toBe(true);
    const cases: [string, (s: SavedSession) => unknown, RegExp][] = [
      ['newer format', (s) => ({ ...s, version: SESSION_VERSION + 1 }), /newer version/],
      ['not a session', () => ({ hello: 1 }), /format/],
      ['a good not sold', (s) => ({ ...s, candidate: 9999 }), /candidate: a good the shop/],
      [
        'embeddings of other settings',
        (s) => ({ ...s, config: { ...s.config, model: { ...s.config.model, embDim: 4 } } }),
        /embedding table does not match/,
      ],
      [
        'a shape that lies',
        (s) => {
          s.checkpoint.tensors.base[1].shape = [2];
          return s;
        },
        /does not hold its values/,
      ],
      ['values not floats', (s) => ({ ...s, checkpoint: { ...s.checkpoint, step: -1 } }), /step/],
      [
        'a bug-lab switch that does not exist',
        (s) => ({ ...s, config: { ...s.config, bugLab: ['<b>x</b>'] } }),
        /bugLab/,
      ],
      [
        'bug-lab switches without their twins’ weights',
        (s) => ({ ...s, config: { ...s.config, bugLab: ['paddingLeak'] } }),
        /do not match its switches/,
      ],
    ];
    const twin = session(1);
    twin.config.bugLab = ['invertedAugru'];
    twin.checkpoint.twins = { 'invertedAugru|dien': twin.checkpoint.tensors.dien };
    expect(checkSaved(twin).ok).toBe(true);
    const loaded = checkSaved(twin);
    if (loaded.ok) expect(loaded.session.checkpoint.twins).toEqual(twin.checkpoint.twins);
    for (const [what, make, problem] of cases) {
      const r = checkSaved(make(session(1)));
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.problem, what).toMatch(problem);
    }
  });

  it('checks kept runs against their own settings and rewind snapshots against the run', () => {
    expect(checkSaved(sessionWithRuns(40)).ok).toBe(true);
    const cases: [string, (s: SavedSession) => unknown, RegExp][] = [
      [
        'a kept run of other shapes',
        (s) => {
          s.runs!.kept[1].config.model.embDim = 8;
          return s;
        },
        /^runs\.kept\.1: weights whose embedding table does not match/,
      ],
      [
        'NaN in a kept run’s snapshot',
        (s) => {
          s.runs!.kept[0].rewind[1].tensors.din[0].values[2] = Infinity;
          return s;
        },
        /^runs\.kept\.0\.rewind\.1\.tensors\.din\.0\.values: a weight is NaN/,
      ],
      [
        'two runs of one number',
        (s) => {
          s.runs!.kept[1].id = 1;
          return s;
        },
        /two runs with the same number/,
      ],
      [
        'a rewind snapshot past the checkpoint',
        (s) => ({ ...s, rewind: [snapshot(41)] }),
        /rewind snapshot past the checkpoint/,
      ],
      [
        'a rewind snapshot of other shapes',
        (s) => {
          s.rewind![0].tensors.base[0].shape = [1, s.rewind![0].tensors.base[0].values.length];
          return s;
        },
        /rewind snapshot whose embedding table does not match/,
      ],
      [
        'a kept run with markup in a weight name',
        (s) => {
          s.runs!.kept[0].weights!.tensors.base[1].name = '<b>';
          return s;
        },
        /^runs\.kept\.0\.weights\.tensors\.base\.1\.name: a weight name with characters/,
      ],
    ];
    for (const [what, make, problem] of cases) {
      const r = checkSaved(make(sessionWithRuns(40)));
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.problem, what).toMatch(problem);
    }
  });
});

describe('checkSaved with BST', () => {
  const bst = { position: 'position', attention: 'causal', output: 'concat', heads: 2 } as const;
  /** A record whose settings train BST, with BST's weights and Adam state (the others' shapes). */
  const withBst = (): SavedSession => {
    const s = session(1);
    s.config = { ...s.config, world: { ...s.config.world, timeSignal: 0.1 }, bst };
    s.checkpoint.bst = structuredClone(s.checkpoint.tensors.din);
    s.checkpoint.training!.bst = structuredClone(s.checkpoint.training!.optimizer.din);
    return s;
  };

  it('accepts BST settings, weights and Adam state, and gives them back as saved', () => {
    const r = checkSaved(withBst());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.session.config.bst).toEqual(bst);
    expect(r.session.config.world.timeSignal).toBe(0.1);
    expect(r.session.checkpoint.bst).toEqual(withBst().checkpoint.bst);
    expect(r.session.checkpoint.training?.bst).toEqual(withBst().checkpoint.training?.bst);
  });

  it('keeps a kept run’s BST test metrics next to the others’', () => {
    const s = sessionWithRuns(40);
    const kept = s.runs!.kept[0];
    kept.test = { ...kept.test!, bst: { auc: 0.61, gauc: 0.6, logloss: 0.68 } };
    const r = checkSaved(s);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.session.runs?.kept[0].test?.bst).toEqual(kept.test.bst);
  });

  it('refuses BST settings or weights that do not match', () => {
    const cases: [string, (s: SavedSession) => unknown, RegExp][] = [
      ['weights without BST on', (s) => ({ ...s, config: { ...s.config, bst: undefined } }), /BST/],
      [
        'BST on without its weights',
        (s) => ({ ...s, checkpoint: { ...s.checkpoint, bst: undefined } }),
        /BST/,
      ],
      [
        'BST on without its Adam state',
        (s) => {
          delete s.checkpoint.training!.bst;
          return s;
        },
        /BST/,
      ],
      [
        'a BST table of another width',
        (s) => {
          s.checkpoint.bst = [
            { ...s.checkpoint.bst![0], shape: [s.checkpoint.bst![0].values.length, 1] },
          ];
          return s;
        },
        /BST/,
      ],
      [
        'three heads',
        (s) => ({ ...s, config: { ...s.config, bst: { ...bst, heads: 3 } } }),
        /heads/,
      ],
      [
        'an unknown position',
        (s) => ({ ...s, config: { ...s.config, bst: { ...bst, position: 'clock' } } }),
        /position/,
      ],
      [
        'a negative time signal',
        (s) => ({ ...s, config: { ...s.config, world: { ...s.config.world, timeSignal: -1 } } }),
        /timeSignal/,
      ],
      [
        'a NaN BST weight',
        (s) => {
          s.checkpoint.bst![0].values[0] = NaN;
          return s;
        },
        /checkpoint\.bst\..*NaN/,
      ],
    ];
    for (const [what, make, problem] of cases) {
      const r = checkSaved(make(withBst()));
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.problem, what).toMatch(problem);
    }
  });
});
