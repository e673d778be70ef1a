/**
 * Swaps stock kernels of one backend for the project's, each built from the stock kernel it
 * replaces (and calls for the cases it leaves alone): wasmSlice.ts, wasmMatMul.ts, wasmGather.ts
 * and smallWebgpu.ts. All or none: without every stock kernel nothing changes. Idempotent; the
 * stock setup (the wasm backend's function bindings) stays with the kernel.
 */
import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs-core';

const done = new Set<string>();

export function replaceKernels(
  backendName: string,
  makers: Record<string, (stock: KernelFunc) => KernelFunc>,
): void {
  const key = `${backendName}:${Object.keys(makers).join(',')}`;
  if (done.has(key)) return;
  const stock = Object.keys(makers).map((name) => getKernel(name, backendName));
  if (stock.some((k) => !k)) return;
  Object.entries(makers).forEach(([kernelName, make], i) => {
    const { setupFunc, disposeFunc, kernelFunc } = stock[i] as KernelConfig;
    unregisterKernel(kernelName, backendName);
    registerKernel({
      kernelName,
      backendName,
      setupFunc,
      disposeFunc,
      kernelFunc: make(kernelFunc),
    });
  });
  done.add(key);
}
