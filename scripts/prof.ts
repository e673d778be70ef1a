/** Quick per-model step timing on one backend: tsx scripts/lib/run-node.ts scripts/prof.ts [backend] [B] [T] */
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { TrainingSession } from '../src/train/worker/session';
import { DEFAULT_WORLD } from '../src/world/simulator';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import { MODEL_NAMES } from '../src/model/config';
import { toTensors, disposeTensors } from '../src/model/inputs';
import { ModelTrainer } from '../src/model/trainer';
import { makeBatch } from '../src/data/batch';

export async function main(): Promise<void> {
  const [backend = 'wasm', b = '64', t = '20'] = process.argv.slice(2);
  await useNodeBackend(backend);
  const B = Number(b);
  const T = Number(t);
  const s = TrainingSession.create({
    world: { ...DEFAULT_WORLD, shoppers: 200 },
    model: { ...DEFAULT_MODEL_SETTINGS, T },
    train: { batchSize: B, learningRate: 0.005, seed: 1, evalEvery: 50 },
  });
  const x = toTensors(
    makeBatch(s.dataset.train.slice(0, B), s.world.catalogue, T),
    s.models.base.layout,
  );
  for (const name of MODEL_NAMES) {
    const tr = new ModelTrainer(s.models[name], 0.01);
    tr.step(x);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) {
      const r = tr.step(x);
      r.total.dispose();
      r.aux?.dispose();
    }
    await tf.ready();
    console.log(
      `${tf.getBackend()} B=${B} T=${T} ${name}: ${((performance.now() - t0) / 10).toFixed(1)} ms/step`,
    );
  }
  disposeTensors(x);
}
