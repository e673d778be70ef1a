/**
 * Trained weights as a `.safetensors` file (the format PyTorch and Hugging Face load with
 * `safetensors.torch.load_file`). Tensor names are `<model>.<variable>` with the engine's `/`
 * written as `.`, e.g. `din.att.dense0.w`; the README lists them with their meaning and shapes.
 * The settings travel in the header's metadata, so a reader can rebuild the same modules.
 */
import { encodeSafetensors, type NamedTensor } from '../lib/safetensors';
import { CATALOGUE } from '../world/catalogue';
import type { ModelName, SessionConfig, WeightsSnapshot } from './results';

/** The file's name for one variable of one model. */
export function tensorName(model: ModelName | 'bst', variable: string): string {
  return `${model}.${variable.replaceAll('/', '.')}`;
}

export function weightsToSafetensors(
  weights: WeightsSnapshot,
  config: SessionConfig,
  models: readonly ModelName[] = ['base', 'din', 'dien'],
): Uint8Array<ArrayBuffer> {
  const tensors: NamedTensor[] = [];
  for (const m of models)
    for (const t of weights.tensors[m] ?? [])
      tensors.push({ name: tensorName(m, t.name), shape: t.shape, values: t.values });
  // BST, when the run trains it: `bst.<variable>`, its settings in the metadata.
  for (const t of weights.bst ?? [])
    tensors.push({ name: tensorName('bst', t.name), shape: t.shape, values: t.values });
  return encodeSafetensors(tensors, {
    format: 'pt',
    producer: 'din-dien-explainer',
    step: String(weights.step),
    model_settings: JSON.stringify(config.model),
    ...(config.bst && weights.bst ? { bst_settings: JSON.stringify(config.bst) } : {}),
    world: JSON.stringify(config.world),
    goods: JSON.stringify(goodRows()),
  });
}

/**
 * Each good's name and its three rows in the stacked embedding table (item, category, shop; row
 * 0 of each block is padding): a good's vector is the concat of those rows, in that order.
 */
export function goodRows(): [string, number, number, number][] {
  const items = CATALOGUE.goods.length + 1;
  const categories = CATALOGUE.categories.length + 1;
  return CATALOGUE.goods.map((g) => [
    g.name,
    g.id,
    items + g.category,
    items + categories + g.shop,
  ]);
}
