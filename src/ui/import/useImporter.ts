/**
 * The importer as a hook: the reducer of importerState.ts, driven by the parse worker
 * (ParseClient) and the kept data sets (DatasetStore). It never touches the training session:
 * the panel hands a finished world to the page through its `onUse` prop.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { errorText } from '../../lib/errorText';
import type { ImportedWorld } from '../../data/import/types';
import { DatasetStore, datasetId, type DatasetEntry } from './datasets';
import { readHeadText } from './dialect';
import {
  importerReducer,
  initialImporter,
  settingsOf,
  type ImportFiles,
  type ImporterAction,
  type ImporterState,
} from './importerState';
import { importErrorOf, ParseClient } from './parseClient';

/** What happened to the kept copy, for the panel to say. */
export type KeepNote =
  { kind: 'dropped'; names: string[] } | { kind: 'notKept'; reason: string } | { kind: 'gone' };

export interface Importer {
  state: ImporterState;
  dispatch: (a: ImporterAction) => void;
  choose: (files: ImportFiles) => void;
  start: () => void;
  cancel: () => void;
  kept: DatasetEntry[];
  note: KeepNote | null;
  /** A kept data set's world, or undefined (and a note) when it is gone. */
  load: (id: string) => Promise<ImportedWorld | undefined>;
  remove: (id: string) => void;
}

const stampOf = (f: Blob & { name: string }) => ({
  name: f.name,
  size: f.size,
  lastModified: f instanceof File ? f.lastModified : 0,
});

export function useImporter(deps: { client?: ParseClient; store?: DatasetStore } = {}): Importer {
  const [state, dispatchState] = useReducer(importerReducer, initialImporter);
  const [kept, setKept] = useState<DatasetEntry[]>([]);
  const [note, setNote] = useState<KeepNote | null>(null);
  const injected = useRef(deps);
  const client = useRef<ParseClient | null>(null);
  const store = useRef<DatasetStore | null>(null);
  /**
   * The state after every action dispatched so far, ahead of the render: the callbacks read the
   * run number an action gave from it. The reducer is pure, so running it here too is safe.
   */
  const latest = useRef(state);
  const dispatch = useCallback((a: ImporterAction) => {
    latest.current = importerReducer(latest.current, a);
    dispatchState(a);
  }, []);

  const parse = useCallback(
    () => (client.current ??= injected.current.client ?? new ParseClient()),
    [],
  );
  const datasets = useCallback(
    () => (store.current ??= injected.current.store ?? new DatasetStore()),
    [],
  );

  const refresh = useCallback(() => {
    datasets()
      .list()
      .then(setKept)
      // No storage: nothing is listed, and importing works as before.
      .catch(() => setKept([]));
  }, [datasets]);

  useEffect(() => {
    refresh();
    return () => client.current?.dispose();
  }, [refresh]);

  const choose = useCallback(
    (files: ImportFiles) => {
      if (latest.current.phase === 'importing') parse().cancel();
      dispatch({ type: 'choose', files });
      const { run } = latest.current;
      setNote(null);
      Promise.all([parse().detect(files.events, files.meta), readHeadText(files.events)])
        .then(([m, head]) =>
          dispatch({ type: 'detected', run, detection: m.detection, meta: m.meta, head }),
        )
        .catch((e: unknown) => dispatch({ type: 'failed', run, error: importErrorOf(e) }));
    },
    [dispatch, parse],
  );

  const start = useCallback(() => {
    dispatch({ type: 'start' });
    const s = latest.current;
    // The reducer refused (nothing to import, or the draft cannot be): nothing starts.
    if (s.phase !== 'importing' || s.progress !== null) return;
    const settings = settingsOf(s.draft);
    if (!settings) return;
    const { files, run } = s;
    const id = datasetId(stampOf(files.events), files.meta && stampOf(files.meta), settings);
    setNote(null);
    void (async () => {
      // The same file read the same way before: its kept copy, without parsing.
      const stored = await datasets()
        .get(id)
        .catch(() => undefined);
      if (latest.current.run !== run) return;
      if (stored) return dispatch({ type: 'imported', run, world: stored, id, fromStore: true });
      try {
        const world = await parse().import(files.events, files.meta, settings, (progress) =>
          dispatch({ type: 'progress', run, progress }),
        );
        dispatch({ type: 'imported', run, world, id, fromStore: false });
        try {
          const { dropped } = await datasets().put(id, world);
          if (dropped.length > 0) setNote({ kind: 'dropped', names: dropped.map((d) => d.name) });
        } catch (e) {
          setNote({ kind: 'notKept', reason: errorText(e) });
        }
        refresh();
      } catch (e) {
        const error = importErrorOf(e);
        // A Cancel has moved the state on already.
        if (error.code !== 'cancelled') dispatch({ type: 'failed', run, error });
      }
    })();
  }, [datasets, dispatch, parse, refresh]);

  const cancel = useCallback(() => {
    parse().cancel();
    dispatch({ type: 'cancel' });
  }, [dispatch, parse]);

  const load = useCallback(
    async (id: string) => {
      const world = await datasets()
        .get(id)
        .catch(() => undefined);
      if (!world) {
        setNote({ kind: 'gone' });
        refresh();
      }
      return world;
    },
    [datasets, refresh],
  );

  const remove = useCallback(
    (id: string) => {
      datasets()
        .remove(id)
        .catch(() => undefined)
        .finally(refresh);
    },
    [datasets, refresh],
  );

  return { state, dispatch, choose, start, cancel, kept, note, load, remove };
}
