import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from './nodeBackend';
import { setFusedKernels } from '../../model/recurrence';
import { seededTensor as rand } from '../../model/kernels/seeded';

/** f on cpu (the reference) and on wasm, as shapes and values. */
function both(f: () => tf.Tensor): Record<'cpu' | 'wasm', { shape: number[]; values: number[] }> {
  const run = (backend: string) => {
    tf.setBackend(backend);
    return tf.tidy(() => {
      const y = f();
      return { shape: y.shape, values: Array.from(y.dataSync()) };
    });
  };
  return { cpu: run('cpu'), wasm: run('wasm') };
}

function expectClose(r: ReturnType<typeof both>): void {
  expect(r.wasm.shape).toEqual(r.cpu.shape);
  const scale = Math.max(...r.cpu.values.map(Math.abs), 1);
  r.wasm.values.forEach((v, i) => expect(Math.abs(v - r.cpu.values[i]) / scale).toBeLessThan(1e-5));
}

describe('BatchMatMul on wasm through XNNPACK', () => {
  beforeAll(async () => {
    await useNodeBackend('cpu');
    await useNodeBackend('wasm'); // installs the kernel
  });
  afterAll(async () => {
    setFusedKernels(true);
    await tf.setBackend('cpu');
  });

  it('replaces the stock kernel', () => {
    expect(tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc.toString()).toMatch(/upright/);
  });

  it.each([
    ['plain 2-D', [5, 7], [7, 3], false, false],
    ['a transposed', [7, 5], [7, 3], true, false],
    ['b transposed', [5, 7], [3, 7], false, true],
    ['both transposed', [7, 5], [3, 7], true, true],
    ['a batch, b shared (rows folded)', [4, 5, 7], [7, 3], false, false],
    ['a batch transposed, b shared', [4, 7, 5], [7, 3], true, false],
    ['batch against batch (the GRU gate stack)', [3, 6, 4], [3, 4, 4], false, false],
    ['batch against batch, b transposed', [3, 6, 4], [3, 5, 4], false, true],
    ['batch against batch, a transposed (∂U)', [3, 6, 4], [3, 6, 5], true, false],
    ['a shared, b batch', [6, 4], [2, 4, 5], false, false],
    ['4-D batches', [2, 3, 5, 4], [2, 3, 4, 2], false, false],
  ] as const)('%s matches the cpu backend', (_, aShape, bShape, tA, tB) => {
    expectClose(both(() => tf.matMul(rand([...aShape], 3), rand([...bShape], 11), tA, tB)));
  });

  it('gradients of a batched product match the cpu backend', () => {
    const grads = (k: 0 | 1) =>
      both(() => {
        const a = rand([3, 6, 4], 5);
        const b = rand([3, 4, 5], 9);
        return tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))))([a, b])[
          k
        ];
      });
    expectClose(grads(0));
    expectClose(grads(1));
  });

  it('stays correct when its temporaries grow the wasm heap', () => {
    // ~10 MB per operand: the transposes and per-matrix copies must re-read the heap after each malloc.
    expectClose(
      both(() => tf.matMul(rand([2, 3000, 400], 7), rand([2, 3000, 50], 13), true, false)),
    );
  });

  it('frees its temporaries', () => {
    tf.setBackend('wasm');
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const a = rand([3, 30, 40], 1);
    const b = rand([3, 20, 30], 2);
    const before = backend.numDataIds();
    tf.matMul(a, b, true, true).dispose();
    expect(backend.numDataIds()).toBe(before);
    tf.dispose([a, b]);
  });

  it('with the fused kernels off, gives the stock kernel the same product', () => {
    setFusedKernels(false);
    try {
      expectClose(both(() => tf.matMul(rand([3, 6, 4], 3), rand([3, 5, 4], 4), false, true)));
    } finally {
      setFusedKernels(true);
    }
  });
});
