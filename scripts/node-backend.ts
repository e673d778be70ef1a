/** Chooses a tfjs backend for Node scripts and tests: 'cpu' or 'wasm' (binaries from node_modules). */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { resolve } from 'node:path';
import { installWasmSlice } from '../src/train/wasmSlice';

export async function useNodeBackend(name: string): Promise<void> {
  // tfjs prints an "install tfjs-node" banner in Node; tfjs-node needs a download we cannot make.
  tf.env().set('IS_NODE', false);
  if (name === 'wasm') {
    // The threaded build spawns blob: workers, which Node refuses; SIMD-only is plenty here.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  }
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} is not available in Node`);
  await tf.ready();
  // The page's wasm backend runs with these kernels (src/train/backends.ts): so do the scripts.
  if (name === 'wasm') installWasmSlice();
}
