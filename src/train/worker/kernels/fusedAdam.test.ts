import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { FusedAdam } from '../../../model/kernels/fusedAdam';
import { setFusedKernels } from '../../../model/recurrence';
import { useCpu } from '../../../model/testing';
import { useNodeBackend } from '../nodeBackend';

const SHAPES = [[3, 4], [5], [2, 1, 3]];

function vars(tag: string) {
  return SHAPES.map((s, i) =>
    tf.variable(tf.randomUniform(s, -1, 1, 'float32', 7 + i), true, `${tag}${i}_${Math.random()}`),
  );
}

function grads(vs: tf.Variable[], step: number) {
  return vs.map((v, i) => ({
    name: v.name,
    tensor: tf.randomUniform(v.shape, -2, 2, 'float32', 100 * step + i),
  }));
}

describe.each(['cpu', 'wasm'])('FusedAdam on %s', (backend) => {
  beforeAll(() => useNodeBackend(backend));
  afterAll(async () => {
    setFusedKernels(true);
    await useCpu();
  });

  it("takes tfjs Adam's steps: same values, moments and state names, one kernel a variable", async () => {
    const a = vars('a');
    const b = vars('b');
    const stock = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    const fused = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
    for (let step = 0; step < 4; step++) {
      if (step === 2) {
        // The trainer changes the rate through the field tfjs reads each step.
        for (const o of [stock, fused])
          (o as unknown as { learningRate: number }).learningRate = 0.03;
      }
      const ga = grads(a, step);
      const gb = grads(b, step);
      stock.applyGradients(ga);
      const prof = await tf.profile(() => fused.applyGradients(gb));
      if (step > 0) expect(prof.kernels.length).toBeLessThanOrEqual(SHAPES.length + 4);
      tf.dispose([...ga, ...gb].map((g) => g.tensor));
    }
    a.forEach((v, i) => {
      const x = v.dataSync();
      const y = b[i].dataSync();
      x.forEach((val, j) => expect(Math.abs(y[j] - val)).toBeLessThan(1e-6));
      expect(
        Math.abs(x[0] - tf.randomUniform(v.shape, -1, 1, 'float32', 7 + i).dataSync()[0]),
      ).toBeGreaterThan(1e-3);
    });
    const [ws, wf] = [await stock.getWeights(), await fused.getWeights()];
    const generic = (n: string, vs: tf.Variable[]) =>
      vs.reduce((acc, v, i) => acc.replace(v.name, `var${i}`), n);
    expect(wf.map((w) => generic(w.name, b))).toEqual(ws.map((w) => generic(w.name, a)));
    ws.forEach((w, k) => {
      const x = w.tensor.dataSync();
      const y = wf[k].tensor.dataSync();
      x.forEach((val, j) => expect(Math.abs(y[j] - val)).toBeLessThan(1e-6 + 1e-6 * Math.abs(val)));
    });
    stock.dispose();
    fused.dispose();
    tf.dispose([...a, ...b]);
  });

  it('leaks no tensors, and falls back to tfjs Adam when switched off', () => {
    const a = vars('c');
    const fused = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
    const once = (step: number) => {
      const g = grads(a, step);
      fused.applyGradients(g);
      tf.dispose(g.map((x) => x.tensor));
    };
    once(0);
    const before = tf.memory().numTensors;
    once(1);
    setFusedKernels(false);
    once(2);
    setFusedKernels(true);
    expect(tf.memory().numTensors).toBe(before);
    fused.dispose();
    tf.dispose(a);
  });
});
