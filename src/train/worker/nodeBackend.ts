/**
 * The engine in Node (scripts, tests, the benchmark) instead of a worker: chooses 'cpu' or 'wasm'
 * with the same kernels the page's worker installs. Free of Node imports so it type-checks with
 * the rest of src/; the wasm binaries are found relative to the working directory (the repo root,
 * where every npm script runs).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { installWasmSlice } from './wasmSlice';
import { installWasmMatMul } from './wasmMatMul';
import { installWasmGather } from './wasmGather';
import { installFusedGru } from './kernels/fusedGru';

const WASM_DIR = 'node_modules/@tensorflow/tfjs-backend-wasm/dist/';

export async function useNodeBackend(name: string): Promise<void> {
  // tfjs prints an "install tfjs-node" banner in Node; tfjs-node needs a download we cannot make.
  tf.env().set('IS_NODE', false);
  if (name === 'wasm') {
    // The threaded build spawns blob: workers, which Node refuses; SIMD-only is plenty here.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(WASM_DIR);
  }
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} is not available in Node`);
  await tf.ready();
  // The page's wasm backend runs with these kernels (backends.ts): so do the scripts.
  if (name === 'wasm') {
    installWasmSlice();
    installWasmMatMul();
    installWasmGather();
  }
  installFusedGru();
}
