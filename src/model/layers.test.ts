import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { applyMlp, createMlp, dice, embeddingLookup, prelu } from './layers';
import { ParamStore } from './params';
import { useCpu } from './testing';

beforeAll(useCpu);

const arr = (t: tf.Tensor) => Array.from(t.dataSync());
const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('embedding lookup', () => {
  it('returns the rows and scatters gradients back, summing duplicate ids like tf.gather', () => {
    const table = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    expect(arr(embeddingLookup(table, ids))).toEqual([5, 6, 1, 2, 5, 6]);
    const w = tf.tensor2d([
      [1, 10],
      [100, 1000],
      [2, 3],
    ]);
    const f = (t: tf.Tensor) => tf.sum(tf.mul(embeddingLookup(t as tf.Tensor2D, ids), w));
    const g = tf.grad(f)(table);
    // Row 2 is read twice (weights rows 0 and 2) and row 0 once (weights row 1).
    expect(arr(g)).toEqual([100, 1000, 0, 0, 1 + 2, 10 + 3]);
    const ref = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), w)))(table);
    expect(arr(g)).toEqual(arr(ref));
  });
});

describe('PReLU', () => {
  it('is identity for positive inputs and α·s for negative ones', () => {
    const y = prelu(
      tf.tensor2d([
        [2, -2],
        [-1, 3],
      ]),
      tf.tensor1d([0.5, 0.1]),
    );
    expect(arr(y)).toEqual([2, -0.2, -0.5, 3].map((v) => expect.closeTo(v, 6)) as never);
  });
});

describe('Dice', () => {
  function make(alpha: number) {
    return {
      alpha: tf.variable(tf.tensor1d([alpha])),
      movingMean: tf.variable(tf.tensor1d([0]), false),
      movingVar: tf.variable(tf.tensor1d([1]), false),
    };
  }

  it('uses the mini-batch statistics in training and updates the moving averages', () => {
    const d = make(0.5);
    // x = [1, 3]: mean 2, variance 1 → p = σ(∓1).
    const y = arr(dice(tf.tensor2d([[1], [3]]), d, true));
    const p1 = sig(-1);
    const p3 = sig(1);
    expect(y[0]).toBeCloseTo(p1 * 1 + (1 - p1) * 0.5 * 1, 5);
    expect(y[1]).toBeCloseTo(p3 * 3 + (1 - p3) * 0.5 * 3, 5);
    expect(arr(d.movingMean)[0]).toBeCloseTo(0.01 * 2, 6);
    expect(arr(d.movingVar)[0]).toBeCloseTo(0.99 * 1 + 0.01 * 1, 6);
  });

  it('uses the moving averages at inference and leaves them unchanged', () => {
    const d = make(0.5);
    d.movingMean.assign(tf.tensor1d([1]));
    d.movingVar.assign(tf.tensor1d([4]));
    const y = arr(dice(tf.tensor2d([[3], [1]]), d, false));
    const p = sig((3 - 1) / Math.sqrt(4 + 1e-8));
    expect(y[0]).toBeCloseTo(p * 3 + (1 - p) * 0.5 * 3, 5);
    expect(y[1]).toBeCloseTo(0.5 * 1 + 0.5 * 0.5 * 1, 5); // p(mean) = 0.5
    expect(arr(d.movingMean)).toEqual([1]);
  });

  it('ignores rows of weight 0 (padding) in its batch statistics', () => {
    const d = make(0);
    const withPad = arr(dice(tf.tensor2d([[1], [3], [100]]), d, true, tf.tensor1d([1, 1, 0])));
    const without = arr(dice(tf.tensor2d([[1], [3]]), make(0), true));
    expect(withPad[0]).toBeCloseTo(without[0], 6);
    expect(withPad[1]).toBeCloseTo(without[1], 6);
  });
});

describe('MLP', () => {
  it('computes Linear → PReLU → Linear with the given weights', () => {
    const p = new ParamStore(1);
    const mlp = createMlp(p, 'm', 2, [2], 'prelu');
    mlp.layers[0].w.assign(
      tf.tensor2d([
        [1, -1],
        [2, 0],
      ]),
    );
    mlp.layers[0].b.assign(tf.tensor1d([0, 0.5]));
    mlp.prelu[0].assign(tf.tensor1d([0.1, 0.1]));
    mlp.out.w.assign(tf.tensor2d([[1], [2]]));
    mlp.out.b.assign(tf.tensor1d([0.25]));
    // x = [1, 1]: s = [3, -0.5] → PReLU [3, -0.05] → 3 − 0.1 + 0.25
    expect(arr(applyMlp(mlp, tf.tensor2d([[1, 1]]), true))[0]).toBeCloseTo(3.15, 5);
  });
});
