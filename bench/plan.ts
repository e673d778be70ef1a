/** What the benchmark runs, full or --quick. Shared by the Node and browser halves. */

/**
 * What a run measures, each part in Node and in Chromium where it exists: `throughput` (ms/step
 * per model, BST too, and the lockstep; Chromium: per backend, with the GPU adapter), `sweeps` (T
 * and B), `memory` (over many steps; Node: also the largest settings), `insight` (time to
 * insight), `ab` (the GRU A/B, Node), `page` (the real page: loading, responsiveness).
 * `--only=throughput,page` runs those alone; the report keeps every figure it did not measure.
 */
export const PARTS = ['throughput', 'sweeps', 'memory', 'insight', 'ab', 'page'] as const;
export type Part = (typeof PARTS)[number];

/** Time to insight: DIN's test AUC must beat Base's by this much (default world, page settings). */
export const INSIGHT_MARGIN = 0.05;

export interface Reps {
  steps: number;
  warmup: number;
  reps: number;
}

export interface Plan {
  quick: boolean;
  sweepT: number[];
  sweepB: number[];
  node: {
    default: Reps;
    sweep: Reps;
    memorySteps: number;
    memoryEvery: number;
    insightBackends: string[];
    insightBoundMs: number;
  };
  browser: {
    /** CPU-side backends (wasm, cpu) and software-GPU ones (webgpu, webgl: slow under SwiftShader). */
    fast: Reps;
    gpu: Reps;
    /** The browser backend that also runs the T and B sweeps (DIEN + DIN + Base). */
    sweepBackend: string;
    sweepT: number[];
    sweepB: number[];
    sweep: Reps;
    memorySteps: number;
    memoryEvery: number;
    insightBoundMs: Record<string, number>;
    playMs: number;
    edits: number;
  };
}

export function plan(quick: boolean): Plan {
  return {
    quick,
    sweepT: quick ? [10, 20, 50, 100] : [10, 20, 30, 40, 60, 80, 100],
    sweepB: quick ? [32, 128, 512] : [32, 64, 128, 256, 512],
    node: {
      default: quick ? { steps: 5, warmup: 2, reps: 3 } : { steps: 10, warmup: 3, reps: 5 },
      sweep: quick ? { steps: 3, warmup: 1, reps: 3 } : { steps: 5, warmup: 2, reps: 3 },
      memorySteps: quick ? 200 : 1000,
      memoryEvery: quick ? 20 : 50,
      insightBackends: quick ? ['wasm'] : ['wasm', 'cpu'],
      insightBoundMs: quick ? 60_000 : 180_000,
    },
    browser: {
      fast: quick ? { steps: 5, warmup: 2, reps: 3 } : { steps: 10, warmup: 3, reps: 3 },
      gpu: quick ? { steps: 2, warmup: 1, reps: 1 } : { steps: 3, warmup: 2, reps: 3 },
      sweepBackend: 'wasm',
      sweepT: quick ? [10, 50, 100] : [10, 20, 40, 60, 80, 100],
      sweepB: quick ? [32, 512] : [32, 64, 128, 256, 512],
      sweep: quick ? { steps: 2, warmup: 1, reps: 1 } : { steps: 4, warmup: 1, reps: 3 },
      memorySteps: quick ? 60 : 300,
      memoryEvery: quick ? 20 : 50,
      insightBoundMs: quick
        ? { webgpu: 20_000, webgl: 20_000, wasm: 60_000, cpu: 30_000 }
        : { webgpu: 90_000, webgl: 90_000, wasm: 180_000, cpu: 120_000 },
      playMs: quick ? 6_000 : 15_000,
      edits: quick ? 10 : 30,
    },
  };
}
