/**
 * A BatchMatMul kernel for the tfjs wasm backend (4.22) that keeps every product on XNNPACK.
 *
 * The stock kernel hands a product to XNNPACK only when neither side is transposed and both
 * batch sizes are 1; everything else runs a naive C++ triple loop that is 6–10× slower at this
 * project's shapes (Node, one [1280, 72]·[72, 36] product: 0.27 ms on XNNPACK, 2.7 ms as
 * dy·Wᵀ on the naive loop). Autodiff's gradient of every dense layer is exactly such a transposed
 * product (dx = dy·Wᵀ, dW = xᵀ·dy), and the GRUs' gate stacks are batched ones, so most of DIN's
 * and DIEN's matMul time went to the naive loop. Here a transposed side is transposed first (the
 * backend's own Transpose, a copy), a batch of A over one B is folded into A's rows (a free
 * reshape), and a real batch runs as one XNNPACK product per matrix. The arithmetic is the same
 * products in another summation order: equal to float rounding (tested against the cpu backend).
 * Switched with the other fused kernels (setFusedKernels), so the benchmark's A/B sees it.
 */
import {
  BatchMatMul,
  getKernel,
  Transpose,
  type DataType,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { fusedKernelsEnabled } from '../../model/recurrence';
import { matMulShape } from './kernels/matMulShape';
import { replaceKernels } from './kernels/replaceKernels';

/** The part of BackendWasm used here (public methods of tfjs-backend-wasm 4.22). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}

type Run = (a: TensorInfo, b: TensorInfo) => TensorInfo;

/** x with its last two axes swapped, as a new tensor (the caller disposes it). */
function swapLast(transpose: KernelFunc, backend: WasmBackend, x: TensorInfo): TensorInfo {
  const r = x.shape.length;
  const perm = [...Array(r - 2).keys(), r - 1, r - 2];
  return transpose({ inputs: { x }, backend: backend as never, attrs: { perm } }) as TensorInfo;
}

/** Matrix i of a [batch, rows, cols] tensor as a new [rows, cols] tensor (a copy). */
function matrix(backend: WasmBackend, x: TensorInfo, i: number, rows: number, cols: number) {
  const out = backend.makeOutput([rows, cols], 'float32');
  const n = rows * cols;
  // Views only after makeOutput: its malloc may grow the heap, which detaches older views.
  backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(x).subarray(i * n, i * n + n));
  return out;
}

/**
 * a·b where a is [batchA, M, K] and b [batchB, K, N] untransposed, batchA and batchB equal or 1:
 * one XNNPACK product, or one per matrix.
 */
function batched(
  backend: WasmBackend,
  run: Run,
  a: TensorInfo,
  b: TensorInfo,
  dims: { batchA: number; batchB: number; M: number; K: number; N: number },
): TensorInfo {
  const { batchA, batchB, M, K, N } = dims;
  const as2d = (t: TensorInfo, rows: number, cols: number) => ({ ...t, shape: [rows, cols] });
  if (batchB === 1) return run(as2d(a, batchA * M, K), as2d(b, K, N));
  const batch = Math.max(batchA, batchB);
  const out = backend.makeOutput([batch, M, N], 'float32');
  for (let i = 0; i < batch; i++) {
    const ai = batchA === 1 ? null : matrix(backend, a, i, M, K);
    const bi = matrix(backend, b, i, K, N);
    const product = run(ai ?? as2d(a, M, K), bi);
    backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(product), i * M * N);
    for (const t of [ai, bi, product]) if (t) backend.disposeData(t.dataId);
  }
  return out;
}

function fastMatMul(stock: KernelFunc, transpose: KernelFunc): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as NamedAttrMap & {
      transposeA: boolean;
      transposeB: boolean;
    };
    const shape = matMulShape(a, b, transposeA, transposeB);
    const { batchA, batchB, M, K, N } = shape;
    const plain = !transposeA && !transposeB && batchA === 1 && batchB === 1;
    if (
      plain ||
      !shape.simpleBatch ||
      !fusedKernelsEnabled() ||
      a.dtype !== 'float32' ||
      b.dtype !== 'float32'
    )
      return stock(args);
    const backend = args.backend as WasmBackend;
    const temps: TensorInfo[] = [];
    const upright = (x: TensorInfo, swap: boolean) => {
      if (!swap) return x;
      const t = swapLast(transpose, backend, x);
      temps.push(t);
      return t;
    };
    const a2 = upright(a, transposeA);
    const b2 = upright(b, transposeB);
    const run: Run = (x, y) =>
      stock({
        inputs: { a: x, b: y },
        backend: args.backend,
        attrs: { transposeA: false, transposeB: false },
      }) as TensorInfo;
    const out = batched(backend, run, a2, b2, { batchA, batchB, M, K, N });
    for (const t of temps) backend.disposeData(t.dataId);
    return { dataId: out.dataId, dtype: 'float32', shape: [...shape.outer, M, N] };
  };
}

/** Replace the wasm backend's BatchMatMul (idempotent; no-op without wasm). */
export function installWasmMatMul(): void {
  const transpose = getKernel(Transpose, 'wasm');
  if (!transpose) return;
  replaceKernels('wasm', { [BatchMatMul]: (stock) => fastMatMul(stock, transpose.kernelFunc) });
}
