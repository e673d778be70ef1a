/**
 * The fused recurrence kernels against the per-step path on the active backend: states and
 * gradients (W, U, b, x, a_t) of every cell on a tiny masked batch with short histories, and the
 * tfjs kernels (and, on webgpu, GPU dispatches) each path costs; and FusedAdam against tfjs's Adam. Used by the browser test
 * (e2e/kernels.spec.ts through kernelWorker.ts); tfjs-core only. The caller selects the backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createGru, runStates, type CellKind } from '../model/gru';
import { ParamStore } from '../model/params';
import { fusedKernelsActive, setFusedKernels } from '../model/recurrence';
import { FusedAdam } from '../model/kernels/fusedAdam';

export const CHECK_CELLS: CellKind[] = ['gru', 'augru', 'agru', 'augruInverted'];
const B = 3;
const T = 5;
const I = 4;
const H = 6;
const LENGTHS = [5, 2, 0];

export interface CellCheck {
  cell: CellKind;
  backend: string;
  fusedActive: boolean;
  /** Tensors left over by the fused forward and backward runs (all disposed: should be 0). */
  leakedTensors: number;
  /** WebGPU validation errors (a shader that did not compile), both paths. */
  gpuErrors: string[];
  /** max |fused − per-step| over the states. */
  valueDiff: number;
  /** max |fused − per-step| / (1 + |per-step|) over every gradient entry. */
  gradDiff: number;
  /** gradDiff per variable, in the order W, U, b, x (, a_t). */
  gradDiffByVar: number[];
  /** Largest gradient entry (so a test knows the gradients are not all zero). */
  gradScale: number;
  kernels: { fused: number; perStep: number };
  /** GPU programs dispatched for one forward + backward (webgpu only, else null). */
  dispatches: { fused: number; perStep: number } | null;
}

interface GpuBackend {
  runWebGPUProgram: (...args: never[]) => unknown;
  device: {
    pushErrorScope(filter: 'validation'): void;
    popErrorScope(): Promise<{ message: string } | null>;
  };
}

/** Runs `f` inside a WebGPU validation error scope: a shader that fails to compile is named. */
async function gpuErrors(f: () => Promise<void>): Promise<string[]> {
  const device = (tf.backend() as unknown as Partial<GpuBackend>).device;
  if (!device?.pushErrorScope) {
    await f();
    return [];
  }
  device.pushErrorScope('validation');
  await f();
  const e = await device.popErrorScope();
  return e ? [e.message] : [];
}

/** Counts the webgpu backend's program runs while `f` runs (each run is one dispatch). */
async function countDispatches(f: () => Promise<void>): Promise<number | null> {
  const backend = tf.backend() as unknown as Partial<GpuBackend>;
  const original = backend.runWebGPUProgram;
  if (typeof original !== 'function') {
    await f();
    return null;
  }
  let n = 0;
  backend.runWebGPUProgram = (...args: never[]) => {
    n++;
    return original.apply(backend, args);
  };
  try {
    await f();
  } finally {
    backend.runWebGPUProgram = original;
  }
  return n;
}

async function runPath(cell: CellKind, seed: number, fused: boolean) {
  setFusedKernels(fused);
  const p = new ParamStore(seed);
  const g = createGru(p, 'g', I, H);
  const x = tf.variable(tf.randomUniform([B, T, I], -1.5, 1.5, 'float32', seed + 1));
  const att = tf.variable(tf.randomUniform([B, T], 0.05, 1, 'float32', seed + 2));
  const mask = tf.tensor2d(
    new Float32Array(LENGTHS.flatMap((l) => Array.from({ length: T }, (_, t) => (t < l ? 1 : 0)))),
    [B, T],
  );
  const readout = tf.randomUniform([B, T, H], -1, 1, 'float32', seed + 3);
  const vars = cell === 'gru' ? [g.W, g.U, g.b, x] : [g.W, g.U, g.b, x, att];
  const attention = cell === 'gru' ? undefined : (att as tf.Tensor2D);
  const states = () => runStates(g, x as tf.Tensor3D, mask, cell, attention);
  const loss = () => tf.sum(tf.mul(states(), readout)) as tf.Scalar;
  try {
    tf.tidy(() => g.b.assign(tf.randomUniform([3, 1, H], -0.5, 0.5, 'float32', seed)));
    const before = tf.memory().numTensors;
    let values: Float32Array = new Float32Array(0);
    let grads: Float32Array[] = [];
    const errors = await gpuErrors(async () => {
      const s = tf.tidy(states);
      values = Float32Array.from(await s.data());
      s.dispose();
      const r = tf.variableGrads(loss, vars);
      grads = (await Promise.all(vars.map((v) => r.grads[v.name].data()))).map((a) =>
        Float32Array.from(a),
      );
      r.value.dispose();
      Object.values(r.grads).forEach((t) => t.dispose());
    });
    let kernels = 0;
    const dispatches = await countDispatches(async () => {
      const prof = await tf.profile(() => {
        const q = tf.variableGrads(loss, vars);
        q.value.dispose();
        Object.values(q.grads).forEach((t) => t.dispose());
      });
      kernels = prof.kernels.length;
    });
    const leaked = tf.memory().numTensors - before;
    return { values, grads, kernels, dispatches, errors, leaked, active: fusedKernelsActive() };
  } finally {
    [x, att, mask, readout].forEach((t) => t.dispose());
    p.dispose();
  }
}

