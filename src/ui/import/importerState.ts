/**
 * The importer's state machine as a pure reducer (useImporter.ts runs it):
 * idle → detecting → mapping → importing → done | error | cancelled. The reader's corrections
 * live in the draft; an answer for an older request (its `run` number) changes nothing, so a
 * late reply never overwrites what the reader did since.
 */
import { withFormat, withMapping } from '../../data/import/detect';
import {
  DEFAULT_CAPS,
  type Behavior,
  type ColumnRole,
  type Detection,
  type Dialect,
  type FormatId,
  type ImportCaps,
  type ImportedWorld,
  type ImportErrorData,
  type ImportProgress,
  type ImportSettings,
  type MetaDetection,
} from '../../data/import/types';
import { redialect } from './dialect';
import type { NamedBlob } from './parseClient';
import type { CapKey } from './strings';

export interface ImportFiles {
  events: NamedBlob;
  meta?: NamedBlob;
}

/** What the reader sees and corrects before importing. */
export interface Draft {
  detection: Detection;
  meta?: MetaDetection;
  /** The log's head as text, to read again with a corrected dialect (null: not text). */
  head: string | null;
  /** As typed: a field may be half-written; `capsOf` says whether they can be used. */
  caps: Record<CapKey, string>;
  behaviors: Behavior[];
  /** As typed; empty: every rating. */
  minRating: string;
}

export type ImporterState =
  | { phase: 'idle'; run: number }
  | { phase: 'detecting'; run: number; files: ImportFiles }
  | { phase: 'mapping'; run: number; files: ImportFiles; draft: Draft }
  | {
      phase: 'importing';
      run: number;
      files: ImportFiles;
      draft: Draft;
      progress: ImportProgress | null;
    }
  | {
      phase: 'done';
      run: number;
      files: ImportFiles;
      draft: Draft;
      world: ImportedWorld;
      id: string;
      /** Read back from this browser's storage, not parsed. */
      fromStore: boolean;
    }
  | { phase: 'error'; run: number; files?: ImportFiles; draft?: Draft; error: ImportErrorData }
  | { phase: 'cancelled'; run: number; files: ImportFiles; draft: Draft };

export type ImporterAction =
  | { type: 'choose'; files: ImportFiles }
  | {
      type: 'detected';
      run: number;
      detection: Detection;
      meta?: MetaDetection;
      head: string | null;
    }
  | { type: 'failed'; run: number; error: ImportErrorData }
  | { type: 'format'; format: FormatId }
  | { type: 'role'; role: ColumnRole; column: number | undefined }
  | { type: 'dialect'; dialect: Partial<Dialect> }
  | { type: 'cap'; key: CapKey; value: string }
  | { type: 'behavior'; behavior: Behavior; on: boolean }
  | { type: 'minRating'; value: string }
  | { type: 'start' }
  | { type: 'progress'; run: number; progress: ImportProgress }
  | { type: 'imported'; run: number; world: ImportedWorld; id: string; fromStore: boolean }
  | { type: 'cancel' }
  | { type: 'back' }
  | { type: 'reset' };

export const CAP_KEYS: readonly CapKey[] = ['topItems', 'minEvents', 'maxUsers', 'maxHistory'];
/** The least each cap may be (importLog refuses less). */
export const CAP_MIN: Record<CapKey, number> = {
  topItems: 1,
  minEvents: 2,
  maxUsers: 1,
  maxHistory: 2,
};
/** Taobao's public log is mostly page views: purchases alone are the papers' events. */
export const DEFAULT_BEHAVIORS: Behavior[] = ['buy'];

export const initialImporter: ImporterState = { phase: 'idle', run: 0 };

export function newDraft(
  detection: Detection,
  meta: MetaDetection | undefined,
  head: string | null,
): Draft {
  const caps = Object.fromEntries(CAP_KEYS.map((k) => [k, String(DEFAULT_CAPS[k])]));
  return {
    detection,
    meta,
    head,
    caps: caps as Record<CapKey, string>,
    behaviors: [...DEFAULT_BEHAVIORS],
    minRating: '',
  };
}

/** The caps as numbers, or the first one that is not a whole number at least its minimum. */
export function capsOf(
  caps: Record<CapKey, string>,
): { ok: true; caps: ImportCaps } | { ok: false; key: CapKey } {
  const out = {} as ImportCaps;
  for (const k of CAP_KEYS) {
    const v = Number(caps[k]);
    if (caps[k].trim() === '' || !Number.isInteger(v) || v < CAP_MIN[k])
      return { ok: false, key: k };
    out[k] = v;
  }
  return { ok: true, caps: out };
}

