/**
 * Interleaved A/B of DIEN's two recurrent layers, old (bench/legacy/gru.ts) vs current
 * (src/model/gru.ts): forward + gradients of both GRUs, alternating A and B so that machine noise
 * hits both alike; also checks that the values and gradients agree.
 * Usage: tsx scripts/lib/run-node.ts bench/ab.ts [wasm|cpu] [B] [T] [reps] [out.json]
 */
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { ParamStore } from '../src/model/params';
import * as cur from '../src/model/gru';
import * as old from './legacy/gru';
import { median } from '../src/harness/benchCore';

export interface AbResult {
  backend: string;
  B: number;
  T: number;
  oldMs: number;
  newMs: number;
  speedup: number;
  maxAbsDiff: number;
  /** max |a − b| / max(1, |a|): the value sums B·T·D states, so float rounding scales with it. */
  maxRelDiff: number;
  oldKernels: number;
  newKernels: number;
}

export async function main(): Promise<void> {
  const [backend = 'wasm', b = '64', t = '20', r = '15', out] = process.argv.slice(2);
  await useNodeBackend(backend);
  const B = Number(b);
  const T = Number(t);
  const D = 18;
  const p = new ParamStore(3);
  const g1 = cur.createGru(p, 'g1', D, D);
  const g2 = cur.createGru(p, 'g2', D, D);
  const vars = [g1.W, g1.U, g1.b, g2.W, g2.U, g2.b];
  const x = tf.randomUniform([B, T, D], -1, 1, 'float32', 1) as tf.Tensor3D;
  const lens = Array.from({ length: B }, (_, i) => 1 + ((i * 7) % T));
  const mask = tf.tensor2d(
    lens.flatMap((l) => Array.from({ length: T }, (_, j) => (j < l ? 1 : 0))),
    [B, T],
  );
  const att = tf.tidy(() =>
    tf.mul(tf.softmax(tf.randomUniform([B, T], -2, 2, 'float32', 2)), mask),
  ) as tf.Tensor2D;
  const lossOld = () => {
    const h = old.runSequence(g1, x, mask, 'gru').states;
    const e = old.runSequence(g2, h, mask, 'augru', att).last;
    return tf.add(tf.sum(tf.square(e)), tf.sum(h)) as tf.Scalar;
  };
  const lossNew = () => {
    const h = cur.runStates(g1, x, mask, 'gru');
    const e = cur.runSequenceLast(g2, h, mask, 'augru', att);
    return tf.add(tf.sum(tf.square(e)), tf.sum(h)) as tf.Scalar;
  };
  const run = async (
    f: () => tf.Scalar,
  ): Promise<{ ms: number; vals: Float32Array[]; kernels: number }> => {
    const t0 = performance.now();
    const prof = { kernels: 0 };
    const res = tf.variableGrads(f, vars);
    const vals = [
      await res.value.data(),
      ...(await Promise.all(vars.map((v) => res.grads[v.name].data()))),
    ] as Float32Array[];
    const ms = performance.now() - t0;
    res.value.dispose();
    Object.values(res.grads).forEach((g) => g.dispose());
    return { ms, vals, kernels: prof.kernels };
  };
  const countKernels = async (f: () => tf.Scalar) =>
    (
      await tf.profile(() => {
        const res = tf.variableGrads(f, vars);
        res.value.dispose();
        Object.values(res.grads).forEach((g) => g.dispose());
      })
    ).kernels.length;
  await run(lossOld);
  await run(lossNew);
  const a: number[] = [];
  const bb: number[] = [];
  let maxAbsDiff = 0;
  let maxRelDiff = 0;
  for (let i = 0; i < Number(r); i++) {
    const ra = await run(lossOld);
    const rb = await run(lossNew);
    a.push(ra.ms);
    bb.push(rb.ms);
    ra.vals.forEach((v, k) =>
      v.forEach((y, j) => {
        const d = Math.abs(y - rb.vals[k][j]);
        maxAbsDiff = Math.max(maxAbsDiff, d);
        maxRelDiff = Math.max(maxRelDiff, d / Math.max(1, Math.abs(y)));
      }),
    );
  }
  const res: AbResult = {
    backend,
    B,
    T,
    oldMs: median(a),
    newMs: median(bb),
    speedup: median(a) / median(bb),
    maxAbsDiff,
    maxRelDiff,
    oldKernels: await countKernels(lossOld),
    newKernels: await countKernels(lossNew),
  };
  console.log(JSON.stringify(res));
  if (out) writeFileSync(out, JSON.stringify(res));
}
