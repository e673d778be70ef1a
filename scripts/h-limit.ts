/**
 * The fused GRU kernels against the per-step path on cpu and wasm as H grows (issue 16: the JS
 * loop's H² work per row is slower than XNNPACK's products beyond some H): forward + BPTT of one
 * AUGRU layer, B 64, T 20, median of 5. Usage: tsx scripts/lib/run-node.ts scripts/h-limit.ts
 */
import * as tf from '@tensorflow/tfjs-core';
import { getKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { installFusedGru } from '../src/train/worker/kernels/fusedGru';
import { recurrence } from '../src/model/recurrence';
import { FUSED_GRU_BACKWARD, FUSED_GRU_FORWARD } from '../src/model/kernels/names';

function timeIt(f: () => void): number {
  f();
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[2];
}

export async function main(): Promise<void> {
  if (process.env.DIEN) return dienStep();
  const T = 20;
  const B = 64;
  for (const backend of (process.argv[2] ?? 'wasm,cpu').split(',')) {
    await useNodeBackend(backend);
    console.log(`${backend}: H | fused ms | per-step ms | per-step / fused`);
    for (const H of (process.env.HS ?? '18,36,54,96,144,192').split(',').map(Number)) {
      const xs = tf.randomNormal([T, 3, B, H], 0, 0.5) as tf.Tensor4D;
      const U = tf.randomNormal([3, H, H], 0, 0.2) as tf.Tensor3D;
      const g = tf.randomUniform([T, B, H]) as tf.Tensor3D;
      const w = tf.randomNormal([T, B, H]);
      const run = () =>
        tf.tidy(() => {
          const grads = tf.grads((x: tf.Tensor, u: tf.Tensor) =>
            tf.sum(tf.mul(recurrence(x as tf.Tensor4D, u as tf.Tensor3D, g, true), w)),
          )([xs, U]);
          grads[1].dataSync();
        });
      installFusedGru();
      const fused = timeIt(run);
      const kept = [FUSED_GRU_FORWARD, FUSED_GRU_BACKWARD].map((k) => getKernel(k, backend)!);
      for (const k of kept) unregisterKernel(k.kernelName, backend);
      const perStep = timeIt(run);
      installFusedGru();
      console.log(
        `${H} | ${fused.toFixed(1)} | ${perStep.toFixed(1)} | ${(perStep / fused).toFixed(2)}`,
      );
      tf.dispose([xs, U, g, w]);
    }
  }
}

/** DIEN's whole training step (page settings but embDim), fused GRU kernels vs the per-step GRU. */
export async function dienStep(): Promise<void> {
  const { TrainingSession } = await import('../src/train/worker/session');
  const { DEFAULT_WORLD } = await import('../src/world/simulator');
  const { DEFAULT_MODEL_SETTINGS } = await import('../src/model/config');
  const { toTensors } = await import('../src/model/inputs');
  const { makeBatch } = await import('../src/data/batch');
  const { ModelTrainer } = await import('../src/model/trainer');
  await useNodeBackend('wasm');
  for (const embDim of (process.env.EMBS ?? '4,6,8,12').split(',').map(Number)) {
    const s = TrainingSession.create({
      world: { ...DEFAULT_WORLD, shoppers: 300 },
      model: { ...DEFAULT_MODEL_SETTINGS, embDim },
      train: { batchSize: 64, learningRate: 0.005, seed: 1, evalEvery: 0 },
    });
    const x = toTensors(
      makeBatch(s.dataset.train.slice(0, 64), s.world.catalogue, 20),
      s.models.dien.layout,
    );
    const tr = new ModelTrainer(s.models.dien, 0.005);
    const step = () => {
      for (let i = 0; i < 5; i++) {
        const r = tr.step(x);
        r.total.dataSync();
        tf.dispose([r.total, r.aux]);
      }
    };
    const fused: number[] = [];
    const perStep: number[] = [];
    for (let rep = 0; rep < 5; rep++) {
      installFusedGru();
      fused.push(timeIt(step) / 5);
      for (const k of [FUSED_GRU_FORWARD, FUSED_GRU_BACKWARD]) unregisterKernel(k, 'wasm');
      perStep.push(timeIt(step) / 5);
    }
    installFusedGru();
    const med = (a: number[]) => a.sort((p, q) => p - q)[2];
    console.log(
      `embDim ${embDim} (H ${3 * embDim}): DIEN step fused ${med(fused).toFixed(1)} ms, per-step ${med(perStep).toFixed(1)} ms`,
    );
    s.dispose();
  }
}
