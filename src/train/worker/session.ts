import * as tf from '@tensorflow/tfjs-core';
import { simulateWorld } from '../../world/simulator';
import { truth } from '../../world/truth';
import type { World } from '../../world/types';
import { buildDataset } from '../../data/samples';
import { BatchIterator, evalBatches, keptIndices, makeBatch } from '../../data/batch';
import { sampleOther } from '../../data/samples';
import { Rng } from '../../world/random';
import type { Dataset, Sample } from '../../data/types';
import { auc, gauc, logloss } from '../../metrics';
import { MODEL_NAMES, type ModelName, type Vocab } from '../../model/config';
import { createModel, type CtrModel, DinModel, DienModel } from '../../model/models';
import { attentionDetails } from '../../model/attention';
import { ModelTrainer } from '../../model/trainer';
import { disposeTensors, toTensors, type TableLayout } from '../../model/inputs';
import type { EvalMetrics, ScoreResult, SessionConfig, WeightsSnapshot } from '../protocol';

/** Test-set evaluation reads the models in chunks of this many rows (a fixed shape). */
const EVAL_BATCH = 256;

type PerModel<T> = Record<ModelName, T>;

function perModel<T>(f: (name: ModelName) => T): PerModel<T> {
  return { base: f('base'), din: f('din'), dien: f('dien') };
}

/**
 * The sequence length the views' forward passes use: the kept history only, not T. Padding
 * changes nothing (left-aligned sequences, masked attention, a GRU that carries its state through
 * padded steps; tested), and the DIEN forward pass costs a few kernels per step, so a history of
 * 8 scores about T/8 times faster than padding it to T.
 */
function viewLength(kept: number): number {
  return Math.max(1, kept);
}

/**
 * Base, DIN and DIEN training in lockstep on identical mini-batches of one world.
 * Backend-agnostic: the worker and Node scripts both drive it after choosing a tf backend.
 * Nothing here reads the GPU unless a method returns a Promise.
 */
export class TrainingSession {
  readonly world: World;
  readonly dataset: Dataset;
  readonly models: PerModel<CtrModel>;
  private readonly trainers: PerModel<ModelTrainer>;
  private readonly iterator: BatchIterator;
  private latest: { total: PerModel<tf.Scalar>; aux?: tf.Scalar } | null = null;
  private steps = 0;

  private constructor(readonly config: SessionConfig) {
    this.world = simulateWorld(config.world);
    this.dataset = buildDataset(this.world, { seed: config.world.seed });
    const cat = this.world.catalogue;
    const vocab: Vocab = {
      items: cat.goods.length + 1,
      categories: cat.categories.length + 1,
      shops: cat.shops.length + 1,
    };
    const seed = config.train.seed;
    this.models = perModel((name) =>
      createModel(name, config.model, vocab, seed * 31 + MODEL_NAMES.indexOf(name)),
    );
    this.trainers = perModel(
      (name) => new ModelTrainer(this.models[name], config.train.learningRate),
    );
    this.iterator = new BatchIterator(
      this.dataset.train,
      cat,
      config.model.T,
      config.train.batchSize,
      seed,
    );
  }

  static create(config: SessionConfig): TrainingSession {
    return new TrainingSession(config);
  }

  private get layout(): TableLayout {
    return this.models.base.layout;
  }

  get trainSize(): number {
    return this.dataset.train.length;
  }

  get testSize(): number {
    return this.dataset.test.length;
  }

  get counters(): { step: number; epoch: number; samplesSeen: number } {
    return {
      step: this.steps,
      epoch: this.iterator.epochProgress,
      samplesSeen: this.iterator.samplesSeen,
    };
  }

  /** One lockstep mini-batch for the three models. No readback. */
  step(): void {
    const x = toTensors(this.iterator.next(), this.layout);
    try {
      const results = perModel((name) => this.trainers[name].step(x));
      this.disposeLatest();
      this.latest = {
        total: perModel((name) => results[name].total),
        aux: results.dien.aux,
      };
      for (const name of MODEL_NAMES) {
        if (name !== 'dien') results[name].aux?.dispose();
      }
      this.steps++;
    } finally {
      disposeTensors(x);
    }
  }

  private disposeLatest(): void {
    if (!this.latest) return;
    for (const t of Object.values(this.latest.total)) t.dispose();
    this.latest.aux?.dispose();
    this.latest = null;
  }

  /** Losses of the latest step (one readback). NaN before the first step. */
  async readLosses(): Promise<{ loss: PerModel<number>; auxLoss: number }> {
    if (!this.latest) return { loss: perModel(() => NaN), auxLoss: NaN };
    const l = this.latest;
    const packed = tf.stack([l.total.base, l.total.din, l.total.dien, l.aux ?? tf.scalar(NaN)]);
    const v = await packed.data();
    packed.dispose();
    return { loss: { base: v[0], din: v[1], dien: v[2] }, auxLoss: v[3] };
  }

