/** Helpers shared by the model tests (cpu backend, tiny worlds). Not used by the app. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Sample } from '../data/types';
import { makeBatch } from '../data/batch';
import { CATALOGUE } from '../world/catalogue';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings, type Vocab } from './config';
import { toTensors, tableLayout, type BatchTensors } from './inputs';

export async function useCpu(): Promise<void> {
  // Silence tfjs's "install tfjs-node" banner: the cpu backend is what we test on purpose.
  tf.env().set('IS_NODE', false);
  await tf.setBackend('cpu');
  await tf.ready();
}

export const VOCAB: Vocab = {
  items: CATALOGUE.goods.length + 1,
  categories: CATALOGUE.categories.length + 1,
  shops: CATALOGUE.shops.length + 1,
};

export const TINY: ModelSettings = {
  ...DEFAULT_MODEL_SETTINGS,
  embDim: 2,
  T: 5,
  hidden: [4],
  attentionHidden: [3],
};

export function sample(history: number[], candidate: number, label: 0 | 1 = 1): Sample {
  return {
    user: 1,
    history,
    candidate,
    label,
    auxNegatives: history.map((_, t) => ((history[t + 1] ?? 0) % CATALOGUE.goods.length) + 1),
  };
}

export function tensorsFor(samples: Sample[], T: number): BatchTensors {
  return toTensors(makeBatch(samples, CATALOGUE, T), tableLayout(VOCAB));
}
