/**
 * The lesson, proven on the toy world with fixed seeds (wasm backend in Node, ~1–2 min total):
 * attention beats SUM pooling; under strong drift DIEN beats DIN; DIN's top weight lands on a
 * truly relevant behavior far above chance. Margins were chosen from `npm run experiment`
 * across seeds (README) and sit well below the measured gaps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { simulateWorld, DEFAULT_WORLD, strongDriftWorld } from '../src/world/simulator';
import { truth } from '../src/world/truth';
import { buildDataset } from '../src/data/samples';
import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator, evalBatches, keptIndices, makeBatch } from '../src/data/batch';
import type { Dataset } from '../src/data/types';
import type { World, WorldConfig } from '../src/world/types';
import { DEFAULT_MODEL_SETTINGS, type ModelName } from '../src/model/config';
import { createModel, type CtrModel } from '../src/model/models';
import { ModelTrainer } from '../src/model/trainer';
import { disposeTensors, toTensors } from '../src/model/inputs';
import { TrainingSession } from '../src/train/worker/session';
import { auc } from '../src/metrics';
import type { Vocab } from '../src/model/config';

const STEPS = 800;
const BATCH = 64;
const T = DEFAULT_MODEL_SETTINGS.T;

interface Trained {
  world: World;
  data: Dataset;
  models: Record<string, CtrModel>;
}

/** Trains the named models in lockstep on identical batches. */
function train(config: WorldConfig, names: ModelName[], steps: number, seed: number): Trained {
  const world = simulateWorld(config);
  const data = buildDataset(world, { seed: config.seed });
  const vocab: Vocab = {
    items: world.catalogue.goods.length + 1,
    categories: world.catalogue.categories.length + 1,
    shops: world.catalogue.shops.length + 1,
  };
  const models = Object.fromEntries(
    names.map((n) => [n, createModel(n, DEFAULT_MODEL_SETTINGS, vocab, seed)]),
  );
  const trainers = names.map((n) => new ModelTrainer(models[n], 0.005));
  const it = new BatchIterator(data.train, world.catalogue, T, BATCH, seed);
  const layout = models[names[0]].layout;
  for (let s = 0; s < steps; s++) {
    const x = toTensors(it.next(), layout);
    for (const t of trainers) {
      const r = t.step(x);
      r.total.dispose();
      r.aux?.dispose();
    }
    disposeTensors(x);
  }
  return { world, data, models };
}

function testAuc(t: Trained, name: string): number {
  return auc(
    t.data.test.map((s) => s.label),
    predict(t, t.models[name]),
  );
}

function predict(t: Trained, model: CtrModel): Float32Array {
  const out: number[] = [];
  for (const { batch, valid } of evalBatches(t.data.test, t.world.catalogue, T, 256)) {
    const p = tf.tidy(() => {
      const x = toTensors(batch, model.layout);
      return tf.sigmoid(model.forward(x, { training: false }).logits);
    });
    out.push(...Array.from(p.dataSync()).slice(0, valid));
    p.dispose();
  }
  return Float32Array.from(out);
}

beforeAll(() => useNodeBackend('wasm'));

describe('attention beats SUM pooling (default world, seed 1)', () => {
  let trained: Trained;
  beforeAll(() => {
    trained = train({ ...DEFAULT_WORLD, seed: 1 }, ['base', 'din'], STEPS, 1);
  }, 400_000);

  // Measured with the XNNPACK matMul on wasm (src/train/worker/wasmMatMul.ts), whose other
  // summation order moved seed 1 from +0.011 to +0.008 at step 800. `SEEDS=1,2,3,4 npx tsx
  // scripts/lib/run-node.ts scripts/margin.ts 800` gave +0.008, +0.021, +0.010, +0.008 (at step
  // 400: +0.030, +0.019, +0.010, +0.022): Base closes part of the gap late, never all of it.
  it('DIN test AUC exceeds Base by more than 0.005 (measured +0.008 to +0.021 over seeds 1–4)', async () => {
    const base = testAuc(trained, 'base');
    const din = testAuc(trained, 'din');
    expect(din - base).toBeGreaterThan(0.005);
  });

  it("DIN's highest weight falls on a truly relevant behavior over 1.5× as often as chance (measured 1.65–2.35× over seeds 1–3)", async () => {
    const din = trained.models.din;
    const positives = trained.data.test.filter((s) => s.label === 1 && s.history.length >= 6);
    const x = toTensors(makeBatch(positives, trained.world.catalogue, T), din.layout);
    const w = tf.tidy(() => din.forward(x, { training: false }).weights!);
    const weights = w.arraySync() as number[][];
    w.dispose();
    disposeTensors(x);
    let hits = 0;
    let chance = 0;
    positives.forEach((s, i) => {
      const kept = keptIndices(s.history.length, T).map((j) => s.history[j]);
      const rel = truth(trained.world, kept, s.candidate).relevance;
      const row = weights[i].slice(0, kept.length);
      const top = row.indexOf(Math.max(...row));
      if (rel[top] > 0.5) hits++;
      chance += rel.filter((r) => r > 0.5).length / rel.length;
    });
    const hitRate = hits / positives.length;
    const chanceRate = chance / positives.length;
    expect(hitRate).toBeGreaterThan(1.5 * chanceRate);
    expect(hitRate).toBeGreaterThan(0.5);
  });
});

describe('interest evolution beats attention under strong drift (seed 2)', () => {
  it(
    'DIEN test AUC exceeds DIN by more than 0.04 after 300 steps (measured +0.070 to +0.088 over seeds 1–3)',
    { timeout: 400_000 },
    async () => {
      const trained = train({ ...strongDriftWorld(), seed: 2 }, ['din', 'dien'], 300, 2);
      const din = testAuc(trained, 'din');
      const dien = testAuc(trained, 'dien');
      expect(dien - din).toBeGreaterThan(0.04);
    },
  );
});

describe('the lockstep session trains all three models on the same batches', () => {
  it('is deterministic for a seed on wasm', async () => {
    const config = {
      world: { ...DEFAULT_WORLD, shoppers: 60, seed: 3 },
      model: { ...DEFAULT_MODEL_SETTINGS, T: 8 },
      train: { batchSize: 16, learningRate: 0.01, seed: 3, evalEvery: 0 },
    };
    const run = async () => {
      const s = TrainingSession.create(config);
      for (let i = 0; i < 5; i++) s.step();
      const l = await s.readLosses();
      s.dispose();
      return l;
    };
    expect(await run()).toEqual(await run());
  });
});
