import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SESSION_VERSION, checkSaved, type SavedSession } from './schema';
import { SessionStore } from './store';
import { session } from './testSession';

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
});
