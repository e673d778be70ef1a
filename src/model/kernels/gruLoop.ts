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
export interface GruDims {
  T: number;
  B: number;
  H: number;
}

export const CACHE_SLOTS = 4;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * U [3, H, H] transposed per gate, as [3H, H] (row k·H + j: U_k[:, j]): each gate pre-activation
 * h·U_k[:, j] is then a dot product over one contiguous row, and the three gates of unit j run as
 * three independent sums in one loop. At the page's H = 18 loop overhead and the latency of one
 * long chain of adds, not arithmetic, dominate: this is 2× faster than accumulating into a row.
 */
function byGateColumn(U: Float32Array, H: number): Float64Array {
  const out = new Float64Array(3 * H * H);
  for (let k = 0; k < 3; k++)
    for (let i = 0; i < H; i++)
      for (let j = 0; j < H; j++) out[(k * H + j) * H + i] = U[(k * H + i) * H + j];
  return out;
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

/**
 * out[b, k·H + j] = Σ_i h[b, i] U_k[i, j] for the B rows of one step (h from `states` at
 * `prevAt`), two rows at a time: six independent sums share each load of U.
 */
function project(
  B: number,
  H: number,
  states: Float32Array,
  prevAt: number,
  Uc: Float64Array,
  out: Float64Array,
): void {
  const W = 3 * H;
  const HH = H * H;
  let b = 0;
  for (; b + 1 < B; b += 2) {
    const s0 = prevAt + b * H;
    const s1 = s0 + H;
    const o0 = b * W;
    const o1 = o0 + W;
    for (let j = 0; j < H; j++) {
      const ru = j * H;
      const rr = HH + ru;
      const rh = 2 * HH + ru;
      let u0 = 0;
      let r0 = 0;
      let h0 = 0;
      let u1 = 0;
      let r1 = 0;
      let h1 = 0;
      for (let i = 0; i < H; i++) {
        const x0 = states[s0 + i];
        const x1 = states[s1 + i];
        const wu = Uc[ru + i];
        const wr = Uc[rr + i];
        const wh = Uc[rh + i];
        u0 += x0 * wu;
        r0 += x0 * wr;
        h0 += x0 * wh;
        u1 += x1 * wu;
        r1 += x1 * wr;
        h1 += x1 * wh;
      }
      out[o0 + j] = u0;
      out[o0 + H + j] = r0;
      out[o0 + 2 * H + j] = h0;
      out[o1 + j] = u1;
      out[o1 + H + j] = r1;
      out[o1 + 2 * H + j] = h1;
    }
  }
  for (; b < B; b++) {
    const s0 = prevAt + b * H;
    for (let m = 0; m < W; m++) {
      let acc = 0;
      for (let i = 0; i < H; i++) acc += states[s0 + i] * Uc[m * H + i];
      out[b * W + m] = acc;
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

/**
 * carry[b, i] = direct[b, i] + Σ_k Σ_j pre[b, k·H + j] U_k[i, j]  (∂h_{t−1}), two rows at a time:
 * six independent sums share each load of U (one long chain of adds is latency-bound at H = 18).
 */
function carryBack(
  B: number,
  H: number,
  pre: Float64Array,
  direct: Float64Array,
  U: Float64Array,
  carry: Float64Array,
): void {
  const W = 3 * H;
  const HH = H * H;
  let b = 0;
  for (; b + 1 < B; b += 2) {
    const p0 = b * W;
    const p1 = p0 + W;
    for (let i = 0; i < H; i++) {
      const ru = i * H;
      const rr = HH + ru;
      const rh = 2 * HH + ru;
      let u0 = 0;
      let r0 = 0;
      let h0 = 0;
      let u1 = 0;
      let r1 = 0;
      let h1 = 0;
      for (let j = 0; j < H; j++) {
        const wu = U[ru + j];
        const wr = U[rr + j];
        const wh = U[rh + j];
        u0 += pre[p0 + j] * wu;
        r0 += pre[p0 + H + j] * wr;
        h0 += pre[p0 + 2 * H + j] * wh;
        u1 += pre[p1 + j] * wu;
        r1 += pre[p1 + H + j] * wr;
        h1 += pre[p1 + 2 * H + j] * wh;
      }
      carry[b * H + i] = direct[b * H + i] + u0 + r0 + h0;
      carry[(b + 1) * H + i] = direct[(b + 1) * H + i] + u1 + r1 + h1;
    }
  }
  for (; b < B; b++) {
    const p0 = b * W;
    for (let i = 0; i < H; i++) {
      let s = direct[b * H + i];
      for (let k = 0; k < 3; k++)
        for (let j = 0; j < H; j++) s += pre[p0 + k * H + j] * U[k * HH + i * H + j];
      carry[b * H + i] = s;
    }
  }
}

/**
 * dUr[i, m] += Σ_b h_{t−1}[b, i] · pre[b, m], four rows b at a time: a quarter of the
 * read-modify-writes of one row at a time, which made this the backward's largest part.
 */
function accumulateDU(
  B: number,
  H: number,
  pre: Float64Array,
  states: Float32Array,
  prevAt: number,
  dUr: Float64Array,
): void {
  const W = 3 * H;
  let b = 0;
  for (; b + 3 < B; b += 4) {
    const p = b * W;
    const s = prevAt + b * H;
    for (let i = 0; i < H; i++) {
      const h0 = states[s + i];
      const h1 = states[s + H + i];
      const h2 = states[s + 2 * H + i];
      const h3 = states[s + 3 * H + i];
      const row = i * W;
      for (let m = 0; m < W; m++)
        dUr[row + m] +=
          h0 * pre[p + m] + h1 * pre[p + W + m] + h2 * pre[p + 2 * W + m] + h3 * pre[p + 3 * W + m];
    }
  }
  for (; b < B; b++) {
    const p = b * W;
    const s = prevAt + b * H;
    for (let i = 0; i < H; i++) {
      const h = states[s + i];
      const row = i * W;
      for (let m = 0; m < W; m++) dUr[row + m] += h * pre[p + m];
    }
  }
}
