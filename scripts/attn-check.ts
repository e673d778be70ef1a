/** Diagnostic: does DIN's top weight land on truly relevant behaviors? */
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { simulateWorld, DEFAULT_WORLD } from '../src/world/simulator';
import { truth } from '../src/world/truth';
import { buildDataset } from '../src/data/samples';
import { BatchIterator, keptIndices, makeBatch } from '../src/data/batch';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../src/model/config';
import { createModel } from '../src/model/models';
import { ModelTrainer } from '../src/model/trainer';
import { disposeTensors, toTensors } from '../src/model/inputs';

export async function main(): Promise<void> {
  await useNodeBackend('wasm');
  const steps = Number(process.argv[2] ?? 800);
  const over: Partial<ModelSettings> = JSON.parse(process.argv[3] ?? '{}');
  const seed = Number(process.argv[4] ?? 1);
  const world = simulateWorld({ ...DEFAULT_WORLD, seed });
  const data = buildDataset(world, { seed });
  const din = createModel(
    'din',
    { ...DEFAULT_MODEL_SETTINGS, ...over },
    { items: 45, categories: 9, shops: 17 },
    seed,
  );
  const tr = new ModelTrainer(din, 0.005);
  const it = new BatchIterator(data.train, world.catalogue, 20, 64, seed);
  for (let s = 1; s <= steps; s++) {
    const x = toTensors(it.next(), din.layout);
    tr.step(x).total.dispose();
    disposeTensors(x);
    if (s % 200 === 0 || s === steps) {
      const positives = data.test.filter((q) => q.label === 1 && q.history.length >= 6);
      const xb = toTensors(makeBatch(positives, world.catalogue, 20), din.layout);
      const w = tf
        .tidy(() => din.forward(xb, { training: false }).weights!)
        .arraySync() as number[][];
      disposeTensors(xb);
      let hit = 0,
        hitNeg = 0,
        chance = 0,
        corr = 0;
      positives.forEach((q, i) => {
        const kept = keptIndices(q.history.length, 20).map((j) => q.history[j]);
        const rel = truth(world, kept, q.candidate).relevance;
        const row = w[i].slice(0, kept.length);
        if (rel[row.indexOf(Math.max(...row))] > 0.5) hit++;
        if (rel[row.indexOf(Math.min(...row))] > 0.5) hitNeg++;
        chance += rel.filter((r) => r > 0.5).length / rel.length;
        const mw = row.reduce((a, b) => a + b) / row.length,
          mr = rel.reduce((a, b) => a + b) / rel.length;
        let c = 0,
          vw = 0,
          vr = 0;
        row.forEach((x, k) => {
          c += (x - mw) * (rel[k] - mr);
          vw += (x - mw) ** 2;
          vr += (rel[k] - mr) ** 2;
        });
        corr += vw > 0 && vr > 0 ? c / Math.sqrt(vw * vr) : 0;
      });
      const n = positives.length;
      const mean =
        w
          .flatMap((r, i) => r.slice(0, Math.min(20, positives[i].history.length)))
          .reduce((a, b) => a + b, 0) /
        w.length /
        20;
      console.log(
        `step ${s}: top-hit ${(hit / n).toFixed(3)} min-hit ${(hitNeg / n).toFixed(3)} chance ${(chance / n).toFixed(3)} corr ${(corr / n).toFixed(3)} meanw ${mean.toFixed(3)}`,
      );
    }
  }
}
