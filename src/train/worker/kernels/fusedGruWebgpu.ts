/**
 * The fused recurrence kernels (src/model/kernels/names.ts) for the webgpu backend, from the
 * programs of gruWgsl.ts. GPU dispatches per layer: forward 1 (the states; the "cache" output is
 * the states again, since the backward recomputes the gates), backward 4 (BPTT, ∂U, and copies
 * of dxs and dg out of the BPTT's flat output; 5 with the bug lab's offset).
 */
import {
  getKernel,
  registerKernel,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { FUSED_ADAM, FUSED_GRU_BACKWARD, FUSED_GRU_FORWARD } from '../../../model/kernels/names';
import { adamWebgpu } from './fusedAdamWebgpu';
import {
  CopyProgram,
  GruBackwardProgram,
  GruForwardProgram,
  GruWeightGradProgram,
} from './gruWgsl';

/** Dispatches per layer and call, as the programs below run them (the benchmark reports these). */
export const WEBGPU_DISPATCHES = { forward: 1, backward: 4, backwardWithOffset: 5 };

function gateOn(attrs: NamedAttrMap | undefined): boolean {
  return Boolean(attrs?.useU);
}

const forward: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { xs, U, g, o } = inputs as Record<string, TensorInfo>;
  const [T, , B, H] = xs.shape;
  const program = new GruForwardProgram({ T, B, H }, gateOn(attrs), o !== undefined);
  const states = gpu.runWebGPUProgram(program, o ? [xs, U, g, o] : [xs, U, g], 'float32');
  // The second output (recurrence.ts saves it for the backward) is the states, shared.
  gpu.incRef(states.dataId);
  return [states, { dataId: states.dataId, shape: states.shape, dtype: states.dtype }];
};

const backward: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { dy, states, g, U, o, xs } = inputs as Record<string, TensorInfo>;
  const [T, B, H] = states.shape;
  const d = { T, B, H };
  const n = T * B * H;
  const offset = o !== undefined;
  const bptt = new GruBackwardProgram(d, gateOn(attrs), offset);
  const flat = gpu.runWebGPUProgram(
    bptt,
    offset ? [dy, states, xs, U, g, o] : [dy, states, xs, U, g],
    'float32',
  );
  const dU = gpu.runWebGPUProgram(new GruWeightGradProgram(d), [flat, states], 'float32');
  const dxs = gpu.runWebGPUProgram(new CopyProgram(0, [T, 3, B, H]), [flat], 'float32');
  const dg = gpu.runWebGPUProgram(new CopyProgram(3 * n, [T, B, H]), [flat], 'float32');
  const dE = offset
    ? gpu.runWebGPUProgram(new CopyProgram(5 * n, [T, B, H]), [flat], 'float32')
    : undefined;
  gpu.disposeData(flat.dataId);
  return dE ? [dxs, dU, dg, dE] : [dxs, dU, dg];
};

/** Register the recurrence's two kernels and Adam's for webgpu (idempotent; registering needs no GPU). */
export function installFusedGruWebgpu(): void {
  for (const [kernelName, kernelFunc] of [
    [FUSED_GRU_FORWARD, forward],
    [FUSED_GRU_BACKWARD, backward],
    [FUSED_ADAM, adamWebgpu],
  ] as const) {
    if (!getKernel(kernelName, 'webgpu'))
      registerKernel({ kernelName, backendName: 'webgpu', kernelFunc });
  }
}
