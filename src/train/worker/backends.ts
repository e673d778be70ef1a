/**
 * Backend selection for the training worker: WebGPU → WebGL → WASM → CPU, first that works wins.
 * Imports every tfjs backend (side-effect registration); only the worker may import this module.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The binaries are emitted into the build and served by the site itself: no request leaves the origin.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  isSoftwareAdapter,
  runBackendChain,
  type AdapterLike,
  type SkipBackend,
  type TryOutcome,
} from '../backendChain';
import { errorText } from '../../lib/errorText';
import type { BackendInfo, BackendName } from '../protocol';
import { installWasmSlice } from './wasmSlice';

export {
  runBackendChain,
  chainOrder,
  isSoftwareAdapter,
  NoBackendError,
  BACKEND_LABELS,
} from '../backendChain';
export type { TrySet, TryOutcome, SkipBackend, ChainOptions, AdapterLike } from '../backendChain';

interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

async function probeWebGpu(): Promise<TryOutcome> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
  if (!gpu) return { ok: false, reason: 'WebGPU is not available in this browser' };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return {
      ok: false,
      reason: `WebGPU adapter request failed (${errorText(e)})`,
    };
  }
  if (!adapter) return { ok: false, reason: 'no WebGPU adapter' };
  return { ok: true, note: isSoftwareAdapter(adapter) ? 'software adapter' : undefined };
}

let wasmPathsSet = false;

/** Switch tfjs to one backend; the real `TrySet` of the chain. */
export async function trySetBackend(name: BackendName): Promise<TryOutcome> {
  let note: string | undefined;
  if (name === 'webgpu') {
    const probe = await probeWebGpu();
    if (!probe.ok) return probe;
    note = probe.note;
  }
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
    });
    wasmPathsSet = true;
  }
  if (!tf.findBackendFactory(name)) return { ok: false, reason: 'not registered in this browser' };
  const ok = await tf.setBackend(name);
  if (!ok) return { ok: false, reason: 'failed to initialise' };
  await tf.ready();
  if (name === 'wasm') installWasmSlice();
  return { ok: true, note };
}

/**
 * Pick the backend: `forced` first when given, then WebGPU, WebGL, WASM, CPU. Backends in `skip`
 * (e.g. one that failed during training in an earlier worker) are not tried.
 */
export function selectBackend(
  forced?: BackendName,
  skip?: readonly SkipBackend[],
): Promise<BackendInfo> {
  return runBackendChain(trySetBackend, { forced, skip });
}

/** The active tfjs backend: its name and the backend object (tf.getBackend(), tf.backend()). */
export interface ActiveBackend {
  name: string;
  backend: unknown;
}

interface GpuInternals {
  device?: { lost?: Promise<{ message?: string; reason?: string }> };
  gpgpu?: { gl?: { canvas?: EventTarget } };
}

/**
 * Call `onLost` if the active GPU backend loses its device (WebGPU) or context (WebGL). Best
 * effort: reads backend internals that tfjs does not type publicly (tests pass a fake backend).
 */
export function watchBackendLoss(
  onLost: (message: string) => void,
  active: ActiveBackend = { name: tf.getBackend(), backend: tf.backend() },
): void {
  const backend = active.backend as GpuInternals;
  if (active.name === 'webgpu') {
    void backend.device?.lost?.then((info) => {
      if (info.reason === 'destroyed') return; // our own dispose
      onLost(`WebGPU device lost${info.message ? `: ${info.message}` : ''}`);
    });
  } else if (active.name === 'webgl') {
    backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () =>
      onLost('WebGL context lost'),
    );
  }
}
