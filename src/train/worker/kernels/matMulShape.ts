/**
 * A BatchMatMul's shape as the replacement kernels read it (wasmMatMul.ts, smallWebgpu.ts): the
 * product of [batchA, M, K] and [batchB, K, N] after either side's transpose, with the output's
 * batch axes. `simpleBatch`: each side's batch is the output's or 1 (no broadcasting along
 * several axes, which the models never do; those keep the stock kernel).
 */
import { broadcast_util, util, type TensorInfo } from '@tensorflow/tfjs-core';

export interface MatMulShape {
  outer: number[];
  batch: number;
  batchA: number;
  batchB: number;
  M: number;
  K: number;
  N: number;
  simpleBatch: boolean;
}

export function matMulShape(
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): MatMulShape {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const batchA = util.sizeFromShape(outerA);
  const batchB = util.sizeFromShape(outerB);
  const outer = broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
  const batch = util.sizeFromShape(outer);
  return {
    outer,
    batch,
    batchA,
    batchB,
    M: transposeA ? a.shape[ra - 1] : a.shape[ra - 2],
    K: transposeA ? a.shape[ra - 2] : a.shape[ra - 1],
    N: transposeB ? b.shape[rb - 2] : b.shape[rb - 1],
    simpleBatch: (batchA === batch || batchA === 1) && (batchB === batch || batchB === 1),
  };
}
