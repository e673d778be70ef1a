/**
 * Trains Base, DIN, DIEN and BST variants in lockstep on identical mini-batches from one seed and
 * returns their test-set probabilities (scripts/bst.ts and tests/bst.learning.test.ts score them).
 * Until phase 2 wires BST into the session, this is the one place that trains it next to the others.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator, evalBatches } from '../data/batch';
import { buildDataset } from '../data/samples';
import type { Batch, Dataset, Sample } from '../data/types';
import { Rng } from '../world/random';
import { DEFAULT_WORLD, simulateWorld, timeWorld } from '../world/simulator';
import type { WorldConfig } from '../world/types';
import { BstModel, disposeBstTensors } from './bst';
import { DEFAULT_BST, type BstSettings } from './bstConfig';
import { bstTrainer } from './bstInspect';
import { DEFAULT_MODEL_SETTINGS, type ModelName, type ModelSettings, type Vocab } from './config';
import { disposeTensors, toTensors } from './inputs';
import { createModel, type CtrModel } from './models';
import { ModelTrainer } from './trainer';

export type LabModel = { label: string } & (
  { kind: 'ctr'; name: ModelName } | { kind: 'bst'; bst: BstSettings }
);

export interface LabRun {
  world: WorldConfig;
  model: ModelSettings;
  models: LabModel[];
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Seeds the world, the data set, the weights and the batch order alike. */
  seed: number;
  /**
   * More shoppers whose last position joins the test set only (their earlier positions are not
   * trained on): a larger test set narrows the AUC's sampling noise without more training.
   */
  extraTestShoppers?: number;
  /**
   * Labels of models also scored on the test set with its timestamps scrambled
   * (scrambleTimes), reported as `${label} (gaps scrambled)`: how much a model relies on the clock.
   */
  scrambled?: string[];
}

export interface LabResult {
  data: Dataset;
  /** Test labels and, per model label, the test probabilities in the same order. */
  labels: number[];
  predictions: Record<string, Float32Array>;
  /** Wall-clock ms per model for the whole training (forward + backward + Adam). */
  trainMs: Record<string, number>;
}

interface Entry {
  label: string;
  step: (b: Batch) => void;
  predict: (b: Batch) => tf.Tensor1D;
  dispose: () => void;
}

function entryFor(m: LabModel, run: LabRun, vocab: Vocab): Entry {
  const { model: settings, seed, learningRate } = run;
  if (m.kind === 'bst') {
    const model = new BstModel(settings, vocab, seed, m.bst);
    const trainer = bstTrainer(model, learningRate);
    return {
      label: m.label,
      step: (b) => {
        const x = model.tensors(b);
        trainer.step(x).total.dispose();
        disposeBstTensors(x);
      },
      predict: (b) => {
        const x = model.tensors(b);
        const p = tf.tidy(() => tf.sigmoid(model.forward(x, { training: false }).logits));
        disposeBstTensors(x);
        return p;
      },
      dispose: () => {
        trainer.dispose();
        model.dispose();
      },
    };
  }
  const model: CtrModel = createModel(m.name, settings, vocab, seed);
  const trainer = new ModelTrainer(model, learningRate);
  return {
    label: m.label,
    step: (b) => {
      const x = toTensors(b, model.layout);
      const r = trainer.step(x);
      r.total.dispose();
      r.aux?.dispose();
      disposeTensors(x);
    },
    predict: (b) => {
      const x = toTensors(b, model.layout);
      const p = tf.tidy(() => tf.sigmoid(model.forward(x, { training: false }).logits));
      disposeTensors(x);
      return p;
    },
    dispose: () => {
      trainer.dispose();
      model.dispose();
    },
  };
}

/**
 * The same samples with each one's timestamps (history times and candidate time together) taken
 * from another sample with a history of the same length: gaps that look real but belong elsewhere.
 */
export function scrambleTimes(samples: Sample[], seed: number): Sample[] {
  const rng = new Rng(seed);
  const byLength = new Map<number, number[]>();
  samples.forEach((s, i) => {
    const group = byLength.get(s.history.length) ?? [];
    group.push(i);
    byLength.set(s.history.length, group);
  });
  const out = samples.slice();
  for (const group of byLength.values()) {
    const donors = rng.shuffle(group.slice());
    group.forEach((i, k) => {
      const d = samples[donors[k]];
      out[i] = { ...samples[i], times: d.times, time: d.time };
    });
  }
  return out;
}

export function runLab(run: LabRun): LabResult {
  const extra = run.extraTestShoppers ?? 0;
  const shoppers = run.world.shoppers;
  // Shopper streams are forked per id: the first `shoppers` are the same with or without extras.
  const world = simulateWorld({ ...run.world, shoppers: shoppers + extra, seed: run.seed });
  const all = buildDataset(world, { seed: run.seed });
  const data: Dataset = {
    train: extra > 0 ? all.train.filter((s) => s.user <= shoppers) : all.train,
    test: all.test,
  };
  const { catalogue } = world;
  const vocab: Vocab = {
    items: catalogue.goods.length + 1,
    categories: catalogue.categories.length + 1,
    shops: catalogue.shops.length + 1,
  };
  const entries = run.models.map((m) => entryFor(m, run, vocab));
  const trainMs: Record<string, number> = Object.fromEntries(entries.map((e) => [e.label, 0]));
  const it = new BatchIterator(data.train, catalogue, run.model.T, run.batchSize, run.seed);
  for (let s = 0; s < run.steps; s++) {
    const b = it.next();
    for (const e of entries) {
      const t0 = performance.now();
      e.step(b);
      trainMs[e.label] += performance.now() - t0;
    }
  }
  const predictions: Record<string, Float32Array> = {};
  const evals = evalBatches(data.test, catalogue, run.model.T, 256);
  const scrambled = run.scrambled?.length
    ? evalBatches(scrambleTimes(data.test, run.seed), catalogue, run.model.T, 256)
    : [];
  const score = (e: Entry, set: typeof evals) => {
    const out: number[] = [];
    for (const { batch, valid } of set) {
      const p = e.predict(batch);
      out.push(...Array.from(p.dataSync()).slice(0, valid));
      p.dispose();
    }
    return Float32Array.from(out);
  };
  for (const e of entries) {
    predictions[e.label] = score(e, evals);
    if (run.scrambled?.includes(e.label)) {
      predictions[`${e.label} (gaps scrambled)`] = score(e, scrambled);
    }
    e.dispose();
  }
  return { data, labels: data.test.map((s) => s.label), predictions, trainMs };
}

/**
 * Does BST read the clock? Time-gap against position-only BST on the time-informative world
 * (T 8, embDim 4, 900 steps of 64; the test set is the last position of 7 500 shoppers, 6 000 of
 * them never trained on), and the time-gap model again on the test set with its gaps scrambled.
 * tests/bst.learning.test.ts pins one seed; scripts/bst-seeds.ts measures several.
 */
export function clockLab(seed: number): LabRun {
  return {
    world: { ...timeWorld(DEFAULT_WORLD), shoppers: 1500 },
    extraTestShoppers: 6000,
    model: { ...DEFAULT_MODEL_SETTINGS, T: 8, embDim: 4 },
    steps: 900,
    batchSize: 64,
    learningRate: 0.005,
    seed,
    models: [
      { label: 'position', kind: 'bst', bst: { ...DEFAULT_BST, position: 'position' } },
      { label: 'time gap', kind: 'bst', bst: { ...DEFAULT_BST, position: 'timeGap' } },
    ],
    scrambled: ['time gap'],
  };
}
