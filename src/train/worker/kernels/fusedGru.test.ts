import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createGru, runSequence, runStates, type CellKind } from '../../../model/gru';
import { ParamStore } from '../../../model/params';
import {
  fusedKernelsActive,
  fusedTakesH,
  recurrence,
  setFusedKernels,
} from '../../../model/recurrence';
import { FUSED_GRU_BACKWARD, FUSED_GRU_FORWARD } from '../../../model/kernels/names';
import { useCpu } from '../../../model/testing';
import { useNodeBackend } from '../nodeBackend';

const B = 4;
const T = 6;
const I = 5;
const H = 4;
// Left-aligned histories of lengths 6, 3, 1 and 0 (padding, a short one, an empty one).
const LENGTHS = [6, 3, 1, 0];

function setup(seed: number) {
  const p = new ParamStore(seed);
  const g = createGru(p, 'g', I, H);
  g.b.assign(tf.randomUniform([3, 1, H], -0.5, 0.5, 'float32', seed));
  const x = tf.variable(tf.randomUniform([B, T, I], -1.5, 1.5, 'float32', seed + 1));
  const att = tf.variable(tf.randomUniform([B, T], 0.05, 1, 'float32', seed + 2));
  const mask = tf.tensor2d(
    LENGTHS.map((l) => Array.from({ length: T }, (_, t) => (t < l ? 1 : 0))),
  );
  const readout = tf.randomUniform([B, T, H], -1, 1, 'float32', seed + 3);
  return { g, x, att, mask, readout, vars: [g.W, g.U, g.b, x, att] };
}

/** Values and gradients (W, U, b, x, a_t) of a read-out of runStates, on the chosen path. */
function run(cell: CellKind, seed: number, fusedOn: boolean) {
  setFusedKernels(fusedOn);
  const s = setup(seed);
  const attention = cell === 'gru' ? undefined : (s.att as tf.Tensor2D);
  const states = () => runStates(s.g, s.x as tf.Tensor3D, s.mask, cell, attention);
  const vars = cell === 'gru' ? s.vars.filter((v) => v !== s.att) : s.vars;
  const values = Array.from(states().dataSync());
  const { grads } = tf.variableGrads(() => tf.sum(tf.mul(states(), s.readout)) as tf.Scalar, vars);
  const kernels = new Set<string>();
  return {
    values,
    grads: vars.map((v) => Array.from(grads[v.name].dataSync())),
    kernels,
    count: async () => {
      const prof = await tf.profile(() => {
        const r = tf.variableGrads(() => tf.sum(tf.mul(states(), s.readout)) as tf.Scalar, vars);
        r.value.dispose();
        Object.values(r.grads).forEach((t) => t.dispose());
      });
      prof.kernels.forEach((k) => kernels.add(k.name));
      return prof.kernels.length;
    },
  };
}

const CELLS: CellKind[] = ['gru', 'augru', 'agru', 'augruInverted'];

