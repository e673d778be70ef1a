/**
 * The fused recurrence kernels in the benchmark (bench/fused.ts in Node, benchWorker.ts in
 * Chromium): tfjs kernels (and webgpu dispatches) per training step, per model and per part
 * (forward, backward, optimizer), and an interleaved A/B of ms per step with the kernels off (A,
 * the per-step path, tfjs's Adam and tfjs's own kernels throughout) and on (B: the fused
 * recurrence, FusedAdam and the replaced stock kernels: wasm's matMul and gather, webgpu's small
 * products and sums) in one run, so machine noise hits both alike. The lockstep row runs the real
 * session (its trainer's FusedAdam follows the same switch). On webgpu, DIEN's step kernel by
 * kernel (kernelProfile.ts). tfjs-core only; the caller selects the backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { TrainingSession } from '../train/worker/session';
import { DEFAULT_WORLD } from '../world/simulator';
import { DEFAULT_MODEL_SETTINGS, MODEL_NAMES, type ModelName } from '../model/config';
import { disposeTensors, toTensors, type BatchTensors } from '../model/inputs';
import type { CtrModel } from '../model/models';
import { makeBatch } from '../data/batch';
import { setFusedKernels } from '../model/recurrence';
import { FusedAdam } from '../model/kernels/fusedAdam';
import { median, PAGE_TRAIN } from './benchCore';
import { kernelProfile, type KernelProfile } from './kernelProfile';

export interface PartCounts {
  forward: number;
  backward: number;
  optimizer: number;
}

export interface StepCounts {
  model: ModelName;
  fused: boolean;
  kernels: PartCounts;
  /** GPU programs run (webgpu only, else null). */
  dispatches: PartCounts | null;
}

export interface AbRow {
  model: ModelName | 'lockstep';
  /** Median ms per step, kernels off (the per-step path) and on. */
  offMs: number;
  onMs: number;
  speedup: number;
}

export interface FusedBench {
  backend: string;
  B: number;
  T: number;
  counts: StepCounts[];
  ab: AbRow[];
  /** Adam's update alone (applyGradients of one step's gradients): tfjs's Adam vs FusedAdam. */
  adam: AbRow[];
  /** DIEN's step kernel by kernel, off and on (webgpu only: GPU time per kernel). */
  profile?: KernelProfile[];
  reps: number;
  steps: number;
}

interface GpuBackend {
  runWebGPUProgram: (...args: never[]) => unknown;
}

/** Kernels and (webgpu) program runs while `f` runs; `f` must not be async. */
async function measure(f: () => void): Promise<{ kernels: number; dispatches: number | null }> {
  const backend = tf.backend() as unknown as Partial<GpuBackend>;
  const original = backend.runWebGPUProgram;
  let n = 0;
  if (typeof original === 'function') {
    backend.runWebGPUProgram = (...args: never[]) => {
      n++;
      return original.apply(backend, args);
    };
  }
  try {
    const prof = await tf.profile(f);
    return { kernels: prof.kernels.length, dispatches: original ? n : null };
  } finally {
    if (original) backend.runWebGPUProgram = original;
  }
}

const named = (grads: Record<string, tf.Tensor>) =>
  Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));

/** One training step of `model` split in its parts, each counted on its own. */
async function stepCounts(model: CtrModel, x: BatchTensors, fused: boolean): Promise<StepCounts> {
  setFusedKernels(fused);
  const vars = model.params.trainable();
  // FusedAdam is tfjs's Adam when the kernels are off.
  const adam = new FusedAdam(PAGE_TRAIN.learningRate, 0.9, 0.999, 1e-7);
  const fwd = await measure(() => tf.dispose(Object.values(model.loss(x, true))));
  let grads: Record<string, tf.Tensor> = {};
  const both = await measure(() => {
    const r = tf.variableGrads(() => model.loss(x, true).total, vars);
    r.value.dispose();
    grads = r.grads;
  });
  adam.applyGradients(named(grads)); // the first call creates Adam's moments: count the second
  const opt = await measure(() => adam.applyGradients(named(grads)));
  tf.dispose(Object.values(grads));
  adam.dispose();
  const part = (k: 'kernels' | 'dispatches') => ({
    forward: fwd[k]!,
    backward: both[k]! - fwd[k]!,
    optimizer: opt[k]!,
  });
  return {
    model: model.name,
    fused,
    kernels: part('kernels'),
    dispatches: fwd.dispatches === null ? null : part('dispatches'),
  };
}

