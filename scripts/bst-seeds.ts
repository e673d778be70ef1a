/** BST time-gap vs position and the clock-scramble effect for seeds 1–4 (src/model/bstLab.ts's clockLab). */
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { clockLab, runLab } from '../src/model/bstLab';
import { auc } from '../src/metrics';

export async function main(): Promise<void> {
  await useNodeBackend('wasm');
  for (const seed of [1, 2, 3, 4]) {
    const r = runLab(clockLab(seed));
    const s = (l: string) => auc(r.labels, r.predictions[l]);
    const gain = s('time gap') - s('position');
    const scramble = s('time gap') - s('time gap (gaps scrambled)');
    console.log(`seed ${seed}: gap−pos ${gain.toFixed(4)} scramble ${scramble.toFixed(4)}`);
  }
}
