/** Base vs DIN test AUC for several seeds/steps (tuning the learning tests' margins). */
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { simulateWorld, DEFAULT_WORLD } from '../src/world/simulator';
import { buildDataset } from '../src/data/samples';
import { BatchIterator, evalBatches } from '../src/data/batch';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../src/model/config';
import { createModel } from '../src/model/models';
import { ModelTrainer } from '../src/model/trainer';
import { disposeTensors, toTensors } from '../src/model/inputs';
import { auc } from '../src/metrics';

export async function main(): Promise<void> {
  await useNodeBackend('wasm');
  const steps = Number(process.argv[2] ?? 1600);
  const noise = Number(process.argv[3] ?? DEFAULT_WORLD.noise);
  const over: Partial<ModelSettings> = JSON.parse(process.argv[4] ?? '{}');
  for (const seed of (process.env.SEEDS ?? '1,2,3').split(',').map(Number)) {
    const world = simulateWorld({ ...DEFAULT_WORLD, noise, seed });
    const data = buildDataset(world, { seed });
    const vocab = { items: 45, categories: 9, shops: 17 };
    const settings = { ...DEFAULT_MODEL_SETTINGS, ...over };
    const models = (['base', 'din'] as const).map((n) => createModel(n, settings, vocab, seed));
    const trainers = models.map((m) => new ModelTrainer(m, 0.005));
    const it = new BatchIterator(data.train, world.catalogue, 20, 64, seed);
    const report: string[] = [];
    for (let s = 1; s <= steps; s++) {
      const x = toTensors(it.next(), models[0].layout);
      for (const t of trainers) {
        const r = t.step(x);
        r.total.dispose();
      }
      disposeTensors(x);
      if (s % 400 === 0) {
        const aucs = models.map((m) => {
          const out: number[] = [];
          for (const { batch, valid } of evalBatches(data.test, world.catalogue, 20, 256)) {
            const p = tf.tidy(() =>
              tf.sigmoid(m.forward(toTensors(batch, m.layout), { training: false }).logits),
            );
            out.push(...Array.from(p.dataSync()).slice(0, valid));
            p.dispose();
          }
          return auc(
            data.test.map((x) => x.label),
            out,
          );
        });
        report.push(
          `${s}: base ${aucs[0].toFixed(4)} din ${aucs[1].toFixed(4)} gap ${(aucs[1] - aucs[0]).toFixed(4)}`,
        );
      }
    }
    console.log(`seed ${seed} noise ${noise}`, report.join(' | '));
  }
}
