/**
 * The world's ground truth for any history (also one the reader edited): exact HMM inference
 * with the simulator's own matrices. Forward filtering gives the current interest, one more
 * transition gives the next one, the emission matrix gives P(next purchase = g); a backward pass
 * gives each behavior's smoothed interest for the relevance bars.
 *
 * In a world where time carries signal (timeSignal > 0) each step's transition is A(Δ) for its
 * gap Δ (simulator.ts); with no timestamps given, each gap's stay factor is averaged over the
 * population's gaps (an approximation: it ignores that one shopper's gaps share a pace).
 */
import { CATALOGUE } from './catalogue';
import { driftAfter } from './gaps';
import { emissionMatrix, initialDistribution, transitionMatrix, validateConfig } from './simulator';
import type { Catalogue, Truth, World, WorldConfig } from './types';

interface Model {
  C: number;
  N: number;
  /** Flat [C*C], row-major. */
  A: Float64Array;
  /** Flat [C*N], row-major. */
  E: Float64Array;
  pi: Float64Array;
  /** Category (0-based) of each good (0-based). */
  cat: Int32Array;
  /** P(not noise | z = cat(g), b = g): share of E[cat(g)][g] that came from the interest. */
  fromInterest: Float64Array;
  /** Move distribution Q (transitionMatrix at drift 1), flat [C*C]: A(Δ) = (1 − d)·I + d·Q. */
  Q: Float64Array;
  config: WorldConfig;
}

/** When the history's purchases happened and when the candidate is shown, in days. */
export interface Timing {
  /** One time per behavior, oldest first; NaN where a time is unknown (its gaps marginalise). */
  times: number[];
  /** The candidate's time (>= the last behavior's). */
  now: number;
}

// Truth is called on every edit and for every heatmap cell: the matrices are built once per
// (catalogue, config) instead of per call.
const cache = new WeakMap<Catalogue, Map<string, Model>>();

function modelFor(config: WorldConfig, catalogue: Catalogue): Model {
  const key = `${config.drift}|${config.noise}|${config.related}|${config.timeSignal ?? 0}`;
  let byConfig = cache.get(catalogue);
  if (!byConfig) {
    byConfig = new Map();
    cache.set(catalogue, byConfig);
  }
  const hit = byConfig.get(key);
  if (hit) return hit;
  validateConfig(config);
  const C = catalogue.categories.length;
  const N = catalogue.goods.length;
  const A = Float64Array.from(transitionMatrix(config, catalogue).flat());
  const E = Float64Array.from(emissionMatrix(config, catalogue).flat());
  const pi = Float64Array.from(initialDistribution(catalogue));
  const cat = Int32Array.from(catalogue.goods.map((g) => g.category - 1));
  const fromInterest = new Float64Array(N);
  for (let g = 0; g < N; g++) {
    const e = E[cat[g] * N + g];
    fromInterest[g] = e > 0 ? (e - config.noise / N) / e : 0;
  }
  const Q = Float64Array.from(transitionMatrix({ ...config, drift: 1 }, catalogue).flat());
  const model: Model = { C, N, A, E, pi, cat, fromInterest, Q, config };
  byConfig.set(key, model);
  return model;
}

function resolve(worldOrConfig: World | WorldConfig): {
  config: WorldConfig;
  catalogue: Catalogue;
} {
  if ('catalogue' in worldOrConfig) {
    return { config: worldOrConfig.config, catalogue: worldOrConfig.catalogue };
  }
  return { config: worldOrConfig, catalogue: CATALOGUE };
}

function checkId(id: number, N: number, what: string): void {
  if (!Number.isInteger(id) || id < 1 || id > N) {
    throw new Error(`truth: ${what} id ${id} is outside 1..${N}`);
  }
}

/** Everything that does not depend on the candidate, computed once per history. */
export interface Posterior {
  /** P(z_{n+1} = c | history), indexed by category id − 1. */
  nextInterest: number[];
  /** P(next purchase = g | history), indexed by good id − 1. Sums to 1. */
  nextGood: number[];
  /** smoothed[j][c] = P(z_j = c+1 | whole history). */
  smoothed: number[][];
}

/**
 * The transition into step t (1..n; t = n is the candidate's step). Timeless worlds return the
 * shared matrix itself, so their arithmetic is exactly that of the timeless truth.
 */
function transitionInto(m: Model, t: number, when: Timing | undefined): Float64Array {
  if ((m.config.timeSignal ?? 0) === 0) return m.A;
  let gap: number | undefined;
  if (when) gap = (t < when.times.length ? when.times[t] : when.now) - when.times[t - 1];
  // An unknown end (NaN) leaves the gap unknown: the drift averaged over the gap's prior, as
  // with no times at all (the transition is linear in the drift, so this is exact per step).
  const d = driftAfter(m.config, gap !== undefined && Number.isFinite(gap) ? gap : undefined);
  const { C, Q } = m;
  const At = new Float64Array(C * C);
  for (let i = 0; i < C * C; i++) At[i] = d * Q[i];
  for (let i = 0; i < C; i++) At[i * C + i] += 1 - d;
  return At;
}

