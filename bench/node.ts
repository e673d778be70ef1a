/**
 * The Node half of the benchmark (run through scripts/lib/run-node.ts so tfjs-core's ESM gradients
 * load): throughput on cpu and wasm, the T and batch-size sweeps, DIEN's cost vs T, memory over
 * 1,000 steps (and at the largest settings the budgets allow) and time to insight. Writes one
 * JSON file; a part not asked for is left empty (the report keeps what an earlier run wrote).
 * Usage: tsx scripts/lib/run-node.ts bench/node.ts <out.json> [--quick]
 *        [--parts=throughput,sweeps,memory,insight]   (default: all four)
 */
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { BENCH_MODELS, insightSession, memoryRun, throughput } from '../src/harness/benchCore';
import { DEFAULT_MODEL_SETTINGS, MODEL_NAMES } from '../src/model/config';
import { INSIGHT_MARGIN, plan, type Plan } from './plan';
import { largestRuns } from './largest';
import type { NodeResults } from './types';

function log(m: string): void {
  console.log(`[node] ${m}`);
}

export async function main(): Promise<void> {
  const out = process.argv[2];
  const p: Plan = plan(process.argv.includes('--quick'));
  const asked = process.argv.find((a) => a.startsWith('--parts='))?.slice(8);
  const parts = new Set(asked ? asked.split(',') : ['throughput', 'sweeps', 'memory', 'insight']);
  const res: NodeResults = {
    throughput: {},
    sweepT: [],
    sweepB: [],
    sweepBackend: 'wasm',
    memory: { backend: 'wasm', samples: [] },
    insight: {},
  };
  const T0 = DEFAULT_MODEL_SETTINGS.T;
  const B0 = 64;
  if (parts.has('throughput')) {
    for (const backend of ['wasm', 'cpu']) {
      await useNodeBackend(backend);
      res.throughput[backend] = await throughput(
        { B: B0, T: T0, models: [...BENCH_MODELS], ...p.node.default },
        true,
        log,
      );
    }
  }
  await useNodeBackend('wasm');
  if (parts.has('sweeps')) {
    for (const T of p.sweepT) {
      res.sweepT.push(
        ...(await throughput({ B: B0, T, models: [...MODEL_NAMES], ...p.node.sweep }, false, log)),
      );
    }
    for (const B of p.sweepB) {
      res.sweepB.push(
        ...(await throughput({ B, T: T0, models: [...MODEL_NAMES], ...p.node.sweep }, false, log)),
      );
    }
  }
  if (parts.has('memory')) {
    res.memory.samples = await memoryRun(
      p.node.memorySteps,
      p.node.memoryEvery,
      () => {
        // Live heap, not garbage not yet collected (run.ts starts this with --expose-gc).
        (globalThis as { gc?: () => void }).gc?.();
        return process.memoryUsage().heapUsed;
      },
      log,
    );
    res.largest = await largestRuns(p.node.memorySteps >= 1000 ? 5 : 3, log);
  }
  if (parts.has('insight')) {
    for (const backend of p.node.insightBackends) {
      await useNodeBackend(backend);
      res.insight[backend] = await insightSession(INSIGHT_MARGIN, p.node.insightBoundMs);
      const r = res.insight[backend];
      log(
        `insight ${backend}: ${r.reached ? 'reached' : 'not reached'} at step ${r.step}, ${r.ms.toFixed(0)} ms`,
      );
    }
  }
  log(`tensors left: ${tf.memory().numTensors}`);
  writeFileSync(out, JSON.stringify(res, null, 1));
}
