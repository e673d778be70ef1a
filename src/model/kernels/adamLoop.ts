/**
 * One Adam update of one variable over plain Float32Arrays, as tfjs's AdamOptimizer computes it
 * (m' = β1 m + (1 − β1) g, v' = β2 v + (1 − β2) g², x' = x − lr (m'/c1) / (√(v'/c2) + ε), with
 * c1 = 1 − β1^t and c2 = 1 − β2^t), for a backend kernel that replaces its ~8 kernels per variable.
 */
export interface AdamConsts {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  c1: number;
  c2: number;
}

export function adamUpdate(
  k: AdamConsts,
  x: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  outX: Float32Array,
  outM: Float32Array,
  outV: Float32Array,
): void {
  const { lr, beta1, beta2, eps, c1, c2 } = k;
  for (let i = 0; i < x.length; i++) {
    const gi = g[i];
    const mi = beta1 * m[i] + (1 - beta1) * gi;
    const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
    outM[i] = mi;
    outV[i] = vi;
    outX[i] = x[i] - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
  }
}
