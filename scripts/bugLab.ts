/**
 * The bug lab in Node: for each pitfall (src/model/bugs.ts) the bugged model trains next to the
 * correct one on the same mini-batches (the session's BatchIterator with the train seed, models
 * seeded as the session's buildModels does, so a bugged twin starts from the correct model's
 * weights), and both are scored on the correct test set.
 * Usage: npm run experiment -- --bugs [--seeds 3] [--steps 800] [--world default|drift]
 *        [--T 20] [--only paddingLeak,scaledSoftmax] [--shoppers N] [--batch 64] [--lr 0.005]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator, evalBatches } from '../src/data/batch';
import { buildDataset } from '../src/data/samples';
import type { Sample } from '../src/data/types';
import { auc, meanStd } from '../src/metrics';
import { BUGS, BUG_PRESETS, type BugEntry } from '../src/model/bugs';
import { DEFAULT_MODEL_SETTINGS, MODEL_NAMES, type ModelName } from '../src/model/config';
import type { ModelSettings } from '../src/model/config';
import { disposeTensors, toTensors, type BatchTensors } from '../src/model/inputs';
import { createModel, type CtrModel } from '../src/model/models';
import { ModelTrainer } from '../src/model/trainer';
import { vocabOf } from '../src/train/worker/models';
import { simulateWorld } from '../src/world/simulator';
import type { Catalogue, WorldConfig } from '../src/world/types';

export interface LabOptions {
  world: WorldConfig;
  worldName: string;
  seeds: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  T: number;
  only?: string[];
}

type Entry = BugEntry<string>;

/** One trained twin: a model, its trainer, and which data stream it reads. */
interface Member {
  key: string;
  model: CtrModel;
  trainer: ModelTrainer;
  bugData: boolean;
}

export interface LabRow {
  bug: string;
  pitfall: number;
  model: ModelName;
  correct: number[];
  bugged: number[];
}

export interface LabSummary extends LabRow {
  correctAuc: { mean: number; std: number };
  buggedAuc: { mean: number; std: number };
  delta: { mean: number; std: number };
  /** |mean Δ| above twice its paired standard error and above the correct model's seed std. */
  beyondNoise: boolean;
}

const settingsKey = (e: Entry) => JSON.stringify(e.settings ?? {});

/** runSeed's key of the correct model a bug is compared with. */
export const correctKey = (e: Entry, model: ModelName) => `correct|${settingsKey(e)}|${model}`;

function settingsFor(opts: LabOptions, e: Entry, bugged: boolean): ModelSettings {
  const s = { ...DEFAULT_MODEL_SETTINGS, ...e.settings, T: opts.T };
  return bugged ? { ...s, bugs: e.bugs } : s;
}

/** The same seed per model name as buildModels (src/train/worker/models.ts). */
const modelSeed = (seed: number, name: ModelName) => seed * 31 + MODEL_NAMES.indexOf(name);

function buildMembers(opts: LabOptions, entries: Entry[], seed: number, cat: Catalogue): Member[] {
  const vocab = vocabOf(cat);
  const members = new Map<string, Member>();
  const add = (key: string, name: ModelName, s: ModelSettings, bugData: boolean) => {
    if (members.has(key)) return;
    const model = createModel(name, s, vocab, modelSeed(seed, name));
    members.set(key, { key, model, trainer: new ModelTrainer(model, opts.learningRate), bugData });
  };
  for (const e of entries) {
    for (const name of e.models) {
      add(correctKey(e, name), name, settingsFor(opts, e, false), false);
      const bugData = e.bugs.negativesMayEqualPositive === true;
      add(`${e.id}|${name}`, name, settingsFor(opts, e, true), bugData);
    }
  }
  return [...members.values()];
}

function testAuc(model: CtrModel, test: Sample[], cat: Catalogue, T: number): number {
  const probs: number[] = [];
  for (const { batch, valid } of evalBatches(test, cat, T, 256)) {
    const p = tf.tidy(() => {
      const x = toTensors(batch, model.layout);
      return tf.sigmoid(model.forward(x, { training: false, logitsOnly: true }).logits);
    });
    probs.push(...Array.from(p.dataSync()).slice(0, valid));
    p.dispose();
  }
  return auc(
    test.map((s) => s.label),
    probs,
  );
}

/**
 * Test AUC of every member after `steps` lockstep steps, for one seed, keyed `<bug id>|<model>`
 * for a bugged twin and `correct|<settings>|<model>` for a correct one (see correctKey).
 */
