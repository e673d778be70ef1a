/** BST time-gap vs position and the clock-scramble effect for seeds 1–4 (tests/bst.learning.test.ts setup). */
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { DEFAULT_WORLD, timeWorld } from '../src/world/simulator';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import { DEFAULT_BST } from '../src/model/bstConfig';
import { runLab } from '../src/model/bstLab';
import { auc } from '../src/metrics';
export async function main(): Promise<void> {
  await useNodeBackend('wasm');
  for (const seed of [1, 2, 3, 4]) {
    const r = runLab({
      world: { ...timeWorld(DEFAULT_WORLD), shoppers: 1500 },
      extraTestShoppers: 6000,
      model: { ...DEFAULT_MODEL_SETTINGS, T: 8, embDim: 4 },
      steps: 900,
      batchSize: 64,
      learningRate: 0.005,
      seed,
      models: [
        { label: 'position', kind: 'bst', bst: { ...DEFAULT_BST, position: 'position' } },
        { label: 'time gap', kind: 'bst', bst: { ...DEFAULT_BST, position: 'timeGap' } },
      ],
      scrambled: ['time gap'],
    });
    const s = (l: string) => auc(r.labels, r.predictions[l]);
    console.log(
      `seed ${seed}: gap−pos ${(s('time gap') - s('position')).toFixed(4)} scramble ${(s('time gap') - s('time gap (gaps scrambled)')).toFixed(4)}`,
    );
  }
}
