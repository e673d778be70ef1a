/**
 * Benchmark measurements shared by the browser bench worker (benchWorker.ts) and the Node bench
 * (bench/node.ts): per-model training step time, lockstep session steps, memory over many steps
 * and time to insight. tfjs-core and the session only: no DOM, no worker globals.
 * The caller selects the tfjs backend first.
 */
import * as tf from '@tensorflow/tfjs-core';
import { TrainingSession } from '../train/worker/session';
import { DEFAULT_WORLD } from '../world/simulator';
import { DEFAULT_MODEL_SETTINGS, MODEL_NAMES, type ModelName } from '../model/config';
import { disposeTensors, toTensors, type BatchTensors } from '../model/inputs';
import { ModelTrainer } from '../model/trainer';
import { BstModel, disposeBstTensors } from '../model/bst';
import { PAGE_BST } from '../model/bstConfig';
import { bstTrainer } from '../model/bstInspect';
import { makeBatch } from '../data/batch';
import { vocabOf } from '../train/worker/models';
import type { SessionConfig } from '../train/protocol';

/** The page's defaults (src/App.tsx DEFAULT_TRAIN, urlState speed): what a reader gets. */
export const PAGE_TRAIN = { batchSize: 64, learningRate: 0.005, seed: 1, evalEvery: 25 };
export const PAGE_SPEED = 5;
export const PAGE_CONFIG: SessionConfig = {
  world: DEFAULT_WORLD,
  model: DEFAULT_MODEL_SETTINGS,
  train: PAGE_TRAIN,
};

/**
 * The models a throughput case can time: the three of every session, and BST, the optional fourth
 * (SessionConfig.bst), with the settings the page's switch turns on (PAGE_BST).
 */
export type BenchModel = ModelName | 'bst';
export const BENCH_MODELS: readonly BenchModel[] = [...MODEL_NAMES, 'bst'];

export interface ThroughputCase {
  B: number;
  T: number;
  models: BenchModel[];
  /** Timed steps per repeat. */
  steps: number;
  /** Untimed steps first (shader compilation, allocator warm-up). */
  warmup: number;
  reps: number;
}

export interface ThroughputResult {
  B: number;
  T: number;
  model: BenchModel | 'lockstep';
  /** Median over repeats of (wall time of `steps` steps + one readback) / steps. */
  msPerStep: number;
  samplesPerSec: number;
  repsMs: number[];
  /** Wall time of the first (warm-up) step: shader compilation on GPU backends. */
  firstStepMs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}

const now = (): number => performance.now();

/** Small world for pure speed runs: enough training samples for B = 512. */
function speedSession(B: number, T: number): TrainingSession {
  return TrainingSession.create({
    world: { ...DEFAULT_WORLD, shoppers: 300 },
    model: { ...DEFAULT_MODEL_SETTINGS, T },
    train: { ...PAGE_TRAIN, batchSize: B },
  });
}

/**
 * One model's trainer and its fixed batch's tensors. BST is built beside the session, not in it
 * (its lockstep stays the page's default three), on the same batch with its own token indices,
 * the way the session's BstMember builds it (seed aside: speed does not depend on it).
 */
function trainerOf(
  s: TrainingSession,
  name: BenchModel,
  batch: ReturnType<typeof makeBatch>,
): { tr: ModelTrainer; x: BatchTensors; dispose(): void } {
  if (name === 'bst') {
    const model = new BstModel(s.config.model, vocabOf(s.world.catalogue), 1, PAGE_BST);
    const tr = bstTrainer(model, PAGE_TRAIN.learningRate);
    const x = model.tensors(batch);
    return {
      tr,
      x,
      dispose: () => {
        disposeBstTensors(x);
        tr.dispose();
        model.dispose();
      },
    };
  }
  const tr = new ModelTrainer(s.models[name], PAGE_TRAIN.learningRate);
  const x = toTensors(batch, s.models[name].layout);
  return {
    tr,
    x,
    dispose: () => {
      disposeTensors(x);
      tr.dispose();
    },
  };
}

