/** The imported world a worker's config carries (train/page/datasets.ts puts it there). */
import type { ImportedWorld } from '../../data/import/types';
import type { SessionConfig } from '../protocol';

/** The config's imported world; undefined for the toy world; an error naming a missing file. */
export function importedWorldOf(config: SessionConfig): ImportedWorld | undefined {
  const d = config.data;
  if (!d) return undefined;
  if (!d.world || d.world.kind !== 'imported')
    throw new Error(`The imported data set "${d.name}" did not reach the engine: import it again.`);
  return d.world;
}
