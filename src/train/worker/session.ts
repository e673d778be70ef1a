import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator, type RowTimes } from '../../data/batch';
import { buildDataset } from '../../data/samples';
import type { Dataset, Sample } from '../../data/types';
import { MODEL_NAMES } from '../../model/config';
import { disposeTensors, toTensors, type TableLayout } from '../../model/inputs';
import type { CtrModel, DienModel } from '../../model/models';
import { ModelTrainer } from '../../model/trainer';
import { simulateWorld } from '../../world/simulator';
import type { World } from '../../world/types';
import type { ImportedWorld } from '../../data/import/types';
import type {
  Counters,
  EmbeddingMap,
  EvalMetrics,
  HeatmapResult,
  LossReading,
  ScoreResult,
  SessionConfig,
  TrainingState,
  TwinProbeResult,
  WeightsSnapshot,
} from '../protocol';
import { testCeiling, type TestCeiling } from './bayesAuc';
import { metricsOf, predictAll } from './evaluation';
import { ViewInspector } from './inspector';
import { buildModels, perModel, type PerModel } from './models';
import { BstMember } from './bstMember';
import { importedWorldOf } from './importedWorld';
import { BugTwins } from './twins';
import { probeTwins } from './twinProbe';
import type { TestResult, TrainingSessionLike } from './sessionLike';

export type { TestResult, TrainingSessionLike };

/**
 * Base, DIN and DIEN training in lockstep on identical mini-batches of one world.
 * Backend-agnostic: the worker and Node scripts both drive it after choosing a tf backend.
 * Nothing here reads the GPU unless a method returns a Promise.
 */
export class TrainingSession implements TrainingSessionLike {
  /** The simulated toy world, or the reader's imported log (no truth, no ceiling). */
  readonly world: World | ImportedWorld;
  readonly dataset: Dataset;
  readonly ceiling: TestCeiling | undefined;
  /** The world the views' truth comes from: null for an imported log, which has none. */
  private readonly truthWorld: World | null;
  readonly models: PerModel<CtrModel>;
  private readonly trainers: PerModel<ModelTrainer>;
  /** The bug lab's bugged twins (none unless the config switches some on). */
  readonly twins: BugTwins;
  /** BST, the fourth model, when the config switches it on. */
  readonly bst: BstMember | undefined;
  private readonly iterator: BatchIterator;
  /** The views' forward passes over these same models. */
  readonly inspector: ViewInspector;
  private latest: { total: PerModel<tf.Scalar>; aux?: tf.Scalar } | null = null;
  private steps = 0;

  private constructor(readonly config: SessionConfig) {
    const imported = importedWorldOf(config);
    const world = imported ?? simulateWorld(config.world);
    this.world = world;
    this.dataset = buildDataset(world, { seed: config.world.seed });
    // Once per data set (~0.2 s at the default size), never per evaluation. A real log has no
    // Bayes-optimal model to compute one from.
    this.truthWorld = imported ? null : (world as World);
    this.ceiling = this.truthWorld ? testCeiling(this.truthWorld, this.dataset.test) : undefined;
    const cat = this.world.catalogue;
    const seed = config.train.seed;
    this.models = buildModels(config, cat);
    this.trainers = perModel(
      (name) => new ModelTrainer(this.models[name], config.train.learningRate),
    );
    this.twins = new BugTwins(config, this.world);
    this.bst = config.bst ? new BstMember(config, cat) : undefined;
    this.iterator = new BatchIterator(
      this.dataset.train,
      cat,
      config.model.T,
      config.train.batchSize,
      seed,
    );
    this.inspector = new ViewInspector({
      models: this.models,
      world: this.truthWorld,
      catalogue: cat,
      T: config.model.T,
      stepOf: () => this.steps,
      ...(this.bst ? { bst: this.bst } : {}),
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
    const batch = this.iterator.next();
    const x = toTensors(batch, this.layout);
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
      this.bst?.step(batch);
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
    const bst = this.bst?.loss;
    const packed = tf.tidy(() =>
      tf.stack([
        l.total.base,
        l.total.din,
        l.total.dien,
        l.aux ?? tf.scalar(NaN),
        bst ?? tf.scalar(NaN),
        ...twins,
      ]),
    );
    const v = await packed.data();
    packed.dispose();
    const reading: LossReading = {
      loss: { base: v[0], din: v[1], dien: v[2] },
      auxLoss: v[3],
      ...(this.bst ? { bstLoss: v[4] } : {}),
    };
    if (twins.length === 0) return reading;
    const twinLoss = Object.fromEntries(this.twins.twins.map((t, i) => [t.key, v[5 + i]]));
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
    const bst = this.bst ? { bstTest: metrics(await this.bst.predict(samples)) } : {};
    if (this.twins.size === 0) return { test, ...bst };
    const twinTest = Object.fromEntries(
      this.twins.twins.map((t, i) => [t.key, metrics(probs.twins[i])]),
    );
    return { test, twinTest, ...bst };
  }

  /** Every model's CTR and internals for one (history, candidate) pair, plus the truth. */
  score(history: number[], candidate: number, when?: RowTimes): Promise<ScoreResult> {
    return this.inspector.score(history, candidate, when);
  }

  /** The bug lab's twins on one (history, candidate), where each bug shows (twinProbe.ts). */
  probeTwins(history: number[], candidate: number): Promise<TwinProbeResult> {
    const inspectorOver = (models: PerModel<CtrModel>) =>
      new ViewInspector({
        models,
        world: this.truthWorld,
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
    const bst = this.bst ? { bst: await this.bst.exportWeights() } : {};
    if (this.twins.size === 0) return { step, tensors: { base, din, dien }, ...bst };
    const twins = await this.twins.exportWeights();
    return { step, tensors: { base, din, dien }, twins, ...bst };
  }

  setLearningRate(learningRate: number): void {
    for (const name of MODEL_NAMES) this.trainers[name].setLearningRate(learningRate);
    this.twins.setLearningRate(learningRate);
    this.bst?.setLearningRate(learningRate);
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
    const training: TrainingState = { optimizer: { base, din, dien }, data };
    if (this.bst) training.bst = await this.bst.exportOptimizer();
    if (this.twins.size > 0) training.twins = await this.twins.exportTraining();
    return { ...weights, training };
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
    const bst = this.bst?.importFrom(s);
    if (!training) return Promise.all([twins, bst]).then(() => undefined);
    this.iterator.restore(training.data);
    // The last step's losses belong to the state being left.
    this.disposeLatest();
    await Promise.all([
      twins,
      bst,
      ...MODEL_NAMES.map((name) => this.trainers[name].importState(training.optimizer[name])),
    ]);
  }

  get dien(): DienModel {
    return this.models.dien as DienModel;
  }

  dispose(): void {
    this.disposeLatest();
    this.twins.dispose();
    this.bst?.dispose();
    for (const name of MODEL_NAMES) {
      this.trainers[name].dispose();
      this.models[name].dispose();
    }
  }
}
