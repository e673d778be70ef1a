/** The papers' protocol on an imported log: the same buildDataset the toy world goes through. */
import { buildDataset, type DatasetOptions } from '../samples';
import type { Dataset } from '../types';
import type { ImportedWorld } from './types';

/** An imported world is a ProtocolSource as it stands: catalogue, shoppers' purchases and times. */
export function importedDataset(w: ImportedWorld, opts: DatasetOptions): Dataset {
  return buildDataset(w, opts);
}
