/**
 * The papers' table on the toy world: trains Base, DIN and DIEN in lockstep for several seeds and
 * prints AUC (mean ± std), GAUC, logloss and RelaImpr vs Base; writes results/experiment.json.
 * Usage: npm run experiment -- [--seeds 3] [--steps 1500] [--world default|drift]
 *        [--backend wasm|cpu] [--shoppers N] [--batch 64] [--lr 0.005] [--variants]
 * With --bugs: the bug lab instead (bugLab.ts; also --T N, --only id,id), results/bugs.json.
 * With --data FILE [--meta FILE] [--format taobao|amazon|movielens|generic] [--top-items K]
 * [--min-events N] [--max-users U] [--max-history T] [--behaviors buy,cart] [--min-rating R]
 * [--T N]: the reader's
 * own log through the page's import path (importExperiment.ts), results/experiment-imported.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { TrainingSession } from '../src/train/worker/session';
import { DEFAULT_WORLD, strongDriftWorld } from '../src/world/simulator';
import { DEFAULT_MODEL_SETTINGS, MODEL_NAMES, type ModelSettings } from '../src/model/config';
import { meanStd, relaImpr } from '../src/metrics';
import type { EvalMetrics } from '../src/train/protocol';
import { labTable, runBugLab, writeLabResults, type LabOptions } from './bugLab';
import { importedTable } from './importExperiment';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Row {
  label: string;
  model: string;
  auc: number[];
  gauc: number[];
  logloss: number[];
}

export async function main(): Promise<void> {
  const seeds = Number(arg('seeds', '3'));
  const steps = Number(arg('steps', '1500'));
  const backend = arg('backend', 'wasm');
  const worldName = arg('world', 'default');
  const shoppers = Number(arg('shoppers', String(DEFAULT_WORLD.shoppers)));
  const batchSize = Number(arg('batch', '64'));
  const learningRate = Number(arg('lr', '0.005'));
  await useNodeBackend(backend);
  if (process.argv.includes('--data')) {
    // The reader's own log (importExperiment.ts), through the page's import path.
    const model = {
      ...DEFAULT_MODEL_SETTINGS,
      T: Number(arg('T', String(DEFAULT_MODEL_SETTINGS.T))),
    };
    const out = await importedTable(arg, { seeds, steps, batchSize, learningRate, model });
    console.log(out.lines.join('\n'));
    mkdirSync('results', { recursive: true });
    writeFileSync(
      'results/experiment-imported.json',
      JSON.stringify({ argv: process.argv.slice(2), table: out.table }, null, 2),
    );
    console.error('wrote results/experiment-imported.json');
    return;
  }
  const baseWorld = worldName === 'drift' ? strongDriftWorld() : DEFAULT_WORLD;
  if (process.argv.includes('--bugs')) {
    const only = arg('only', '');
    const opts: LabOptions = {
      world: { ...baseWorld, shoppers },
      worldName,
      seeds,
      steps,
      batchSize,
      learningRate,
      T: Number(arg('T', String(DEFAULT_MODEL_SETTINGS.T))),
      only: only ? only.split(',') : undefined,
    };
    const summary = runBugLab(opts);
    console.log(
      [
        `Bug lab, world ${worldName} (drift ${baseWorld.drift}, ${shoppers} shoppers), T ${opts.T}, ${steps} steps of ${batchSize}, lr ${learningRate}, ${seeds} seeds, backend ${tf.getBackend()}`,
        '',
        ...labTable(summary),
      ].join('\n'),
    );
    console.error(`wrote ${writeLabResults(opts, summary)}`);
    return;
  }
  const variants: [string, Partial<ModelSettings>][] = [['default', {}]];
  if (process.argv.includes('--variants')) {
    variants.push(
      ['DIN dot product', { attentionInput: 'dot' }],
      ['DIN softmax', { attentionSoftmax: true }],
      ['Dice', { activation: 'dice' }],
      ['DIEN AGRU', { evolving: 'agru' }],
      ['DIEN AIGRU', { evolving: 'aigru' }],
      ['DIEN no aux loss', { auxWeight: 0 }],
    );
  }
  const rows = new Map<string, Row>();
  const started = Date.now();
  for (const [label, over] of variants) {
    for (let seed = 1; seed <= seeds; seed++) {
      const session = TrainingSession.create({
        world: { ...baseWorld, shoppers, seed },
        model: { ...DEFAULT_MODEL_SETTINGS, ...over },
        train: { batchSize, learningRate, seed, evalEvery: 0 },
      });
      for (let s = 0; s < steps; s++) session.step();
      const metrics = await session.evaluate();
      for (const name of MODEL_NAMES) {
        const key = `${label}|${name}`;
        const row = rows.get(key) ?? { label, model: name, auc: [], gauc: [], logloss: [] };
        const m: EvalMetrics = metrics[name];
        row.auc.push(m.auc);
        row.gauc.push(m.gauc);
        row.logloss.push(m.logloss);
        rows.set(key, row);
      }
      console.error(
        `${label} seed ${seed}: ` +
          MODEL_NAMES.map((n) => `${n} ${metrics[n].auc.toFixed(4)}`).join('  ') +
          `  (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
      session.dispose();
    }
  }
  const table = [...rows.values()].map((r) => {
    const base = rows.get(`${r.label}|base`)!;
    const auc = meanStd(r.auc);
    return {
      variant: r.label,
      model: r.model,
      auc,
      gauc: meanStd(r.gauc),
      logloss: meanStd(r.logloss),
      relaImpr: relaImpr(auc.mean, meanStd(base.auc).mean),
    };
  });
  const fmt = (x: { mean: number; std: number }) =>
    `${x.mean.toFixed(4)} ± ${(Number.isNaN(x.std) ? 0 : x.std).toFixed(4)}`;
  const lines = [
    `World: ${worldName} (drift ${baseWorld.drift}, ${shoppers} shoppers), ${steps} steps of ${batchSize}, lr ${learningRate}, ${seeds} seeds, backend ${tf.getBackend()}`,
    '',
    '| Variant | Model | AUC | GAUC | Logloss | RelaImpr vs Base |',
    '|---|---|---|---|---|---|',
    ...table.map(
      (t) =>
        `| ${t.variant} | ${t.model === 'base' ? 'Base' : t.model.toUpperCase()} | ${fmt(t.auc)} | ${fmt(t.gauc)} | ${fmt(t.logloss)} | ${t.relaImpr.toFixed(2)}% |`,
    ),
  ];
  console.log(lines.join('\n'));
  mkdirSync('results', { recursive: true });
  const file = `results/experiment-${worldName}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      { world: worldName, shoppers, steps, batchSize, learningRate, seeds, table },
      null,
      2,
    ),
  );
  console.error(`wrote ${file}`);
}
