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
  isSoftwareRenderer,
  runBackendChain,
  softwareAdapterName,
  softwareDeclined,
  type AdapterLike,
  type SkipBackend,
  type TryContext,
  type TryOutcome,
} from '../backendChain';
import { errorText } from '../../lib/errorText';
import type { BackendInfo, BackendName } from '../protocol';
import { installWasmSlice } from './wasmSlice';
import { installWasmMatMul } from './wasmMatMul';
import { installWasmGather } from './wasmGather';
import { installFusedGru } from './kernels/fusedGru';
import { installFusedGruWebgpu } from './kernels/fusedGruWebgpu';
import { installSmallWebgpu } from './kernels/smallWebgpu';

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
  if (!isSoftwareAdapter(adapter)) return { ok: true };
  return {
    ok: true,
    software: true,
    note: 'software adapter',
    reason: softwareAdapterName(adapter),
  };
}

/**
 * The WebGL2 renderer's name, from a throwaway context (tfjs makes its own). Chromium reports the
 * real renderer, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)…)".
 */
function probeWebGl(): TryOutcome {
  if (typeof OffscreenCanvas === 'undefined') return { ok: true };
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { ok: false, reason: 'no WebGL2 context' };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  if (!isSoftwareRenderer(renderer)) return { ok: true };
  const what = /swiftshader/i.test(renderer) ? 'SwiftShader' : 'software renderer';
  return { ok: true, software: true, note: 'software renderer', reason: what };
}

let wasmPathsSet = false;

/**
 * Switch tfjs to one backend; the real `TrySet` of the chain. A GPU backend that is only a
 * software emulator here is declined (before tfjs starts it) unless `allowSoftware`.
 */
export async function trySetBackend(
  name: BackendName,
  { allowSoftware }: TryContext = { allowSoftware: true },
): Promise<TryOutcome> {
  let note: string | undefined;
  let software = false;
  if (name === 'webgpu' || name === 'webgl') {
    const probe = name === 'webgpu' ? await probeWebGpu() : probeWebGl();
    if (!probe.ok) return probe;
    if (probe.software && !allowSoftware)
      return { ok: false, software: true, reason: softwareDeclined(name, probe.reason ?? '') };
    note = probe.note;
    software = probe.software ?? false;
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
  if (name === 'wasm') {
    installWasmSlice();
    installWasmMatMul();
    installWasmGather();
  }
  installFusedGru();
  installFusedGruWebgpu();
  if (name === 'webgpu') installSmallWebgpu();
  return { ok: true, note, ...(software ? { software } : {}) };
}

/**
 * Pick the backend: `forced` first when given, then WebGPU, WebGL, WASM, CPU (software GPU
 * emulators only when forced or nothing else works). Backends in `skip`
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
