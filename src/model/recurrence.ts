import * as tf from '@tensorflow/tfjs-core';
import { FUSED_GRU_BACKWARD, FUSED_GRU_FORWARD } from './kernels/names';

let fusedKernelsOn = true;

/**
 * The largest H the kernels take. webgpu's programs keep 6·H floats in workgroup memory (16 KiB
 * guaranteed), and the settings allow H = 3·embDim ≤ 192. On wasm the kernels' loop is plain
 * JavaScript (no SIMD) while the per-step path's products run on XNNPACK: `scripts/h-limit.ts`
 * measured DIEN's training step (B 64, T 20) at 10.2 against 12.6 ms per step for H = 12, level
 * at the page's H = 18 (16.8 / 16.1), and behind from H = 24 (25.4 / 21.7; H = 36: 46.7 / 30.6).
 * On cpu the kernels stay ~3× faster up to H = 192. A larger H takes the per-step path.
 */
const MAX_FUSED_H: Record<string, number> = { wasm: 18 };
const DEFAULT_MAX_FUSED_H = 512;

/** Whether the fused kernels take this H on the active backend (MAX_FUSED_H). */
export function fusedTakesH(H: number): boolean {
  return H <= (MAX_FUSED_H[tf.getBackend()] ?? DEFAULT_MAX_FUSED_H);
}

/**
 * Switch the backend's fused kernels (src/train/worker/kernels/: the recurrence, and Adam's update
 * in kernels/fusedAdam.ts) on or off: off, every backend takes the per-step path below and tfjs's
 * own Adam (the A/B baseline and an escape hatch).
 */
export function setFusedKernels(on: boolean): void {
  fusedKernelsOn = on;
}

/** Whether the fused kernels are switched on (setFusedKernels): the recurrence's and Adam's. */
export function fusedKernelsEnabled(): boolean {
  return fusedKernelsOn;
}

/** Whether the recurrence runs as the active backend's two fused kernels. */
export function fusedKernelsActive(): boolean {
  if (!fusedKernelsOn) return false;
  const backend = tf.getBackend();
  return (
    tf.getKernel(FUSED_GRU_FORWARD, backend) !== undefined &&
    tf.getKernel(FUSED_GRU_BACKWARD, backend) !== undefined
  );
}

/**
 * The GRU-family recurrence over a whole sequence as one differentiable op with a hand-written
 * backward pass (backpropagation through time). Autodiff of the per-step cell records every small
 * op and replays two to three kernels per op backwards, plus the engine's own bookkeeping
 * kernels; at T = 20 that made DIEN's two recurrent layers most of a training step's ~4,700
 * kernels. Here a step costs about 15 kernels forward and 12 backward, and everything that does
 * not depend on the carried gradient (gate derivatives, dU) is computed once over all steps.
 *
 * Inputs (gates in the order u, r, h̃ as in gru.ts):
 *   xs [T, 3, B, H]  the input projections W·x_t + b, per step and gate;
 *   U  [3, H, H]     the recurrent weights;
 *   g  [T, B, H]     the multiplier of the update: the padding mask (GRU), or a_t·mask
 *                    (AUGRU: ũ = g·u; AGRU: the update is g itself, no update gate).
 * Output: the states h_1..h_T, [T, B, H], from h_0 = 0. With g = 0 on padded steps the state is
 * carried through them unchanged, so h_T is the last valid state.
 *
 * Cell:  u = σ(xu + h·Uu),  r = σ(xr + h·Ur),  c = tanh(xh + r ⊙ (h·Uh)),
 *        e = g ⊙ u (or g),  h' = h + e ⊙ (c − h).
 * Backward, with δ = ∂L/∂h' (the output's gradient plus what flows back from step t+1):
 *   ∂c = δ ⊙ e,  ∂e = δ ⊙ (c − h),  ∂h (direct) = δ − ∂c,
 *   ∂c̃ = ∂c ⊙ (1 − c²)  (pre-tanh),  ∂(h·Uh) = ∂c̃ ⊙ r,  ∂r̃ = ∂c̃ ⊙ (h·Uh) ⊙ r(1 − r),
 *   ∂ũ = ∂e ⊙ g ⊙ u(1 − u),  ∂g = ∂e ⊙ u (or ∂e),
 *   ∂h += Σ_gates ∂(h·U_k) U_kᵀ,  ∂U_k = Σ_t h_{t−1}ᵀ ∂(h·U_k)_t,  ∂xs_t = (∂ũ, ∂r̃, ∂c̃).
 * Tested against autodiff of the per-step cell (gru.test.ts) and by finite differences.
 *
 * Where the active backend registers the fused kernels (kernels/names.ts: cpu, wasm, webgpu), the
 * whole loop is one kernel forward and one backward instead (same math, kernels/gruLoop.ts); the
 * per-step tensors below stay the path for every other backend and when setFusedKernels(false).
 */
