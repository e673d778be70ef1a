/**
 * The replaced stock kernels (webgpu: BatchMatMul and Sum from kernels/smallWgsl.ts; wasm:
 * BatchMatMul on XNNPACK and the embedding-row GatherV2) against tfjs's own kernels on the active
 * backend, which run when the fused kernels are switched off: every case the models use (either
 * side transposed, batches shared or not, sums over leading, middle, trailing or all axes).
 * Used by e2e/kernels.spec.ts through kernelWorker.ts; Node covers wasm in
 * src/train/worker/wasm*.test.ts. The caller selects the backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setFusedKernels } from '../model/recurrence';
import { seededTensor as rand } from '../model/kernels/seeded';

export interface SmallCase {
  name: string;
  /** max |replaced − stock| / (1 + |stock|). */
  diff: number;
  /** The replaced kernel's own GPU programs were dispatched (webgpu), else null. */
  ownProgram: boolean | null;
}

const CASES: [string, () => tf.Tensor][] = [
  ['matMul 2-D', () => tf.matMul(rand([37, 18], 1), rand([18, 54], 2))],
  ['matMul a transposed (∂W)', () => tf.matMul(rand([130, 18], 3), rand([130, 12], 4), true)],
  ['matMul b transposed (∂x)', () => tf.matMul(rand([40, 12], 5), rand([18, 12], 6), false, true)],
  ['matMul both transposed', () => tf.matMul(rand([9, 7], 7), rand([5, 9], 8), true, true)],
  [
    'matMul gate stack [3, n, D]·[3, D, H]',
    () => tf.matMul(rand([3, 50, 18], 9), rand([3, 18, 18], 10)),
  ],
  ['matMul batch over a shared b', () => tf.matMul(rand([4, 11, 6], 11), rand([6, 5], 12))],
  ['matMul shared a over a batch', () => tf.matMul(rand([11, 6], 13), rand([4, 6, 5], 14))],
  ['matMul 4-D batches', () => tf.matMul(rand([2, 3, 5, 4], 15), rand([2, 3, 4, 2], 16))],
  ['sum of the last axis', () => tf.sum(rand([8, 20, 18], 17), 2)],
  ['sum of a middle axis', () => tf.sum(rand([8, 20, 18], 18), 1)],
  ['sum of the first axis', () => tf.sum(rand([300, 36], 19), 0)],
  ['sum of two axes, kept', () => tf.sum(rand([6, 5, 4, 3], 20), [0, 2], true)],
  ['sum of everything', () => tf.sum(rand([64, 20], 21))],
  [
    'gather of embedding rows',
    () => tf.gather(rand([30, 6], 22), tf.tensor1d([3, 0, 29, 3, 7], 'int32')),
  ],
];

interface GpuBackend {
  runWebGPUProgram: (program: { shaderKey: string }, ...rest: never[]) => unknown;
}

/** Each case with the replaced kernels and with tfjs's own. */
export async function checkSmallKernels(): Promise<SmallCase[]> {
  const backend = tf.backend() as unknown as Partial<GpuBackend>;
  const original = backend.runWebGPUProgram;
  const out: SmallCase[] = [];
  for (const [name, f] of CASES) {
    let own = false;
    if (original)
      backend.runWebGPUProgram = (program, ...rest) => {
        if (/^small/.test(program.shaderKey)) own = true;
        return original.call(backend, program, ...rest);
      };
    try {
      setFusedKernels(true);
      const replaced = tf.tidy(f);
      if (original) backend.runWebGPUProgram = original;
      setFusedKernels(false);
      const stock = tf.tidy(f);
      const [a, b] = [await replaced.data(), await stock.data()];
      let diff = replaced.shape.join() === stock.shape.join() ? 0 : Infinity;
      for (let i = 0; i < b.length; i++)
        diff = Math.max(diff, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
      tf.dispose([replaced, stock]);
      out.push({ name, diff, ownProgram: original ? own : null });
    } finally {
      if (original) backend.runWebGPUProgram = original;
      setFusedKernels(true);
    }
  }
  return out;
}
