/**
 * The bug lab's measurable costs, proven with fixed seeds (wasm in Node) by the same lockstep
 * runner as `npm run experiment -- --bugs` (scripts/bugLab.ts). Margins come from the README's
 * bug table (3 seeds) and sit well below the measured paired gaps. Bugs that cost nothing
 * measurable on the toy worlds have no learning test here (README: "Bug lab").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { DEFAULT_WORLD } from '../src/world/simulator';
import { BUGS } from '../src/model/bugs';
import type { ModelName } from '../src/model/config';
import { correctKey, runSeed, type LabOptions } from '../scripts/bugLab';

beforeAll(() => useNodeBackend('wasm'));

const lab = (over: Partial<LabOptions>): LabOptions => ({
  world: DEFAULT_WORLD,
  worldName: 'default',
  seeds: 1,
  steps: 800,
  batchSize: 64,
  learningRate: 0.005,
  T: 20,
  ...over,
});

/** Bugged minus correct test AUC for one bug, model and seed. */
function cost(opts: LabOptions, id: string, model: ModelName, seed: number): number {
  const entry = BUGS.find((b) => b.id === id)!;
  const aucs = runSeed(opts, [{ ...entry, models: [model] }], seed);
  return aucs.get(`${id}|${model}`)! - aucs.get(correctKey(entry, model))!;
}

describe('bugs that cost AUC on the toy world', () => {
  it(
    'padding not masked, T = 50: Base loses more than 0.008 AUC (measured −0.014 to −0.027 over seeds 1–3)',
    { timeout: 300_000 },
    () => {
      expect(cost(lab({ T: 50 }), 'paddingLeak', 'base', 1)).toBeLessThan(-0.008);
    },
  );
});

describe('a measured difference in the other direction', () => {
  it(
    "the inverted AUGRU beats the paper's AUGRU by more than 0.01 AUC after 300 steps (measured +0.024 to +0.039 over seeds 1–3)",
    { timeout: 300_000 },
    () => {
      expect(cost(lab({ steps: 300 }), 'invertedAugru', 'dien', 1)).toBeGreaterThan(0.01);
    },
  );
});
