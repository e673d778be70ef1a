import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from './defaults';
import { goodsOf, MAX_HISTORY, type HistoryAction } from './historyReducer';
import {
  initPage,
  MAX_UNDO,
  pageReducer,
  patched,
  urlStateOf,
  type PageModel,
} from './pageReducer';

const start = (): PageModel => initPage(DEFAULT_PAGE);

describe('page reducer', () => {
  it('starts from the linked state, live, with no reset asked for', () => {
    const p = start();
    expect(goodsOf(p.history)).toEqual(DEFAULT_PAGE.history);
    expect(p.candidate).toBe(DEFAULT_PAGE.candidate);
    expect(p.atStep).toBeNull();
    expect(p.resets).toBe(0);
    expect(urlStateOf(p, 'wasm')).toEqual({ ...DEFAULT_PAGE, backend: 'wasm' });
  });

  it('a changed setting and the Reset button are one intent: new config, counter bumped, live again', () => {
    let p = pageReducer(start(), { type: 'rewind', step: 40 });
    expect(p.atStep).toBe(40);
    p = pageReducer(p, { type: 'reset', patch: { model: { T: 5 }, train: { seed: 9 } } });
    expect(p.resets).toBe(1);
    expect(p.atStep).toBeNull();
    expect(p.config.model).toEqual({ ...DEFAULT_PAGE.model, T: 5 });
    expect(p.config.train).toEqual({ ...DEFAULT_PAGE.train, seed: 9 });
    expect(p.config.world).toEqual(DEFAULT_PAGE.world);
    p = pageReducer(pageReducer(p, { type: 'rewind', step: 10 }), { type: 'reset' });
    expect(p.resets).toBe(2);
    expect(p.atStep).toBeNull();
    expect(p.config.model.T).toBe(5);
  });

  it('resuming a kept run takes its config without asking for a reset (its weights go on)', () => {
    const changed = pageReducer(start(), { type: 'reset', patch: { model: { T: 5 } } });
    const rewound = pageReducer(changed, { type: 'rewind', step: 20 });
    const p = pageReducer(rewound, { type: 'resume', config: start().config });
    expect(p.resets).toBe(1);
    expect(p.config).toEqual(start().config);
    expect(p.atStep).toBeNull();
  });

  it('a learning rate taken on the NaN guard’s offer changes the config but asks for no reset', () => {
    const p = pageReducer(pageReducer(start(), { type: 'rewind', step: 40 }), {
      type: 'learningRate',
      learningRate: 0.0005,
    });
    expect(p.config.train.learningRate).toBe(0.0005);
    expect(p.resets).toBe(0);
    expect(p.atStep).toBe(40);
    expect(urlStateOf(p, undefined).train.learningRate).toBe(0.0005);
  });

  it('a setting that would not fit the resource budget together with the others is capped', () => {
    const p = pageReducer(start(), {
      type: 'reset',
      patch: { world: { shoppers: 20000, minHistory: 200, maxHistory: 200 } },
    });
    expect(p.config.world.shoppers).toBe(402);
    expect(p.resets).toBe(1);
  });

  it('a preset sets history and candidate together, and one undo takes both back', () => {
    let p = pageReducer(start(), { type: 'preset', preset: { history: [4, 5], candidate: 6 } });
    expect(goodsOf(p.history)).toEqual([4, 5]);
    expect(p.candidate).toBe(6);
    p = pageReducer(p, { type: 'undo' });
    expect(goodsOf(p.history)).toEqual(DEFAULT_PAGE.history);
    expect(p.candidate).toBe(DEFAULT_PAGE.candidate);
    expect(p.past).toEqual([]);
  });

  it('undoes every kind of edit, newest first, back to the start', () => {
    const p0 = pageReducer(start(), {
      type: 'preset',
      preset: { history: [1, 2, 3], candidate: 9 },
    });
    const h = (p: PageModel, action: HistoryAction) => pageReducer(p, { type: 'history', action });
    const uid = (p: PageModel, i: number) => p.history.entries[i].uid;
    const steps: PageModel[] = [p0];
    const edits: ((p: PageModel) => PageModel)[] = [
      (p) => h(p, { type: 'add', good: 4 }), // [1,2,3,4]
      (p) => h(p, { type: 'remove', uid: uid(p, 1) }), // [1,3,4]
      (p) => h(p, { type: 'move', uid: uid(p, 0), delta: 1 }), // [3,1,4]
      (p) => h(p, { type: 'moveTo', uid: uid(p, 2), index: 0 }), // [4,3,1]
      (p) => pageReducer(p, { type: 'candidate', good: 12 }),
      (p) => h(p, { type: 'clear' }), // []
    ];
    for (const edit of edits) steps.push(edit(steps[steps.length - 1]));
    expect(goodsOf(steps[4].history)).toEqual([4, 3, 1]);
    expect(steps[6].past.length).toBe(7);
    let p = steps[6];
    for (let i = 5; i >= 0; i--) {
      p = pageReducer(p, { type: 'undo' });
      // The same purchases with the same uids (focus, inspection and React keys survive) and ad.
      expect(p.history.entries).toEqual(steps[i].history.entries);
      expect(p.candidate).toBe(steps[i].candidate);
    }
    // uids are never reused after an undo: the next purchase gets a fresh one.
    p = h(p, { type: 'add', good: 5 });
    const uids = p.history.entries.map((e) => e.uid);
    expect(Math.max(...uids)).toBeGreaterThan(
      Math.max(...steps[1].history.entries.map((e) => e.uid)),
    );
  });

  it('keeps the last MAX_UNDO edits', () => {
    let p = start();
    for (let i = 0; i < MAX_UNDO + 5; i++)
      p = pageReducer(p, { type: 'history', action: { type: 'add', good: (i % 40) + 1 } });
    expect(p.past.length).toBe(MAX_UNDO);
    for (let i = 0; i < MAX_UNDO; i++) p = pageReducer(p, { type: 'undo' });
    // Back to the history after the 5 oldest adds, which fell off the stack.
    expect(goodsOf(p.history)).toEqual(
      [...DEFAULT_PAGE.history, 1, 2, 3, 4, 5].slice(-MAX_HISTORY),
    );
    expect(pageReducer(p, { type: 'undo' })).toBe(p);
  });

  it('an edit that changes nothing is no undo step; settings and views are none either', () => {
    let p = start();
    p = pageReducer(p, { type: 'candidate', good: p.candidate });
    p = pageReducer(p, { type: 'speed', speed: 5 });
    p = pageReducer(p, { type: 'compare', old: 3 });
    p = pageReducer(p, { type: 'reset', patch: { train: { seed: 4 } } });
    expect(p.past).toEqual([]);
  });

  it('returns the same state for a no-op, so nothing re-renders', () => {
    const p = start();
    expect(pageReducer(p, { type: 'candidate', good: p.candidate })).toBe(p);
    expect(pageReducer(p, { type: 'rewind', step: null })).toBe(p);
    expect(pageReducer(p, { type: 'inspect', uid: null })).toBe(p);
    expect(pageReducer(p, { type: 'undo' })).toBe(p);
  });

  it('the comparison candidates change one at a time', () => {
    const p = pageReducer(start(), { type: 'compare', old: 3 });
    expect(p.compare).toEqual({ current: start().compare.current, old: 3 });
  });
});