export function recurrence(
  xs: tf.Tensor4D,
  U: tf.Tensor3D,
  g: tf.Tensor3D,
  useUpdateGate: boolean,
  offset?: tf.Tensor3D,
): tf.Tensor3D {
  if (offset) return withOffset(xs, U, g, offset) as tf.Tensor3D;
  return (useUpdateGate ? withGate : withoutGate)(xs, U, g) as tf.Tensor3D;
}

/**
 * Bug lab (the inverted AUGRU, gru.ts): the effective update is o + g ⊙ u with an offset o [T, B, H].
 * Same cell and backward as withGate, plus ∂o = ∂e; the correct cells never take this op.
 */
const withOffset = tf.customGrad((xs, U, g, o, save) =>
  fused(
    xs as tf.Tensor4D,
    U as tf.Tensor3D,
    g as tf.Tensor3D,
    true,
    save as tf.GradSaveFunc,
    o as tf.Tensor3D,
  ),
);

// One op per variant (the flag is not a tensor, so it cannot be an input of the op).
const withGate = tf.customGrad((xs, U, g, save) =>
  fused(xs as tf.Tensor4D, U as tf.Tensor3D, g as tf.Tensor3D, true, save as tf.GradSaveFunc),
);
const withoutGate = tf.customGrad((xs, U, g, save) =>
  fused(xs as tf.Tensor4D, U as tf.Tensor3D, g as tf.Tensor3D, false, save as tf.GradSaveFunc),
);

