/**
 * WGSL programs of the fused recurrence on tfjs-backend-webgpu 4.22 (WebGPUProgram: tfjs adds the
 * bindings, `result` and the inputs by name, and calls `main(index)`). Same math as
 * src/model/kernels/gruLoop.ts. One workgroup per batch row runs the whole time loop, the state
 * in workgroup memory, its threads striding over the H units; U stays in storage (3·H² floats
 * exceed workgroup memory at the page's H). Shapes are compiled in as constants: training keeps
 * them fixed, and tfjs caches one pipeline per shader key.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { GruDims } from '../../../model/kernels/gruLoop';

/** Threads per workgroup: the units, at most the WebGPU default limit of 256. */
export function workgroupFor(H: number): number {
  return Math.min(H, 256);
}

const HEADER = `
fn sigm(x : f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }
// tanh from exp(−2|x|): no overflow for large |x| (as tfjs's own Tanh).
fn tanhS(x : f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}`;

function consts({ T, B, H }: GruDims, WG: number): string {
  return `const T = ${T}; const B = ${B}; const H = ${H}; const WG = ${WG}; const BH = ${B * H};`;
}

/** Gate pre-activations of unit j from the state in `hp` (h·U_k[j], k = u, r, h̃). */
const DOTS = `
    var au = 0.0; var ar = 0.0; var ah = 0.0;
    for (var i = 0; i < H; i++) {
      let hi = hp[i];
      au += hi * U[i * H + j];
      ar += hi * U[(H + i) * H + j];
      ah += hi * U[(2 * H + i) * H + j];
    }`;

abstract class Program implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  variableNames: string[];
  size = true;

  constructor(key: string, outputShape: number[], names: string[], wg: number, groups: number) {
    this.outputShape = outputShape;
    this.shaderKey = key;
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    this.workgroupSize = [wg, 1, 1];
    this.dispatch = [groups, 1, 1];
    this.variableNames = names;
  }

  abstract getUserCode(): string;
}

/** Forward: the states [T, B, H]; one workgroup per row b. */
export class GruForwardProgram extends Program {
  constructor(
    private d: GruDims,
    private useU: boolean,
    private offset: boolean,
  ) {
    const WG = workgroupFor(d.H);
    super(
      `fusedGruFwd_${d.T}_${d.B}_${d.H}_${useU}_${offset}`,
      [d.T, d.B, d.H],
      offset ? ['xs', 'U', 'g', 'o'] : ['xs', 'U', 'g'],
      WG,
      d.B,
    );
  }

  getUserCode(): string {
    const WG = workgroupFor(this.d.H);
    return `${HEADER}
${consts(this.d, WG)}
var<workgroup> hp : array<f32, ${this.d.H}>;
var<workgroup> hn : array<f32, ${this.d.H}>;
fn main(index : i32) {
  // tfjs binds its uniforms to every program; layout 'auto' drops a binding the shader never reads.
  _ = uniforms.size;
  let b = i32(workgroupId.x);
  let lid = i32(localId.x);
  for (var j = lid; j < H; j += WG) { hp[j] = 0.0; }
  workgroupBarrier();
  for (var t = 0; t < T; t++) {
    for (var j = lid; j < H; j += WG) {
      ${DOTS}
      let x0 = (t * 3 * B + b) * H + j;
      let u = ${this.useU ? 'sigm(xs[x0] + au)' : '0.0'};
      let r = sigm(xs[x0 + BH] + ar);
      let c = tanhS(xs[x0 + 2 * BH] + r * ah);
      let at = (t * B + b) * H + j;
      let e = ${this.useU ? 'g[at] * u' : 'g[at]'}${this.offset ? ' + o[at]' : ''};
      let h = hp[j] + e * (c - hp[j]);
      hn[j] = h;
      result[at] = h;
    }
    workgroupBarrier();
    for (var j = lid; j < H; j += WG) { hp[j] = hn[j]; }
    workgroupBarrier();
  }
}`;
  }
}

/**
 * BPTT: one flat output [dxs (T·3·B·H) | dg (T·B·H) | ∂(h·Uh) (T·B·H) | dE (T·B·H, offset only)].
 * The gates are recomputed from the saved states (the forward keeps no cache on this backend).
 */
export class GruBackwardProgram extends Program {
  constructor(
    private d: GruDims,
    private useU: boolean,
    private offset: boolean,
  ) {
    const n = d.T * d.B * d.H;
    super(
      `fusedGruBwd_${d.T}_${d.B}_${d.H}_${useU}_${offset}`,
      [n * (offset ? 6 : 5)],
      offset ? ['dy', 'states', 'xs', 'U', 'g', 'o'] : ['dy', 'states', 'xs', 'U', 'g'],
      workgroupFor(d.H),
      d.B,
    );
  }

