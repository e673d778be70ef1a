import * as tf from '@tensorflow/tfjs-core';
import type { EvolvingCell } from './config';
import type { ParamStore } from './params';
import { fusedKernelsActive, recurrence } from './recurrence';

/**
 * GRU weights with the three gates stacked on a leading axis, order (u, r, h̃):
 * W [3, in, H], U [3, H, H], b [3, 1, H]. The input part is one batched matMul over all steps,
 * hoisted out of the time loop, and the recurrent part one batched matMul per step (per-op
 * overhead dominates small RNNs, TFJS_NOTES.md). Gates on the leading axis make every per-step
 * slice contiguous, which the cpu backend slices far faster than a column split.
 */
/**
 * Cells a GRU-family layer can run: the settings' evolving cells, a plain GRU, and the bug lab's
 * 'augruInverted' (pitfall 4, the DIEN authors' VecAttGRUCell): ũ = (1 − a)·u,
 * h' = ũ ⊙ h + (1 − ũ) ⊙ h̃, i.e. an effective update 1 − (1 − a)·u, so a = 0 is a plain GRU step.
 */
export type CellKind = EvolvingCell | 'gru' | 'augruInverted';

export interface GruWeights {
  W: tf.Variable;
  U: tf.Variable;
  b: tf.Variable;
  H: number;
}

export function createGru(p: ParamStore, name: string, inputSize: number, H: number): GruWeights {
  return {
    W: p.glorot(`${name}/W`, inputSize, H, 3),
    U: p.glorot(`${name}/U`, H, H, 3),
    b: p.constant(`${name}/b`, [3, 1, H], 0),
    H,
  };
}

export interface GateSet {
  u: tf.Tensor2D;
  r: tf.Tensor2D;
  h: tf.Tensor2D;
}

/** Splits a [3, B, H] gate stack into its three [B, H] parts (contiguous slices). */
export function gates(stack: tf.Tensor3D): GateSet {
  const [u, r, h] = tf.unstack(stack, 0) as tf.Tensor2D[];
  return { u, r, h };
}

export interface GruStep {
  h: tf.Tensor2D;
  /** Update gate u_t, [B, H]. */
  u: tf.Tensor2D;
  /** Effective update actually applied (u, a·u, or a; times the mask), [B, H]. */
  effective: tf.Tensor2D;
}

/**
 * One step of the chosen cell (MODEL_SPEC.md):
 *   u = σ(xu + hu), r = σ(xr + hr), h̃ = tanh(xh + r ⊙ hh)   with [hu, hr, hh] = h·U
 *   gru / aigru:  h' = (1 − u) ⊙ h + u ⊙ h̃
 *   augru:        ũ = a·u;  h' = (1 − ũ) ⊙ h + ũ ⊙ h̃
 *   agru:         h' = (1 − a) · h + a · h̃
 * `x` holds the precomputed W·x + b per gate; `a` is a_t broadcast to [B, H] (augru/agru only).
 * `m` (the padding mask broadcast to [B, H]) zeroes the effective gate, so a padded step keeps
 * the state exactly: one multiply instead of a separate carry-forward blend.
 */
export function gruCellStep(
  g: GruWeights,
  x: GateSet,
  h: tf.Tensor2D,
  cell: CellKind,
  a?: tf.Tensor2D,
  m?: tf.Tensor2D,
): GruStep {
  // h stacked three times (not tf.tile: the wasm backend's Tile kernel costs more than the
  // whole matMul here; a concat is a plain copy, and its gradient a slice).
  const hs = gates(tf.matMul(tf.stack([h, h, h]), g.U as tf.Tensor3D) as tf.Tensor3D);
  const u = tf.sigmoid(tf.add(x.u, hs.u)) as tf.Tensor2D;
  const r = tf.sigmoid(tf.add(x.r, hs.r));
  const cand = tf.tanh(tf.add(x.h, tf.mul(r, hs.h)));
  let effective: tf.Tensor2D;
  if (cell === 'augru') effective = tf.mul(a!, u);
  else if (cell === 'augruInverted') effective = tf.sub(1, tf.mul(tf.sub(1, a!), u));
  else if (cell === 'agru') effective = a!;
  else effective = u;
  if (m) effective = tf.mul(effective, m);
  const next = tf.add(h, tf.mul(effective, tf.sub(cand, h))) as tf.Tensor2D;
  return { h: next, u, effective };
}

