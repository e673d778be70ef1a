/**
 * A fixed 2-D projection for interest states. The basis depends only on the dimension and a
 * constant seed — never on the data — so when training moves a point, the point really moved
 * (PCA refitted per snapshot would rotate the picture and fake motion).
 */

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

/** Two orthonormal vectors in R^dim (Gaussian draws, Gram–Schmidt). */
export function fixedBasis(dim: number, seed = 21): [number[], number[]] {
  const rnd = mulberry32(seed * 7919 + dim);
  const gauss = () => {
    const u = Math.max(rnd(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const a = Array.from({ length: dim }, gauss);
  const b = Array.from({ length: dim }, gauss);
  const norm = (v: number[]) => Math.hypot(...v) || 1;
  const na = norm(a);
  const ua = a.map((x) => x / na);
  const dot = b.reduce((s, x, i) => s + x * ua[i], 0);
  const bo = b.map((x, i) => x - dot * ua[i]);
  const nb = norm(bo);
  return [ua, dim > 1 ? bo.map((x) => x / nb) : [0]];
}

export function project(v: number[], basis: [number[], number[]]): [number, number] {
  let x = 0;
  let y = 0;
  for (let i = 0; i < v.length; i++) {
    x += v[i] * (basis[0][i] ?? 0);
    y += v[i] * (basis[1][i] ?? 0);
  }
  return [x, y];
}
