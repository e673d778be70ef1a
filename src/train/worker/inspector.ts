/**
 * What the views ask of the models: one (history, candidate) scored with every intermediate, the
 * DIN weights of every candidate (heatmap), every good's embedding. Forward passes only, so the
 * scoring worker builds just this (the models and the world's truth: no data set, no optimizers),
 * and the training session holds one over its own models.
 */
import * as tf from '@tensorflow/tfjs-core';
import { keptIndices, makeBatch, type RowTimes } from '../../data/batch';
import { sampleOther } from '../../data/samples';
import type { Sample } from '../../data/types';
import { attentionDetails } from '../../model/attention';
import { MODEL_NAMES } from '../../model/config';
import { disposeTensors, toTensors, type TableLayout } from '../../model/inputs';
import type { CtrModel, DinModel } from '../../model/models';
import { CATALOGUE } from '../../world/catalogue';
import { Rng } from '../../world/random';
import { truth, type Timing } from '../../world/truth';
import type { Catalogue, World, WorldConfig } from '../../world/types';
import type {
  EmbeddingMap,
  HeatmapResult,
  ScoreResult,
  SessionConfig,
  WeightsSnapshot,
} from '../protocol';
import { importedWorldOf } from './importedWorld';
import { BstMember } from './bstMember';
import { buildModels, perModel, type PerModel } from './models';

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
 * The truth's timing for the kept behaviors, when any is known: a gap with an unknown end is
 * averaged over the population's gaps (truth.ts), the others are used as they are.
 */
function truthTiming(when: RowTimes | undefined, kept: number[]): Timing | undefined {
  if (!when || !Number.isFinite(when.now)) return undefined;
  const times = kept.map((i) => when.times[i]);
  return times.some(Number.isFinite) ? { times, now: when.now } : undefined;
}

export interface InspectorParts {
  models: PerModel<CtrModel>;
  /** The world (or its config) whose truth the views overlay; null for an imported log. */
  world: World | WorldConfig | null;
  catalogue: Catalogue;
  /** The models' maximum history length. */
  T: number;
  /** The training step of the weights the models hold now. */
  stepOf: () => number;
  /** BST, when the session trains it: scored next to the others. */
  bst?: BstMember;
}

export class ViewInspector {
  private readonly models: PerModel<CtrModel>;
  private readonly world: World | WorldConfig | null;
  private readonly catalogue: Catalogue;
  private readonly T: number;
  private readonly stepOf: () => number;
  private readonly bst: BstMember | undefined;
  /** Set when this inspector built its own models (the scoring worker): it loads and frees them. */
  private own: { step: number } | undefined;

  constructor(parts: InspectorParts) {
    ({
      models: this.models,
      world: this.world,
      catalogue: this.catalogue,
      T: this.T,
      stepOf: this.stepOf,
      bst: this.bst,
    } = parts);
  }

  /** An inspector with models of its own, fed weights by importWeights (the scoring worker). */
  static create(config: SessionConfig): ViewInspector {
    const own = { step: 0 };
    const imported = importedWorldOf(config);
    const catalogue = imported?.catalogue ?? CATALOGUE;
    const inspector = new ViewInspector({
      models: buildModels(config, catalogue),
      world: imported ? null : config.world,
      catalogue,
      T: config.model.T,
      stepOf: () => own.step,
      ...(config.bst ? { bst: new BstMember(config, catalogue) } : {}),
    });
    inspector.own = own;
    return inspector;
  }

  private get layout(): TableLayout {
    return this.models.base.layout;
  }

  /**
   * A sample for scoring: label 0, and one sampled aux negative per position (seeded by the
   * history and candidate, so re-scoring the same input shows the same negative).
   */
  private scoringSample(history: number[], candidate: number, when?: RowTimes): Sample {
    const rng = new Rng(history.reduce((h, g) => (h * 31 + g) >>> 0, candidate));
    const N = this.catalogue.goods.length;
    const auxNegatives = history.map((_, t) =>
      t + 1 < history.length ? sampleOther(rng, N, history[t + 1]) : 0,
    );
    const times = when ? { times: when.times, time: when.now } : {};
    return { user: 0, history, candidate, label: 0, auxNegatives, ...times };
  }

  /**
   * Every model's CTR and internals for one (history, candidate) pair, plus the truth. `when`:
   * the purchases' and the candidate's times (NaN: unknown), for BST's gaps and the truth's.
   */
  async score(history: number[], candidate: number, when?: RowTimes): Promise<ScoreResult> {
    const T = this.T;
    const kept = keptIndices(history.length, T);
    const keptHistory = kept.map((i) => history[i]);
    const L = kept.length;
    const sample = this.scoringSample(history, candidate, when);
    const auxNegatives = sample.auxNegatives;
    const batch = makeBatch([sample], this.catalogue, viewLength(L));
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
    const bst = this.bst ? await this.bst.internals(history, candidate, when) : undefined;
    const timing = truthTiming(when, kept);
    return {
      ...(bst ? { bst } : {}),
      step: this.stepOf(),
      history: [...history],
      kept,
      candidate,
      ...(this.world ? { truth: truth(this.world, keptHistory, candidate, timing) } : {}),
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
  async heatmap(history: number[]): Promise<HeatmapResult> {
    const T = this.T;
    const L = keptIndices(history.length, T).length;
    const candidates = this.catalogue.goods.map((g) => g.id);
    const samples = candidates.map((c) => this.scoringSample(history, c));
    const batch = makeBatch(samples, this.catalogue, viewLength(L));
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
  async embeddingMap(): Promise<EmbeddingMap> {
    const goods = this.catalogue.goods.map((g) => g.id);
    const stacked = tf.tidy(() => {
      const b = makeBatch(
        goods.map((g) => ({ user: 0, history: [], candidate: g, label: 0, auxNegatives: [] })),
        this.catalogue,
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

  /** Load weights into this inspector's own models (the step they were trained to comes along). */
  importWeights(s: WeightsSnapshot): void {
    if (!this.own) throw new Error('ViewInspector: the session owns these models');
    for (const name of MODEL_NAMES) this.models[name].params.import(s.tensors[name]);
    if (this.bst && s.bst) void this.bst.importWeights(s.bst);
    this.own.step = s.step;
  }

  dispose(): void {
    if (!this.own) return;
    for (const name of MODEL_NAMES) this.models[name].dispose();
    this.bst?.dispose();
  }
}