export interface SequenceResult {
  /** States after each step, [B, T, H]; padded steps repeat the previous state. */
  states: tf.Tensor3D;
  /** The last valid state, [B, H]. */
  last: tf.Tensor2D;
  updateGates: tf.Tensor3D;
  effectiveGates: tf.Tensor3D;
}

/** [B, T] → [T, B, H] (the per-step value repeated over the units). */
function perStep(v: tf.Tensor2D, H: number): tf.Tensor3D {
  const [B, T] = v.shape;
  const tb = tf.reshape(tf.transpose(v), [T, B, 1]);
  // Broadcast by a multiply, not tf.tile (slow on wasm; see gruCellStep).
  return tf.mul(tb, tf.ones([1, 1, H]));
}

/**
 * Runs a cell over a left-aligned, masked sequence x [B, T, in] from h_0 = 0.
 * Padded steps carry the state forward unchanged, so the final state is the last valid one.
 *
 * For AUGRU/AGRU the mask is folded into a_t once, outside the loop (one multiply less per step).
 */
export function runSequence(
  g: GruWeights,
  x: tf.Tensor3D,
  mask: tf.Tensor2D,
  cell: CellKind,
  attention?: tf.Tensor2D,
): SequenceResult {
  if (fusedKernelsActive()) return fromStates(g, x, mask, cell, attention);
  return runCells(g, x, mask, cell, attention);
}

/**
 * runSequence without a per-step loop, where the backend has the fused kernels: the states come
 * from the fused recurrence, and given them every step's update gate u_t = σ(W_u x_t + b_u +
 * h_{t−1} U_u) is one batched op over all steps. Same values as runCells up to float rounding
 * (tested in src/train/worker/kernels/fusedGru.test.ts).
 */
function fromStates(
  g: GruWeights,
  x: tf.Tensor3D,
  mask: tf.Tensor2D,
  cell: CellKind,
  attention: tf.Tensor2D | undefined,
): SequenceResult {
  const [B, T, I] = x.shape;
  const H = g.H;
  const states = runStates(g, x, mask, cell, attention);
  const prev = tf.concat([tf.zeros([B, 1, H]), tf.slice(states, [0, 0, 0], [B, T - 1, H])], 1);
  const Wu = tf.reshape(tf.slice(g.W, [0, 0, 0], [1, I, H]), [I, H]);
  const Uu = tf.reshape(tf.slice(g.U, [0, 0, 0], [1, H, H]), [H, H]);
  const bu = tf.reshape(tf.slice(g.b, [0, 0, 0], [1, 1, H]), [1, H]);
  const pre = tf.add(
    tf.add(tf.matMul(tf.reshape(x, [B * T, I]), Wu), bu),
    tf.matMul(tf.reshape(prev, [B * T, H]), Uu),
  );
  const u = tf.reshape(tf.sigmoid(pre), [B, T, H]) as tf.Tensor3D;
  const m = tf.expandDims(mask, 2);
  const am = attention ? tf.expandDims(tf.mul(attention, mask), 2) : m;
  let effective: tf.Tensor;
  if (cell === 'augru') effective = tf.mul(am, u);
  else if (cell === 'agru') effective = tf.mul(am, tf.ones([1, 1, H]));
  else if (cell === 'augruInverted')
    effective = tf.mul(tf.sub(1, tf.mul(tf.sub(1, tf.expandDims(attention!, 2)), u)), m);
  else effective = tf.mul(u, m);
  return {
    states,
    last: tf.reshape(tf.slice(states, [0, T - 1, 0], [B, 1, H]), [B, H]),
    updateGates: tf.mul(u, m) as tf.Tensor3D,
    effectiveGates: effective as tf.Tensor3D,
  };
}

/**
 * The states h_1..h_T [B, T, H] of runSequence, through the fused recurrence (recurrence.ts: one
 * op with a hand-written backward pass). Training and evaluation use this; the views use
 * runSequence, which also returns the per-step gates. Same math, same values up to float
 * rounding (tested).
 */
