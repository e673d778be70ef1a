import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { makeBatch } from '../data/batch';
import { CATALOGUE, goodByName } from '../world/catalogue';
import { BstModel, disposeBstTensors, type BstTensors } from './bst';
import type { BstSettings } from './bstConfig';
import { bstInternals, bstTrainer } from './bstInspect';
import type { ModelSettings } from './config';
import { sample, TINY, useCpu, VOCAB } from './testing';
import type { Sample } from '../data/types';

beforeAll(useCpu);

const arr = (t: tf.Tensor) => Array.from(t.dataSync());
const id = (n: string) => goodByName(n).id;
const mouse = id('mouse');
const tshirt = id('T-shirt');
const faceWash = id('face wash');
const keyboard = id('keyboard');

const timed = (s: Sample, times: number[], time: number): Sample => ({ ...s, times, time });
const SAMPLES = [
  timed(sample([mouse, tshirt, faceWash], keyboard, 1), [0, 1, 30], 31),
  timed(sample([tshirt, keyboard], faceWash, 0), [0, 2], 40),
  timed(sample([faceWash, mouse, keyboard, tshirt], mouse, 1), [0, 0.5, 0.7, 9], 9),
];
const BST: BstSettings = { position: 'timeGap', attention: 'full', output: 'concat', heads: 2 };

function tensors(model: BstModel, samples: Sample[], T: number): BstTensors {
  return model.tensors(makeBatch(samples, CATALOGUE, T));
}

const layerNorm = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const s2 = v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
  return v.map((x) => (x - m) / Math.sqrt(s2 + 1e-6));
};
const leaky = (x: number) => (x > 0 ? x : 0.01 * x);

describe('BST by hand: one behavior and the candidate, one head', () => {
  // embDim 1: token = [item, category, shop, position], d = 4; W^Q = W^K = W^V = W^O = I.
  const settings: ModelSettings = { ...TINY, embDim: 1, T: 1, hidden: [] };
  const bst: BstSettings = {
    position: 'position',
    attention: 'full',
    output: 'concat',
    heads: 1,
    ffnHidden: 2,
  };
  const eye = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const W1 = [1, 0, 0, 1, 0, 0, 0, 0]; // [4, 2]: hidden = leaky(S'[0], S'[1])
  const W2 = [1, 0, 0, 0, 0, 0, -1, 0]; // [2, 4]: adds hidden[0] to unit 0, −hidden[1] to unit 2
  const headW = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

  function build(attention: BstSettings['attention']): BstModel {
    const model = new BstModel(settings, VOCAB, 1, { ...bst, attention });
    const table = new Float32Array(model.layout.rows);
    table[mouse] = 1; // mouse's item row: e_mouse = [1, 0, 0]
    table[model.layout.catOffset + CATALOGUE.goods[tshirt - 1].category] = 1; // e_T-shirt = [0, 1, 0]
    const set = (name: string, shape: number[], values: number[]) =>
      model.params.import([{ name, shape, values: Float32Array.from(values) }]);
    set('embeddings', [model.layout.rows, 1], Array.from(table));
    // Rows: 0 padding, 1 candidate, 2 the latest behavior.
    set('bst/positions', [3, 1], [0, 0.5, 1]);
    for (const w of ['wq', 'wk', 'wv']) set(`bst/block/${w}`, [1, 4, 4], eye);
    set('bst/block/wo', [4, 4], eye);
    set('bst/block/ffn/w1', [4, 2], W1);
    set('bst/block/ffn/w2', [2, 4], W2);
    set('head/out/w', [8, 1], headW);
    set('head/out/b', [1], [0]);
    return model;
  }

  /** The block and head by the equations, in plain numbers. */
  function expected(A: number[][]): { logit: number; out: number[][] } {
    const E = [
      [1, 0, 0, 1], // mouse at distance 1
      [0, 1, 0, 0.5], // the candidate T-shirt
    ];
    const S = A.map((row) => [0, 1, 2, 3].map((c) => row[0] * E[0][c] + row[1] * E[1][c]));
    const S1 = E.map((e, i) => layerNorm(e.map((x, c) => x + S[i][c])));
    const F = S1.map((s) => {
      const h = [leaky(s[0]), leaky(s[1])];
      return layerNorm([s[0] + h[0], s[1], s[2] - h[1], s[3]]);
    });
    // Output slots in recency order: candidate, then the latest behavior.
    const concat = [...F[1], ...F[0]];
    return { logit: concat.reduce((a, v, i) => a + v * headW[i], 0), out: F };
  }

  it('full attention: softmax(E Eᵀ / 2) rows, outputs and logit', () => {
    const model = build('full');
    const x = tensors(model, [sample([mouse], tshirt)], 1);
    const r = model.forward(x, { training: false });
    // Scores E Eᵀ / √4 = [[2, 0.5], [0.5, 1.25]] / 2.
    const a00 = 1 / (1 + Math.exp(-0.75));
    const a10 = 1 / (1 + Math.exp(0.375));
    const A = [
      [a00, 1 - a00],
      [a10, 1 - a10],
    ];
    arr(r.attention).forEach((v, i) => expect(v).toBeCloseTo(A[Math.floor(i / 2)][i % 2], 6));
    const want = expected(A);
    arr(r.outputs).forEach((v, i) => expect(v).toBeCloseTo(want.out[Math.floor(i / 4)][i % 4], 5));
    expect(arr(r.logits)[0]).toBeCloseTo(want.logit, 5);
    disposeBstTensors(x);
    model.dispose();
  });

  it('causal attention: the behavior reads only itself', () => {
    const model = build('causal');
    const x = tensors(model, [sample([mouse], tshirt)], 1);
    const r = model.forward(x, { training: false });
    const a10 = 1 / (1 + Math.exp(0.375));
    const A = [
      [1, 0],
      [a10, 1 - a10],
    ];
    arr(r.attention).forEach((v, i) => expect(v).toBeCloseTo(A[Math.floor(i / 2)][i % 2], 6));
    expect(arr(r.logits)[0]).toBeCloseTo(expected(A).logit, 5);
    disposeBstTensors(x);
    model.dispose();
  });
});

