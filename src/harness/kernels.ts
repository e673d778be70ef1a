/**
 * Test-only page hook (harness.html): window.runKernelCheck(backend) runs kernelCheck.ts in a
 * fresh worker on that backend (a fresh worker per GPU backend, TFJS_NOTES.md).
 */
import type { BackendName } from '../train/protocol';
import type { AdamCheck, CellCheck } from './kernelCheck';
import type { SmallCase } from './smallCheck';

export interface KernelCheckResult {
  cells: CellCheck[];
  adam: AdamCheck;
  small: SmallCase[];
}

function runKernelCheck(backend: BackendName): Promise<KernelCheckResult> {
  const worker = new Worker(new URL('./kernelWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<KernelCheckResult>((resolve, reject) => {
    worker.onmessage = (
      ev: MessageEvent<
        | { type: 'done'; results: CellCheck[]; adam: AdamCheck; small: SmallCase[] }
        | { type: 'error'; message: string }
      >,
    ) => {
      worker.terminate();
      if (ev.data.type === 'done')
        resolve({ cells: ev.data.results, adam: ev.data.adam, small: ev.data.small });
      else reject(new Error(ev.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ backend });
  });
}

declare global {
  interface Window {
    runKernelCheck: typeof runKernelCheck;
  }
}
window.runKernelCheck = runKernelCheck;