describe.each(['cpu', 'wasm'])('fused GRU kernels on %s', (backend) => {
  beforeAll(() => useNodeBackend(backend));
  afterAll(async () => {
    setFusedKernels(true);
    await useCpu();
  });

  it('are registered and taken', () => {
    expect(tf.getKernel(FUSED_GRU_FORWARD, backend)).toBeDefined();
    expect(tf.getKernel(FUSED_GRU_BACKWARD, backend)).toBeDefined();
    setFusedKernels(true);
    expect(fusedKernelsActive()).toBe(true);
    setFusedKernels(false);
    expect(fusedKernelsActive()).toBe(false);
    setFusedKernels(true);
  });

  it("take H up to their measured limit (wasm: the page's H = 18), the per-step path beyond", () => {
    expect(fusedTakesH(18)).toBe(true);
    expect(fusedTakesH(24)).toBe(backend === 'cpu');
    expect(fusedTakesH(192)).toBe(backend === 'cpu');
    const H2 = 24;
    const counted = async () => {
      const xs = tf.randomNormal([3, 3, 2, H2], 0, 0.5, 'float32', 1) as tf.Tensor4D;
      const U = tf.randomNormal([3, H2, H2], 0, 0.2, 'float32', 2) as tf.Tensor3D;
      const g = tf.ones([3, 2, H2]) as tf.Tensor3D;
      const prof = await tf.profile(() => tf.dispose(recurrence(xs, U, g, true)));
      tf.dispose([xs, U, g]);
      return prof.kernels.some((k) => k.name === FUSED_GRU_FORWARD);
    };
    return expect(counted()).resolves.toBe(backend === 'cpu');
  });

  it.each(CELLS)('%s: same states and gradients as the per-step path', async (cell) => {
    const seed = 5 + CELLS.indexOf(cell);
    const ref = run(cell, seed, false);
    const fused = run(cell, seed, true);
    expect(fused.values.length).toBe(B * T * H);
    fused.values.forEach((v, i) => expect(Math.abs(v - ref.values[i])).toBeLessThan(1e-6));
    let nonZero = 0;
    fused.grads.forEach((g, k) =>
      g.forEach((v, i) => {
        const r = ref.grads[k][i];
        expect(Math.abs(v - r)).toBeLessThan(1e-5 + 1e-5 * Math.abs(r));
        if (Math.abs(r) > 1e-4) nonZero++;
      }),
    );
    expect(nonZero).toBeGreaterThan(40);
    // The empty history stays at zero; padding carries the last valid state.
    const at = (b: number, t: number) => fused.values.slice((b * T + t) * H, (b * T + t + 1) * H);
    expect(at(3, T - 1)).toEqual([0, 0, 0, 0]);
    expect(at(1, T - 1)).toEqual(at(1, 2));
    // One kernel each way instead of ~33 per step (the rest is the layer around the loop).
    const fusedCount = await fused.count();
    setFusedKernels(false);
    const refCount = await ref.count();
    expect(fused.kernels.has(FUSED_GRU_FORWARD)).toBe(true);
    expect(fused.kernels.has(FUSED_GRU_BACKWARD)).toBe(true);
    expect(ref.kernels.has(FUSED_GRU_FORWARD)).toBe(false);
    expect(fusedCount).toBeLessThan(refCount / 3);
  });

  it.each(CELLS)('%s: the views (runSequence) read the same states and gates', (cell) => {
    const read = (fusedOn: boolean) => {
      setFusedKernels(fusedOn);
      const s = setup(20 + CELLS.indexOf(cell));
      const r = runSequence(s.g, s.x as tf.Tensor3D, s.mask, cell, s.att as tf.Tensor2D);
      return [r.states, r.last, r.updateGates, r.effectiveGates].map((t) =>
        Array.from(t.dataSync()),
      );
    };
    const ref = read(false);
    const fused = read(true);
    ref.forEach((part, k) => {
      expect(fused[k].length).toBe(part.length);
      part.forEach((v, i) => expect(Math.abs(fused[k][i] - v)).toBeLessThan(1e-6));
    });
    // The gates are real: some open, some shut, padding at zero.
    expect(Math.max(...fused[3])).toBeGreaterThan(0.1);
    expect(fused[2].slice(3 * T * H).every((v) => v === 0)).toBe(true);
  });

  it('a training step through the kernels leaks no tensors', () => {
    setFusedKernels(true);
    const s = setup(4);
    const f = () =>
      tf.sum(
        tf.mul(
          runStates(s.g, s.x as tf.Tensor3D, s.mask, 'augru', s.att as tf.Tensor2D),
          s.readout,
        ),
      ) as tf.Scalar;
    const once = () => {
      const r = tf.variableGrads(f, s.vars);
      r.value.dispose();
      Object.values(r.grads).forEach((t) => t.dispose());
    };
    once();
    const before = tf.memory().numTensors;
    once();
    once();
    expect(tf.memory().numTensors).toBe(before);
  });
});
