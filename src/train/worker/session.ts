import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator } from '../../data/batch';
import { buildDataset } from '../../data/samples';
import type { Dataset, Sample } from '../../data/types';
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
  TwinKey,
  TwinProbeResult,
  WeightsSnapshot,
} from '../protocol';
import { testCeiling, type TestCeiling } from './bayesAuc';
import { metricsOf, predictAll } from './evaluation';
import { ViewInspector } from './inspector';
import { buildModels, perModel, type PerModel } from './models';
import { BugTwins } from './twins';
import { probeTwins } from './twinProbe';

export interface TestResult {
  test: Record<ModelName, EvalMetrics>;
  twinTest?: Partial<Record<TwinKey, EvalMetrics>>;
}

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
  /** The test metrics with the bug lab's twins' (a session without twins may lack it). */
  evaluateAll?(): Promise<TestResult>;
  score(history: number[], candidate: number): Promise<ScoreResult>;
  heatmap(history: number[]): Promise<HeatmapResult>;
  embeddingMap(): Promise<EmbeddingMap>;
  /** The bug lab's live probe (a session without twins answers with none). */
  probeTwins?(history: number[], candidate: number): Promise<TwinProbeResult>;
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
  /** The bug lab's bugged twins (none unless the config switches some on). */
  readonly twins: BugTwins;
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
    this.twins = new BugTwins(config, this.world);
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
      this.twins.step(x, this.layout);
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
    const twins = this.twins.lossTensors() ?? [];
    const packed = tf.tidy(() =>
      tf.stack([l.total.base, l.total.din, l.total.dien, l.aux ?? tf.scalar(NaN), ...twins]),
    );
    const v = await packed.data();
    packed.dispose();
    const reading: LossReading = { loss: { base: v[0], din: v[1], dien: v[2] }, auxLoss: v[3] };
    if (twins.length === 0) return reading;
    const twinLoss = Object.fromEntries(this.twins.twins.map((t, i) => [t.key, v[4 + i]]));
    return { ...reading, twinLoss };
  }

  /** Predicted probabilities of the three models, then each twin's, on `samples`. */
  async predict(samples: Sample[]): Promise<PerModel<Float32Array> & { twins: Float32Array[] }> {
    const nets = [
      ...MODEL_NAMES.map((n) => this.models[n]),
      ...this.twins.twins.map((t) => t.model),
    ];
    const p = await predictAll(nets, samples, this.world.catalogue, this.layout, this.config.model);
    return { base: p[0], din: p[1], dien: p[2], twins: p.slice(3) };
  }

  async evaluate(samples: Sample[] = this.dataset.test): Promise<PerModel<EvalMetrics>> {
    return (await this.evaluateAll(samples)).test;
  }

  /** The three models' and the twins' metrics on the (correct) test set, one pass. */
  async evaluateAll(samples: Sample[] = this.dataset.test): Promise<TestResult> {
    const probs = await this.predict(samples);
    const metrics = metricsOf(samples);
    const test = perModel((name) => metrics(probs[name]));
    if (this.twins.size === 0) return { test };
    const twinTest = Object.fromEntries(
      this.twins.twins.map((t, i) => [t.key, metrics(probs.twins[i])]),
    );
    return { test, twinTest };
  }

  /** Every model's CTR and internals for one (history, candidate) pair, plus the truth. */
  score(history: number[], candidate: number): Promise<ScoreResult> {
    return this.inspector.score(history, candidate);
  }

  /** The bug lab's twins on one (history, candidate), where each bug shows (twinProbe.ts). */
  probeTwins(history: number[], candidate: number): Promise<TwinProbeResult> {
    const inspectorOver = (models: PerModel<CtrModel>) =>
      new ViewInspector({
        models,
        world: this.world,
        catalogue: this.world.catalogue,
        T: this.config.model.T,
        stepOf: () => this.steps,
      });
    return probeTwins(
      {
        models: this.models,
        twins: this.twins.twins,
        inspector: this.inspector,
        inspectorOver,
        catalogue: this.world.catalogue,
        layout: this.layout,
        T: this.config.model.T,
        step: this.steps,
      },
      history,
      candidate,
    );
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
    if (this.twins.size === 0) return { step, tensors: { base, din, dien } };
    return { step, tensors: { base, din, dien }, twins: await this.twins.exportWeights() };
  }

  setLearningRate(learningRate: number): void {
    for (const name of MODEL_NAMES) this.trainers[name].setLearningRate(learningRate);
    this.twins.setLearningRate(learningRate);
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
    const training = { optimizer: { base, din, dien }, data };
    if (this.twins.size === 0) return { ...weights, training };
    return { ...weights, training: { ...training, twins: await this.twins.exportTraining() } };
  }

  /**
   * Restores the weights and the step counter; a snapshot with `training` also restores the
   * optimizers and the data position (a rewind replay's snapshot has none and leaves them be).
   */
  async importWeights(s: WeightsSnapshot): Promise<void> {
    for (const name of MODEL_NAMES) this.models[name].params.import(s.tensors[name]);
    this.steps = s.step;
    const training = s.training;
    const twins = this.twins.importWeights(s);
    if (!training) return twins;
    this.iterator.restore(training.data);
    // The last step's losses belong to the state being left.
    this.disposeLatest();
    await Promise.all([
      twins,
      ...MODEL_NAMES.map((name) => this.trainers[name].importState(training.optimizer[name])),
    ]);
  }

  get dien(): DienModel {
    return this.models.dien as DienModel;
  }

  dispose(): void {
    this.disposeLatest();
    this.twins.dispose();
    for (const name of MODEL_NAMES) {
      this.trainers[name].dispose();
      this.models[name].dispose();
    }
  }
}
