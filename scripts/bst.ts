/**
 * BST next to Base, DIN and DIEN on two worlds: one where the time between purchases tells when
 * interests move (timeWorld) and its control with the same average move rate and no time signal.
 * Trains all models in lockstep per seed and prints test AUC mean ± std; writes results/bst.json.
 * Usage: tsx scripts/lib/run-node.ts scripts/bst.ts [--seeds 3] [--steps 800] [--shoppers 1500]
 *        [--batch 64] [--lr 0.005] [--backend wasm|cpu] [--heads 1] [--output both|concat|candidate]
 *        [--test-shoppers 6000] [--T 20] [--bst-only] (shoppers whose last position only joins the test set)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { DEFAULT_WORLD, timeWorld } from '../src/world/simulator';
import { driftAfter } from '../src/world/gaps';
import type { WorldConfig } from '../src/world/types';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import { DEFAULT_BST, type BstSettings } from '../src/model/bstConfig';
import { runLab, type LabModel } from '../src/model/bstLab';
import { auc, meanStd } from '../src/metrics';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The time world and its control: same average drift per step, time carries no signal. */
export function bstWorlds(shoppers: number): [string, WorldConfig][] {
  const timed = { ...timeWorld(DEFAULT_WORLD), shoppers };
  const control = { ...timed, drift: driftAfter(timed, undefined), timeSignal: 0 };
  return [
    ['time-informative', timed],
    ['no time signal', control],
  ];
}

export function bstModels(
  heads: BstSettings['heads'],
  outputs: BstSettings['output'][],
): LabModel[] {
  const bst = outputs.flatMap((output): LabModel[] => [
    {
      label: `BST (position, ${output})`,
      kind: 'bst',
      bst: { ...DEFAULT_BST, heads, output, position: 'position' },
    },
    {
      label: `BST (time gap, ${output})`,
      kind: 'bst',
      bst: { ...DEFAULT_BST, heads, output, position: 'timeGap' },
    },
  ]);
  return [
    { label: 'Base', kind: 'ctr', name: 'base' },
    { label: 'DIN', kind: 'ctr', name: 'din' },
    { label: 'DIEN', kind: 'ctr', name: 'dien' },
    ...bst,
  ];
}

export async function main(): Promise<void> {
  const seeds = Number(arg('seeds', '3'));
  const steps = Number(arg('steps', '800'));
  const shoppers = Number(arg('shoppers', String(DEFAULT_WORLD.shoppers)));
  const batchSize = Number(arg('batch', '64'));
  const learningRate = Number(arg('lr', '0.005'));
  const heads = Number(arg('heads', '1')) === 2 ? 2 : 1;
  const outputArg = arg('output', 'both');
  const outputs: BstSettings['output'][] =
    outputArg === 'both'
      ? ['concat', 'candidate']
      : [outputArg === 'concat' ? 'concat' : 'candidate'];
  const extraTestShoppers = Number(arg('test-shoppers', '6000'));
  const model = {
    ...DEFAULT_MODEL_SETTINGS,
    T: Number(arg('T', String(DEFAULT_MODEL_SETTINGS.T))),
  };
  await useNodeBackend(arg('backend', 'wasm'));
  // --bst-only: the BST rows alone (Base/DIN/DIEN give the same numbers for the same seeds).
  const models = bstModels(heads, outputs).filter(
    (m) => m.kind === 'bst' || !process.argv.includes('--bst-only'),
  );
  const started = Date.now();
  const results: Record<string, Record<string, number[]>> = {};
  const ms: Record<string, number> = {};
  const lines: string[] = [];
  for (const [worldName, world] of bstWorlds(shoppers)) {
    const perModel: Record<string, number[]> = Object.fromEntries(models.map((m) => [m.label, []]));
    for (let seed = 1; seed <= seeds; seed++) {
      const r = runLab({
        world,
        model,
        models,
        steps,
        batchSize,
        learningRate,
        seed,
        extraTestShoppers,
      });
      for (const m of models) {
        perModel[m.label].push(auc(r.labels, r.predictions[m.label]));
        ms[m.label] = (ms[m.label] ?? 0) + r.trainMs[m.label];
      }
      const now = models.map((m) => `${m.label} ${perModel[m.label].at(-1)!.toFixed(4)}`);
      console.error(
        `${worldName} seed ${seed}: ${now.join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    results[worldName] = perModel;
  }
  const names = Object.keys(results);
  lines.push(
    `BST vs Base/DIN/DIEN: ${steps} steps of ${batchSize}, lr ${learningRate}, ${seeds} seeds, ${shoppers} shoppers (+${extraTestShoppers} test-only), T ${model.T}, BST ${heads} head(s), backend ${tf.getBackend()}`,
    `Worlds: ${names.map((n, i) => `${n} (drift ${bstWorlds(shoppers)[i][1].drift.toFixed(3)}, timeSignal ${bstWorlds(shoppers)[i][1].timeSignal ?? 0})`).join('; ')}`,
    '',
    `| Model | ${names.map((n) => `AUC, ${n}`).join(' | ')} | train ms/step (both worlds) |`,
    `|---|${names.map(() => '---|').join('')}---|`,
  );
  for (const m of models) {
    const cells = names.map((n) => {
      const { mean, std } = meanStd(results[n][m.label]);
      return `${mean.toFixed(4)} ± ${std.toFixed(4)}`;
    });
    const perStep = ms[m.label] / (steps * seeds * names.length);
    lines.push(`| ${m.label} | ${cells.join(' | ')} | ${perStep.toFixed(1)} |`);
  }
  console.log(lines.join('\n'));
  mkdirSync('results', { recursive: true });
  writeFileSync(
    'results/bst.json',
    JSON.stringify({ steps, batchSize, learningRate, seeds, shoppers, heads, results }, null, 2),
  );
  console.error(`wrote results/bst.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
