import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator, evalBatches } from '../../data/batch';
import { buildDataset } from '../../data/samples';
import type { Dataset, Sample } from '../../data/types';
import { auc, gauc, logloss } from '../../metrics';
import { MODEL_NAMES } from '../../model/config';
import { disposeTensors, toTensors, type TableLayout } from '../../model/inputs';
import type { CtrModel, DienModel } from '../../model/models';
import { ModelTrainer } from '../../model/trainer';
import { simulateWorld } from '../../world/simulator';
import type { World } from '../../world/types';
import type {
  Counters,
  EmbeddingMap,
  EvalMetrics,
  HeatmapResult,
  LossReading,
  ModelName,
  ScoreResult,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import { testCeiling, type TestCeiling } from './bayesAuc';
import { ViewInspector } from './inspector';
import { buildModels, perModel, type PerModel } from './models';

/** Test-set evaluation reads the models in chunks of this many rows (a fixed shape). */
const EVAL_BATCH = 256;

/**
 * …or fewer, for big models: a chunk's multiply-adds (rows × T × D², D = 3 · embedding size)
 * stay under this, so one chunk takes well under a second on wasm and the worker answers the
 * page's watchdog between chunks. The default model keeps all 256 rows.
 */
const EVAL_CHUNK_WORK = 20_000_000;

function evalRows(T: number, embDim: number): number {
  const D = 3 * embDim;
  return Math.max(8, Math.min(EVAL_BATCH, Math.floor(EVAL_CHUNK_WORK / (T * D * D))));
}

/** A macrotask hop: messages that arrived meanwhile (the watchdog's ping) are handled. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/** The part of TrainingSession the worker controller uses (a fake in its tests). */
export interface TrainingSessionLike {
  readonly trainSize: number;
  readonly testSize: number;
  /** The test set's Bayes-optimal AUC and classes (a fake session may have none). */
  readonly ceiling?: TestCeiling;
  readonly counters: Counters;
  step(): void;
  readLosses(): Promise<LossReading>;
  evaluate(): Promise<Record<ModelName, EvalMetrics>>;
  score(history: number[], candidate: number): Promise<ScoreResult>;
  heatmap(history: number[]): Promise<HeatmapResult>;
  embeddingMap(): Promise<EmbeddingMap>;
  exportWeights(): Promise<WeightsSnapshot>;
  /** The weights with everything training needs to continue exactly from here (checkpoints). */
  exportState?(): Promise<WeightsSnapshot>;
  /** Go on training with another learning rate (optimizer state kept). */
  setLearningRate?(learningRate: number): void;
  /** The weights and step; with `training`, also the optimizers and the data position. */
  importWeights(s: WeightsSnapshot): void | Promise<void>;
  dispose(): void;
}

/**
 * Base, DIN and DIEN training in lockstep on identical mini-batches of one world.
 * Backend-agnostic: the worker and Node scripts both drive it after choosing a tf backend.
 * Nothing here reads the GPU unless a method returns a Promise.
 */
export class TrainingSession implements TrainingSessionLike {
  readonly world: World;
  readonly dataset: Dataset;
  readonly ceiling: TestCeiling;
  readonly models: PerModel<CtrModel>;
  private readonly trainers: PerModel<ModelTrainer>;
  private readonly iterator: BatchIterator;
  /** The views' forward passes over these same models. */
  readonly inspector: ViewInspector;
  private latest: { total: PerModel<tf.Scalar>; aux?: tf.Scalar } | null = null;
  private steps = 0;

  private constructor(readonly config: SessionConfig) {
    this.world = simulateWorld(config.world);
    this.dataset = buildDataset(this.world, { seed: config.world.seed });
    // Once per data set (~0.2 s at the default size), never per evaluation.
    this.ceiling = testCeiling(this.world, this.dataset.test);
    const cat = this.world.catalogue;
    const seed = config.train.seed;
    this.models = buildModels(config, cat);
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
    this.inspector = new ViewInspector({
      models: this.models,
      world: this.world,
      catalogue: cat,
      T: config.model.T,
      stepOf: () => this.steps,
    });
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

  get counters(): Counters {
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
  async readLosses(): Promise<LossReading> {
    if (!this.latest) return { loss: perModel(() => NaN), auxLoss: NaN };
    const l = this.latest;
    const packed = tf.stack([l.total.base, l.total.din, l.total.dien, l.aux ?? tf.scalar(NaN)]);
    const v = await packed.data();
    packed.dispose();
    return { loss: { base: v[0], din: v[1], dien: v[2] }, auxLoss: v[3] };
  }

  /** Predicted probabilities of all three models on `samples`, [3][n], one readback. */
  async predict(samples: Sample[]): Promise<PerModel<Float32Array>> {
    const { T, embDim } = this.config.model;
    const rows = evalRows(T, embDim);
    // Only chunks shrunk for a big model take long enough to need a hop between them (a
    // setTimeout hop costs up to 4 ms in a worker: not worth it on the default model's path).
    const hop = rows < EVAL_BATCH;
    const chunks = evalBatches(samples, this.world.catalogue, T, rows);
    const parts: tf.Tensor2D[] = [];
    for (const [i, { batch, valid }] of chunks.entries()) {
      if (hop && i > 0) await breathe();
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

  /** Every model's CTR and internals for one (history, candidate) pair, plus the truth. */
  score(history: number[], candidate: number): Promise<ScoreResult> {
    return this.inspector.score(history, candidate);
  }

  /** DIN weights of every good as the candidate against the kept history, [N][L]. */
  heatmap(history: number[]): Promise<HeatmapResult> {
    return this.inspector.heatmap(history);
  }

  /** Every good's vector (item ⊕ category ⊕ shop) in each model, one readback. */
  embeddingMap(): Promise<EmbeddingMap> {
    return this.inspector.embeddingMap();
  }

  async exportWeights(): Promise<WeightsSnapshot> {
    const step = this.steps;
    // Issued together so a GPU backend serves the three reads in one wait.
    const [base, din, dien] = await Promise.all(
      MODEL_NAMES.map((name) => this.models[name].params.export()),
    );
    return { step, tensors: { base, din, dien } };
  }

  setLearningRate(learningRate: number): void {
    for (const name of MODEL_NAMES) this.trainers[name].setLearningRate(learningRate);
  }

  /**
   * Weights (Dice's moving statistics among them), Adam's step count and moments, and the data
   * iterator's position: restoring it continues training exactly as if it had never stopped.
   */
  async exportState(): Promise<WeightsSnapshot> {
    const data = this.iterator.state;
    const [weights, base, din, dien] = await Promise.all([
      this.exportWeights(),
      ...MODEL_NAMES.map((name) => this.trainers[name].exportState()),
    ]);
    return { ...weights, training: { optimizer: { base, din, dien }, data } };
  }

  /**
   * Restores the weights and the step counter; a snapshot with `training` also restores the
   * optimizers and the data position (a rewind replay's snapshot has none and leaves them be).
   */
  importWeights(s: WeightsSnapshot): void | Promise<void> {
    for (const name of MODEL_NAMES) this.models[name].params.import(s.tensors[name]);
    this.steps = s.step;
    const training = s.training;
    if (!training) return;
    this.iterator.restore(training.data);
    // The last step's losses belong to the state being left.
    this.disposeLatest();
    return Promise.all(
      MODEL_NAMES.map((name) => this.trainers[name].importState(training.optimizer[name])),
    ).then(() => undefined);
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
