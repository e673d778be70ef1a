/**
 * Where one training step's time goes, kernel by kernel (tf.profile): each kernel name with its
 * count and time. On webgpu the times are GPU times from timestamp queries, which Chromium offers
 * only with `--enable-dawn-features=allow_unsafe_apis` (bench/fused-run.ts passes it); without
 * them tfjs reports no time, and `timed` is false. Used by fusedBench.ts, kernels off and on.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { CtrModel } from '../model/models';
import type { BatchTensors } from '../model/inputs';
import { FusedAdam } from '../model/kernels/fusedAdam';
import { setFusedKernels } from '../model/recurrence';

export interface KernelRow {
  name: string;
  count: number;
  ms: number;
}

export interface KernelProfile {
  fused: boolean;
  timed: boolean;
  totalMs: number;
  /** The largest first. */
  rows: KernelRow[];
}

export async function kernelProfile(
  model: CtrModel,
  x: BatchTensors,
  lr: number,
  fused: boolean,
): Promise<KernelProfile> {
  setFusedKernels(fused);
  const adam = new FusedAdam(lr, 0.9, 0.999, 1e-7);
  const vars = model.params.trainable();
  const step = () => adam.minimize(() => model.loss(x, true).total, true, vars) as tf.Scalar;
  try {
    // Warm-up: shader compilation and Adam's moments.
    for (let i = 0; i < 2; i++) {
      const l = step();
      await l.data();
      l.dispose();
    }
    const prof = await tf.profile(() => tf.dispose(step()));
    const by = new Map<string, KernelRow>();
    let totalMs = 0;
    for (const k of prof.kernels) {
      const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      totalMs += ms;
      const row = by.get(k.name) ?? { name: k.name, count: 0, ms: 0 };
      row.count++;
      row.ms += ms;
      by.set(k.name, row);
    }
    const rows = [...by.values()].sort((a, b) => b.ms - a.ms || b.count - a.count);
    return { fused, timed: totalMs > 0, totalMs, rows };
  } finally {
    adam.dispose();
    setFusedKernels(true);
  }
}