  /** Predicted probabilities of all three models on `samples`, [3][n], one readback. */
  async predict(samples: Sample[]): Promise<PerModel<Float32Array>> {
    const chunks = evalBatches(samples, this.world.catalogue, this.config.model.T, EVAL_BATCH);
    const parts: tf.Tensor2D[] = [];
    for (const { batch, valid } of chunks) {
      parts.push(
        tf.tidy(() => {
          const x = toTensors(batch, this.layout);
          const probs = MODEL_NAMES.map((n) =>
            tf.sigmoid(this.models[n].forward(x, { training: false, logitsOnly: true }).logits),
          );
          const stacked = tf.slice(tf.stack(probs), [0, 0], [3, valid]) as tf.Tensor2D;
          disposeTensors(x);
          return stacked;
        }),
      );
    }
    const all = tf.concat(parts, 1);
    parts.forEach((p) => p.dispose());
    const v = (await all.data()) as Float32Array;
    all.dispose();
    const n = samples.length;
    return { base: v.slice(0, n), din: v.slice(n, 2 * n), dien: v.slice(2 * n, 3 * n) };
  }

  async evaluate(samples: Sample[] = this.dataset.test): Promise<PerModel<EvalMetrics>> {
    const probs = await this.predict(samples);
    const labels = samples.map((s) => s.label);
    const users = samples.map((s) => s.user);
    return perModel((name) => ({
      auc: auc(labels, probs[name]),
      gauc: gauc(users, labels, probs[name]),
      logloss: logloss(labels, probs[name]),
    }));
  }

  /**
   * A sample for scoring: label 0, and one sampled aux negative per position (seeded by the
   * history and candidate, so re-scoring the same input shows the same negative).
   */
  private scoringSample(history: number[], candidate: number): Sample {
    const rng = new Rng(history.reduce((h, g) => (h * 31 + g) >>> 0, candidate));
    const N = this.world.catalogue.goods.length;
    const auxNegatives = history.map((_, t) =>
      t + 1 < history.length ? sampleOther(rng, N, history[t + 1]) : 0,
    );
    return { user: 0, history, candidate, label: 0, auxNegatives };
  }

  /** Every model's CTR and internals for one (history, candidate) pair, plus the truth. */
  async score(history: number[], candidate: number): Promise<ScoreResult> {
    const T = this.config.model.T;
    const kept = keptIndices(history.length, T);
    const keptHistory = kept.map((i) => history[i]);
    const L = kept.length;
    const sample = this.scoringSample(history, candidate);
    const auxNegatives = sample.auxNegatives;
    const batch = makeBatch([sample], this.world.catalogue, viewLength(L));
    const { tensors, unitHidden } = tf.tidy(() => {
      const x = toTensors(batch, this.layout);
      const base = this.models.base.forward(x, { training: false });
      const din = this.models.din.forward(x, { training: false });
      const dinEqual = this.models.din.forward(x, { training: false, equalWeights: true });
      const dien = this.models.dien.forward(x, { training: false });
      const D = din.cand.shape[1];
      const firstL = <R extends tf.Rank>(t: tf.Tensor<R>, width: number) =>
        tf.slice(t, [0, 0, 0], [1, L, width]);
      const out = {
        ctr: tf.sigmoid(tf.concat([base.logits, din.logits, dinEqual.logits, dien.logits])),
        basePooled: base.pooled,
        dinPooled: din.pooled,
        dinWeights: tf.slice(din.weights!, [0, 0], [1, L]),
        dinHist: firstL(din.hist, D),
        dinCand: din.cand,
        dienPooled: dien.pooled,
        gru: firstL(dien.gruStates!, D),
        evolve: firstL(dien.evolvingStates!, D),
        a: tf.slice(dien.weights!, [0, 0], [1, L]),
        u: tf.mean(firstL(dien.updateGates!, D), 2),
        eff: tf.mean(firstL(dien.effectiveGates!, D), 2),
        auxPos: tf.slice(dien.auxPositive!, [0, 0], [1, L]),
        auxNeg: tf.slice(dien.auxNegative!, [0, 0], [1, L]),
      };
      // Rows 0..L−1 of the unit's hidden layers are this history's kept behaviors (B = 1).
      const unit = (this.models.din as DinModel).unit;
      const hidden = attentionDetails(unit, din.hist, din.cand, x.mask, false).hidden.map((h) =>
        tf.slice(h, [0, 0], [L, h.shape[1]]),
      );
      disposeTensors(x);
      return { tensors: out, unitHidden: hidden };
    });
    const hiddenValues = await Promise.all(unitHidden.map((h) => h.array()));
    unitHidden.forEach((h) => h.dispose());
    const entries = Object.entries(tensors) as [keyof typeof tensors, tf.Tensor][];
    const values = await Promise.all(entries.map(([, t]) => t.data()));
    entries.forEach(([, t]) => t.dispose());
    const v = Object.fromEntries(entries.map(([k], i) => [k, Array.from(values[i])])) as Record<
      keyof typeof tensors,
      number[]
    >;
    const rows = (flat: number[], width: number) =>
      Array.from({ length: flat.length / width }, (_, i) => flat.slice(i * width, (i + 1) * width));
    const D = this.models.din.D;
    const behaviorEmbeddings = rows(v.dinHist, D);
    const weights = v.dinWeights;
    const lastOnly = (xs: number[]) => xs.map((s, t) => (t + 1 < L ? s : NaN));
    return {
      step: this.steps,
      history: [...history],
      kept,
      candidate,
      truth: truth(this.world, keptHistory, candidate),
      base: { ctr: v.ctr[0], pooled: v.basePooled },
      din: {
        ctr: v.ctr[1],
        pooled: v.dinPooled,
        weights,
        contributions: behaviorEmbeddings.map((e, j) => e.map((x) => x * weights[j])),
        behaviorEmbeddings,
        candidateEmbedding: v.dinCand,
        unitHidden: hiddenValues,
        ctrWithEqualWeights: v.ctr[2],
      },
      dien: {
        ctr: v.ctr[3],
        pooled: v.dienPooled,
        gruStates: rows(v.gru, D),
        evolvingStates: rows(v.evolve, D),
        attention: v.a,
        updateGate: v.u,
        effectiveGate: v.eff,
        auxPositiveScore: lastOnly(v.auxPos),
        auxNegatives: kept.map((i) => auxNegatives[i]),
        auxNegativeScore: lastOnly(v.auxNeg),
      },
    };
  }

