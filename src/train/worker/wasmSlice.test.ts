import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from './nodeBackend';

/** Runs f on cpu and on wasm (with the patched kernels) and returns both results as arrays. */
function both<T>(f: () => T): { cpu: T; wasm: T } {
  const run = (backend: string): T => {
    tf.setBackend(backend);
    return f();
  };
  return { cpu: run('cpu'), wasm: run('wasm') };
}

const shaped = (shape: number[], dtype: 'float32' | 'int32' = 'float32') =>
  tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i * 0.5 - 3),
    shape,
    dtype,
  );

describe('zero-copy Slice and Unpack on wasm', () => {
  beforeAll(async () => {
    await useNodeBackend('cpu');
    await useNodeBackend('wasm'); // installs the kernels
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('replaces the stock kernels', () => {
    expect(tf.getKernel('Slice', 'wasm')?.kernelFunc.toString()).toMatch(/sliceFromHeap/);
    expect(tf.getKernel('Unpack', 'wasm')?.kernelFunc.toString()).toMatch(/sliceFromHeap/);
    expect(tf.getKernel('Identity', 'wasm')?.kernelFunc.toString()).toMatch(/incRef/);
  });

  it('a clone shares its memory, outlives its source and frees it with the last reference', () => {
    tf.setBackend('wasm');
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const before = backend.numDataIds();
    const x = shaped([3, 4]);
    const expected = Array.from(x.dataSync());
    const y = tf.clone(x);
    expect(backend.numDataIds()).toBe(before + 1);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual(expected);
    y.dispose();
    expect(backend.numDataIds()).toBe(before);
  });

  it('gradients that keep cloned inputs match the cpu backend', () => {
    const r = both(() => {
      const x = shaped([2, 3]);
      const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.sigmoid(v), tf.square(v))))(x);
      return Array.from(g.dataSync());
    });
    r.wasm.forEach((v, i) => expect(v).toBeCloseTo(r.cpu[i], 5));
  });

  it.each([
    ['contiguous 1-D', [10], [3], [5]],
    ['contiguous rows of 2-D', [4, 6], [1, 0], [2, 6]],
    ['strided 2-D', [4, 6], [1, 2], [3, 3]],
    ['strided 3-D (DIEN next-behaviour slice)', [3, 5, 4], [0, 1, 0], [3, 4, 4]],
    ['strided 4-D', [2, 3, 4, 5], [1, 0, 2, 1], [1, 3, 2, 3]],
    ['strided 5-D', [2, 2, 3, 2, 3], [0, 1, 1, 0, 1], [2, 1, 2, 2, 2]],
    ['empty', [4, 6], [1, 2], [0, 3]],
  ])('slice %s matches the cpu backend', (_, shape, begin, size) => {
    for (const dtype of ['float32', 'int32'] as const) {
      const r = both(() => {
        const x = shaped(shape, dtype);
        const y = tf.slice(x, begin, size);
        const out = { shape: y.shape, values: Array.from(y.dataSync()) };
        x.dispose();
        y.dispose();
        return out;
      });
      expect(r.wasm).toEqual(r.cpu);
    }
  });

  it.each([0, 1, 2, -1])('unstack along axis %i matches the cpu backend', (axis) => {
    const r = both(() => {
      const x = shaped([3, 4, 5]);
      const parts = tf.unstack(x, axis);
      const out = parts.map((p) => ({ shape: p.shape, values: Array.from(p.dataSync()) }));
      tf.dispose([x, ...parts]);
      return out;
    });
    expect(r.wasm).toEqual(r.cpu);
  });

  it('slices stay correct when their allocation grows the wasm heap', () => {
    tf.setBackend('wasm');
    const x = shaped([64, 1000]);
    // ~32 MB of outputs: the heap must grow while the input is being read.
    const parts = tf.unstack(tf.tile(x, [2, 1]), 0);
    const big = parts.map((p) => tf.tile(p, [64]));
    expect(Array.from(parts[127].dataSync().slice(0, 3))).toEqual(
      Array.from(x.dataSync().slice(63000, 63003)),
    );
    expect(big[5].shape).toEqual([64000]);
    tf.dispose([x, ...parts, ...big]);
  });
});
