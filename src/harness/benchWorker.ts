/// <reference lib="webworker" />
/**
 * Benchmark-only worker (bench.html): selects one forced tfjs backend with the page's own chain
 * (backends.ts), then runs the shared measurements of benchCore.ts. One worker per backend: a
 * fresh worker is the only safe way to switch GPU backends (TFJS_NOTES.md).
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../train/worker/backends';
import type { BackendName } from '../train/protocol';
import { memoryRun, throughput, type ThroughputCase } from './benchCore';
import { fusedBench } from './fusedBench';

export type BenchRequest =
  | { type: 'throughput'; backend: BackendName; cases: ThroughputCase[]; lockstep: boolean }
  | { type: 'memory'; backend: BackendName; steps: number; every: number }
  | { type: 'fused'; backend: BackendName; B: number; T: number; reps: number; steps: number };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Chromium's non-standard heap counter (also exposed in dedicated workers). */
function heap(): number | null {
  const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize : null;
}

scope.onmessage = async (ev: MessageEvent<BenchRequest>) => {
  const req = ev.data;
  const log = (m: string) => scope.postMessage({ type: 'log', message: m });
  try {
    const info = await selectBackend(req.backend);
    if (info.name !== req.backend) throw new Error(`got ${info.name}, not ${req.backend}`);
    if (req.type === 'throughput') {
      const results = [];
      for (const c of req.cases) results.push(...(await throughput(c, req.lockstep, log)));
      scope.postMessage({ type: 'done', backend: info, results });
    } else if (req.type === 'fused') {
      const results = await fusedBench(req.B, req.T, req.reps, req.steps, log);
      scope.postMessage({ type: 'done', backend: info, results });
    } else {
      const samples = await memoryRun(req.steps, req.every, heap, log);
      scope.postMessage({
        type: 'done',
        backend: info,
        results: samples,
        left: tf.memory().numTensors,
      });
    }
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