/** ms per training step of each model alone on one fixed batch, then of the lockstep session. */
export async function throughput(
  c: ThroughputCase,
  lockstep: boolean,
  log: (m: string) => void = () => undefined,
): Promise<ThroughputResult[]> {
  const s = speedSession(c.B, c.T);
  const out: ThroughputResult[] = [];
  const batch = makeBatch(s.dataset.train.slice(0, c.B), s.world.catalogue, c.T);
  try {
    for (const name of c.models) {
      const m = trainerOf(s, name, batch);
      let firstStepMs: number;
      const reps: number[] = [];
      try {
        const run = async (n: number): Promise<number> => {
          const t0 = now();
          let last: tf.Scalar | undefined;
          for (let i = 0; i < n; i++) {
            last?.dispose();
            const r = m.tr.step(m.x);
            r.aux?.dispose();
            last = r.total;
          }
          await last!.data(); // waits for the GPU queue
          last!.dispose();
          return now() - t0;
        };
        firstStepMs = await run(1);
        if (c.warmup > 1) await run(c.warmup - 1);
        for (let r = 0; r < c.reps; r++) reps.push((await run(c.steps)) / c.steps);
      } finally {
        m.dispose();
      }
      const ms = median(reps);
      out.push({
        B: c.B,
        T: c.T,
        model: name,
        msPerStep: ms,
        samplesPerSec: (1000 * c.B) / ms,
        repsMs: reps,
        firstStepMs,
      });
      log(`${tf.getBackend()} B=${c.B} T=${c.T} ${name}: ${ms.toFixed(1)} ms/step`);
    }
    if (lockstep) {
      const run = async (n: number): Promise<number> => {
        const t0 = now();
        for (let i = 0; i < n; i++) s.step();
        await s.readLosses();
        return now() - t0;
      };
      const firstStepMs = await run(1);
      if (c.warmup > 1) await run(c.warmup - 1);
      const reps: number[] = [];
      for (let r = 0; r < c.reps; r++) reps.push((await run(c.steps)) / c.steps);
      const ms = median(reps);
      out.push({
        B: c.B,
        T: c.T,
        model: 'lockstep',
        msPerStep: ms,
        samplesPerSec: (1000 * c.B) / ms,
        repsMs: reps,
        firstStepMs,
      });
      log(`${tf.getBackend()} B=${c.B} T=${c.T} lockstep: ${ms.toFixed(1)} ms/step`);
    }
  } finally {
    s.dispose();
  }
  return out;
}

export interface MemorySample {
  step: number;
  numTensors: number;
  numBytes: number;
  /** JS heap in bytes where the runtime tells (Node: heapUsed; Chromium: performance.memory). */
  heapBytes: number | null;
  msPerStep: number;
}

/**
 * Lockstep session at the page defaults for `steps` steps, with a loss readback and (like the
 * worker) a test evaluation every `evalEvery` steps; samples memory every `every` steps.
 */
export async function memoryRun(
  steps: number,
  every: number,
  heap: () => number | null,
  log: (m: string) => void = () => undefined,
): Promise<MemorySample[]> {
  const s = TrainingSession.create(PAGE_CONFIG);
  const out: MemorySample[] = [];
  try {
    let t0 = now();
    for (let i = 1; i <= steps; i++) {
      s.step();
      if (i % 10 === 0) await s.readLosses();
      if (i % every === 0 || i === 1) {
        await s.readLosses();
        const m = tf.memory();
        const ms = (now() - t0) / (i === 1 ? 1 : every);
        out.push({
          step: i,
          numTensors: m.numTensors,
          numBytes: m.numBytes,
          heapBytes: heap(),
          msPerStep: ms,
        });
        log(`memory step ${i}: ${m.numTensors} tensors, ${ms.toFixed(1)} ms/step`);
        t0 = now();
      }
    }
  } finally {
    s.dispose();
  }
  return out;
}

export interface InsightResult {
  reached: boolean;
  /** Wall ms from the first step until DIN's test AUC ≥ Base's + margin (or the bound). */
  ms: number;
  step: number;
  boundMs: number;
  margin: number;
  /** Test AUC history: [step, ms, base, din, dien]. */
  curve: [number, number, number, number, number][];
}

/** Time to insight on the session directly (Node): steps + an evaluation every evalEvery steps. */
export async function insightSession(
  margin: number,
  boundMs: number,
  config: SessionConfig = PAGE_CONFIG,
): Promise<InsightResult> {
  const s = TrainingSession.create(config);
  const curve: InsightResult['curve'] = [];
  try {
    const t0 = now();
    const every = config.train.evalEvery;
    for (let i = 1; ; i++) {
      s.step();
      if (i % every !== 0) continue;
      await s.readLosses();
      const m = await s.evaluate();
      const ms = now() - t0;
      curve.push([i, ms, m.base.auc, m.din.auc, m.dien.auc]);
      if (m.din.auc >= m.base.auc + margin) {
        return { reached: true, ms, step: i, boundMs, margin, curve };
      }
      if (ms > boundMs) return { reached: false, ms, step: i, boundMs, margin, curve };
    }
  } finally {
    s.dispose();
  }
}

export { MODEL_NAMES };
