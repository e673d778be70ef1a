/**
 * The bug lab's twins: for each switch on, a bugged copy of every model the bug changes, trained
 * next to the correct one. A twin starts from its correct model's initial weights (the same
 * seed) and reads the same mini-batches, so what differs afterwards is the bug alone; the one
 * bug that is in the data (negatives that may equal the positive) reads a second stream built
 * with the same seeds, which pairs with the correct one sample for sample.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator } from '../../data/batch';
import { buildDataset } from '../../data/samples';
import {
  MAX_LAB_ENTRIES,
  labConflicts,
  labEntry,
  twinSettings,
  twinsOf,
  type LabId,
  type TwinKey,
} from '../../model/bugs';
import {
  MODEL_NAMES,
  type ModelName,
  type NamedValues,
  type OptimizerState,
} from '../../model/config';
import { disposeTensors, toTensors, type BatchTensors, type TableLayout } from '../../model/inputs';
import { createModel, type CtrModel } from '../../model/models';
import { ModelTrainer } from '../../model/trainer';
import type { ProtocolSource } from '../../data/samples';
import type { SessionConfig, TrainingState, WeightsSnapshot } from '../protocol';
import { vocabOf } from './models';

export interface Twin {
  key: TwinKey;
  id: LabId;
  /** The model it is a bugged copy of. */
  name: ModelName;
  model: CtrModel;
  trainer: ModelTrainer;
  /** Reads the bugged data stream (pitfall 7), not the shared batches. */
  bugData: boolean;
}

/** The switches of a config, checked: known, at most MAX_LAB_ENTRIES, each fitting the settings. */
export function checkedLab(config: SessionConfig): LabId[] {
  const ids = config.bugLab ?? [];
  if (ids.length > MAX_LAB_ENTRIES) {
    throw new Error(`bug lab: at most ${MAX_LAB_ENTRIES} switches at once, got ${ids.length}`);
  }
  if (new Set(ids).size < ids.length) throw new Error('bug lab: a switch is named twice');
  for (const id of ids) {
    const entry = labEntry(id);
    if (!entry) throw new Error(`bug lab: no switch named "${id}"`);
    const off = labConflicts(entry, config.model);
    if (off.length > 0) {
      throw new Error(`bug lab: "${id}" needs the settings ${off.join(', ')} of its own`);
    }
  }
  return ids;
}

export class BugTwins {
  readonly twins: Twin[];
  /** The bugged data stream, only when a twin reads it. */
  private readonly bugIterator?: BatchIterator;
  private latest = new Map<TwinKey, tf.Scalar>();

  constructor(config: SessionConfig, world: ProtocolSource) {
    const ids = checkedLab(config);
    const vocab = vocabOf(world.catalogue);
    const seed = config.train.seed;
    this.twins = twinsOf(ids).map(({ key, id, model: name }) => {
      const entry = labEntry(id)!;
      // buildModels' seed for this model name: the twin starts where the correct model starts.
      const model = createModel(
        name,
        twinSettings(entry, config.model),
        vocab,
        seed * 31 + MODEL_NAMES.indexOf(name),
      );
      const bugData = entry.bugs.negativesMayEqualPositive === true;
      return {
        key,
        id,
        name,
        model,
        trainer: new ModelTrainer(model, config.train.learningRate),
        bugData,
      };
    });
    if (this.twins.some((t) => t.bugData)) {
      const data = buildDataset(world, {
        seed: config.world.seed,
        negativesMayEqualPositive: true,
      });
      this.bugIterator = new BatchIterator(
        data.train,
        world.catalogue,
        config.model.T,
        config.train.batchSize,
        seed,
      );
    }
  }

  get size(): number {
    return this.twins.length;
  }

  /** One step of every twin: on `x` (the correct models' batch) or on the bugged stream's. */
  step(x: BatchTensors, layout: TableLayout): void {
    const own = this.bugIterator ? toTensors(this.bugIterator.next(), layout) : undefined;
    try {
      this.disposeLatest();
      for (const t of this.twins) {
        const r = t.trainer.step(t.bugData && own ? own : x);
        r.aux?.dispose();
        this.latest.set(t.key, r.total);
      }
    } finally {
      if (own) disposeTensors(own);
    }
  }

  /** The latest losses in twin order (none before the first step), for one packed readback. */
  lossTensors(): tf.Scalar[] | undefined {
    if (this.latest.size < this.twins.length) return undefined;
    return this.twins.map((t) => this.latest.get(t.key)!);
  }

  async exportWeights(): Promise<Partial<Record<TwinKey, NamedValues[]>>> {
    const all = await Promise.all(this.twins.map((t) => t.model.params.export()));
    return Object.fromEntries(this.twins.map((t, i) => [t.key, all[i]]));
  }

  async exportTraining(): Promise<NonNullable<TrainingState['twins']>> {
    const all = await Promise.all(this.twins.map((t) => t.trainer.exportState()));
    const optimizer: Partial<Record<TwinKey, OptimizerState>> = Object.fromEntries(
      this.twins.map((t, i) => [t.key, all[i]]),
    );
    return this.bugIterator ? { optimizer, data: this.bugIterator.state } : { optimizer };
  }

  /**
   * The twins' part of a snapshot. A snapshot without twins (none were kept) leaves them as they
   * are; one that names a twin this session lacks, or lacks one it has, is refused.
   */
  async importWeights(s: WeightsSnapshot): Promise<void> {
    if (!s.twins) {
      if (this.size > 0 && s.training) {
        throw new Error('bug lab: this checkpoint has no weights for the bugged twins');
      }
      return;
    }
    const have = new Set(this.twins.map((t) => t.key));
    for (const key of Object.keys(s.twins)) {
      if (!have.has(key as TwinKey)) throw new Error(`bug lab: weights of an unknown twin ${key}`);
    }
    for (const t of this.twins) {
      const w = s.twins[t.key];
      if (!w) throw new Error(`bug lab: the snapshot has no weights for ${t.key}`);
      t.model.params.import(w);
    }
    const training = s.training?.twins;
    if (!s.training) return;
    if (!training) throw new Error('bug lab: this checkpoint has no training state for the twins');
    if (this.bugIterator && training.data) this.bugIterator.restore(training.data);
    this.disposeLatest();
    await Promise.all(
      this.twins.map((t) => {
        const o = training.optimizer[t.key];
        if (!o) throw new Error(`bug lab: no optimizer state for ${t.key}`);
        return t.trainer.importState(o);
      }),
    );
  }

  setLearningRate(learningRate: number): void {
    for (const t of this.twins) t.trainer.setLearningRate(learningRate);
  }

  private disposeLatest(): void {
    for (const s of this.latest.values()) s.dispose();
    this.latest.clear();
  }

  dispose(): void {
    this.disposeLatest();
    for (const t of this.twins) {
      t.trainer.dispose();
      t.model.dispose();
    }
  }
}
