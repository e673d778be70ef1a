/**
 * WGSL programs for the small products and reductions of this project's models, one thread per
 * output element looping over the shared or reduced axis (shapes compiled in as constants).
 *
 * tfjs-backend-webgpu's general programs tile through workgroup memory with barriers, which pays
 * off for large square products; the models here multiply [B·T, D] by [D, 3H] with D, H ≈ 18 and
 * sum over T = 20 or H = 18. Measured on the software adapter (tf.profile with timestamp queries,
 * one DIEN training step): the gate projection [3, 1280, 18]·[3, 18, 18] took 40 ms per call and
 * a [64, 20, 18] → [64, 20] sum 31 ms, 80 % of the step between them. A plain loop per output
 * does the same arithmetic in one pass with no barriers; on a real GPU such a loop over at most
 * MAX_INNER terms is as cheap as the dispatch itself. Larger shapes keep tfjs's programs.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/** The longest loop a thread runs (shared axis of a product, or reduced elements of a sum). */
export const MAX_INNER = 8192;
/** WebGPU's guaranteed 65 535 workgroups of WG threads per dispatch. */
const WG = 64;
export const MAX_OUTPUTS = 65535 * WG;

abstract class PerOutput implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WG, 1, 1];
  variableNames: string[];
  size = true;

  constructor(key: string, outputShape: number[], names: string[]) {
    this.outputShape = outputShape;
    this.shaderKey = key;
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    const n = outputShape.reduce((a, b) => a * b, 1);
    this.dispatch = [Math.ceil(n / WG), 1, 1];
    this.variableNames = names;
  }

  abstract getUserCode(): string;
}

export interface MatMulDims {
  batch: number;
  /** 1 when that side is shared by every matrix of the batch. */
  batchA: number;
  batchB: number;
  M: number;
  K: number;
  N: number;
  transposeA: boolean;
  transposeB: boolean;
}

/** out[bi, i, j] = Σ_k A[bi, i, k] · B[bi, k, j], either side stored transposed. */
export class SmallMatMulProgram extends PerOutput {
  constructor(private d: MatMulDims) {
    const { batch, batchA, batchB, M, K, N, transposeA: tA, transposeB: tB } = d;
    super(
      `smallMatMul_${batch}_${batchA}_${batchB}_${M}_${K}_${N}_${tA}_${tB}`,
      [batch, M, N],
      ['A', 'B'],
    );
  }

  getUserCode(): string {
    const { batchA, batchB, M, K, N, transposeA, transposeB } = this.d;
    const a = transposeA ? 'k * M + i' : 'i * K + k';
    const b = transposeB ? 'j * K + k' : 'k * N + j';
    return `const M = ${M}; const K = ${K}; const N = ${N};
fn main(index : i32) {
  if (index >= uniforms.size) { return; }
  let bi = index / (M * N);
  let i = (index / N) % M;
  let j = index % N;
  let a0 = ${batchA === 1 ? '0' : 'bi * M * K'};
  let b0 = ${batchB === 1 ? '0' : 'bi * K * N'};
  var s = 0.0;
  for (var k = 0; k < K; k++) {
    s += A[a0 + ${a}] * B[b0 + ${b}];
  }
  result[index] = s;
}`;
  }
}

/** Row-major strides of a shape. */
function strides(shape: number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}

/** WGSL adding to `acc` the offset of flat index `v` over `dims` (last dim fastest). */
function decompose(v: string, acc: string, dims: { size: number; stride: number }[]): string {
  if (dims.length === 0) return '';
  const lines = [`var ${v}q = ${v};`];
  for (let d = dims.length - 1; d >= 0; d--) {
    const { size, stride } = dims[d];
    lines.push(`${acc} += (${v}q % ${size}) * ${stride}; ${v}q = ${v}q / ${size};`);
  }
  return lines.join('\n  ');
}

/** Σ of x over `axes` (sorted, distinct): one output per combination of the other axes. */
export class SmallSumProgram extends PerOutput {
  constructor(
    private shape: number[],
    private axes: number[],
  ) {
    const kept = shape.filter((_, i) => !axes.includes(i));
    super(`smallSum_${shape.join('x')}_${axes.join('_')}`, kept.length ? kept : [1], ['x']);
  }

  getUserCode(): string {
    const st = strides(this.shape);
    const dims = this.shape.map((size, i) => ({ size, stride: st[i] }));
    const kept = dims.filter((_, i) => !this.axes.includes(i));
    const reduced = dims.filter((_, i) => this.axes.includes(i));
    const R = reduced.reduce((a, d) => a * d.size, 1);
    return `fn main(index : i32) {
  if (index >= uniforms.size) { return; }
  var base = 0;
  ${decompose('index', 'base', kept)}
  var s = 0.0;
  for (var r = 0; r < ${R}; r++) {
    var off = base;
    ${decompose('r', 'off', reduced)}
    s += x[off];
  }
  result[index] = s;
}`;
  }
}
