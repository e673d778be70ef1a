import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { singleBatch } from '../../data/batch';
import { disposeTensors, toTensors } from '../../model/inputs';
import { useCpu } from '../../model/testing';
import { TrainingSession } from './session';
import type { DinModel } from '../../model/models';
import { DEFAULT_WORLD } from '../../world/simulator';
import { DEFAULT_MODEL_SETTINGS } from '../../model/config';
import { goodByName } from '../../world/catalogue';
import { truth } from '../../world/truth';
import type { SessionConfig } from '../protocol';
import type { World } from '../../world/types';

beforeAll(useCpu);

const CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, shoppers: 40, seed: 4 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 6, embDim: 3, hidden: [8], attentionHidden: [6] },
  train: { batchSize: 16, learningRate: 0.01, seed: 4, evalEvery: 0 },
};
const id = (n: string) => goodByName(n).id;

describe('TrainingSession.score', () => {
  it('reports the models’ own intermediates, consistently with each other', async () => {
    const s = TrainingSession.create(CONFIG);
    for (let i = 0; i < 3; i++) s.step();
    const history = [id('mouse'), id('T-shirt'), id('face wash'), id('headset')];
    const r = await s.score(history, id('keyboard'));
    expect(r.kept).toEqual([0, 1, 2, 3]);
    expect(r.truth).toEqual(truth(s.world as World, history, id('keyboard')));
    // DIN: pooled = Σ w_j e_j, contributions w_j e_j.
    const D = r.din.candidateEmbedding.length;
    for (let k = 0; k < D; k++) {
      const sum = r.din.behaviorEmbeddings.reduce((acc, e, j) => acc + r.din.weights[j] * e[k], 0);
      expect(r.din.pooled[k]).toBeCloseTo(sum, 5);
      expect(r.din.contributions[1][k]).toBeCloseTo(
        r.din.weights[1] * r.din.behaviorEmbeddings[1][k],
        6,
      );
    }
    // Shared table: the keyboard as a candidate reads the row the history would.
    const asHistory = await s.score([id('keyboard')], id('mouse'));
    expect(asHistory.din.behaviorEmbeddings[0]).toEqual(r.din.candidateEmbedding);
    // DIEN: a_t is a softmax over the kept steps; AUGRU's effective gate is a_t · u′_t.
    expect(r.dien.attention.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    r.dien.effectiveGate.forEach((g, t) =>
      expect(g).toBeCloseTo(r.dien.attention[t] * r.dien.updateGate[t], 5),
    );
    expect(r.dien.gruStates).toHaveLength(4);
    expect(r.dien.evolvingStates[3]).toEqual(r.dien.pooled);
    // Aux: a sampled negative per position with a next behavior, never the real next one.
    expect(r.dien.auxNegatives[3]).toBe(0);
    r.dien.auxNegatives.slice(0, 3).forEach((g, t) => expect(g).not.toBe(history[t + 1]));
    const dot = (a: number[], b: number[]) => a.reduce((acc, x, i) => acc + x * b[i], 0);
    const dienVectors = (await s.embeddingMap()).vectors.dien;
    r.dien.auxNegatives.slice(0, 3).forEach((neg, t) => {
      const h = r.dien.gruStates[t];
      expect(r.dien.auxPositiveScore[t]).toBeCloseTo(dot(h, dienVectors[history[t + 1] - 1]), 5);
      expect(r.dien.auxNegativeScore[t]).toBeCloseTo(dot(h, dienVectors[neg - 1]), 5);
    });
    expect(r.dien.auxPositiveScore[3]).toBeNaN();
    for (const m of [r.base, r.din, r.dien]) expect(m.ctr).toBeGreaterThan(0);
    s.dispose();
  });

  it("exposes the activation unit's hidden layer, from which its output gives DIN's weight", async () => {
    const s = TrainingSession.create(CONFIG);
    for (let i = 0; i < 3; i++) s.step();
    const r = await s.score([id('mouse'), id('T-shirt')], id('keyboard'));
    const [layer] = r.din.unitHidden;
    expect(r.din.unitHidden).toHaveLength(CONFIG.model.attentionHidden.length);
    expect(layer).toHaveLength(2);
    expect(layer[0]).toHaveLength(CONFIG.model.attentionHidden[0]);
    const out = (s.models.din as DinModel).unit.mlp!.out;
    const w = out.w.dataSync();
    const b = out.b.dataSync()[0];
    layer.forEach((h, j) => {
      const weight = h.reduce((acc, x, k) => acc + x * w[k], b);
      expect(weight).toBeCloseTo(r.din.weights[j], 5);
    });
    s.dispose();
  });

  it('scores on the kept length exactly as on a batch padded to T (views skip the padding)', async () => {
    const s = TrainingSession.create(CONFIG);
    for (let i = 0; i < 3; i++) s.step();
    const history = [id('mouse'), id('T-shirt'), id('headset')];
    const cand = id('keyboard');
    const r = await s.score(history, cand);
    const heat = await s.heatmap(history);
    const padded = tf.tidy(() => {
      const x = toTensors(
        singleBatch(history, cand, s.world.catalogue, CONFIG.model.T),
        s.models.base.layout,
      );
      const ctr = (['base', 'din', 'dien'] as const).map(
        (m) => tf.sigmoid(s.models[m].forward(x, { training: false }).logits).dataSync()[0],
      );
      const w = Array.from(s.models.din.forward(x, { training: false }).weights!.dataSync());
      disposeTensors(x);
      return { ctr, w };
    });
    expect(r.base.ctr).toBeCloseTo(padded.ctr[0], 6);
    expect(r.din.ctr).toBeCloseTo(padded.ctr[1], 6);
    expect(r.dien.ctr).toBeCloseTo(padded.ctr[2], 6);
    const row = heat.weights[heat.candidates.indexOf(cand)];
    for (let j = 0; j < history.length; j++) {
      expect(r.din.weights[j]).toBeCloseTo(padded.w[j], 6);
      expect(row[j]).toBeCloseTo(padded.w[j], 6);
    }
  });

  it('keeps the most recent T behaviors of a long history', async () => {
    const s = TrainingSession.create(CONFIG);
    const history = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const r = await s.score(history, 10);
    expect(r.kept).toEqual([3, 4, 5, 6, 7, 8]);
    expect(r.din.weights).toHaveLength(6);
    expect(r.truth?.relevance).toHaveLength(6);
    s.dispose();
  });

  it('DIN with equal weights and the heatmap row match score()', async () => {
    const s = TrainingSession.create(CONFIG);
    s.step();
    const history = [id('mouse'), id('basketball')];
    const r = await s.score(history, id('keyboard'));
    const h = await s.heatmap(history);
    const row = h.weights[h.candidates.indexOf(id('keyboard'))];
    row.forEach((w, j) => expect(w).toBeCloseTo(r.din.weights[j], 5));
    expect(r.din.ctrWithEqualWeights).not.toBe(r.din.ctr);
    s.dispose();
  });

  it('embeddingMap gives every good’s vector per model, as the candidate reads it', async () => {
    const s = TrainingSession.create(CONFIG);
    const map = await s.embeddingMap();
    expect(map.goods).toHaveLength(s.world.catalogue.goods.length);
    const r = await s.score([id('mouse')], id('keyboard'));
    expect(map.vectors.din[id('keyboard') - 1]).toEqual(r.din.candidateEmbedding);
    s.dispose();
  });
});
