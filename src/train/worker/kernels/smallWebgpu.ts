/**
 * BatchMatMul and Sum for the webgpu backend from smallWgsl.ts's per-output programs, for the
 * small shapes the models run; anything larger (or another dtype, or a batch that broadcasts
 * along several axes) keeps tfjs's own kernel, as does everything with the fused kernels off.
 */
import {
  BatchMatMul,
  Sum,
  util,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { fusedKernelsEnabled } from '../../../model/recurrence';
import { matMulShape } from './matMulShape';
import { replaceKernels } from './replaceKernels';
import { MAX_INNER, MAX_OUTPUTS, SmallMatMulProgram, SmallSumProgram } from './smallWgsl';

function matMul(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as NamedAttrMap & {
      transposeA: boolean;
      transposeB: boolean;
    };
    const shape = matMulShape(a, b, transposeA, transposeB);
    const { batch, batchA, batchB, M, K, N } = shape;
    const small =
      fusedKernelsEnabled() &&
      a.dtype === 'float32' &&
      b.dtype === 'float32' &&
      shape.simpleBatch &&
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
    return { dataId: out.dataId, dtype: out.dtype, shape: [...shape.outer, M, N] };
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

/** Replace webgpu's BatchMatMul and Sum (idempotent; registering needs no GPU). */
export function installSmallWebgpu(): void {
  replaceKernels('webgpu', { [BatchMatMul]: matMul, [Sum]: sum });
}
