/**
 * The GRU-family time loop of recurrence.ts over plain Float32Arrays: forward (states and the
 * per-step gates) and the BPTT backward, for one kernel call over the whole sequence. Backend
 * kernels (src/train/worker/kernels/) run these on the backend's own memory, so a layer costs one
 * kernel forward and one backward instead of ~15 and ~12 per time step.
 *
 * Layouts (row-major, as recurrence.ts's tensors):
 *   xs [T, 3, B, H]  W·x_t + b per gate (u, r, h̃);   U [3, H, H], hU_k[j] = Σ_i h[i] U[k, i, j];
 *   g, o, states, dy, dg, dE [T, B, H];   cache [T, 4, B, H] = (u, r, c, h·Uh) per step;
 *   dxs [T, 3, B, H];   dU [3, H, H].
 * o (the bug lab's offset) is added to the update: e = o + g ⊙ u (or o + g without the gate).
 */
import { accumulateDU, byGateColumn, carryBack, project } from './gruProducts';

export interface GruDims {
  T: number;
  B: number;
  H: number;
}

export const CACHE_SLOTS = 4;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function gruForward(
  { T, B, H }: GruDims,
  xs: Float32Array,
  U: Float32Array,
  g: Float32Array,
  o: Float32Array | null,
  useU: boolean,
  states: Float32Array,
  cache: Float32Array,
): void {
  const W = 3 * H;
  const Uc = byGateColumn(U, H);
  const hU = new Float64Array(B * W); // h_{t−1}·U_k for every row of the step, [B, 3H]
  const BH = B * H;
  for (let t = 0; t < T; t++) {
    if (t > 0) project(B, H, states, (t - 1) * BH, Uc, hU);
    for (let b = 0; b < B; b++) {
      const at = (t * B + b) * H;
      const prev = at - BH; // states of step t − 1 (h_0 = 0)
      const x0 = (t * 3 * B + b) * H;
      const c0 = (t * CACHE_SLOTS * B + b) * H;
      const p0 = b * W;
      for (let j = 0; j < H; j++) {
        const hp = t > 0 ? states[prev + j] : 0;
        const hu = t > 0 ? hU[p0 + j] : 0;
        const hr = t > 0 ? hU[p0 + H + j] : 0;
        const hh = t > 0 ? hU[p0 + 2 * H + j] : 0;
        const u = useU ? sigmoid(xs[x0 + j] + hu) : 0;
        const r = sigmoid(xs[x0 + BH + j] + hr);
        const c = Math.tanh(xs[x0 + 2 * BH + j] + r * hh);
        const gv = g[at + j];
        const e = (useU ? gv * u : gv) + (o ? o[at + j] : 0);
        states[at + j] = hp + e * (c - hp);
        cache[c0 + j] = u;
        cache[c0 + BH + j] = r;
        cache[c0 + 2 * BH + j] = c;
        cache[c0 + 3 * BH + j] = hh;
      }
    }
  }
}

export interface GruGrads {
  dxs: Float32Array;
  dU: Float32Array;
  dg: Float32Array;
  /** ∂L/∂e, the offset's gradient (bug lab only). */
  dE: Float32Array | null;
}

/**
 * Backward, with δ = ∂L/∂h_t (dy plus what flows back from step t + 1), e the effective update:
 *   ∂c = δe, ∂e = δ(c − h), ∂c̃ = ∂c(1 − c²), ∂r̃ = ∂c̃ (h·Uh) r(1 − r), ∂ũ = ∂e g u(1 − u),
 *   ∂(h·Uh) = ∂c̃ r, ∂h_{t−1} = δ − ∂c + Σ_k ∂(h·U_k) U_kᵀ, ∂U_k += h_{t−1}ᵀ ∂(h·U_k).
 */
export function gruBackward(
  { T, B, H }: GruDims,
  dy: Float32Array,
  states: Float32Array,
  cache: Float32Array,
  g: Float32Array,
  U: Float32Array,
  o: Float32Array | null,
  useU: boolean,
  out: GruGrads,
): void {
  const BH = B * H;
  const W = 3 * H;
  const U64 = Float64Array.from(U);
  const carry = new Float64Array(BH);
  const dUr = new Float64Array(H * W); // ∂U as [H, 3H]: row i holds (U_u, U_r, U_h)[i, :]
  // Per step, for every row b: pre [B, 3H] = ∂(h·U_k) and direct [B, H] = δ − ∂c. The rows of a
  // step are independent, so the two products below run over all of them at once.
  const pre = new Float64Array(B * W);
  const direct = new Float64Array(BH);
  const { dxs, dg, dE } = out;
  for (let t = T - 1; t >= 0; t--) {
    for (let b = 0; b < B; b++) {
      const at = (t * B + b) * H;
      const x0 = (t * 3 * B + b) * H;
      const c0 = (t * CACHE_SLOTS * B + b) * H;
      const p0 = b * W;
      for (let j = 0; j < H; j++) {
        const delta = dy[at + j] + carry[b * H + j];
        const hp = t > 0 ? states[at - BH + j] : 0;
        const u = cache[c0 + j];
        const r = cache[c0 + BH + j];
        const c = cache[c0 + 2 * BH + j];
        const hh = cache[c0 + 3 * BH + j];
        const gv = g[at + j];
        const e = (useU ? gv * u : gv) + (o ? o[at + j] : 0);
        const dc = delta * e;
        const de = delta * (c - hp);
        const dcPre = dc * (1 - c * c);
        const dR = dcPre * hh * r * (1 - r);
        const dUp = useU ? de * gv * u * (1 - u) : 0;
        dxs[x0 + j] = dUp;
        dxs[x0 + BH + j] = dR;
        dxs[x0 + 2 * BH + j] = dcPre;
        dg[at + j] = useU ? de * u : de;
        if (dE) dE[at + j] = de;
        pre[p0 + j] = dUp;
        pre[p0 + H + j] = dR;
        pre[p0 + 2 * H + j] = dcPre * r;
        direct[b * H + j] = delta - dc;
      }
    }
    carryBack(B, H, pre, direct, U64, carry);
    if (t > 0) accumulateDU(B, H, pre, states, (t - 1) * BH, dUr);
  }
  for (let k = 0; k < 3; k++)
    for (let i = 0; i < H; i++)
      for (let j = 0; j < H; j++) out.dU[(k * H + i) * H + j] = dUr[i * W + k * H + j];
}