describe('BST invariants', () => {
  const VARIANTS: [string, Partial<BstSettings>][] = [
    ['time gap, full, concat, 2 heads', {}],
    [
      'position, causal, candidate, 1 head',
      { position: 'position', attention: 'causal', output: 'candidate', heads: 1 },
    ],
    ['time gap, causal, concat, 1 head', { attention: 'causal', heads: 1 }],
  ];

  it.each(VARIANTS)('%s: attention rows sum to 1 over readable tokens, 0 on padding', (_, over) => {
    const model = new BstModel(TINY, VOCAB, 3, { ...BST, ...over });
    const x = tensors(model, SAMPLES, TINY.T);
    const a = model.forward(x, { training: false }).attention.arraySync() as number[][][][];
    const L = TINY.T + 1;
    SAMPLES.forEach((s, b) => {
      const real = (j: number) => j < s.history.length || j === L - 1;
      for (const head of a[b]) {
        head.forEach((row, i) => {
          if (!real(i)) return;
          const readable = row.filter((_, j) => real(j) && (over.attention !== 'causal' || j <= i));
          expect(readable.reduce((p, q) => p + q, 0)).toBeCloseTo(1, 5);
          row.forEach((v, j) => {
            if (!real(j)) expect(v).toBe(0);
            if (over.attention === 'causal' && j > i) expect(v).toBe(0);
          });
        });
      }
    });
    disposeBstTensors(x);
    model.dispose();
  });

  it('more padding changes nothing (candidate output, T 4 vs 9)', () => {
    const model = new BstModel(TINY, VOCAB, 4, { ...BST, output: 'candidate' });
    const a = arr(model.forward(tensors(model, SAMPLES, 4), { training: false }).logits);
    const b = arr(model.forward(tensors(model, SAMPLES, 9), { training: false }).logits);
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 5));
    model.dispose();
  });

  it.each(['timeGap', 'position'] as const)(
    '%s: the padding rows of every table change nothing',
    (position) => {
      const model = new BstModel(TINY, VOCAB, 5, { ...BST, position });
      const x = tensors(model, SAMPLES, TINY.T);
      const before = arr(model.loss(x, true).total);
      const logits = arr(model.forward(x, { training: false }).logits);
      const { catOffset, shopOffset } = model.layout;
      const emb = model.params.get('embeddings');
      const pad = tf.tensor1d([0, catOffset, shopOffset], 'int32');
      emb.assign(tf.tensorScatterUpdate(emb, tf.expandDims(pad, 1), tf.fill([3, TINY.embDim], 7)));
      model.positions.assign(
        tf.tensorScatterUpdate(model.positions, [[0]], tf.fill([1, TINY.embDim], -5)),
      );
      arr(model.forward(x, { training: false }).logits).forEach((v, i) =>
        expect(v).toBeCloseTo(logits[i], 5),
      );
      expect(arr(model.loss(x, true).total)[0]).toBeCloseTo(before[0], 5);
      disposeBstTensors(x);
      model.dispose();
    },
  );

  it('causal: behaviors never read the candidate; full: they do', () => {
    for (const attention of ['causal', 'full'] as const) {
      const model = new BstModel(TINY, VOCAB, 6, { ...BST, attention });
      const outs = [keyboard, faceWash].map((c) => {
        const x = tensors(model, [timed(sample([mouse, tshirt], c), [0, 1], 2)], TINY.T);
        return arr(model.forward(x, { training: false }).outputs).slice(0, 2 * model.d);
      });
      const same = outs[0].every((v, i) => Math.abs(v - outs[1][i]) < 1e-6);
      expect(same).toBe(attention === 'causal');
      model.dispose();
    }
  });

  it('time gap reads the gaps, position does not', () => {
    const when = [
      [0, 1, 2, 3],
      [0, 100, 200, 300],
    ];
    for (const position of ['timeGap', 'position'] as const) {
      const model = new BstModel(TINY, VOCAB, 7, { ...BST, position });
      const ys = when.map((t) => {
        const s = timed(sample([mouse, tshirt, faceWash, keyboard], mouse), t, t[3]);
        return arr(model.forward(tensors(model, [s], TINY.T), { training: false }).pooled);
      });
      const moved = ys[0].some((v, i) => Math.abs(v - ys[1][i]) > 1e-6);
      expect(moved).toBe(position === 'timeGap');
      model.dispose();
    }
  });
});