function fused(
  xs: tf.Tensor4D,
  U: tf.Tensor3D,
  g: tf.Tensor3D,
  useU: boolean,
  save: tf.GradSaveFunc,
  offset?: tf.Tensor3D,
): { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] } {
  if (fusedTakesH(xs.shape[3]) && fusedKernelsActive())
    return kernels(xs, U, g, useU, save, offset);
  const [T, , B, H] = xs.shape;
  const kept = tf.tidy(() => {
    const steps = tf.unstack(xs, 0) as tf.Tensor3D[];
    const gs = tf.unstack(g, 0) as tf.Tensor2D[];
    const os = offset ? (tf.unstack(offset, 0) as tf.Tensor2D[]) : undefined;
    let h = tf.zeros([B, H]) as tf.Tensor2D;
    const prev: tf.Tensor2D[] = [];
    const us: tf.Tensor2D[] = [];
    const rs: tf.Tensor2D[] = [];
    const cs: tf.Tensor2D[] = [];
    const hcs: tf.Tensor2D[] = [];
    const states: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      prev.push(h);
      const hU = tf.matMul(tf.stack([h, h, h]), U); // [3, B, H]
      const [xu, xr, xh] = tf.unstack(steps[t], 0) as tf.Tensor2D[];
      const [hu, hr, hh] = tf.unstack(hU, 0) as tf.Tensor2D[];
      const r = tf.sigmoid(tf.add(xr, hr));
      const c = tf.tanh(tf.add(xh, tf.mul(r, hh)));
      let e: tf.Tensor2D = gs[t];
      if (useU) {
        const u = tf.sigmoid(tf.add(xu, hu)) as tf.Tensor2D;
        us.push(u);
        e = tf.mul(gs[t], u);
      }
      if (os) e = tf.add(os[t], e);
      h = tf.add(h, tf.mul(e, tf.sub(c, h)));
      rs.push(r as tf.Tensor2D);
      cs.push(c as tf.Tensor2D);
      hcs.push(hh);
      states.push(h);
    }
    return {
      states: tf.stack(states) as tf.Tensor3D,
      prev: tf.stack(prev) as tf.Tensor3D,
      u: useU ? (tf.stack(us) as tf.Tensor3D) : (tf.zeros([T, B, H]) as tf.Tensor3D),
      r: tf.stack(rs) as tf.Tensor3D,
      c: tf.stack(cs) as tf.Tensor3D,
      hh: tf.stack(hcs) as tf.Tensor3D,
    };
  });
  save(
    offset
      ? [kept.prev, kept.u, kept.r, kept.c, kept.hh, g, U, offset]
      : [kept.prev, kept.u, kept.r, kept.c, kept.hh, g, U],
  );
  return {
    value: kept.states,
    gradFunc: (dy, saved) => {
      const [prev, u, r, c, hh, gSaved, Uw, oSaved] = saved as tf.Tensor3D[];
      // Everything that does not depend on the carried gradient, once for all T steps.
      const gu = useU ? tf.mul(gSaved, u) : gSaved;
      const e = oSaved ? tf.add(oSaved, gu) : gu; // effective update
      const cmh = tf.sub(c, prev); // c − h
      const dTanh = tf.sub(1, tf.square(c));
      const rHh = tf.mul(hh, tf.mul(r, tf.sub(1, r))); // (h·Uh) ⊙ r(1 − r)
      const gU = useU ? tf.mul(gSaved, tf.mul(u, tf.sub(1, u))) : undefined; // g ⊙ u(1 − u)
      const steps = (x: tf.Tensor) => tf.unstack(x, 0) as tf.Tensor2D[];
      const dyT = steps(dy);
      const [eT, cmhT, dTanhT, rT, rHhT] = [e, cmh, dTanh, r, rHh].map(steps);
      const gUT = gU ? steps(gU) : undefined;
      const zero = tf.zeros([B, H]) as tf.Tensor2D;
      const dE: tf.Tensor2D[] = new Array(T);
      const dUpre: tf.Tensor2D[] = new Array(T);
      const dRpre: tf.Tensor2D[] = new Array(T);
      const dCpre: tf.Tensor2D[] = new Array(T);
      const dHU: tf.Tensor3D[] = new Array(T);
      let carry: tf.Tensor2D = zero;
      for (let t = T - 1; t >= 0; t--) {
        const delta: tf.Tensor2D = tf.add(dyT[t], carry);
        const dc: tf.Tensor2D = tf.mul(delta, eT[t]);
        dE[t] = tf.mul(delta, cmhT[t]);
        const dcPre: tf.Tensor2D = tf.mul(dc, dTanhT[t]);
        dCpre[t] = dcPre;
        dRpre[t] = tf.mul(dcPre, rHhT[t]);
        dUpre[t] = gUT ? tf.mul(dE[t], gUT[t]) : zero;
        const dhU = tf.stack([dUpre[t], dRpre[t], tf.mul(dcPre, rT[t])]) as tf.Tensor3D;
        dHU[t] = dhU;
        carry = tf.add(tf.sub(delta, dc), tf.sum(tf.matMul(dhU, Uw, false, true), 0));
      }
      const dxs = tf.stack([tf.stack(dUpre), tf.stack(dRpre), tf.stack(dCpre)], 1); // [T, 3, B, H]
      // ∂U_k = Σ_t h_{t−1}ᵀ ∂(h·U_k)_t: one batched matMul over all (t, b) rows.
      const hRows = tf.reshape(prev, [T * B, H]);
      const dRows = tf.concat(dHU, 1); // [3, T·B, H], rows in (t, b) order like hRows
      const dU = tf.matMul(tf.stack([hRows, hRows, hRows]), dRows, true, false);
      const dEall = tf.stack(dE);
      const dg = useU ? tf.mul(dEall, u) : dEall;
      return oSaved ? [dxs, dU, dg, dEall] : [dxs, dU, dg];
    },
  };
}

/**
 * The same op as two backend kernels (forward: states and the per-step gates; backward: BPTT),
 * each over the whole sequence. The gates are kept for the backward pass, as above.
 */
function kernels(
  xs: tf.Tensor4D,
  U: tf.Tensor3D,
  g: tf.Tensor3D,
  useU: boolean,
  save: tf.GradSaveFunc,
  offset?: tf.Tensor3D,
): { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] } {
  const attrs = { useU } as unknown as tf.NamedAttrMap;
  const inputs: tf.NamedTensorMap = offset ? { xs, U, g, o: offset } : { xs, U, g };
  const [states, cache] = tf.engine().runKernel(FUSED_GRU_FORWARD, inputs, attrs) as tf.Tensor[];
  save(offset ? [states, cache, g, U, xs, offset] : [states, cache, g, U, xs]);
  return {
    value: states,
    gradFunc: (dy, saved) => {
      const [st, ca, gs, Us, x, o] = saved;
      const back: tf.NamedTensorMap = { dy, states: st, cache: ca, g: gs, U: Us, xs: x };
      if (o) back.o = o;
      return tf.engine().runKernel(FUSED_GRU_BACKWARD, back, attrs) as tf.Tensor[];
    },
  };
}
