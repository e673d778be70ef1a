/**
 * The fused recurrence's kernels (recurrence.ts calls them; src/train/worker/kernels/ registers
 * them per backend). The contract, shapes as in gruLoop.ts:
 *   FusedGruForward  inputs {xs, U, g[, o]}          attrs {useU}  →  [states, cache]
 *   FusedGruBackward inputs {dy, states, cache, g, U[, o]} attrs {useU}
 *                    →  [dxs, dU, dg] (+ dE when o is given)
 */
export const FUSED_GRU_FORWARD = 'FusedGruForward';
export const FUSED_GRU_BACKWARD = 'FusedGruBackward';

export interface FusedGruAttrs {
  useU: boolean;
  [key: string]: boolean;
}
