/**
 * The papers' table on the reader's own log: the page's import path (detection, the two-pass
 * caps, importedDataset) read from disk, then Base, DIN and DIEN trained in lockstep on the same
 * mini-batches, seeded as the page's session seeds them (src/train/worker/models.ts).
 * Used by `npm run experiment -- --data FILE [--meta FILE] [--format F] [--top-items K]
 * [--min-events N] [--max-users U] [--max-history T] [--behaviors buy,cart] [--min-rating 4]`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BatchIterator, evalBatches } from '../src/data/batch';
import { importedDataset } from '../src/data/import/dataset';
import { detectFormat, withFormat } from '../src/data/import/detect';
import { detectMeta } from '../src/data/import/detectMeta';
import { importLog } from '../src/data/import/importLog';
import { readHead } from '../src/data/import/records';
import {
  BEHAVIORS,
  FORMATS,
  type Behavior,
  type FormatId,
  type ImportCaps,
  type ImportedWorld,
} from '../src/data/import/types';
import type { Sample } from '../src/data/types';
import { auc, gauc, logloss, meanStd, relaImpr } from '../src/metrics';
import { MODEL_NAMES, type ModelName, type ModelSettings } from '../src/model/config';
import { disposeTensors, toTensors } from '../src/model/inputs';
import { createModel, type CtrModel } from '../src/model/models';
import { ModelTrainer } from '../src/model/trainer';
import type { EvalMetrics } from '../src/train/protocol';
import { vocabOf } from '../src/train/worker/models';
import { fileSource } from './lib/fileSource';

export interface ImportFileOptions {
  data: string;
  meta?: string;
  format?: FormatId;
  caps: ImportCaps;
  behaviors?: Behavior[];
  minRating?: number;
  seed: number;
}

/** Reads a log from disk exactly as the page's parse worker does. */
export async function importFile(o: ImportFileOptions): Promise<ImportedWorld> {
  const events = fileSource(o.data);
  const head = await readHead(events);
  let detection = detectFormat(head, head.byteLength >= events.size);
  if (o.format) detection = withFormat(detection, o.format);
  const meta = o.meta ? fileSource(o.meta) : undefined;
  const metaHead = meta && (await readHead(meta));
  return importLog(events, meta, {
    detection,
    meta: meta && metaHead ? detectMeta(metaHead, metaHead.byteLength >= meta.size) : undefined,
    caps: o.caps,
    behaviors: o.behaviors,
    minRating: o.minRating,
    seed: o.seed,
  });
}

export interface TrainOptions {
  model: ModelSettings;
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  names?: ModelName[];
  /** Read every step's loss back (slow on a GPU backend; tests only). */
  recordLosses?: boolean;
}

function predict(model: CtrModel, test: Sample[], w: ImportedWorld, T: number): number[] {
  const out: number[] = [];
  for (const { batch, valid } of evalBatches(test, w.catalogue, T, 256)) {
    const p = tf.tidy(() =>
      tf.sigmoid(
        model.forward(toTensors(batch, model.layout), { training: false, logitsOnly: true }).logits,
      ),
    );
    out.push(...Array.from(p.dataSync()).slice(0, valid));
    p.dispose();
  }
  return out;
}

/** Trains the models in lockstep and evaluates them on the test set. */
export function trainImported(
  w: ImportedWorld,
  o: TrainOptions,
): {
  metrics: Partial<Record<ModelName, EvalMetrics>>;
  losses: Partial<Record<ModelName, number[]>>;
} {
  const names = o.names ?? [...MODEL_NAMES];
  const data = importedDataset(w, { seed: o.seed });
  const vocab = vocabOf(w.catalogue);
  const models = names.map((n) =>
    createModel(n, o.model, vocab, o.seed * 31 + MODEL_NAMES.indexOf(n)),
  );
  const trainers = models.map((m) => new ModelTrainer(m, o.learningRate));
  const it = new BatchIterator(data.train, w.catalogue, o.model.T, o.batchSize, o.seed);
  const losses: Partial<Record<ModelName, number[]>> = {};
  for (let s = 0; s < o.steps; s++) {
    const x = toTensors(it.next(), models[0].layout);
    trainers.forEach((t, i) => {
      const r = t.step(x);
      if (o.recordLosses) (losses[names[i]] ??= []).push(r.total.dataSync()[0]);
      r.total.dispose();
      r.aux?.dispose();
    });
    disposeTensors(x);
  }
  const labels = data.test.map((s) => s.label);
  const users = data.test.map((s) => s.user);
  const metrics: Partial<Record<ModelName, EvalMetrics>> = {};
  models.forEach((m, i) => {
    const p = predict(m, data.test, w, o.model.T);
    metrics[names[i]] = {
      auc: auc(labels, p),
      gauc: gauc(users, labels, p),
      logloss: logloss(labels, p),
    };
    trainers[i].dispose();
    m.dispose();
  });
  return { metrics, losses };
}

