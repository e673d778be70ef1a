/**
 * The imported data sets this page holds, in memory: the one owner (the client gets each one as
 * it arrives, so every config that names it reaches the engine with it). At start the kept data
 * sets are read back from their store, so a reload, a resumed save or a kept run of a file does
 * not re-parse it. Switching data is one action: a new run on the file's longest history, or back
 * on the toy shop's lesson preset.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportedWorld } from '../../data/import/types';
import type { TrainerClient } from '../../train/page/client';
import type { DataSource } from '../../train/protocol';
import { fileCompare, lessonPreset, longestFileUser } from '../history/presets';
import { DEFAULT_COMPARE } from './defaults';
import type { PageActions } from './pageReducer';

/** What the page needs of the data sets' store (src/ui/import/datasets.ts). */
export interface DatasetShelf {
  list(): Promise<{ id: string }[]>;
  get(id: string): Promise<ImportedWorld | undefined>;
}

export interface Datasets {
  /** The world of the data set `data` names, once it is in memory. */
  worldOf: (data: DataSource | undefined) => ImportedWorld | undefined;
  /** Train on this imported world (a new run). Returns false when the file has no usable user. */
  use: (world: ImportedWorld, id: string, name: string) => boolean;
  /** Back to the toy shop (a new run). */
  toyShop: () => void;
}

export function useDatasets(
  client: TrainerClient | null,
  act: PageActions,
  shelf: DatasetShelf | null,
  onProblem: (message: string) => void,
): Datasets {
  const [worlds, setWorlds] = useState<ReadonlyMap<string, ImportedWorld>>(() => new Map());
  const clientRef = useRef(client);
  useEffect(() => {
    clientRef.current = client;
  });
  const hold = useCallback((id: string, w: ImportedWorld) => {
    clientRef.current?.addDataset(id, w);
    setWorlds((m) => (m.get(id) === w ? m : new Map(m).set(id, w)));
  }, []);

  // A client that starts (or restarts) after data sets arrived gets them all.
  useEffect(() => {
    if (client) for (const [id, w] of worlds) client.addDataset(id, w);
  }, [client, worlds]);

  useEffect(() => {
    if (!shelf) return;
    let live = true;
    shelf
      .list()
      .then((all) => Promise.all(all.map(async ({ id }) => [id, await shelf.get(id)] as const)))
      .then((found) => {
        if (live) for (const [id, w] of found) if (w) hold(id, w);
      })
      .catch((e: unknown) => live && onProblem(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [shelf, hold, onProblem]);

  const worldOf = useCallback(
    (data: DataSource | undefined) => (data ? worlds.get(data.id) : undefined),
    [worlds],
  );
  const use = useCallback(
    (world: ImportedWorld, id: string, name: string) => {
      const start = longestFileUser(world);
      if (!start) return false;
      // The client holds the world before the reset this action causes is sent.
      hold(id, world);
      act.data({ kind: 'imported', id, name }, start, fileCompare(start));
      return true;
    },
    [act, hold],
  );
  const toyShop = useCallback(() => act.data(null, lessonPreset(), DEFAULT_COMPARE), [act]);
  return { worldOf, use, toyShop };
}
