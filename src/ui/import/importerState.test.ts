import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../data/import/detect';
import { sampleFiles } from '../../data/import/sampleFiles';
import type { ImportProgress } from '../../data/import/types';
import {
  capsOf,
  importerReducer,
  initialImporter,
  settingsOf,
  type ImporterAction,
  type ImporterState,
} from './importerState';
import { tinyWorld } from './testWorld';

const text =
  'user_id,item_id,category_id,behavior_type,timestamp\n1,10,5,pv,1511544070\n1,11,5,buy,1511544071\n2,10,5,buy,1511544072\n';
const files = { events: new File([text], 'taobao.csv') };
const bytes = new TextEncoder().encode(text);
const detection = detectFormat(bytes, true);

const run = (actions: ImporterAction[], from: ImporterState = initialImporter) =>
  actions.reduce(importerReducer, from);

function mapping(): ImporterState {
  const s = run([{ type: 'choose', files }]);
  return importerReducer(s, { type: 'detected', run: s.run, detection, head: text });
}

const progress: ImportProgress = { pass: 1, rows: 10, bytes: 100, totalBytes: 1000 };

describe('importer state machine', () => {
  it('idle → detecting → mapping with the suggestion, Taobao’s buy chosen and the default caps', () => {
    const s = mapping();
    expect(s.phase).toBe('mapping');
    if (s.phase !== 'mapping') return;
    expect(s.draft.detection.format).toBe('taobao');
    expect(s.draft.behaviors).toEqual(['buy']);
    expect(s.draft.caps).toEqual({
      topItems: '1000',
      minEvents: '5',
      maxUsers: '2000',
      maxHistory: '50',
    });
    expect(settingsOf(s.draft)).toMatchObject({
      behaviors: ['buy'],
      caps: { topItems: 1000 },
      seed: 1,
    });
  });

  it('drops a stale detection: a file chosen since wins', () => {
    const first = run([{ type: 'choose', files }]);
    const second = importerReducer(first, {
      type: 'choose',
      files: { events: new File(['x'], 'b.csv') },
    });
    const late = importerReducer(second, {
      type: 'detected',
      run: first.run,
      detection,
      head: text,
    });
    expect(late).toBe(second);
  });

  it('a detection failure is an error without a draft; importing cannot start from it', () => {
    const s = run([{ type: 'choose', files }]);
    const e = importerReducer(s, {
      type: 'failed',
      run: s.run,
      error: { code: 'empty', message: 'The file is empty.' },
    });
    expect(e).toMatchObject({ phase: 'error', error: { code: 'empty' } });
    expect(importerReducer(e, { type: 'start' })).toBe(e);
  });

  it('the reader’s corrections are checked: a mapping used twice is a problem and blocks Import', () => {
    const s = run([{ type: 'role', role: 'item', column: 0 }], mapping());
    if (s.phase !== 'mapping') throw new Error(s.phase);
    expect(s.draft.detection.problem).toMatchObject({ code: 'columns', column: 'user_id' });
    expect(settingsOf(s.draft)).toBeNull();
    expect(importerReducer(s, { type: 'start' })).toBe(s);
    const fixed = run([{ type: 'role', role: 'item', column: 1 }], s);
    if (fixed.phase !== 'mapping') throw new Error(fixed.phase);
    expect(fixed.draft.detection.problem).toBeUndefined();
    // An optional role set to none leaves the mapping.
    const none = run([{ type: 'role', role: 'category', column: undefined }], fixed);
    if (none.phase !== 'mapping') throw new Error(none.phase);
    expect(none.draft.detection.mapping.category).toBeUndefined();
  });

  it('a wrong delimiter reads the head again: one column, so the time is missing', () => {
    const s = run([{ type: 'dialect', dialect: { delimiter: ';' } }], mapping());
    if (s.phase !== 'mapping') throw new Error(s.phase);
    expect(s.draft.detection.columns).toEqual([
      'user_id,item_id,category_id,behavior_type,timestamp',
    ]);
    expect(s.draft.detection.problem?.code).toBe('columns');
    const back = run([{ type: 'dialect', dialect: { delimiter: ',' } }], s);
    if (back.phase !== 'mapping') throw new Error(back.phase);
    expect(back.draft.detection.columns).toHaveLength(5);
    expect(back.draft.detection.problem).toBeUndefined();
    // Header off: the header row becomes data, and its "timestamp" is not a timestamp.
    const noHeader = run([{ type: 'dialect', dialect: { header: false } }], back);
    if (noHeader.phase !== 'mapping') throw new Error(noHeader.phase);
    expect(noHeader.draft.detection.columns[0]).toBe('column 1');
    expect(noHeader.draft.detection.preview).toHaveLength(4);
    expect(noHeader.draft.detection.problem).toMatchObject({ code: 'timestamp', line: 1 });
  });

  it('caps as typed: a half-written or too small cap blocks Import and names itself', () => {
    const s = run([{ type: 'cap', key: 'minEvents', value: '1' }], mapping());
    if (s.phase !== 'mapping') throw new Error(s.phase);
    expect(capsOf(s.draft.caps)).toEqual({ ok: false, key: 'minEvents' });
    expect(capsOf({ ...s.draft.caps, minEvents: '2.5' })).toEqual({ ok: false, key: 'minEvents' });
    expect(capsOf({ ...s.draft.caps, minEvents: '' })).toEqual({ ok: false, key: 'minEvents' });
    expect(capsOf({ ...s.draft.caps, minEvents: '3' })).toEqual({
      ok: true,
      caps: { topItems: 1000, minEvents: 3, maxUsers: 2000, maxHistory: 50 },
    });
    expect(importerReducer(s, { type: 'start' })).toBe(s);
  });

  it('no behaviour type chosen blocks Import; pv and buy both count when both are on', () => {
    const none = run([{ type: 'behavior', behavior: 'buy', on: false }], mapping());
    if (none.phase !== 'mapping') throw new Error(none.phase);
    expect(settingsOf(none.draft)).toBeNull();
    const two = run(
      [
        { type: 'behavior', behavior: 'pv', on: true },
        { type: 'behavior', behavior: 'buy', on: true },
      ],
      none,
    );
    if (two.phase !== 'mapping') throw new Error(two.phase);
    expect(settingsOf(two.draft)?.behaviors).toEqual(['pv', 'buy']);
  });

  it('importing: progress of its own run only; done carries the world and its id', () => {
    const s = run([{ type: 'start' }], mapping());
    expect(s).toMatchObject({ phase: 'importing', progress: null });
    const stale = importerReducer(s, { type: 'progress', run: s.run - 1, progress });
    expect(stale).toBe(s);
    const p = importerReducer(s, { type: 'progress', run: s.run, progress });
    expect(p).toMatchObject({ phase: 'importing', progress });
    const world = tinyWorld('taobao.csv');
    const done = importerReducer(p, {
      type: 'imported',
      run: s.run,
      world,
      id: 'ds-1',
      fromStore: false,
    });
    expect(done).toMatchObject({ phase: 'done', world, id: 'ds-1' });
    // Back to the settings keeps the draft; importing again is a new run.
    const back = importerReducer(done, { type: 'back' });
    expect(back.phase).toBe('mapping');
    expect(importerReducer(back, { type: 'start' }).run).toBe(s.run + 1);
  });

  it('cancel at any time while importing; the cancelled run’s late answers change nothing', () => {
    const s = run([{ type: 'start' }], mapping());
    const c = importerReducer(s, { type: 'cancel' });
    expect(c.phase).toBe('cancelled');
    expect(importerReducer(c, { type: 'progress', run: s.run, progress })).toBe(c);
    expect(
      importerReducer(c, {
        type: 'imported',
        run: s.run,
        world: tinyWorld('x'),
        id: 'x',
        fromStore: false,
      }),
    ).toBe(c);
    expect(
      importerReducer(c, { type: 'failed', run: s.run, error: { code: 'cancelled', message: '' } }),
    ).toBe(c);
    // Cancel outside an import does nothing; Import again works from cancelled.
    expect(importerReducer(mapping(), { type: 'cancel' }).phase).toBe('mapping');
    expect(importerReducer(c, { type: 'start' }).phase).toBe('importing');
  });

  it('an import error keeps the draft, so the reader corrects and imports again', () => {
    const s = run([{ type: 'start' }], mapping());
    const e = importerReducer(s, {
      type: 'failed',
      run: s.run,
      error: {
        code: 'capsLeaveNothing',
        message: 'No user has 5 events (the most is 2): lower "users with at least N events".',
      },
    });
    expect(e).toMatchObject({ phase: 'error', error: { code: 'capsLeaveNothing' } });
    const fixed = run([{ type: 'cap', key: 'minEvents', value: '2' }], e);
    expect(fixed.phase).toBe('mapping');
    const again = importerReducer(fixed, { type: 'start' });
    expect(again.phase).toBe('importing');
    if (again.phase !== 'importing') return;
    expect(settingsOf(again.draft)?.caps.minEvents).toBe(2);
  });

  it('a MovieLens file’s rating minimum applies only with a rating column', () => {
    const [ratings] = sampleFiles('movielens');
    const head = ratings.text.slice(0, 2000);
    const d = detectFormat(new TextEncoder().encode(ratings.text), true);
    const s0 = run([{ type: 'choose', files }]);
    const s = run(
      [
        { type: 'detected', run: s0.run, detection: d, head },
        { type: 'minRating', value: '4' },
      ],
      s0,
    );
    if (s.phase !== 'mapping') throw new Error(s.phase);
    expect(settingsOf(s.draft)?.minRating).toBe(4);
    expect(settingsOf(s.draft)?.behaviors).toBeUndefined();
    const noRating = run([{ type: 'role', role: 'rating', column: undefined }], s);
    if (noRating.phase !== 'mapping') throw new Error(noRating.phase);
    expect(settingsOf(noRating.draft)?.minRating).toBeUndefined();
  });
});
