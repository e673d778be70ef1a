/**
 * Peak memory at the largest settings the resource budgets allow (src/data/budget.ts): a data
 * set at its cell limit (long histories, few shoppers; or many shoppers, short histories) and
 * one step at its cell limit, each built and trained a few steps on Node wasm. RSS includes
 * the wasm heap; it is the figure a tab would feel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fitBudget, historyCells, stepCells } from '../src/data/budget';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import type { SessionConfig } from '../src/train/protocol';
import { TrainingSession } from '../src/train/worker/session';
import { DEFAULT_WORLD } from '../src/world/simulator';
import type { LargestRun } from './types';

const CASES: { name: string; config: SessionConfig }[] = [
  {
    name: 'long histories (shoppers 20000, histories 200, T 100, emb 64, batch 2048 asked)',
    config: {
      world: { ...DEFAULT_WORLD, shoppers: 20000, minHistory: 200, maxHistory: 200 },
      model: { ...DEFAULT_MODEL_SETTINGS, T: 100, embDim: 64 },
      train: { batchSize: 2048, learningRate: 0.005, seed: 1, evalEvery: 0 },
    },
  },
  {
    name: 'many shoppers (shoppers 20000, histories 2–26, defaults otherwise)',
    config: {
      world: { ...DEFAULT_WORLD, shoppers: 20000, minHistory: 2, maxHistory: 26 },
      model: DEFAULT_MODEL_SETTINGS,
      train: { batchSize: 64, learningRate: 0.005, seed: 1, evalEvery: 0 },
    },
  },
];

const MiB = 1024 * 1024;

export async function largestRuns(steps: number, log: (m: string) => void): Promise<LargestRun[]> {
  const out: LargestRun[] = [];
  for (const c of CASES) {
    const { settings, caps } = fitBudget(c.config);
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const t0 = performance.now();
    const s = TrainingSession.create(settings);
    sample();
    const createMs = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < steps; i++) {
      s.step();
      await s.readLosses();
      sample();
    }
    const stepMs = (performance.now() - t1) / steps;
    const run: LargestRun = {
      name: c.name,
      kept: caps.map((k) => `${k.setting} ${k.asked} → ${k.kept}`),
      historyCells: historyCells(settings.world),
      stepCells: stepCells(settings),
      createMs,
      stepMs,
      peakRssMiB: peak / MiB,
      addedRssMiB: (peak - rss0) / MiB,
      tensorMiB: tf.memory().numBytes / MiB,
    };
    s.dispose();
    log(
      `largest ${c.name}: +${run.addedRssMiB.toFixed(0)} MiB RSS (peak ${run.peakRssMiB.toFixed(0)}), create ${createMs.toFixed(0)} ms, ${stepMs.toFixed(0)} ms/step`,
    );
    out.push(run);
  }
  return out;
}
