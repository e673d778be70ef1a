/** The papers' protocol on an imported log: the same buildDataset the toy world goes through. */
import { buildDataset, type DatasetOptions } from '../samples';
import type { Dataset } from '../types';
import type { World } from '../../world/types';
import type { ImportedWorld } from './types';

/**
 * buildDataset is typed on the toy World but reads only the catalogue and each shopper's id,
 * purchases and times. The view below carries exactly those: no config, no interests (a real log has no
 * interest phases), so anything that reached for the truth would find nothing rather than a
 * made-up one. (If buildDataset's parameter is narrowed to those fields, this cast goes.)
 */
export function protocolView(w: ImportedWorld): World {
  const view = {
    catalogue: w.catalogue,
    shoppers: w.shoppers.map((s) => ({ id: s.id, purchases: s.purchases, times: s.times })),
  };
  return view as unknown as World;
}

export function importedDataset(w: ImportedWorld, opts: DatasetOptions): Dataset {
  return buildDataset(protocolView(w), opts);
}
