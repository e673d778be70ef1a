/**
 * Reproducible values in [−1, 1) (a Lehmer generator) for the kernel checks and tests, which
 * compare two implementations on the same inputs in Node and in the browser.
 */
import * as tf from '@tensorflow/tfjs-core';

export function seededValues(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 2 - 1;
  });
}

export function seededTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(
    seededValues(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );
}
