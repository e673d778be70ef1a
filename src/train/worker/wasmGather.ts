/**
 * A GatherV2 kernel for the tfjs wasm backend (4.22), for the embedding lookups' case: rows of a
 * table (axis 0, no batch dimensions) picked by int32 ids, copied row by row over views on the
 * heap. The stock kernel first copies the ids out of the heap and checks each one through a
 * closure-building assert, then runs a generic strided gather: ~0.7 ms for one DIEN batch's
 * 3,840 ids of 6 floats, ~40× this. Out-of-range ids are refused with the stock kernel's message;
 * other gathers keep the stock kernel. Switched with the other fused kernels (setFusedKernels).
 */
import {
  GatherV2,
  util,
  type DataType,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { fusedKernelsEnabled } from '../../model/recurrence';
import { replaceKernels } from './kernels/replaceKernels';

/** The part of BackendWasm used here (public methods of tfjs-backend-wasm 4.22). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array;
}

function rowsOf(backend: WasmBackend, x: TensorInfo, indices: TensorInfo): TensorInfo {
  const rows = x.shape[0];
  const width = util.sizeFromShape(x.shape.slice(1));
  const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
  // Views only after makeOutput: its malloc may grow the heap, which detaches older views.
  const src = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(indices);
  const dst = backend.typedArrayFromHeap(out);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!(id >= 0 && id < rows))
      throw new Error(`GatherV2: the index value ${id} is not in [0, ${rows - 1}]`);
    // An element loop, not set(subarray()): a view per row costs more than copying its floats.
    const from = id * width;
    const to = i * width;
    for (let k = 0; k < width; k++) dst[to + k] = src[from + k];
  }
  return out;
}

function fastGather(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { x, indices } = args.inputs as { x: TensorInfo; indices: TensorInfo };
    const { axis, batchDims } = args.attrs as NamedAttrMap & { axis: number; batchDims: number };
    const simple =
      x.shape.length > 0 &&
      util.parseAxisParam(axis, x.shape)[0] === 0 &&
      (batchDims ?? 0) === 0 &&
      indices.dtype === 'int32' &&
      (x.dtype === 'float32' || x.dtype === 'int32');
    if (!simple || !fusedKernelsEnabled()) return stock(args);
    return rowsOf(args.backend as WasmBackend, x, indices);
  };
}

/** Replace the wasm backend's GatherV2 (idempotent; no-op without wasm). */
export function installWasmGather(): void {
  replaceKernels('wasm', { [GatherV2]: fastGather });
}
