/**
 * The three models of a session, built the same way by the training session and by the scoring
 * worker's inspector, so both hold identically shaped variables and weights move between them.
 */
import { MODEL_NAMES, type ModelName, type Vocab } from '../../model/config';
import { createModel, type CtrModel } from '../../model/models';
import type { Catalogue } from '../../world/types';
import type { SessionConfig } from '../protocol';

export type PerModel<T> = Record<ModelName, T>;

export function perModel<T>(f: (name: ModelName) => T): PerModel<T> {
  return { base: f('base'), din: f('din'), dien: f('dien') };
}

/** Vocabulary sizes (+1: id 0 is padding). */
export function vocabOf(catalogue: Catalogue): Vocab {
  return {
    items: catalogue.goods.length + 1,
    categories: catalogue.categories.length + 1,
    shops: catalogue.shops.length + 1,
  };
}

/** Base, DIN and DIEN with their initial weights (each model its own seed from the train seed). */
export function buildModels(config: SessionConfig, catalogue: Catalogue): PerModel<CtrModel> {
  const vocab = vocabOf(catalogue);
  const seed = config.train.seed;
  return perModel((name) =>
    createModel(name, config.model, vocab, seed * 31 + MODEL_NAMES.indexOf(name)),
  );
}