export function runStates(
  g: GruWeights,
  x: tf.Tensor3D,
  mask: tf.Tensor2D,
  cell: CellKind,
  attention?: tf.Tensor2D,
): tf.Tensor3D {
  if (cell === 'augruInverted') {
    // e = m·(1 − (1 − a)·u) = m + m·(a − 1)·u: the fused op's offset form (the mask zeroes both).
    const m = perStep(mask, g.H);
    const slope = perStep(tf.mul(tf.sub(attention!, 1), mask) as tf.Tensor2D, g.H);
    const states = recurrence(projections(g, x), g.U as tf.Tensor3D, slope, true, m);
    return tf.transpose(states, [1, 0, 2]);
  }
  const m = perStep(multiplier(mask, cell, attention), g.H);
  const states = recurrence(projections(g, x), g.U as tf.Tensor3D, m, cell !== 'agru');
  return tf.transpose(states, [1, 0, 2]);
}

/** The last state of runStates (training): padded steps carry the state, so h_T is the last valid one. */
export function runSequenceLast(
  g: GruWeights,
  x: tf.Tensor3D,
  mask: tf.Tensor2D,
  cell: CellKind,
  attention?: tf.Tensor2D,
): tf.Tensor2D {
  const [B, T] = mask.shape;
  const states = runStates(g, x, mask, cell, attention);
  return tf.reshape(tf.slice(states, [0, T - 1, 0], [B, 1, g.H]), [B, g.H]);
}

/**
 * W·x + b for every step and gate, [T, 3, B, H]: one batched matMul hoisted out of the time loop,
 * laid out so that each step's gate stack is one contiguous slice.
 */
function projections(g: GruWeights, x: tf.Tensor3D): tf.Tensor4D {
  const [B, T, I] = x.shape;
  const x2 = tf.reshape(x, [B * T, I]);
  const proj = tf.add(tf.matMul(tf.stack([x2, x2, x2]), g.W as tf.Tensor3D), g.b);
  return tf.transpose(tf.reshape(proj, [3, B, T, g.H]), [2, 0, 1, 3]);
}

/**
 * The per-step multiplier of the update, [B, T]: the mask, or for AUGRU/AGRU the mask folded
 * into a_t once ((a·m)·u = (a·u)·m exactly, as m ∈ {0, 1}).
 */
function multiplier(
  mask: tf.Tensor2D,
  cell: CellKind,
  attention: tf.Tensor2D | undefined,
): tf.Tensor2D {
  const folded = attention && (cell === 'augru' || cell === 'agru');
  return folded ? (tf.mul(attention, mask) as tf.Tensor2D) : mask;
}

function runCells(
  g: GruWeights,
  x: tf.Tensor3D,
  mask: tf.Tensor2D,
  cell: CellKind,
  attention: tf.Tensor2D | undefined,
): SequenceResult {
  const [B, T] = x.shape;
  const H = g.H;
  const byStep = tf.unstack(projections(g, x), 0) as tf.Tensor3D[];
  const folded = attention && (cell === 'augru' || cell === 'agru');
  const gate = tf.unstack(perStep(multiplier(mask, cell, attention), H), 0) as tf.Tensor2D[];
  // The inverted cell reads a_t and the mask apart (a = 0 does not freeze it; padding must).
  const inverted =
    cell === 'augruInverted' ? (tf.unstack(perStep(attention!, H), 0) as tf.Tensor2D[]) : undefined;
  let h = tf.zeros([B, H]) as tf.Tensor2D;
  const states: tf.Tensor2D[] = [];
  const us: tf.Tensor2D[] = [];
  const effs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const step = folded
      ? gruCellStep(g, gates(byStep[t]), h, cell, gate[t])
      : gruCellStep(g, gates(byStep[t]), h, cell, inverted?.[t], gate[t]);
    h = step.h;
    states.push(h);
    us.push(step.u);
    effs.push(step.effective);
  }
  return {
    states: tf.stack(states, 1) as tf.Tensor3D,
    last: h,
    updateGates: tf.mul(tf.stack(us, 1), tf.expandDims(mask, 2)) as tf.Tensor3D,
    effectiveGates: tf.stack(effs, 1) as tf.Tensor3D,
  };
}
