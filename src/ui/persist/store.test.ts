import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { DEFAULT_WORLD } from '../../world/simulator';
import { CATALOGUE } from '../../world/catalogue';
import { SESSION_FORMAT, SESSION_VERSION, checkSaved, type SavedSession } from './schema';
import { SessionStore } from './store';

const ROWS = CATALOGUE.goods.length + CATALOGUE.categories.length + CATALOGUE.shops.length + 3;
const E = 2;

function tensors(seed: number) {
  const emb = new Float32Array(ROWS * E).map((_, i) => Math.fround(Math.sin(i + seed)));
  return [
    { name: 'embeddings', shape: [ROWS, E], values: emb },
    { name: 'head/out/b', shape: [1], values: new Float32Array([seed / 3]) },
  ];
}

function session(step: number): SavedSession {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: 1,
    config: {
      world: DEFAULT_WORLD,
      model: { ...DEFAULT_MODEL_SETTINGS, embDim: E },
      train: { batchSize: 16, learningRate: 0.005, seed: 1, evalEvery: 50 },
    },
    history: [1, 2, 3],
    candidate: 4,
    curves: {
      version: 3,
      loss: [{ step, loss: { base: 0.7, din: 0.69, dien: 2 }, aux: 1.3 }],
      test: [],
    },
    checkpoint: {
      step,
      tensors: { base: tensors(1), din: tensors(2), dien: tensors(3) },
      training: {
        optimizer: {
          base: { iterations: step, moments: tensors(4) },
          din: { iterations: step, moments: tensors(5) },
          dien: { iterations: step, moments: tensors(6) },
        },
        data: { orderRng: 123, pos: 5, seen: 80 },
      },
    },
  };
}

const bits = (a: Float32Array) => [...new Uint32Array(a.buffer, a.byteOffset, a.length)];

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
    ];
    for (const [what, make, problem] of cases) {
      const r = checkSaved(make(session(1)));
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.problem, what).toMatch(problem);
    }
  });
});
