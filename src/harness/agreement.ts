/**
 * Test-only page script (harness.html): runs the real training worker through TrainerClient on
 * one forced backend and returns the per-step losses, for the cross-backend agreement e2e test.
 * Not part of the explainer page.
 */
import { TrainerClient } from '../train/page/client';
// The fused-kernel check (e2e/kernels.spec.ts) shares this page.
import './kernels';
import { DEFAULT_MODEL_SETTINGS } from '../model/config';
import { DEFAULT_WORLD } from '../world/simulator';
import type {
  BackendInfo,
  BackendName,
  EvalMetrics,
  ModelName,
  Progress,
  SessionConfig,
} from '../train/protocol';

export const AGREEMENT_CONFIG: SessionConfig = {
  world: { ...DEFAULT_WORLD, seed: 5, shoppers: 60, minHistory: 4, maxHistory: 10 },
  model: { ...DEFAULT_MODEL_SETTINGS, T: 8, embDim: 4, hidden: [8], attentionHidden: [8] },
  train: { batchSize: 32, learningRate: 0.01, seed: 3, evalEvery: 10 },
};

export interface AgreementRun {
  backend: BackendInfo;
  /** losses[k] = per-model training loss after step k + 1. */
  losses: Record<ModelName, number>[];
  auxLosses: number[];
  /** Test metrics at step 0 and after the last step. */
  testStart: Record<ModelName, EvalMetrics>;
  testEnd: Record<ModelName, EvalMetrics>;
  msPerStep: number;
}

async function run(backend: BackendName, steps: number): Promise<AgreementRun> {
  const client = new TrainerClient({ backend, visibility: null });
  const progress: Progress[] = [];
  let wake: () => void = () => undefined;
  const errors: string[] = [];
  client.subscribe((r) => {
    if (r.type === 'progress') progress.push(r.progress);
    if (r.type === 'error') errors.push(r.message);
    wake();
  });
  const next = (pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (errors.length > 0) reject(new Error(errors.join('; ')));
        else if (pred()) resolve();
      };
      wake = check;
      check();
    });
  try {
    const ready = await client.init(AGREEMENT_CONFIG);
    await next(() => progress.length > 0);
    const testStart = progress[0].test!;
    const losses: Record<ModelName, number>[] = [];
    const auxLosses: number[] = [];
    const t0 = performance.now();
    for (let k = 1; k <= steps; k++) {
      client.step(1);
      await next(() => progress.some((p) => p.step === k));
      const p = progress.find((q) => q.step === k)!;
      losses.push(p.loss);
      auxLosses.push(p.auxLoss);
    }
    const msPerStep = (performance.now() - t0) / steps;
    client.evaluate();
    await next(() => progress.at(-1)!.testStep === steps && progress.length > steps + 1);
    return {
      backend: ready.backend,
      losses,
      auxLosses,
      testStart,
      testEnd: progress.at(-1)!.test!,
      msPerStep,
    };
  } finally {
    client.dispose();
  }
}

declare global {
  interface Window {
    runAgreement: typeof run;
  }
}
window.runAgreement = run;