/** The import caps and options from the command line (arg reads `--name value`). */
export function importOptions(
  arg: (name: string, fallback: string) => string,
): Omit<ImportFileOptions, 'seed'> {
  const format = arg('format', '');
  if (format && !(FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--format must be one of ${FORMATS.join(', ')}, got ${format}`);
  }
  const behaviors = arg('behaviors', '');
  const bad = behaviors
    .split(',')
    .filter((b) => b && !(BEHAVIORS as readonly string[]).includes(b));
  if (bad.length)
    throw new Error(`--behaviors takes ${BEHAVIORS.join(', ')}; not ${bad.join(', ')}`);
  return {
    data: arg('data', ''),
    meta: arg('meta', '') || undefined,
    format: (format || undefined) as FormatId | undefined,
    caps: {
      topItems: Number(arg('top-items', '1000')),
      minEvents: Number(arg('min-events', '5')),
      maxUsers: Number(arg('max-users', '2000')),
      maxHistory: Number(arg('max-history', '50')),
    },
    behaviors: behaviors ? (behaviors.split(',') as Behavior[]) : undefined,
    minRating: arg('min-rating', '') === '' ? undefined : Number(arg('min-rating', '')),
  };
}

/** What was kept and dropped, in a few lines. */
export function summaryLines(w: ImportedWorld): string[] {
  const s = w.summary;
  const skipped = s.skipped.short + s.skipped.badTime;
  return [
    `${w.fileName} (${w.format}${w.metaFileName ? `, metadata ${w.metaFileName}` : ''}): ${s.rows} rows, ` +
      `${skipped} skipped${skipped ? ` (first at line ${s.skipped.firstLine})` : ''}, ` +
      `${s.skipped.behavior} of other behaviour types, ${s.skipped.rating} under the rating floor, ${s.duplicates} duplicates`,
    `users: ${s.users.kept} kept of ${s.users.inFile} (${s.users.tooFew} with too few events, ${s.users.overCap} over the cap)`,
    `items: ${s.items.kept} kept of ${s.items.approximate ? 'at least ' : ''}${s.items.inFile}` +
      (w.otherGood ? `, ${s.items.inOther} as "other" (${s.events.inOther} events)` : ''),
    `events: ${s.events.kept} kept, ${s.events.beyondHistory} older than the history cap; ` +
      `${s.categories} categories${s.noCategory ? ' (none in the file)' : ''}, ${w.catalogue.shops.length} shops${s.noShop ? ' (one per category)' : ''}`,
  ];
}

export interface TableOptions {
  seeds: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  model: ModelSettings;
}

/** `npm run experiment -- --data FILE …`: import once per seed, train, print the paper table. */
export async function importedTable(
  arg: (name: string, fallback: string) => string,
  o: TableOptions,
): Promise<{ lines: string[]; table: TableRow[] }> {
  const io = importOptions(arg);
  if (!io.data) throw new Error('--data FILE is required');
  const rows = new Map<ModelName, EvalMetrics[]>();
  let first: ImportedWorld | null = null;
  for (let seed = 1; seed <= o.seeds; seed++) {
    const world = await importFile({ ...io, seed });
    first ??= world;
    const { metrics } = trainImported(world, { ...o, seed });
    for (const n of MODEL_NAMES) rows.set(n, [...(rows.get(n) ?? []), metrics[n]!]);
    console.error(
      `seed ${seed}: ` + MODEL_NAMES.map((n) => `${n} ${metrics[n]!.auc.toFixed(4)}`).join('  '),
    );
  }
  const base = meanStd(rows.get('base')!.map((m) => m.auc)).mean;
  const table: TableRow[] = MODEL_NAMES.map((n) => {
    const ms = rows.get(n)!;
    const a = meanStd(ms.map((m) => m.auc));
    return {
      model: n,
      auc: a,
      gauc: meanStd(ms.map((m) => m.gauc)),
      logloss: meanStd(ms.map((m) => m.logloss)),
      relaImpr: relaImpr(a.mean, base),
    };
  });
  const fmt = (x: { mean: number; std: number }) =>
    `${x.mean.toFixed(4)} ± ${(Number.isNaN(x.std) ? 0 : x.std).toFixed(4)}`;
  const lines = [
    ...summaryLines(first!),
    `${o.steps} steps of ${o.batchSize}, lr ${o.learningRate}, T ${o.model.T}, ${o.seeds} seeds (the user sample and the negatives change with the seed), backend ${tf.getBackend()}`,
    '',
    '| Model | AUC | GAUC | Logloss | RelaImpr vs Base |',
    '|---|---|---|---|---|',
    ...table.map(
      (t) =>
        `| ${t.model === 'base' ? 'Base' : t.model.toUpperCase()} | ${fmt(t.auc)} | ${fmt(t.gauc)} | ${fmt(t.logloss)} | ${t.relaImpr.toFixed(2)}% |`,
    ),
  ];
  return { lines, table };
}

export interface TableRow {
  model: ModelName;
  auc: { mean: number; std: number };
  gauc: { mean: number; std: number };
  logloss: { mean: number; std: number };
  relaImpr: number;
}