export function runSeed(opts: LabOptions, entries: Entry[], seed: number): Map<string, number> {
  const world = simulateWorld({ ...opts.world, seed });
  const cat = world.catalogue;
  const data = buildDataset(world, { seed });
  const members = buildMembers(opts, entries, seed, cat);
  const needsBugData = members.some((m) => m.bugData);
  // Same sample count and one draw per negative: the bugged set pairs sample for sample.
  const bugTrain = needsBugData
    ? buildDataset(world, { seed, negativesMayEqualPositive: true }).train
    : null;
  const it = new BatchIterator(data.train, cat, opts.T, opts.batchSize, seed);
  const itBug = bugTrain && new BatchIterator(bugTrain, cat, opts.T, opts.batchSize, seed);
  const layout = members[0].model.layout;
  for (let s = 0; s < opts.steps; s++) {
    const x = toTensors(it.next(), layout);
    const xb: BatchTensors | null = itBug && toTensors(itBug.next(), layout);
    for (const m of members) {
      const r = m.trainer.step(m.bugData ? xb! : x);
      r.total.dispose();
      r.aux?.dispose();
    }
    disposeTensors(x);
    if (xb) disposeTensors(xb);
  }
  const out = new Map<string, number>();
  for (const m of members) {
    out.set(m.key, testAuc(m.model, data.test, cat, opts.T));
    m.trainer.dispose();
    m.model.dispose();
  }
  return out;
}

export function summarise(rows: LabRow[]): LabSummary[] {
  return rows.map((r) => {
    const deltas = r.bugged.map((b, i) => b - r.correct[i]);
    const delta = meanStd(deltas);
    const correctAuc = meanStd(r.correct);
    const se = delta.std / Math.sqrt(deltas.length);
    const beyondNoise =
      deltas.length > 1 && Math.abs(delta.mean) > 2 * se && Math.abs(delta.mean) > correctAuc.std;
    return { ...r, correctAuc, buggedAuc: meanStd(r.bugged), delta, beyondNoise };
  });
}

export function runBugLab(opts: LabOptions): LabSummary[] {
  const all: Entry[] = [...BUGS, ...BUG_PRESETS];
  const entries = opts.only ? all.filter((e) => opts.only!.includes(e.id)) : all;
  if (entries.length === 0) throw new Error(`--only matched no bug of ${all.map((e) => e.id)}`);
  const rows: LabRow[] = entries.flatMap((e) =>
    e.models.map((model) => ({ bug: e.id, pitfall: e.pitfall, model, correct: [], bugged: [] })),
  );
  const started = Date.now();
  for (let seed = 1; seed <= opts.seeds; seed++) {
    const aucs = runSeed(opts, entries, seed);
    for (const row of rows) {
      const e = entries.find((x) => x.id === row.bug)!;
      row.correct.push(aucs.get(correctKey(e, row.model))!);
      row.bugged.push(aucs.get(`${e.id}|${row.model}`)!);
    }
    console.error(`seed ${seed} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  return summarise(rows);
}

const fmt = (x: { mean: number; std: number }, sign = false) => {
  const m = (sign && x.mean >= 0 ? '+' : '') + x.mean.toFixed(4);
  return `${m} ± ${(Number.isNaN(x.std) ? 0 : x.std).toFixed(4)}`;
};
const modelLabel = (m: ModelName) => (m === 'base' ? 'Base' : m.toUpperCase());

export function labTable(summary: LabSummary[]): string[] {
  const title = (id: string) => [...BUGS, ...BUG_PRESETS].find((e) => e.id === id)!.title.en;
  return [
    '| # | Bug | Model | Correct AUC | Bugged AUC | ΔAUC (paired) | Beyond seed noise |',
    '|---|---|---|---|---|---|---|',
    ...summary.map(
      (r) =>
        `| ${r.pitfall || 'preset'} | ${title(r.bug)} | ${modelLabel(r.model)} | ${fmt(r.correctAuc)} | ${fmt(r.buggedAuc)} | ${fmt(r.delta, true)} | ${r.beyondNoise ? 'yes' : 'no'} |`,
    ),
  ];
}

/** The key of a run in results/bugs.json, e.g. `default-T20-800steps` or `…-only-paddingLeak`. */
export function runKey(opts: LabOptions): string {
  const only = opts.only ? `-only-${opts.only.join('+')}` : '';
  return `${opts.worldName}-T${opts.T}-${opts.steps}steps${only}`;
}

/** Adds this run to results/bugs.json (other runs' entries are kept). */
export function writeLabResults(opts: LabOptions, summary: LabSummary[]): string {
  mkdirSync('results', { recursive: true });
  const file = 'results/bugs.json';
  const runs = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  runs[runKey(opts)] = { ...opts, backend: tf.getBackend(), summary };
  writeFileSync(file, JSON.stringify(runs, null, 2));
  return file;
}
