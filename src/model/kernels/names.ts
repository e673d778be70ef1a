/**
 * The fused recurrence's kernels (recurrence.ts calls them; src/train/worker/kernels/ registers
 * them per backend). The contract, shapes as in gruLoop.ts:
 *   FusedGruForward  inputs {xs, U, g[, o]}          attrs {useU}  →  [states, cache]
 *   FusedGruBackward inputs {dy, states, cache, g, U, xs[, o]} attrs {useU}
 *                    →  [dxs, dU, dg] (+ dE when o is given)
 * `cache` is whatever the same backend's forward returned for its backward (cpu and wasm: the
 * gates [T, 4, B, H]; webgpu: the states again, as its backward recomputes the gates from xs).
 */
export const FUSED_GRU_FORWARD = 'FusedGruForward';
export const FUSED_GRU_BACKWARD = 'FusedGruBackward';
/**
 * One Adam update (fusedAdam.ts): inputs {x, g, m, v, c1, c2} (c1 = 1 − β1^t, c2 = 1 − β2^t,
 * scalars), attrs {lr, beta1, beta2, eps} → [x', m', v'].
 */
export const FUSED_ADAM = 'FusedAdam';

export interface FusedGruAttrs {
  useU: boolean;
  [key: string]: boolean;
}