export async function fusedBench(
  B: number,
  T: number,
  reps: number,
  steps: number,
  log: (m: string) => void = () => undefined,
): Promise<FusedBench> {
  const s = TrainingSession.create({
    world: { ...DEFAULT_WORLD, shoppers: 300 },
    model: { ...DEFAULT_MODEL_SETTINGS, T },
    train: { ...PAGE_TRAIN, batchSize: B },
  });
  const x = toTensors(
    makeBatch(s.dataset.train.slice(0, B), s.world.catalogue, T),
    s.models.base.layout,
  );
  const res: FusedBench = {
    backend: tf.getBackend(),
    B,
    T,
    counts: [],
    ab: [],
    adam: [],
    reps,
    steps,
  };
  try {
    for (const name of MODEL_NAMES) {
      for (const fused of [false, true])
        res.counts.push(await stepCounts(s.models[name], x, fused));
    }
    /** ms per step over `steps` steps and one readback (which waits for the GPU queue). */
    const timed = async (
      step: () => tf.Scalar | undefined,
      read: () => Promise<unknown>,
      fused: boolean,
    ) => {
      setFusedKernels(fused);
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) step()?.dispose();
      await read();
      return (performance.now() - t0) / steps;
    };
    const ab = async (
      model: AbRow['model'],
      step: () => tf.Scalar | undefined,
      read: () => Promise<unknown>,
      into: AbRow[] = res.ab,
    ) => {
      await timed(step, read, false); // warm-up (shader compilation) for both paths
      await timed(step, read, true);
      const off: number[] = [];
      const on: number[] = [];
      for (let r = 0; r < reps; r++) {
        off.push(await timed(step, read, false));
        on.push(await timed(step, read, true));
      }
      const row = {
        model,
        offMs: median(off),
        onMs: median(on),
        speedup: median(off) / median(on),
      };
      log(`${res.backend} ${model}: off ${row.offMs.toFixed(1)} ms, on ${row.onMs.toFixed(1)} ms`);
      into.push(row);
    };
    for (const name of MODEL_NAMES) {
      // ModelTrainer.step as the trainer runs it: FusedAdam (tfjs's Adam when the kernels are off).
      const model = s.models[name];
      const adam = new FusedAdam(PAGE_TRAIN.learningRate, 0.9, 0.999, 1e-7);
      const vars = model.params.trainable();
      let last: tf.Scalar | undefined;
      await ab(
        name,
        () => {
          last?.dispose();
          let aux: tf.Scalar | undefined;
          last = adam.minimize(
            () => {
              const l = model.loss(x, true);
              if (l.aux) aux = tf.keep(l.aux);
              return l.total;
            },
            true,
            vars,
          ) as tf.Scalar;
          aux?.dispose();
          return undefined;
        },
        async () => {
          await last?.data();
          last?.dispose();
          last = undefined;
        },
      );
      // Adam alone, on the gradients of one step (read back: waits for the GPU queue).
      const { value, grads } = tf.variableGrads(() => model.loss(x, true).total, vars);
      value.dispose();
      const g = named(grads);
      await ab(
        name,
        () => {
          adam.applyGradients(g);
          return undefined;
        },
        () => vars[0].data(),
        res.adam,
      );
      tf.dispose(Object.values(grads));
      adam.dispose();
    }
    if (res.backend === 'webgpu')
      res.profile = [
        await kernelProfile(s.models.dien, x, PAGE_TRAIN.learningRate, false),
        await kernelProfile(s.models.dien, x, PAGE_TRAIN.learningRate, true),
      ];
    await ab(
      'lockstep',
      () => {
        s.step();
        return undefined;
      },
      () => s.readLosses(),
    );
  } finally {
    setFusedKernels(true);
    disposeTensors(x);
    s.dispose();
  }
  return res;
}
