/**
 * Zero-copy Slice, Unpack and Identity kernels for the tfjs wasm backend (4.22).
 *
 * The stock kernels start with `backend.readSync(x)`, which copies the whole input out of the
 * wasm heap into a fresh ArrayBuffer, and Unpack (tf.unstack) calls that slice once per output:
 * unstacking a [T, …] tensor copies all of it T times. DIEN's recurrent layers read their inputs
 * and gradients step by step, so a training step copied ~40 MB; in Chromium, where each of those
 * large ArrayBuffers also counts towards V8's external-memory GC pressure, DIEN trained several
 * times slower than in Node. These kernels read the input through a view on the heap instead and
 * copy only the slice. Same results (tested against the cpu backend); strings keep the stock path.
 *
 * Identity is what the engine runs to keep every tensor a gradient will read (each op's saved
 * inputs and outputs, ~140 per DIEN training step); the stock kernel mallocs and copies each one.
 * Tensors are immutable, so, as on the cpu backend, the copy can share the input's memory.
 */
import {
  Identity,
  slice_util,
  Slice,
  Unpack,
  util,
  type DataType,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { replaceKernels } from './kernels/replaceKernels';

/** The part of BackendWasm these kernels use (public methods of tfjs-backend-wasm 4.22). */
interface HeapBackend {
  incRef(dataId: object): void;
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): ArrayLike<number> & {
    set(a: ArrayLike<number>, offset?: number): void;
    subarray(begin: number, end: number): ArrayLike<number>;
  };
}

/** x[begin : begin + size] into a new tensor, reading x in place. */
function sliceFromHeap(
  backend: HeapBackend,
  x: TensorInfo,
  begin: number[],
  size: number[],
): TensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  const n = util.sizeFromShape(size);
  if (n === 0) return out;
  // Views only after makeOutput: its malloc may grow the heap, which detaches older views.
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  const strides = util.computeStrides(x.shape);
  if (slice_util.isSliceContinous(x.shape, begin, size)) {
    const offset = slice_util.computeFlatOffset(begin, strides);
    dst.set(src.subarray(offset, offset + n));
    return out;
  }
  // Strided: copy runs along the last axis, walking the outer axes like an odometer.
  const rank = x.shape.length;
  const run = size[rank - 1];
  const outer = n / run;
  const idx = new Array<number>(rank - 1).fill(0);
  for (let k = 0, o = 0; k < outer; k++, o += run) {
    let from = begin[rank - 1];
    for (let d = 0; d < rank - 1; d++) from += (begin[d] + idx[d]) * strides[d];
    dst.set(src.subarray(from, from + run), o);
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d] < size[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

const slice =
  (stock: KernelFunc): KernelFunc =>
  (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return stock(args);
    const attrs = args.attrs as NamedAttrMap & {
      begin: number[] | number;
      size: number[] | number;
    };
    const [begin, size] = slice_util.parseSliceParams(x, attrs.begin, attrs.size);
    return sliceFromHeap(args.backend as HeapBackend, x, begin, size);
  };

const unpack =
  (stock: KernelFunc): KernelFunc =>
  (args) => {
    const value = args.inputs.value as TensorInfo;
    if (value.dtype === 'string') return stock(args);
    const rank = value.shape.length;
    let axis = (args.attrs as NamedAttrMap & { axis: number }).axis;
    if (axis < 0) axis += rank;
    const outShape = value.shape.filter((_, i) => i !== axis);
    const begin = new Array<number>(rank).fill(0);
    const size = value.shape.slice();
    size[axis] = 1;
    const outs: TensorInfo[] = [];
    for (let i = 0; i < value.shape[axis]; i++) {
      begin[axis] = i;
      const s = sliceFromHeap(args.backend as HeapBackend, value, begin, size);
      outs.push({ dataId: s.dataId, dtype: s.dtype, shape: outShape });
    }
    return outs;
  };

const identity =
  (stock: KernelFunc): KernelFunc =>
  (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === 'string') return stock(args);
    (args.backend as HeapBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };

/** Replace the wasm backend's Slice, Unpack and Identity kernels (idempotent; no-op without wasm). */
export function installWasmSlice(): void {
  replaceKernels('wasm', { [Slice]: slice, [Unpack]: unpack, [Identity]: identity });
}
