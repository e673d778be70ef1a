import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { MODEL_NAMES, type ModelName, type ModelSettings } from './config';
import { createModel, DienModel, DinModel } from './models';
import { ModelTrainer } from './trainer';
import { goodByName } from '../world/catalogue';
import { sample, TINY, tensorsFor, useCpu, VOCAB } from './testing';
import { disposeTensors } from './inputs';

beforeAll(useCpu);

const arr = (t: tf.Tensor) => Array.from(t.dataSync());
const id = (n: string) => goodByName(n).id;
const mouse = id('mouse');
const tshirt = id('T-shirt');
const faceWash = id('face wash');
const keyboard = id('keyboard');

const SAMPLES = [
  sample([mouse, tshirt, faceWash], keyboard, 1),
  sample([tshirt, keyboard], faceWash, 0),
  sample([faceWash, mouse, keyboard, tshirt], mouse, 1),
];

const VARIANTS: [string, ModelName, Partial<ModelSettings>][] = [
  ['Base (sum)', 'base', {}],
  ['Base (mean)', 'base', { basePooling: 'mean' }],
  ['DIN (authors diff/product)', 'din', {}],
  ['DIN (paper outer product, Dice)', 'din', { attentionInput: 'outer', activation: 'dice' }],
  ['DIN (dot product, softmax)', 'din', { attentionInput: 'dot', attentionSoftmax: true }],
  ['DIEN (AUGRU)', 'dien', {}],
  ['DIEN (AGRU, Dice)', 'dien', { evolving: 'agru', activation: 'dice' }],
  ['DIEN (AIGRU)', 'dien', { evolving: 'aigru' }],
];

describe('invariants', () => {
  it.each(VARIANTS)('%s: more padding changes no output', (_, name, over) => {
    const model = createModel(name, { ...TINY, ...over }, VOCAB, 7);
    const short = tensorsFor(SAMPLES, 4);
    const long = tensorsFor(SAMPLES, 9);
    const a = arr(model.forward(short, { training: false }).logits);
    const b = arr(model.forward(long, { training: false }).logits);
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 5));
    // Also in training mode: Dice's batch statistics skip padded rows.
    const at = arr(model.loss(short, true).total);
    const bt = arr(model.loss(long, true).total);
    expect(bt[0]).toBeCloseTo(at[0], 5);
    model.dispose();
  });

  it('the candidate and the history read the same embedding rows', () => {
    const model = createModel('din', TINY, VOCAB, 1);
    const x = tensorsFor([sample([keyboard, mouse], keyboard)], 3);
    const out = model.forward(x, { training: false });
    const hist = arr(out.hist);
    const D = model.D;
    expect(hist.slice(0, D)).toEqual(arr(out.cand));
    const names = model.params.entries().map(([n]) => n);
    expect(names.filter((n) => n.startsWith('emb'))).toEqual(['embeddings']);
  });

  it('DIN with equal weights is SUM pooling through the same MLP', () => {
    const din = createModel('din', TINY, VOCAB, 1) as DinModel;
    const x = tensorsFor(SAMPLES, 5);
    const eq = din.forward(x, { training: false, equalWeights: true });
    expect(arr(eq.pooled)).toEqual(arr(tf.sum(eq.hist, 1)));
  });
});

describe('DIEN auxiliary loss', () => {
  it('averages over valid next positions only, ignoring padding and the last behavior', () => {
    const dien = createModel('dien', TINY, VOCAB, 2) as DienModel;
    const s = sample([mouse, tshirt, faceWash], keyboard);
    const x = tensorsFor([s], 6);
    const out = dien.forward(x, { training: false });
    const pos = arr(out.auxPositive!);
    const neg = arr(out.auxNegative!);
    const sp = (v: number) => Math.log1p(Math.exp(v));
    // Valid positions t = 0, 1 (t = 2 has no next behavior inside the history).
    const expected = (sp(-pos[0]) + sp(neg[0]) + sp(-pos[1]) + sp(neg[1])) / 2;
    expect(arr(out.auxLoss!)[0]).toBeCloseTo(expected, 5);
    // Changing the negatives at unused positions changes nothing.
    const s2 = { ...s, auxNegatives: [s.auxNegatives[0], s.auxNegatives[1], keyboard] };
    const out2 = dien.forward(tensorsFor([s2], 6), { training: false });
    expect(arr(out2.auxLoss!)[0]).toBeCloseTo(expected, 6);
  });

  it('is added to the target loss with weight α', () => {
    const x = tensorsFor(SAMPLES, 5);
    const d0 = createModel('dien', { ...TINY, auxWeight: 0 }, VOCAB, 3);
    const d2 = createModel('dien', { ...TINY, auxWeight: 2 }, VOCAB, 3);
    const l0 = d0.loss(x, false);
    const l2 = d2.loss(x, false);
    expect(arr(l0.total)[0]).toBeCloseTo(arr(l0.target)[0], 6);
    expect(arr(l2.total)[0]).toBeCloseTo(arr(l2.target)[0] + 2 * arr(l2.aux!)[0], 5);
  });
});