export async function checkFusedKernels(): Promise<CellCheck[]> {
  const out: CellCheck[] = [];
  try {
    for (const cell of CHECK_CELLS) {
      const seed = 11 + CHECK_CELLS.indexOf(cell);
      // Fused first: a GPU program that failed would leave its output buffer as the pool handed
      // it over, which after the per-step run can hold that run's very values.
      const fused = await runPath(cell, seed, true);
      const ref = await runPath(cell, seed, false);
      let valueDiff = 0;
      fused.values.forEach(
        (v, i) => (valueDiff = Math.max(valueDiff, Math.abs(v - ref.values[i]))),
      );
      let gradDiff = 0;
      let gradScale = 0;
      const gradDiffByVar = fused.grads.map((gr, k) => {
        let worst = 0;
        gr.forEach((v, i) => {
          const r = ref.grads[k][i];
          worst = Math.max(worst, Math.abs(v - r) / (1 + Math.abs(r)));
          gradScale = Math.max(gradScale, Math.abs(r));
        });
        gradDiff = Math.max(gradDiff, worst);
        return worst;
      });
      out.push({
        cell,
        backend: tf.getBackend(),
        fusedActive: fused.active,
        leakedTensors: fused.leaked,
        gpuErrors: [...ref.errors, ...fused.errors],
        valueDiff,
        gradDiff,
        gradDiffByVar,
        gradScale,
        kernels: { fused: fused.kernels, perStep: ref.kernels },
        dispatches:
          fused.dispatches === null || ref.dispatches === null
            ? null
            : { fused: fused.dispatches, perStep: ref.dispatches },
      });
    }
  } finally {
    setFusedKernels(true);
  }
  return out;
}

export interface AdamCheck {
  backend: string;
  /** max |fused − tfjs| / (1 + |tfjs|) over the variables after 3 steps. */
  diff: number;
  /** How far the variables moved (so a test knows the updates happened). */
  moved: number;
  kernels: { fused: number; stock: number };
  dispatches: { fused: number; stock: number } | null;
  gpuErrors: string[];
}

/** FusedAdam against tfjs's Adam on the active backend: 3 steps on three small variables. */
export async function checkFusedAdam(): Promise<AdamCheck> {
  const shapes = [[6, 5], [7], [2, 3, 4]];
  const make = () =>
    shapes.map((s, i) => tf.variable(tf.randomUniform(s, -1, 1, 'float32', 3 + i)));
  const a = make();
  const b = make();
  const start = await Promise.all(a.map((v) => v.data()));
  const stock = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  const fused = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
  const grads = (vs: tf.Variable[], step: number) =>
    vs.map((v, i) => ({
      name: v.name,
      tensor: tf.randomUniform(v.shape, -2, 2, 'float32', 50 * step + i),
    }));
  const counts = { fused: 0, stock: 0 };
  let dFused: number | null = null;
  let dStock: number | null = null;
  const gpuErr = await gpuErrors(async () => {
    for (let step = 0; step < 3; step++) {
      const ga = grads(a, step);
      const gb = grads(b, step);
      const last = step === 2;
      dStock = await countDispatches(async () => {
        const p = await tf.profile(() => stock.applyGradients(ga));
        if (last) counts.stock = p.kernels.length;
      });
      dFused = await countDispatches(async () => {
        const p = await tf.profile(() => fused.applyGradients(gb));
        if (last) counts.fused = p.kernels.length;
      });
      tf.dispose([...ga, ...gb].map((g) => g.tensor));
    }
  });
  let diff = 0;
  let moved = 0;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [await a[i].data(), await b[i].data()];
    x.forEach((v, j) => {
      diff = Math.max(diff, Math.abs(y[j] - v) / (1 + Math.abs(v)));
      moved = Math.max(moved, Math.abs(v - start[i][j]));
    });
  }
  stock.dispose();
  fused.dispose();
  tf.dispose([...a, ...b]);
  return {
    backend: tf.getBackend(),
    diff,
    moved,
    kernels: counts,
    dispatches: dFused === null || dStock === null ? null : { fused: dFused, stock: dStock },
    gpuErrors: gpuErr,
  };
}
