/**
 * Fixed 2-D projections for interest states and item embeddings.
 *
 * A projection is a frozen object: a centre and two orthonormal axes. Views keep the same object
 * while training runs, so when a point moves on screen its vector really moved — refitting a PCA
 * at every snapshot would rotate and flip the picture and fake motion. Two kinds:
 * - `fixedBasis`: two seeded random directions (depends only on the dimension);
 * - `pcaBasis`: the two principal axes of a set of vectors (e.g. the item embeddings at one
 *   moment), fitted once and then frozen until the reader asks for a refit.
 */

export interface Projection {
  /** Subtracted before projecting (zeros for a random basis). */
  center: number[];
  /** Two orthonormal vectors. */
  axes: [number[], number[]];
  /** How it was made, for the caption. */
  kind: 'random' | 'pca';
  /** PCA: share of the total variance each axis explains. */
  explained?: [number, number];
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const norm = (v: number[]) => Math.sqrt(dot(v, v));

/** Two orthonormal vectors in R^dim (Gaussian draws, Gram–Schmidt). */
export function fixedBasis(dim: number, seed = 21): [number[], number[]] {
  const rnd = mulberry32(seed * 7919 + dim);
  const gauss = () => {
    const u = Math.max(rnd(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const a = Array.from({ length: dim }, gauss);
  const b = Array.from({ length: dim }, gauss);
  const na = norm(a) || 1;
  const ua = a.map((x) => x / na);
  const d = dot(b, ua);
  const bo = b.map((x, i) => x - d * ua[i]);
  const nb = norm(bo) || 1;
  return [ua, dim > 1 ? bo.map((x) => x / nb) : [0]];
}

export function randomProjection(dim: number, seed = 21): Projection {
  return { center: new Array<number>(dim).fill(0), axes: fixedBasis(dim, seed), kind: 'random' };
}

/** Make the sign deterministic: the largest-magnitude component is positive. */
function canonicalSign(v: number[]): number[] {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k]) + 1e-12) k = i;
  return v[k] < 0 ? v.map((x) => -x) : v;
}

/** The leading eigenvector of a symmetric matrix by power iteration, from a fixed start. */
function leadingEigen(m: number[][], start: number[]): { vec: number[]; val: number } {
  const n = m.length;
  let v = start.slice();
  let nv = norm(v);
  if (nv === 0) return { vec: v, val: 0 };
  v = v.map((x) => x / nv);
  let val = 0;
  for (let it = 0; it < 500; it++) {
    const w = m.map((row) => dot(row, v));
    nv = norm(w);
    if (nv < 1e-15) return { vec: v, val: 0 };
    const next = w.map((x) => x / nv);
    const diff = Math.min(norm(next.map((x, i) => x - v[i])), norm(next.map((x, i) => x + v[i])));
    v = next;
    val = nv;
    if (diff < 1e-12) break;
  }
  return { vec: v, val: n > 0 ? val : 0 };
}

/**
 * The two principal axes of `vectors` (rows), centred on their mean. Deterministic: power
 * iteration with deflation from fixed starts, signs made canonical. Degenerate data (fewer than
 * two directions of spread) falls back to the random basis for the missing axis.
 */
export function pcaBasis(vectors: number[][]): Projection {
  const dim = vectors[0]?.length ?? 0;
  const n = vectors.length;
  const center = new Array<number>(dim).fill(0);
  for (const v of vectors) for (let i = 0; i < dim; i++) center[i] += v[i] / n;
  const cov = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (const v of vectors) {
    const c = v.map((x, i) => x - center[i]);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) cov[i][j] += (c[i] * c[j]) / n;
  }
  const total = cov.reduce((s, row, i) => s + row[i], 0);
  const [r1, r2] = fixedBasis(dim, 5);
  // Starts with every component non-zero so no eigenvector is orthogonal to them by accident.
  const start1 = r1.map((x) => x + 0.1);
  const e1 = leadingEigen(cov, start1);
  const a1 = canonicalSign(e1.vec);
  const deflated = cov.map((row, i) => row.map((x, j) => x - e1.val * a1[i] * a1[j]));
  // Start the second search orthogonal to the first axis.
  const d = dot(r2, a1);
  const e2 = leadingEigen(
    deflated,
    r2.map((x, i) => x - d * a1[i]),
  );
  let a2 = e2.vec;
  // Re-orthogonalise against rounding, then fix the sign.
  const d2 = dot(a2, a1);
  a2 = a2.map((x, i) => x - d2 * a1[i]);
  const n2 = norm(a2);
  a2 = n2 > 1e-9 ? canonicalSign(a2.map((x) => x / n2)) : fixedBasis(dim)[1];
  const explained: [number, number] =
    total > 0 ? [e1.val / total, Math.max(0, e2.val) / total] : [0, 0];
  return { center, axes: [a1, a2], kind: 'pca', explained };
}

/** Coordinates of `v` in a projection (or a bare pair of axes, centred at zero). */
export function project(v: number[], basis: Projection | [number[], number[]]): [number, number] {
  const axes = Array.isArray(basis) ? basis : basis.axes;
  const center = Array.isArray(basis) ? undefined : basis.center;
  let x = 0;
  let y = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i] - (center?.[i] ?? 0);
    x += c * (axes[0][i] ?? 0);
    y += c * (axes[1][i] ?? 0);
  }
  return [x, y];
}

/** A half-width for a square frame that holds every point and snaps to powers of two (so it rarely moves). */
export function snappedExtent(points: [number, number][], minimum = 0.125): number {
  let m = 0;
  for (const [x, y] of points) {
    if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
    if (Number.isFinite(y)) m = Math.max(m, Math.abs(y));
  }
  return 2 ** Math.ceil(Math.log2(Math.max(m, minimum) * 1.05));
}

/**
 * The projection a view should use now: the frozen one it already has, unless there is none,
 * the dimension changed (new model settings), or the reader asked for a refit.
 */
export function keepOrFit(
  prev: Projection | null,
  vectors: number[][],
  refit = false,
): Projection | null {
  const dim = vectors[0]?.length ?? 0;
  if (prev && !refit && prev.center.length === dim) return prev;
  if (vectors.length < 2 || dim === 0) return prev && prev.center.length === dim ? prev : null;
  return pcaBasis(vectors);
}
