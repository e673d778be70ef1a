/**
 * The imported data sets the client holds. The page's configs name one (`data`); every config
 * the client keeps and sends carries the world itself, so a reset, a resume and a restart after
 * a failure all reach the engine with it.
 */
import type { SessionConfig } from '../protocol';

/** An imported data set, as a config's `data` carries it to the engine. */
export type ImportedWorld = NonNullable<NonNullable<SessionConfig['data']>['world']>;

/** The latest few: a data set is a few MB, and a page trains on one at a time. */
export const MAX_DATASETS = 3;

export class HeldDatasets {
  private readonly worlds = new Map<string, ImportedWorld>();

  add(id: string, world: ImportedWorld): void {
    this.worlds.delete(id);
    this.worlds.set(id, world);
    while (this.worlds.size > MAX_DATASETS) this.worlds.delete(this.worlds.keys().next().value!);
  }

  /**
   * The config with its data set's world (a config whose data set is not held goes as it is,
   * and the engine says which file is missing).
   */
  attach(config: SessionConfig): SessionConfig {
    const d = config.data;
    const world = d && !d.world ? this.worlds.get(d.id) : undefined;
    return world && d ? { ...config, data: { ...d, world } } : config;
  }
}
