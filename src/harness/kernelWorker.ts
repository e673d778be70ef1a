/// <reference lib="webworker" />
/**
 * Test-only worker (harness.html, e2e/kernels.spec.ts): selects one forced backend with the
 * page's own chain (backends.ts, which registers the fused kernels) and runs kernelCheck.ts and
 * smallCheck.ts.
 */
import { selectBackend } from '../train/worker/backends';
import type { BackendName } from '../train/protocol';
import { checkFusedAdam, checkFusedKernels } from './kernelCheck';
import { checkSmallKernels } from './smallCheck';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (ev: MessageEvent<{ backend: BackendName }>) => {
  try {
    const info = await selectBackend(ev.data.backend);
    if (info.name !== ev.data.backend) throw new Error(`got ${info.name}, not ${ev.data.backend}`);
    const results = await checkFusedKernels();
    const adam = await checkFusedAdam();
    scope.postMessage({ type: 'done', results, adam, small: await checkSmallKernels() });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