describe('BST gradients', () => {
  it.each([
    ['full, concat, 2 heads', {}],
    [
      'causal, candidate, position',
      { attention: 'causal', output: 'candidate', position: 'position' },
    ],
  ] as [string, Partial<BstSettings>][])('%s: match central finite differences', (_, over) => {
    const settings: ModelSettings = { ...TINY, embDim: 2, T: 4, hidden: [4] };
    const model = new BstModel(settings, VOCAB, 11, { ...BST, ffnHidden: 5, ...over });
    const x = tensors(model, SAMPLES, settings.T);
    const f = () => model.loss(x, false).total;
    const vars = model.params.trainable();
    const { grads } = tf.variableGrads(f, vars);
    // Small: layer norm of the small initial tokens is strongly curved.
    const eps = 1e-3;
    let checked = 0;
    for (const v of vars) {
      const g = Array.from(grads[v.name].dataSync());
      const base = Float32Array.from(v.dataSync());
      // A few entries per variable, always the largest-gradient one (a zero gradient proves little).
      const largest = g.reduce((best, x, i) => (Math.abs(x) > Math.abs(g[best]) ? i : best), 0);
      for (const i of [largest, 0, Math.floor(base.length / 2)]) {
        const at = (delta: number) => {
          const vals = base.slice();
          vals[i] += delta;
          v.assign(tf.tensor(vals, v.shape));
          return f().dataSync()[0];
        };
        const fd = (at(eps) - at(-eps)) / (2 * eps);
        v.assign(tf.tensor(base, v.shape));
        expect(Math.abs(fd - g[i])).toBeLessThan(2e-3 + 0.05 * Math.abs(g[i]));
        checked++;
      }
    }
    expect(checked).toBe(3 * vars.length);
    disposeBstTensors(x);
    model.dispose();
  });

  it('a few Adam steps lower the training loss', () => {
    const model = new BstModel(TINY, VOCAB, 12, BST);
    const trainer = bstTrainer(model, 0.01);
    const x = tensors(model, SAMPLES, TINY.T);
    const first = arr(model.loss(x, false).total)[0];
    for (let i = 0; i < 30; i++) trainer.step(x).total.dispose();
    expect(arr(model.loss(x, false).total)[0]).toBeLessThan(first - 0.1);
    disposeBstTensors(x);
    trainer.dispose();
    model.dispose();
  });
});

describe('bstInternals', () => {
  it('reads the kept tokens only: per head an (n+1)×(n+1) attention, outputs, positions', async () => {
    const model = new BstModel(TINY, VOCAB, 13, BST);
    const r = await bstInternals(model, [mouse, tshirt], keyboard, CATALOGUE, {
      times: [0, 3],
      now: 3,
    });
    expect(r.attention).toHaveLength(2);
    for (const head of r.attention) {
      expect(head).toHaveLength(3);
      for (const row of head) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(r.outputs).toHaveLength(3);
    expect(r.outputs[0]).toHaveLength(model.d);
    // Gap buckets: 3 days → 4, same day → 2, the candidate 2.
    expect(r.positions).toEqual([4, 2, 2]);
    expect(r.pooled).toHaveLength((TINY.T + 1) * model.d);
    expect(r.ctr).toBeGreaterThan(0);
    expect(r.ctr).toBeLessThan(1);
    model.dispose();
  });
});