  /** DIN weights of every good as the candidate against the kept history, [N][L]. */
  async heatmap(history: number[]): Promise<{ candidates: number[]; weights: number[][] }> {
    const T = this.config.model.T;
    const L = keptIndices(history.length, T).length;
    const candidates = this.world.catalogue.goods.map((g) => g.id);
    const samples = candidates.map((c) => this.scoringSample(history, c));
    const batch = makeBatch(samples, this.world.catalogue, viewLength(L));
    const w = tf.tidy(() => {
      const x = toTensors(batch, this.layout);
      const out = (this.models.din as DinModel).forward(x, { training: false }).weights!;
      const sliced = tf.slice(out, [0, 0], [candidates.length, L]);
      disposeTensors(x);
      return sliced;
    });
    const flat = Array.from(await w.data());
    w.dispose();
    return {
      candidates,
      weights: candidates.map((_, i) => flat.slice(i * L, (i + 1) * L)),
    };
  }

  /** Every good's vector (item ⊕ category ⊕ shop) in each model, one readback. */
  async embeddingMap(): Promise<{ goods: number[]; vectors: PerModel<number[][]> }> {
    const goods = this.world.catalogue.goods.map((g) => g.id);
    const stacked = tf.tidy(() => {
      const b = makeBatch(
        goods.map((g) => ({ user: 0, history: [], candidate: g, label: 0, auxNegatives: [] })),
        this.world.catalogue,
        1,
      );
      const x = toTensors(b, this.layout);
      const out = tf.stack(MODEL_NAMES.map((n) => this.models[n].goodEmbeddings(x.cand)));
      disposeTensors(x);
      return out;
    });
    const flat = Array.from(await stacked.data());
    stacked.dispose();
    const D = this.models.base.D;
    const N = goods.length;
    const rowsOf = (m: number) =>
      goods.map((_, i) => flat.slice((m * N + i) * D, (m * N + i + 1) * D));
    return { goods, vectors: perModel((name) => rowsOf(MODEL_NAMES.indexOf(name))) };
  }

  async exportWeights(): Promise<WeightsSnapshot> {
    const step = this.steps;
    // Issued together so a GPU backend serves the three reads in one wait.
    const [base, din, dien] = await Promise.all(
      MODEL_NAMES.map((name) => this.models[name].params.export()),
    );
    return { step, tensors: { base, din, dien } };
  }

  /** Restores weights (and the step counter); optimizer moments restart from zero. */
  importWeights(s: WeightsSnapshot): void {
    for (const name of MODEL_NAMES) this.models[name].params.import(s.tensors[name]);
    this.steps = s.step;
  }

  get dien(): DienModel {
    return this.models.dien as DienModel;
  }

  dispose(): void {
    this.disposeLatest();
    for (const name of MODEL_NAMES) {
      this.trainers[name].dispose();
      this.models[name].dispose();
    }
  }
}