/** The settings an import runs with, or null while the draft cannot be imported. */
export function settingsOf(draft: Draft, seed = 1): ImportSettings | null {
  const caps = capsOf(draft.caps);
  const d = draft.detection;
  if (!caps.ok || d.problem) return null;
  const settings: ImportSettings = { detection: d, caps: caps.caps, seed };
  if (draft.meta) settings.meta = draft.meta;
  if (d.mapping.behavior !== undefined) {
    if (draft.behaviors.length === 0) return null;
    settings.behaviors = [...draft.behaviors];
  }
  const rating = Number(draft.minRating);
  if (d.mapping.rating !== undefined && draft.minRating.trim() !== '' && Number.isFinite(rating))
    settings.minRating = rating;
  return settings;
}

function editDraft(s: ImporterState, edit: (d: Draft) => Draft): ImporterState {
  // Corrections are made in the mapping step, and after an import (to try again).
  if (s.phase === 'mapping' || s.phase === 'cancelled' || s.phase === 'done')
    return { phase: 'mapping', run: s.run, files: s.files, draft: edit(s.draft) };
  if (s.phase === 'error' && s.files && s.draft)
    return { phase: 'mapping', run: s.run, files: s.files, draft: edit(s.draft) };
  return s;
}

export function importerReducer(s: ImporterState, a: ImporterAction): ImporterState {
  switch (a.type) {
    case 'choose':
      return { phase: 'detecting', run: s.run + 1, files: a.files };
    case 'detected':
      if (s.phase !== 'detecting' || a.run !== s.run) return s;
      return {
        phase: 'mapping',
        run: s.run,
        files: s.files,
        draft: newDraft(a.detection, a.meta, a.head),
      };
    case 'failed':
      if (a.run !== s.run || (s.phase !== 'detecting' && s.phase !== 'importing')) return s;
      return s.phase === 'detecting'
        ? { phase: 'error', run: s.run, files: s.files, error: a.error }
        : { phase: 'error', run: s.run, files: s.files, draft: s.draft, error: a.error };
    case 'format':
      return editDraft(s, (d) => ({ ...d, detection: withFormat(d.detection, a.format) }));
    case 'role':
      return editDraft(s, (d) => {
        const mapping = { ...d.detection.mapping };
        if (a.column === undefined) delete mapping[a.role];
        else mapping[a.role] = a.column;
        return { ...d, detection: withMapping(d.detection, mapping) };
      });
    case 'dialect':
      return editDraft(s, (d) => {
        if (d.head === null) return d;
        const dialect = {
          delimiter: a.dialect.delimiter ?? d.detection.delimiter,
          header: a.dialect.header ?? d.detection.header,
        };
        return { ...d, detection: redialect(d.detection, d.head, dialect) };
      });
    case 'cap':
      return editDraft(s, (d) => ({ ...d, caps: { ...d.caps, [a.key]: a.value } }));
    case 'behavior':
      return editDraft(s, (d) => {
        const rest = d.behaviors.filter((b) => b !== a.behavior);
        return { ...d, behaviors: a.on ? [...rest, a.behavior] : rest };
      });
    case 'minRating':
      return editDraft(s, (d) => ({ ...d, minRating: a.value }));
    case 'start': {
      const ready =
        s.phase === 'mapping' ||
        s.phase === 'cancelled' ||
        s.phase === 'done' ||
        (s.phase === 'error' && s.draft !== undefined);
      if (!ready || !s.files || !s.draft || !settingsOf(s.draft)) return s;
      return { phase: 'importing', run: s.run + 1, files: s.files, draft: s.draft, progress: null };
    }
    case 'progress':
      if (s.phase !== 'importing' || a.run !== s.run) return s;
      return { ...s, progress: a.progress };
    case 'imported':
      if (s.phase !== 'importing' || a.run !== s.run) return s;
      return {
        phase: 'done',
        run: s.run,
        files: s.files,
        draft: s.draft,
        world: a.world,
        id: a.id,
        fromStore: a.fromStore,
      };
    case 'cancel':
      if (s.phase !== 'importing') return s;
      // A new run number: the cancelled import's late answers are stale.
      return { phase: 'cancelled', run: s.run + 1, files: s.files, draft: s.draft };
    case 'back':
      return editDraft(s, (d) => d);
    case 'reset':
      return { phase: 'idle', run: s.run + 1 };
  }
}
