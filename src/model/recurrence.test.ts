import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createGru, runSequence, runSequenceLast, runStates } from './gru';
import { ParamStore } from './params';
import { useCpu } from './testing';

beforeAll(useCpu);

const B = 3;
const T = 5;
const I = 4;
const H = 3;
// Left-aligned histories of lengths 5, 2 and 0 (an all-padding row must stay at h = 0).
const MASK = [
  [1, 1, 1, 1, 1],
  [1, 1, 0, 0, 0],
  [0, 0, 0, 0, 0],
];

function setup(seed: number) {
  const p = new ParamStore(seed);
  const g = createGru(p, 'g', I, H);
  // Non-zero biases so no gate sits at its symmetric point.
  g.b.assign(tf.randomUniform([3, 1, H], -0.5, 0.5, 'float32', seed));
  const x = tf.variable(tf.randomUniform([B, T, I], -1.5, 1.5, 'float32', seed + 1));
  const att = tf.variable(tf.randomUniform([B, T], 0.05, 1, 'float32', seed + 2));
  const mask = tf.tensor2d(MASK);
  // A fixed random read-out, so every state and every unit gets its own gradient.
  const readout = tf.randomUniform([B, T, H], -1, 1, 'float32', seed + 3);
  return { g, x, att, mask, readout, vars: [g.W, g.U, g.b, x, att] };
}

const cells = ['gru', 'augru', 'agru'] as const;

describe('fused recurrence (hand-written BPTT) against autodiff of the per-step cell', () => {
  it.each(cells)('%s: same states and the same gradients for W, U, b, x and a_t', (cell) => {
    const s = setup(cells.indexOf(cell) + 3);
    const attention = cell === 'gru' ? undefined : (s.att as tf.Tensor2D);
    const lossWith = (states: () => tf.Tensor3D) => () =>
      tf.sum(tf.mul(states(), s.readout)) as tf.Scalar;
    const fused = () => runStates(s.g, s.x as tf.Tensor3D, s.mask, cell, attention);
    const reference = () => runSequence(s.g, s.x as tf.Tensor3D, s.mask, cell, attention).states;

    const a = Array.from(fused().dataSync());
    const b = Array.from(reference().dataSync());
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
    // Padding carries the state; an empty history stays at zero.
    const st = fused().arraySync();
    expect(st[1][4]).toEqual(st[1][1]);
    expect(st[2][4]).toEqual([0, 0, 0]);

    // A plain GRU does not read a_t at all (so it has no gradient to compare).
    const vars = cell === 'gru' ? s.vars.filter((v) => v !== s.att) : s.vars;
    const gf = tf.variableGrads(lossWith(fused), vars);
    const gr = tf.variableGrads(lossWith(reference), vars);
    expect(gf.value.dataSync()[0]).toBeCloseTo(gr.value.dataSync()[0], 5);
    let nonZero = 0;
    for (const v of vars) {
      const f = gf.grads[v.name].dataSync();
      const r = gr.grads[v.name].dataSync();
      expect(f.length).toBe(r.length);
      r.forEach((val, i) => {
        expect(Math.abs(f[i] - val)).toBeLessThan(1e-5 + 1e-5 * Math.abs(val));
        if (Math.abs(val) > 1e-4) nonZero++;
      });
    }
    if (cell !== 'gru') {
      // a_t gets a gradient at valid positions only.
      const ga = gf.grads[s.att.name].arraySync() as number[][];
      expect(Math.abs(ga[0][2])).toBeGreaterThan(1e-4);
      expect(ga[1].slice(2).every((v) => v === 0)).toBe(true);
      expect(ga[2].every((v) => v === 0)).toBe(true);
    }
    expect(nonZero).toBeGreaterThan(30);
  });

  it('the last state is the last valid one, as runSequence reports it', () => {
    const s = setup(9);
    const last = runSequenceLast(s.g, s.x as tf.Tensor3D, s.mask, 'augru', s.att as tf.Tensor2D);
    const ref = runSequence(s.g, s.x as tf.Tensor3D, s.mask, 'augru', s.att as tf.Tensor2D).last;
    const a = Array.from(last.dataSync());
    Array.from(ref.dataSync()).forEach((v, i) => expect(a[i]).toBeCloseTo(v, 6));
  });

  it('a training step through it leaks no tensors', () => {
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
