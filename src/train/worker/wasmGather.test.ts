import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from './nodeBackend';

const seq = (shape: number[], dtype: 'float32' | 'int32' = 'float32') =>
  tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i * 0.5 - 3),
    shape,
    dtype,
  );

/** f on cpu (the reference) and on wasm. */
function both(f: () => tf.Tensor) {
  const run = (backend: string) => {
    tf.setBackend(backend);
    return tf.tidy(() => {
      const y = f();
      return { shape: y.shape, dtype: y.dtype, values: Array.from(y.dataSync()) };
    });
  };
  return { cpu: run('cpu'), wasm: run('wasm') };
}

describe('GatherV2 on wasm for embedding rows', () => {
  beforeAll(async () => {
    await useNodeBackend('cpu');
    await useNodeBackend('wasm'); // installs the kernel
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('replaces the stock kernel', () => {
    expect(tf.getKernel('GatherV2', 'wasm')?.kernelFunc.toString()).toMatch(/rowsOf/);
  });

  it.each([
    ['rows of a table (repeated ids)', [5, 3], [4, 0, 4, 2, 1], 'float32'],
    ['a vector', [6], [5, 0, 3], 'float32'],
    ['slabs of a 3-D tensor', [4, 2, 3], [3, 1], 'float32'],
    ['an int32 table', [5, 2], [1, 4, 1], 'int32'],
    ['no ids', [5, 3], [], 'float32'],
  ] as const)('%s matches the cpu backend', (_, shape, ids, dtype) => {
    const r = both(() => tf.gather(seq([...shape], dtype), tf.tensor1d([...ids], 'int32')));
    expect(r.wasm).toEqual(r.cpu);
  });

  it('keeps the shape of 2-D ids', () => {
    const r = both(() => tf.gather(seq([5, 3]), tf.tensor2d([0, 4, 2, 2], [2, 2], 'int32')));
    expect(r.wasm).toEqual(r.cpu);
    expect(r.wasm.shape).toEqual([2, 2, 3]);
  });

  it('other axes keep the stock kernel', () => {
    const r = both(() => tf.gather(seq([3, 4]), tf.tensor1d([3, 0], 'int32'), 1));
    expect(r.wasm).toEqual(r.cpu);
  });

  it('refuses an id out of range, as the stock kernel does', () => {
    tf.setBackend('wasm');
    const x = seq([5, 3]);
    const ids = tf.tensor1d([1, 5], 'int32');
    expect(() => tf.gather(x, ids)).toThrow(/index value 5 is not in \[0, 4\]/);
    tf.dispose([x, ids]);
  });
});
