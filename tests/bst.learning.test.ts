/**
 * BST learns the clock, proven on the time-informative world with a fixed seed (wasm backend in
 * Node). Small shapes so that it stays under a minute: T = 8, embDim 4, 900 steps of 64, the
 * paper's BST (time gap, full attention, all outputs concatenated) against the same BST with
 * ordinal positions, trained on identical batches from identical initial weights where shapes
 * agree. The test set is the last position of 7 500 shoppers (1 500 trained on, 6 000 held out
 * entirely), so the AUC's sampling noise is small. Measured with this exact setup, seeds 1–4
 * (`npx tsx scripts/lib/run-node.ts scripts/bst-seeds.ts`, wasm with the XNNPACK matMul of
 * src/train/worker/wasmMatMul.ts):
 *   time gap − position:         +0.001, +0.032, +0.026, +0.016
 *   scrambling the test's clock: −0.020, −0.024, −0.023, −0.022 (time-gap BST's AUC)
 * Before that kernel (another summation order, so other trajectories) the same seeds gave
 * +0.006, +0.006, +0.029, −0.064: at 900 steps a seed can sit on the plateau concatenated outputs
 * show early in training (README, BST), so the gain is real on most seeds but not on every one.
 * The test pins seed 3 and its margins sit at under half of seed 3's measured effects.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { clockLab, runLab, type LabResult } from '../src/model/bstLab';
import { auc } from '../src/metrics';

const SEED = 3;

beforeAll(() => useNodeBackend('wasm'));

describe('BST on the time-informative world (seed 3)', () => {
  let r: LabResult;
  const score = (label: string) => auc(r.labels, r.predictions[label]);
  beforeAll(() => {
    r = runLab(clockLab(SEED));
  }, 400_000);

  it("time-gap BST reads the clock: scrambling the test set's timestamps costs it more than 0.010 AUC (measured 0.023)", () => {
    expect(score('time gap') - score('time gap (gaps scrambled)')).toBeGreaterThan(0.01);
  });

  it('time-gap BST beats position-only BST by more than 0.010 AUC (measured +0.026)', () => {
    expect(score('time gap') - score('position')).toBeGreaterThan(0.01);
  });
});
