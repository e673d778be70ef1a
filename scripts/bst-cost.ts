/**
 * BST's cost against the history length T, next to DIEN's: ms per training step of each model,
 * both trained in the same lockstep on the same batches (runLab times each model's step), so the
 * two are measured interleaved, batch for batch. Self-attention is quadratic in T + 1 tokens, the
 * GRUs linear in T; at these sizes the constant terms dominate, which is what this measures.
 * Usage: tsx scripts/lib/run-node.ts scripts/bst-cost.ts [--backend wasm|cpu] [--steps 40]
 *        [--T 10,20,40,80] [--batch 64]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PAGE_BST } from '../src/model/bstConfig';
import { runLab } from '../src/model/bstLab';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { DEFAULT_WORLD } from '../src/world/simulator';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const backend = arg('backend', 'wasm') as 'wasm' | 'cpu';
const steps = Number(arg('steps', '40'));
const batchSize = Number(arg('batch', '64'));
const Ts = arg('T', '10,20,40,80').split(',').map(Number);

export async function main(): Promise<void> {
  await useNodeBackend(backend);
  const rows: { T: number; dien: number; bst: number }[] = [];
  for (const T of Ts) {
    const r = runLab({
      // Histories long enough to fill T: the cost is measured at full length.
      world: { ...DEFAULT_WORLD, shoppers: 200, minHistory: T + 2, maxHistory: T + 2 },
      model: { ...DEFAULT_MODEL_SETTINGS, T },
      models: [
        { label: 'dien', kind: 'ctr', name: 'dien' },
        { label: 'bst', kind: 'bst', bst: PAGE_BST },
      ],
      steps,
      batchSize,
      learningRate: 0.005,
      seed: 1,
    });
    rows.push({ T, dien: r.trainMs.dien / steps, bst: r.trainMs.bst / steps });
  }
  console.log(`\nms per training step on ${backend}, batch ${batchSize}, ${steps} steps each:\n`);
  console.log('| T | DIEN ms/step | BST ms/step | BST / DIEN |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.T} | ${r.dien.toFixed(1)} | ${r.bst.toFixed(1)} | ${(r.bst / r.dien).toFixed(2)} |`,
    );
  mkdirSync('results', { recursive: true });
  writeFileSync(
    'results/bst-cost.json',
    JSON.stringify({ backend, batchSize, steps, rows }, null, 2),
  );
}