function finiteDifferenceCheck(
  name: ModelName,
  over: Partial<ModelSettings>,
  training: boolean,
): void {
  const model = createModel(name, { ...TINY, ...over }, VOCAB, 11);
  const x = tensorsFor(SAMPLES, 5);
  // Order-one embeddings keep pre-activations away from the PReLU kink at 0, where a finite
  // difference is meaningless.
  const table = model.params.get('embeddings');
  table.assign(tf.mul(table, 20));
  const lossValue = () => tf.tidy(() => model.loss(x, training).total.dataSync()[0]);
  const vars = model.params.trainable();
  const { grads } = tf.variableGrads(() => model.loss(x, training).total, vars);
  let checked = 0;
  for (const v of vars) {
    const g = grads[v.name].dataSync();
    const values = v.dataSync().slice();
    // The entries with the largest gradients, so the check is not dominated by zeros.
    const order = Array.from(g.keys()).sort((i, j) => Math.abs(g[j]) - Math.abs(g[i]));
    for (const i of order.slice(0, 2)) {
      // Small enough not to cross a ReLU kink, large enough for float32 round-off.
      const eps = 1e-3;
      const at = (delta: number) => {
        const next = values.slice();
        next[i] += delta;
        v.assign(tf.tensor(next, v.shape));
        return lossValue();
      };
      const numeric = (at(eps) - at(-eps)) / (2 * eps);
      v.assign(tf.tensor(values, v.shape));
      expect(Math.abs(numeric - g[i])).toBeLessThan(2e-3 + 0.05 * Math.abs(g[i]));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(6);
  model.dispose();
}

describe('gradients agree with finite differences', () => {
  it.each(VARIANTS)('%s', (_, name, over) => finiteDifferenceCheck(name, over, false));
  // Training mode: DIEN's recurrent layers run through the fused op with its hand-written
  // backward pass (recurrence.ts), and Dice on batch statistics.
  it.each(VARIANTS.filter(([, name]) => name === 'dien'))('%s, training path', (_, name, over) =>
    finiteDifferenceCheck(name, over, true),
  );
});

describe('training', () => {
  it('same seed, same numbers; tensor count flat after warm-up', () => {
    const run = () => {
      const models = MODEL_NAMES.map((n) => createModel(n, TINY, VOCAB, 5));
      const trainers = models.map((m) => new ModelTrainer(m, 0.01));
      const x = tensorsFor(SAMPLES, 5);
      const losses: number[] = [];
      let after2 = 0;
      for (let s = 0; s < 6; s++) {
        for (const t of trainers) {
          const r = t.step(x);
          losses.push(r.total.dataSync()[0]);
          r.total.dispose();
          r.aux?.dispose();
        }
        if (s === 1) after2 = tf.memory().numTensors;
      }
      const after6 = tf.memory().numTensors;
      disposeTensors(x);
      trainers.forEach((t) => t.dispose());
      models.forEach((m) => m.dispose());
      return { losses, after2, after6 };
    };
    const a = run();
    const b = run();
    expect(a.losses).toEqual(b.losses);
    expect(a.after6).toBe(a.after2);
    // Training reduces the loss on the batch it sees.
    expect(a.losses[15]).toBeLessThan(a.losses[0]);
  });
});

describe('building and disposing models', () => {
  it('leaves no tensor behind (the initial values go with the build)', async () => {
    await useCpu();
    const round = () => {
      for (const name of ['base', 'din', 'dien'] as const)
        createModel(name, TINY, VOCAB, 1).dispose();
    };
    // The first build may cache a constant or two for good; every later one must leave nothing.
    round();
    const before = tf.memory().numTensors;
    round();
    round();
    expect(tf.memory().numTensors).toBe(before);
  });
});
