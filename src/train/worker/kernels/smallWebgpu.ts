/**
 * BatchMatMul and Sum for the webgpu backend from smallWgsl.ts's per-output programs, for the
 * small shapes the models run; anything larger (or another dtype, or a batch that broadcasts
 * along several axes) keeps tfjs's own kernel, as does everything with the fused kernels off.
 */
import {
  BatchMatMul,
  broadcast_util,
  getKernel,
  registerKernel,
  Sum,
  unregisterKernel,
  util,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { fusedKernelsEnabled } from '../../../model/recurrence';
import { MAX_INNER, MAX_OUTPUTS, SmallMatMulProgram, SmallSumProgram } from './smallWgsl';

function matMul(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as NamedAttrMap & {
      transposeA: boolean;
      transposeB: boolean;
    };
    const ra = a.shape.length;
    const rb = b.shape.length;
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const batchA = util.sizeFromShape(outerA);
    const batchB = util.sizeFromShape(outerB);
    const outer = broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
    const batch = util.sizeFromShape(outer);
    const M = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
    const K = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
    const N = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
    const small =
      fusedKernelsEnabled() &&
      a.dtype === 'float32' &&
      b.dtype === 'float32' &&
      (batchA === batch || batchA === 1) &&
      (batchB === batch || batchB === 1) &&
      K <= MAX_INNER &&
      batch * M * N * K > 0 &&
      batch * M * N <= MAX_OUTPUTS;
    if (!small) return stock(args);
    const program = new SmallMatMulProgram({
      batch,
      batchA,
      batchB,
      M,
      K,
      N,
      transposeA,
      transposeB,
    });
    const out = (args.backend as WebGPUBackend).runWebGPUProgram(program, [a, b], 'float32');
    return { dataId: out.dataId, dtype: out.dtype, shape: [...outer, M, N] };
  };
}

function sum(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = args.attrs as NamedAttrMap & {
      axis: number | number[];
      keepDims: boolean;
    };
    const axes = [...new Set(util.parseAxisParam(axis, x.shape))].sort((p, q) => p - q);
    const reduced = axes.reduce((n, i) => n * x.shape[i], 1);
    const outShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const small =
      fusedKernelsEnabled() &&
      x.dtype === 'float32' &&
      reduced <= MAX_INNER &&
      util.sizeFromShape(x.shape) > 0 &&
      util.sizeFromShape(outShape) <= MAX_OUTPUTS;
    if (!small) return stock(args);
    const out = (args.backend as WebGPUBackend).runWebGPUProgram(
      new SmallSumProgram(x.shape, axes),
      [x],
      'float32',
    );
    const shape = keepDims ? outShape : x.shape.filter((_, i) => !axes.includes(i));
    return { dataId: out.dataId, dtype: out.dtype, shape };
  };
}

let installed = false;

/** Replace webgpu's BatchMatMul and Sum (idempotent; registering needs no GPU). */
export function installSmallWebgpu(): void {
  if (installed) return;
  const stockMatMul = getKernel(BatchMatMul, 'webgpu');
  const stockSum = getKernel(Sum, 'webgpu');
  if (!stockMatMul || !stockSum) return;
  for (const [name, kernelFunc] of [
    [BatchMatMul, matMul(stockMatMul.kernelFunc)],
    [Sum, sum(stockSum.kernelFunc)],
  ] as const) {
    unregisterKernel(name, 'webgpu');
    registerKernel({ kernelName: name, backendName: 'webgpu', kernelFunc });
  }
  installed = true;
}
