/**
 * Bug lab, pitfall 4: the DIEN authors' inverted AUGRU, as a single step (hand-computed) and
 * through the fused recurrence (hand-written BPTT with an offset) against autodiff of the cell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createGru, gruCellStep, runSequence, runStates } from './gru';
import { ParamStore } from './params';
import { useCpu } from './testing';

beforeAll(useCpu);

const B = 3;
const T = 5;
const I = 4;
const H = 3;
const MASK = [
  [1, 1, 1, 1, 1],
  [1, 1, 0, 0, 0],
  [0, 0, 0, 0, 0],
];

describe('inverted AUGRU step (u ← (1 − a)·u, h ← u·h_prev + (1 − u)·h̃)', () => {
  // One unit, U = 0: u = σ(xu), r = σ(xr), h̃ = tanh(xh).
  const g = createGru(new ParamStore(1), 'g', 1, 1);
  g.U.assign(tf.zeros([3, 1, 1]));
  const x = { u: tf.tensor2d([[0.4]]), r: tf.tensor2d([[0]]), h: tf.tensor2d([[0.8]]) };
  const hPrev = tf.tensor2d([[0.5]]);
  const u = 1 / (1 + Math.exp(-0.4));
  const cand = Math.tanh(0.8);
  const step = (cell: 'augru' | 'augruInverted' | 'gru', a?: number) =>
    gruCellStep(
      g,
      x,
      hPrev,
      cell,
      a === undefined ? undefined : tf.tensor2d([[a]]),
    ).h.dataSync()[0];

  it('a = 0 is a step with the flipped GRU convention, not "keep the state"', () => {
    expect(step('augru', 0)).toBeCloseTo(0.5, 7);
    // ũ = u, h = u·0.5 + (1 − u)·h̃
    expect(step('augruInverted', 0)).toBeCloseTo(u * 0.5 + (1 - u) * cand, 6);
    expect(step('augruInverted', 0)).not.toBeCloseTo(0.5, 3);
  });

  it('a = 1 replaces the state by the candidate; a = 0.3 matches the hand computation', () => {
    expect(step('augruInverted', 1)).toBeCloseTo(cand, 6);
    const ut = 0.7 * u;
    expect(step('augruInverted', 0.3)).toBeCloseTo(ut * 0.5 + (1 - ut) * cand, 6);
  });

  it('a padded step (mask 0) keeps the state whatever a is', () => {
    const m = tf.tensor2d([[0]]);
    const h = gruCellStep(g, x, hPrev, 'augruInverted', tf.tensor2d([[0.2]]), m).h;
    expect(h.dataSync()[0]).toBeCloseTo(0.5, 7);
  });
});

describe('inverted AUGRU through the fused recurrence', () => {
  function setup(seed: number) {
    const p = new ParamStore(seed);
    const g = createGru(p, 'g', I, H);
    g.b.assign(tf.randomUniform([3, 1, H], -0.5, 0.5, 'float32', seed));
    const x = tf.variable(tf.randomUniform([B, T, I], -1.5, 1.5, 'float32', seed + 1));
    const att = tf.variable(tf.randomUniform([B, T], 0.05, 1, 'float32', seed + 2));
    const readout = tf.randomUniform([B, T, H], -1, 1, 'float32', seed + 3);
    return { g, x, att, mask: tf.tensor2d(MASK), readout, vars: [g.W, g.U, g.b, x, att] };
  }

  it('same states and gradients (W, U, b, x, a_t) as autodiff of the per-step cell', () => {
    const s = setup(11);
    const att = s.att as tf.Tensor2D;
    const xs = s.x as tf.Tensor3D;
    const fused = () => runStates(s.g, xs, s.mask, 'augruInverted', att);
    const reference = () => runSequence(s.g, xs, s.mask, 'augruInverted', att).states;
    const a = fused().arraySync();
    const b = reference().arraySync();
    a.flat(2).forEach((v, i) => expect(v).toBeCloseTo(b.flat(2)[i], 6));
    // Padding still carries the state, an empty row stays 0.
    expect(a[1][4]).toEqual(a[1][1]);
    expect(a[2][4]).toEqual([0, 0, 0]);
    // And it is not the correct AUGRU.
    const correct = runStates(s.g, xs, s.mask, 'augru', att).arraySync();
    expect(Math.abs(correct[0][4][0] - a[0][4][0])).toBeGreaterThan(1e-3);

    const loss = (f: () => tf.Tensor3D) => () => tf.sum(tf.mul(f(), s.readout)) as tf.Scalar;
    const gf = tf.variableGrads(loss(fused), s.vars);
    const gr = tf.variableGrads(loss(reference), s.vars);
    for (const v of s.vars) {
      const f = gf.grads[v.name].dataSync();
      const r = gr.grads[v.name].dataSync();
      r.forEach((val, i) => expect(Math.abs(f[i] - val)).toBeLessThan(1e-5 + 1e-5 * Math.abs(val)));
    }
    const ga = gf.grads[s.att.name].arraySync() as number[][];
    expect(Math.abs(ga[0][2])).toBeGreaterThan(1e-4);
    expect(ga[1].slice(2).every((v) => v === 0)).toBe(true);
  });

  it('a_t = 0 everywhere: the correct AUGRU never leaves h_0 = 0, the inverted one keeps moving', () => {
    const s = setup(12);
    const zero = tf.zeros([B, T]) as tf.Tensor2D;
    const xs = s.x as tf.Tensor3D;
    const inverted = runStates(s.g, xs, s.mask, 'augruInverted', zero).dataSync();
    // The correct AUGRU with a = 0 never moves from h_0 = 0.
    const frozen = runStates(s.g, xs, s.mask, 'augru', zero).dataSync();
    expect(frozen.every((v) => v === 0)).toBe(true);
    expect(Math.max(...Array.from(inverted).map(Math.abs))).toBeGreaterThan(0.05);
  });
});