function checkTiming(when: Timing, n: number): void {
  if (when.times.length !== n) {
    throw new Error(`truth: ${when.times.length} times for a history of ${n}`);
  }
  if (!Number.isFinite(when.now)) throw new Error('truth: the candidate needs a time');
  // Known times (NaN = unknown, skipped) are non-decreasing, the candidate's last.
  const known = [...when.times, when.now].filter((x) => !Number.isNaN(x));
  for (let t = 0; t < known.length; t++) {
    if (!Number.isFinite(known[t]) || (t > 0 && known[t] < known[t - 1])) {
      throw new Error('truth: times must be finite and non-decreasing, the candidate last');
    }
  }
}

export function posterior(
  worldOrConfig: World | WorldConfig,
  history: number[],
  when?: Timing,
): Posterior {
  const { config, catalogue } = resolve(worldOrConfig);
  const m = modelFor(config, catalogue);
  const { C, N, E, pi } = m;
  const n = history.length;
  for (const b of history) checkId(b, N, 'history');
  if (when) checkTiming(when, n);

  // Forward: alpha[t] = P(z_t | b_1..t), normalised per step to avoid underflow.
  const alpha = new Float64Array(Math.max(n, 1) * C);
  const pred = new Float64Array(C);
  for (let t = 0; t < n; t++) {
    if (t === 0) pred.set(pi);
    else {
      pred.fill(0);
      const A = transitionInto(m, t, when);
      for (let i = 0; i < C; i++) {
        const a = alpha[(t - 1) * C + i];
        if (a === 0) continue;
        for (let j = 0; j < C; j++) pred[j] += a * A[i * C + j];
      }
    }
    const g = history[t] - 1;
    let s = 0;
    for (let c = 0; c < C; c++) {
      const v = pred[c] * E[c * N + g];
      alpha[t * C + c] = v;
      s += v;
    }
    for (let c = 0; c < C; c++) alpha[t * C + c] /= s;
  }

  const nextInterest = new Array<number>(C).fill(0);
  if (n === 0) for (let c = 0; c < C; c++) nextInterest[c] = pi[c];
  else {
    const A = transitionInto(m, n, when);
    for (let i = 0; i < C; i++) {
      const a = alpha[(n - 1) * C + i];
      for (let j = 0; j < C; j++) nextInterest[j] += a * A[i * C + j];
    }
  }
  const nextGood = new Array<number>(N).fill(0);
  for (let c = 0; c < C; c++) {
    const w = nextInterest[c];
    for (let g = 0; g < N; g++) nextGood[g] += w * E[c * N + g];
  }

  // Backward: beta[t] ∝ P(b_{t+1..n} | z_t), normalised per step.
  const smoothed: number[][] = new Array<number[]>(n);
  let beta = new Float64Array(C).fill(1);
  for (let t = n - 1; t >= 0; t--) {
    if (t < n - 1) {
      const g = history[t + 1] - 1;
      const next = new Float64Array(C);
      const A = transitionInto(m, t + 1, when);
      let s = 0;
      for (let i = 0; i < C; i++) {
        let v = 0;
        for (let j = 0; j < C; j++) v += A[i * C + j] * E[j * N + g] * beta[j];
        next[i] = v;
        s += v;
      }
      for (let i = 0; i < C; i++) next[i] /= s;
      beta = next;
    }
    const row = new Array<number>(C);
    let s = 0;
    for (let c = 0; c < C; c++) {
      row[c] = alpha[t * C + c] * beta[c];
      s += row[c];
    }
    for (let c = 0; c < C; c++) row[c] /= s;
    smoothed[t] = row;
  }
  return { nextInterest, nextGood, smoothed };
}

function truthFrom(post: Posterior, history: number[], candidate: number, m: Model): Truth {
  const N = m.N;
  const p = post.nextGood[candidate - 1];
  // The candidate is shown either as the positive (prob p) or as the uniform negative drawn
  // from the N − 1 goods other than the positive (prob (1 − p) / (N − 1)); equal class priors.
  const q = (1 - p) / (N - 1);
  const ctr = p + q > 0 ? p / (p + q) : 0.5;
  const c = m.cat[candidate - 1];
  const relevance = history.map((b, j) => {
    const g = b - 1;
    if (m.cat[g] !== c) return 0;
    return Math.min(1, Math.max(0, post.smoothed[j][c] * m.fromInterest[g]));
  });
  return { ctr, nextProbability: p, relevance };
}

export function truth(
  world: World | WorldConfig,
  history: number[],
  candidate: number,
  when?: Timing,
): Truth {
  const { config, catalogue } = resolve(world);
  const m = modelFor(config, catalogue);
  checkId(candidate, m.N, 'candidate');
  return truthFrom(posterior(world, history, when), history, candidate, m);
}

/** Truth for every candidate at once (index = good id − 1), sharing one forward–backward pass. */
export function truthAll(world: World | WorldConfig, history: number[], when?: Timing): Truth[] {
  const { config, catalogue } = resolve(world);
  const m = modelFor(config, catalogue);
  const post = posterior(world, history, when);
  const out: Truth[] = [];
  for (let g = 1; g <= m.N; g++) out.push(truthFrom(post, history, g, m));
  return out;
}
