/**
 * Bug lab: each switch computes its bug (and only with the switch on). The correct path's own
 * tests (models, layers, cells, recurrence) stay untouched; pitfall 4's recurrence is in
 * bugCells.test.ts, pitfall 7's sampling in src/data/samples.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { bugsOf, NO_BUGS, type BugFlags, type ModelName, type ModelSettings } from './config';
import { BUGS, BUG_PRESETS } from './bugs';
import { createModel, type CtrModel } from './models';
import { attentionWeights, createActivationUnit, attentionDetails } from './attention';
import { dice, type DiceParams } from './layers';
import { ParamStore } from './params';
import { goodByName } from '../world/catalogue';
import { sample, TINY, tensorsFor, useCpu, VOCAB } from './testing';

beforeAll(useCpu);

const arr = (t: tf.Tensor) => Array.from(t.dataSync());
const id = (n: string) => goodByName(n).id;
const [mouse, tshirt, faceWash, keyboard] = ['mouse', 'T-shirt', 'face wash', 'keyboard'].map(id);
const SAMPLES = [
  sample([mouse, tshirt, faceWash], keyboard, 1),
  sample([tshirt, keyboard], faceWash, 0),
  sample([faceWash, mouse, keyboard, tshirt], mouse, 1),
];

const model = (name: ModelName, bugs: Partial<BugFlags>, over: Partial<ModelSettings> = {}) =>
  createModel(name, { ...TINY, ...over, bugs }, VOCAB, 7);
const logits = (m: CtrModel, T: number, training = false) =>
  arr(m.forward(tensorsFor(SAMPLES, T), { training }).logits);
const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('1. padding not masked', () => {
  it.each(['base', 'din'] as const)('%s: with the bug, more padding changes the output', (name) => {
    const correct = model(name, {});
    const bugged = model(name, { paddingLeak: true });
    expect(maxDiff(logits(correct, 4), logits(correct, 9))).toBeLessThan(1e-5);
    expect(maxDiff(logits(bugged, 4), logits(bugged, 9))).toBeGreaterThan(1e-4);
    // A full window has no padding: then the bug changes nothing.
    const full = [sample([mouse, tshirt, faceWash], keyboard)];
    const a = arr(correct.forward(tensorsFor(full, 3), { training: false }).logits);
    const b = arr(bugged.forward(tensorsFor(full, 3), { training: false }).logits);
    expect(b[0]).toBeCloseTo(a[0], 6);
  });

  it('Base SUM: the pooled vector gains (T − L) × the padding vector, and the padding row trains', () => {
    const bugged = model('base', { paddingLeak: true });
    const x = tensorsFor([sample([mouse, tshirt], keyboard)], 5);
    const out = bugged.forward(x, { training: false });
    const table = bugged.params.get('embeddings');
    const layout = bugged.layout;
    const pad = arr(
      bugged.goodEmbeddings(tf.tensor1d([0, layout.catOffset, layout.shopOffset], 'int32')),
    );
    const hist = arr(out.hist);
    const D = bugged.D;
    const expected = Array.from({ length: D }, (_, k) => {
      let s = 0;
      for (let t = 0; t < 5; t++) s += hist[t * D + k];
      return s;
    });
    arr(out.pooled).forEach((v, k) => expect(v).toBeCloseTo(expected[k], 6));
    // Positions 2..4 are the padding vector itself.
    hist.slice(2 * D, 3 * D).forEach((v, k) => expect(v).toBeCloseTo(pad[k], 6));
    const grads = tf.variableGrads(() => bugged.loss(x, true).total, [table]);
    const g = grads.grads[table.name].arraySync() as number[][];
    expect(Math.max(...g[0].map(Math.abs))).toBeGreaterThan(1e-6);
    const correct = model('base', {});
    const cg = tf.variableGrads(
      () => correct.loss(x, true).total,
      [correct.params.get('embeddings')],
    );
    const c = Object.values(cg.grads)[0].arraySync() as number[][];
    expect(c[0].every((v) => v === 0)).toBe(true);
  });

  it('DIN: padded positions get a weight of their own', () => {
    const out = model('din', { paddingLeak: true }).forward(tensorsFor(SAMPLES, 6), {
      training: false,
    });
    const w = out.weights!.arraySync();
    expect(Math.abs(w[1][4])).toBeGreaterThan(1e-4);
    const ok = model('din', {}).forward(tensorsFor(SAMPLES, 6), { training: false });
    expect(ok.weights!.arraySync()[1][4]).toBe(0);
  });
});

describe('2. separate embedding tables', () => {
  it.each(['base', 'din', 'dien'] as const)(
    '%s: starts equal to the correct model, then the candidate table trains apart',
    (name) => {
      const correct = model(name, {});
      const bugged = model(name, { separateTables: true });
      expect(maxDiff(logits(correct, 5), logits(bugged, 5))).toBeLessThan(1e-6);
      const names = bugged.params.entries().map(([n]) => n);
      expect(names).toContain('embeddings/candidate');
      const x = tensorsFor(SAMPLES, 5);
      const [hist, cand] = ['embeddings', 'embeddings/candidate'].map((n) => bugged.params.get(n));
      const g = tf.variableGrads(() => bugged.loss(x, true).total, [hist, cand]).grads;
      // The candidate keyboard's row: its gradient goes to the candidate table only (keyboard
      // is in a history too, so the history table gets its own, different gradient).
      const gh = (g[hist.name].arraySync() as number[][])[faceWash];
      const gc = (g[cand.name].arraySync() as number[][])[faceWash];
      expect(Math.max(...gc.map(Math.abs))).toBeGreaterThan(1e-6);
      expect(maxDiff(gh, gc)).toBeGreaterThan(1e-6);
    },
  );
});

describe('3. Dice batch normalisation', () => {
  const params = (): DiceParams => {
    const p = new ParamStore(1);
    return {
      alpha: p.constant('a', [2], 0.25),
      movingMean: p.constant('m', [2], 0.3, false),
      movingVar: p.constant('v', [2], 2, false),
    };
  };
  const x = tf.tensor2d([
    [1, -2],
    [3, 0.5],
    [-1, 4],
  ]);

  it('frozen: p = σ(s/√(1 + ε)) in training and inference, statistics never move', () => {
    const d = params();
    const out = arr(dice(x, d, true, undefined, 'frozen'));
    arr(x).forEach((s, i) => {
      const p = 1 / (1 + Math.exp(-s / Math.sqrt(1 + 1e-8)));
      expect(out[i]).toBeCloseTo(p * s + (1 - p) * 0.25 * s, 6);
    });
    expect(arr(d.movingMean)).toEqual([0.3, 0.3].map(Math.fround));
    expect(arr(dice(x, d, false, undefined, 'frozen'))).toEqual(out);
  });

  it('batch statistics at inference: a row depends on the rest of its batch', () => {
    const d = params();
    const full = arr(dice(x, d, false, undefined, 'batchAtInference'));
    const alone = arr(dice(tf.slice(x, [0, 0], [2, 2]), d, false, undefined, 'batchAtInference'));
    expect(Math.abs(full[0] - alone[0])).toBeGreaterThan(1e-3);
    // Inference does not update the moving averages, and the correct path ignores the batch.
    expect(arr(d.movingVar)).toEqual([2, 2]);
    const ok = arr(dice(x, d, false));
    expect(arr(dice(tf.slice(x, [0, 0], [2, 2]), d, false))[0]).toBeCloseTo(ok[0], 7);
    // Hand check, column 0: mean 1, var 8/3.
    const s = 1;
    const p = 1 / (1 + Math.exp(-(s - 1) / Math.sqrt(8 / 3 + 1e-8)));
    expect(full[0]).toBeCloseTo(p * s + (1 - p) * 0.25 * s, 6);
  });

  it('in a model: with batch statistics, scoring a row alone changes its CTR', () => {
    const bugged = model('din', { batchNorm: 'batchAtInference' }, { activation: 'dice' });
    const correct = model('din', {}, { activation: 'dice' });
    const one = (m: CtrModel) =>
      arr(m.forward(tensorsFor([SAMPLES[0]], 5), { training: false }).logits)[0];
    expect(Math.abs(one(bugged) - logits(bugged, 5)[0])).toBeGreaterThan(1e-4);
    expect(one(correct)).toBeCloseTo(logits(correct, 5)[0], 6);
  });
});

describe('5. auxiliary loss', () => {
  it('over padding = over valid pairs × (valid pairs) / (B·(T − 1)), hand-computed ratio', () => {
    const T = 6;
    const x = tensorsFor(SAMPLES, T);
    const valid = arr(x.auxMask).reduce((a, b) => a + b, 0);
    // Lengths 3, 2, 4 → 2 + 1 + 3 = 6 pairs of 3 · 5 = 15.
    expect(valid).toBe(6);
    const correct = model('dien', {}).forward(x, { training: false }).auxLoss!.dataSync()[0];
    const bugged = model('dien', { auxLoss: 'overPadding' })
      .forward(x, { training: false })
      .auxLoss!.dataSync()[0];
    expect(bugged).toBeCloseTo((correct * 6) / 15, 6);
  });

  it('dropped: the total loss is the target loss, the aux loss is still reported', () => {
    const x = tensorsFor(SAMPLES, 5);
    const l = model('dien', { auxLoss: 'dropped' }).loss(x, true);
    expect(l.total.dataSync()[0]).toBe(l.target.dataSync()[0]);
    expect(l.aux!.dataSync()[0]).toBeGreaterThan(0);
    const ok = model('dien', {}).loss(x, true);
    expect(ok.total.dataSync()[0]).toBeGreaterThan(ok.target.dataSync()[0]);
  });
});

describe('4. inverted AUGRU in DIEN', () => {
  it('changes the output; ignored by the other cells', () => {
    expect(
      maxDiff(logits(model('dien', {}), 5), logits(model('dien', { invertedAugru: true }), 5)),
    ).toBeGreaterThan(1e-4);
    const agru = (bugs: Partial<BugFlags>) => logits(model('dien', bugs, { evolving: 'agru' }), 5);
    expect(agru({ invertedAugru: true })).toEqual(agru({}));
  });
});

describe('6. softmax with 1/√D', () => {
  it('weights = softmax(scores / √D) over the real positions (dot unit, hand-computed)', () => {
    const unit = createActivationUnit(new ParamStore(1), 2, 'dot', [], 'prelu', false, {
      scaledSoftmax: true,
    });
    const hist = tf.tensor3d([
      [
        [1, 2],
        [3, -1],
        [0, 0],
      ],
    ]);
    const cand = tf.tensor2d([[1, 1]]);
    const mask = tf.tensor2d([[1, 1, 0]]);
    const w = arr(attentionWeights(unit, hist, cand, mask, false));
    // scores 3 and 2, divided by √2
    const e = [Math.exp(3 / Math.SQRT2), Math.exp(2 / Math.SQRT2)];
    expect(w[0]).toBeCloseTo(e[0] / (e[0] + e[1]), 6);
    expect(w[1]).toBeCloseTo(e[1] / (e[0] + e[1]), 6);
    expect(w[2]).toBe(0);
    const plain = createActivationUnit(new ParamStore(1), 2, 'dot', [], 'prelu', true);
    expect(arr(attentionWeights(plain, hist, cand, mask, false))[0]).toBeCloseTo(
      Math.exp(1) / (Math.exp(1) + 1),
      6,
    );
  });

  it("the preset's sigmoid unit: hidden activations in (0, 1), no PReLU parameters", () => {
    const p = new ParamStore(2);
    const unit = createActivationUnit(p, 2, 'diffprod', [3], 'prelu', false, { sigmoidUnit: true });
    expect(
      p
        .entries()
        .map(([n]) => n)
        .some((n) => n.includes('prelu')),
    ).toBe(false);
    const hist = tf.tensor3d([
      [
        [1, 2],
        [3, -1],
      ],
    ]);
    const { hidden } = attentionDetails(
      unit,
      hist,
      tf.tensor2d([[1, 1]]),
      tf.tensor2d([[1, 1]]),
      false,
    );
    expect(arr(hidden[0]).every((v) => v > 0 && v < 1)).toBe(true);
  });
});

describe('the bug table (bugs.ts)', () => {
  it('every switch has an entry; each entry and preset is bilingual and turns something on', () => {
    const flags = Object.keys(NO_BUGS).filter((k) => k !== 'sigmoidUnit');
    for (const f of flags) expect(BUGS.some((b) => f in b.bugs)).toBe(true);
    expect(new Set(BUGS.map((b) => b.pitfall))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    for (const e of [...BUGS, ...BUG_PRESETS]) {
      for (const t of [e.title, e.description, e.equation]) {
        expect(t.en.length).toBeGreaterThan(5);
        expect(t.zh).toMatch(/[\u4e00-\u9fff]|[=∑Σσ]/);
      }
      const on = bugsOf({ ...TINY, bugs: e.bugs });
      expect(on).not.toEqual(NO_BUGS);
    }
  });

  it("the presets are what the authors' code runs (MODEL_SPEC.md)", () => {
    const [din, dien] = BUG_PRESETS;
    expect(din.bugs).toEqual({ scaledSoftmax: true, sigmoidUnit: true, batchNorm: 'frozen' });
    expect(dien.bugs).toEqual({ invertedAugru: true, auxLoss: 'overPadding' });
  });
});