  getUserCode(): string {
    const { H } = this.d;
    const WG = workgroupFor(H);
    const n = this.d.T * this.d.B * H;
    return `${HEADER}
${consts(this.d, WG)}
const N = ${n};
var<workgroup> hp : array<f32, ${H}>;
var<workgroup> carry : array<f32, ${H}>;
var<workgroup> direct : array<f32, ${H}>;
var<workgroup> pre : array<f32, ${3 * H}>;
fn main(index : i32) {
  // tfjs binds its uniforms to every program; layout 'auto' drops a binding the shader never reads.
  _ = uniforms.size;
  let b = i32(workgroupId.x);
  let lid = i32(localId.x);
  for (var j = lid; j < H; j += WG) { carry[j] = 0.0; }
  for (var t = T - 1; t >= 0; t--) {
    for (var j = lid; j < H; j += WG) {
      hp[j] = select(0.0, states[((t - 1) * B + b) * H + j], t > 0);
    }
    workgroupBarrier();
    for (var j = lid; j < H; j += WG) {
      ${DOTS}
      let x0 = (t * 3 * B + b) * H + j;
      let at = (t * B + b) * H + j;
      let u = ${this.useU ? 'sigm(xs[x0] + au)' : '0.0'};
      let r = sigm(xs[x0 + BH] + ar);
      let c = tanhS(xs[x0 + 2 * BH] + r * ah);
      let gv = g[at];
      let e = ${this.useU ? 'gv * u' : 'gv'}${this.offset ? ' + o[at]' : ''};
      let delta = dy[at] + carry[j];
      let dc = delta * e;
      let de = delta * (c - hp[j]);
      let dcPre = dc * (1.0 - c * c);
      let dR = dcPre * ah * r * (1.0 - r);
      let dUp = ${this.useU ? 'de * gv * u * (1.0 - u)' : '0.0'};
      result[x0] = dUp;
      result[x0 + BH] = dR;
      result[x0 + 2 * BH] = dcPre;
      result[3 * N + at] = ${this.useU ? 'de * u' : 'de'};
      result[4 * N + at] = dcPre * r;
      ${this.offset ? 'result[5 * N + at] = de;' : ''}
      pre[j] = dUp;
      pre[H + j] = dR;
      pre[2 * H + j] = dcPre * r;
      direct[j] = delta - dc;
    }
    workgroupBarrier();
    for (var i = lid; i < H; i += WG) {
      var s = direct[i];
      for (var j = 0; j < H; j++) {
        s += pre[j] * U[i * H + j] + pre[H + j] * U[(H + i) * H + j]
          + pre[2 * H + j] * U[(2 * H + i) * H + j];
      }
      carry[i] = s;
    }
    workgroupBarrier();
  }
}`;
  }
}

/** ∂U_k[i, j] = Σ_{t ≥ 1, b} h_{t−1}[b, i] · ∂(h·U_k)_t[b, j], one thread per entry. */
export class GruWeightGradProgram extends Program {
  constructor(private d: GruDims) {
    const size = 3 * d.H * d.H;
    super(
      `fusedGruDU_${d.T}_${d.B}_${d.H}`,
      [3, d.H, d.H],
      ['flat', 'states'],
      64,
      Math.ceil(size / 64),
    );
  }

  getUserCode(): string {
    const n = this.d.T * this.d.B * this.d.H;
    return `${consts(this.d, 64)}
const N = ${n};
fn main(index : i32) {
  if (index >= uniforms.size) { return; }
  let k = index / (H * H);
  let i = (index / H) % H;
  let j = index % H;
  var s = 0.0;
  for (var t = 1; t < T; t++) {
    for (var b = 0; b < B; b++) {
      let hi = states[((t - 1) * B + b) * H + i];
      let p = select(flat[((t * 3 + k) * B + b) * H + j], flat[4 * N + (t * B + b) * H + j], k == 2);
      s += hi * p;
    }
  }
  result[index] = s;
}`;
  }
}

/** A contiguous range of a flat tensor as a tensor of its own shape. */
export class CopyProgram extends Program {
  constructor(
    private from: number,
    outputShape: number[],
  ) {
    const size = outputShape.reduce((a, b) => a * b, 1);
    super(
      `fusedGruCopy_${from}_${outputShape.join('x')}`,
      outputShape,
      ['x'],
      64,
      Math.ceil(size / 64),
    );
  }

  getUserCode(): string {
    return `fn main(index : i32) {
  if (index < uniforms.size) { result[index] = x[index + ${this.from}]; }
}`;
  }
}
