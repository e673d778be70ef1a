/**
 * The inner products of gruLoop.ts's time loop, blocked over batch rows: at the page's H = 18
 * loop overhead and the latency of one long chain of adds, not arithmetic, dominate, so each
 * function runs several independent sums per loop and shares each load of U between rows.
 */
/**
 * U [3, H, H] transposed per gate, as [3H, H] (row k·H + j: U_k[:, j]): each gate pre-activation
 * h·U_k[:, j] is then a dot product over one contiguous row, and the three gates of unit j run as
 * three independent sums in one loop. At the page's H = 18 loop overhead and the latency of one
 * long chain of adds, not arithmetic, dominate: this is 2× faster than accumulating into a row.
 */
export function byGateColumn(U: Float32Array, H: number): Float64Array {
  const out = new Float64Array(3 * H * H);
  for (let k = 0; k < 3; k++)
    for (let i = 0; i < H; i++)
      for (let j = 0; j < H; j++) out[(k * H + j) * H + i] = U[(k * H + i) * H + j];
  return out;
}

/**
 * out[b, k·H + j] = Σ_i h[b, i] U_k[i, j] for the B rows of one step (h from `states` at
 * `prevAt`), two rows at a time: six independent sums share each load of U.
 */
export function project(
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

/**
 * carry[b, i] = direct[b, i] + Σ_k Σ_j pre[b, k·H + j] U_k[i, j]  (∂h_{t−1}), two rows at a time:
 * six independent sums share each load of U (one long chain of adds is latency-bound at H = 18).
 */
export function carryBack(
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
export function accumulateDU(
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
