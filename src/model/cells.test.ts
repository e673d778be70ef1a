import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createGru, gates, gruCellStep, runSequence } from './gru';
import { attentionWeights, createActivationUnit, interactionFeatures } from './attention';
import { ParamStore } from './params';
import { useCpu } from './testing';

beforeAll(useCpu);

const arr = (t: tf.Tensor) => Array.from(t.dataSync());
const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('activation unit inputs', () => {
  const hist = tf.tensor3d([
    [
      [1, 2],
      [3, -1],
    ],
  ]); // B=1, T=2, D=2
  const cand = tf.tensor2d([[0.5, 4]]);

  it("authors' variant feeds [e, v, e − v, e ⊙ v]", () => {
    const f = arr(interactionFeatures('diffprod', hist, cand));
    expect(f.slice(0, 8)).toEqual([1, 2, 0.5, 4, 0.5, -2, 0.5, 8]);
    expect(f.slice(8)).toEqual([3, -1, 0.5, 4, 2.5, -5, 1.5, -4]);
  });

  it('paper variant feeds [e, v, flatten(e ⊗ v)]', () => {
    const f = arr(interactionFeatures('outer', hist, cand));
    expect(f.slice(0, 8)).toEqual([1, 2, 0.5, 4, 0.5, 4, 1, 8]);
  });

  it('dot-product unit equals a manual dot product and needs no parameters', () => {
    const unit = createActivationUnit(new ParamStore(1), 2, 'dot', [3], 'prelu', false);
    expect(unit.mlp).toBeUndefined();
    const w = arr(attentionWeights(unit, hist, cand, tf.tensor2d([[1, 1]]), false));
    expect(w[0]).toBeCloseTo(1 * 0.5 + 2 * 4, 6);
    expect(w[1]).toBeCloseTo(3 * 0.5 - 1 * 4, 6);
  });

  it('MLP unit equals its hand computation; padding gets weight 0; softmax is masked', () => {
    const p = new ParamStore(1);
    const unit = createActivationUnit(p, 2, 'diffprod', [1], 'prelu', false);
    const mlp = unit.mlp!;
    mlp.layers[0].w.assign(tf.tensor2d([[1], [0], [0], [0], [0], [0], [0], [1]])); // e0 + (e⊙v)1
    mlp.layers[0].b.assign(tf.tensor1d([0]));
    mlp.prelu[0].assign(tf.tensor1d([0.2]));
    mlp.out.w.assign(tf.tensor2d([[2]]));
    mlp.out.b.assign(tf.tensor1d([0.1]));
    const mask = tf.tensor2d([[1, 0]]);
    const w = arr(attentionWeights(unit, hist, cand, mask, false));
    expect(w[0]).toBeCloseTo(2 * (1 + 8) + 0.1, 5);
    expect(Math.abs(w[1])).toBe(0);
    const soft = createActivationUnit(new ParamStore(1), 2, 'dot', [], 'prelu', true);
    const ws = arr(attentionWeights(soft, hist, cand, tf.tensor2d([[1, 1]]), false));
    const [d0, d1] = [8.5, -2.5];
    expect(ws[0]).toBeCloseTo(Math.exp(d0) / (Math.exp(d0) + Math.exp(d1)), 6);
    const masked = arr(attentionWeights(soft, hist, cand, mask, false));
    expect(masked.map(Math.abs)).toEqual([1, 0]);
  });
});

describe('GRU cells', () => {
  // H = 1, input size 1, hand-set weights: gates (u, r, h̃).
  function cell() {
    const g = createGru(new ParamStore(3), 'g', 1, 1);
    g.W.assign(tf.tensor3d([[[0.5]], [[-1]], [[2]]]));
    g.U.assign(tf.tensor3d([[[1]], [[0.5]], [[-1]]]));
    g.b.assign(tf.tensor3d([[[0.1]], [[0]], [[0.2]]]));
    return g;
  }
  const x = 1.5;
  const h0 = 0.4;
  const u = sig(0.5 * x + 0.1 + 1 * h0);
  const r = sig(-1 * x + 0 + 0.5 * h0);
  const cand = Math.tanh(2 * x + 0.2 + r * (-1 * h0));
  const gruNext = (1 - u) * h0 + u * cand;

  function step(kind: 'gru' | 'augru' | 'agru', a?: number) {
    const g = cell();
    const xProj = tf.add(tf.matMul(tf.tile(tf.tensor3d([[[x]]]), [3, 1, 1]), g.W), g.b);
    const out = gruCellStep(
      g,
      gates(xProj as tf.Tensor3D),
      tf.tensor2d([[h0]]),
      kind,
      a === undefined ? undefined : tf.tensor2d([[a]]),
    );
    return { h: arr(out.h)[0], u: arr(out.u)[0], eff: arr(out.effective)[0] };
  }

  it('one GRU step matches the equations by hand', () => {
    const s = step('gru');
    expect(s.u).toBeCloseTo(u, 6);
    expect(s.h).toBeCloseTo(gruNext, 6);
  });

  it('AUGRU: ũ = a·u; a = 0 keeps the state, a = 1 is the GRU step', () => {
    const a = 0.3;
    const s = step('augru', a);
    expect(s.eff).toBeCloseTo(a * u, 6);
    expect(s.h).toBeCloseTo((1 - a * u) * h0 + a * u * cand, 6);
    expect(step('augru', 0).h).toBeCloseTo(h0, 7);
    expect(step('augru', 1).h).toBeCloseTo(gruNext, 6);
  });

  it('AGRU: h′ = (1 − a)·h + a·h̃', () => {
    const a = 0.3;
    expect(step('agru', a).h).toBeCloseTo((1 - a) * h0 + a * cand, 6);
  });

  it('AIGRU is a plain GRU over a_t·h_t', () => {
    const g = cell();
    const mask = tf.tensor2d([[1]]);
    const aigru = runSequence(g, tf.tensor3d([[[0.5 * x]]]), mask, 'gru');
    const a = 0.5;
    const uu = sig(0.5 * a * x + 0.1);
    const rr = sig(-1 * a * x);
    const cc = Math.tanh(2 * a * x + 0.2);
    expect(arr(aigru.last)[0]).toBeCloseTo(uu * cc, 6);
    expect(rr).toBeGreaterThan(0);
  });

  it('padded steps carry the state forward and the last state is the last valid one', () => {
    const g = cell();
    const seq = tf.tensor3d([[[1], [2], [0]]]);
    const full = runSequence(g, seq, tf.tensor2d([[1, 1, 0]]), 'gru');
    const s = arr(full.states);
    expect(s[2]).toBe(s[1]);
    expect(arr(full.last)[0]).toBe(s[1]);
    const short = runSequence(g, tf.tensor3d([[[1], [2]]]), tf.tensor2d([[1, 1]]), 'gru');
    expect(arr(short.last)[0]).toBeCloseTo(s[1], 7);
  });
});