describe('the bug lab in the config', () => {
  it('a patch replaces the switches, an empty one removes the field, others keep them', () => {
    const base = initPage(DEFAULT_PAGE).config;
    const on = patched(base, { bugLab: ['paddingLeak'] });
    expect(on.bugLab).toEqual(['paddingLeak']);
    expect(patched(on, { model: { T: 10 } }).bugLab).toEqual(['paddingLeak']);
    expect('bugLab' in patched(on, { bugLab: [] })).toBe(false);
    expect('bugLab' in base).toBe(false);
  });
});

describe('BST in the config', () => {
  it('a patch switches BST on or off (null), other patches keep it, off removes the field', () => {
    const base = initPage(DEFAULT_PAGE).config;
    expect('bst' in base).toBe(false);
    const bst = { position: 'position', attention: 'full', output: 'concat', heads: 2 } as const;
    const on = patched(base, { bst });
    expect(on.bst).toEqual(bst);
    expect(patched(on, { model: { T: 10 } }).bst).toEqual(bst);
    expect(patched(on, { bugLab: ['paddingLeak'] }).bst).toEqual(bst);
    expect('bst' in patched(on, { bst: null })).toBe(false);
  });

  it('a link with BST starts a page with BST, and the page writes it back', () => {
    const bst = { position: 'timeGap', attention: 'causal', output: 'concat', heads: 1 } as const;
    const p = initPage({ ...DEFAULT_PAGE, bst });
    expect(p.config.bst).toEqual(bst);
    expect(urlStateOf(p, undefined).bst).toEqual(bst);
    const reset = pageReducer(p, { type: 'reset', patch: { world: { seed: 3 } } });
    expect(reset.config.bst).toEqual(bst);
  });
});

describe('the time signal in the config', () => {
  it('a time signal of 0 leaves the field out, so the timeless world has one spelling', () => {
    const base = initPage(DEFAULT_PAGE).config;
    const timed = patched(base, { world: { timeSignal: 0.1 } });
    expect(timed.world.timeSignal).toBe(0.1);
    expect('timeSignal' in patched(timed, { world: { timeSignal: 0 } }).world).toBe(false);
  });
});
