/**
 * Time between purchases. Each shopper has a pace: a mean gap m, log-uniform in
 * [GAP_MEAN_MIN, GAP_MEAN_MAX] days, and gaps ~ Exponential(mean m) (so some shoppers buy every
 * day, some once in two months). The world's interest stays across a gap of Δ days with
 * probability (1 − drift)·exp(−λΔ), λ = WorldConfig.timeSignal.
 */
import type { Rng } from './random';
import type { WorldConfig } from './types';

export const GAP_MEAN_MIN = 1;
export const GAP_MEAN_MAX = 60;

/** Purchase times in days since the first purchase: times[0] = 0, then cumulative gaps. */
export function drawTimes(rng: Rng, n: number): number[] {
  const mean = GAP_MEAN_MIN * Math.exp(rng.next() * Math.log(GAP_MEAN_MAX / GAP_MEAN_MIN));
  const times: number[] = [];
  let t = 0;
  for (let k = 0; k < n; k++) {
    // 1 − u lies in (0, 1], so the log is finite.
    if (k > 0) t += -mean * Math.log(1 - rng.next());
    times.push(t);
  }
  return times;
}

/**
 * E[exp(−λΔ)] over the population's gaps: E[e^{−λΔ} | m] = 1 / (1 + λm), and averaging over the
 * log-uniform m gives 1 − ln((1 + λb) / (1 + λa)) / ln(b / a).
 */
export function meanStayFactor(lambda: number): number {
  if (lambda === 0) return 1;
  const a = GAP_MEAN_MIN;
  const b = GAP_MEAN_MAX;
  return 1 - Math.log((1 + lambda * b) / (1 + lambda * a)) / Math.log(b / a);
}

/**
 * Drift probability of one step after a gap of `gap` days; `undefined` = the gap is unknown, and
 * the step's stay factor is averaged over the population's gaps. Exactly config.drift when time
 * carries no signal (no floating-point round trip).
 */
export function driftAfter(config: WorldConfig, gap: number | undefined): number {
  const lambda = config.timeSignal ?? 0;
  if (lambda === 0) return config.drift;
  const stay = gap === undefined ? meanStayFactor(lambda) : Math.exp(-lambda * Math.max(0, gap));
  return 1 - (1 - config.drift) * stay;
}

/**
 * Bucket of a gap in days, the index models embed: 0 = padding, 1 = unknown (no timestamps),
 * then 2 + ⌊log₂(1 + gap)⌋ (same day → 2, 1–2 days → 3, 2–4 → 4, …), capped at GAP_BUCKETS − 1.
 */
export const GAP_BUCKETS = 14;
export const GAP_UNKNOWN = 1;

export function gapBucket(gap: number): number {
  if (!Number.isFinite(gap) || gap < 0) throw new Error(`gapBucket: gap must be >= 0, got ${gap}`);
  return Math.min(GAP_BUCKETS - 1, 2 + Math.floor(Math.log2(1 + gap)));
}
