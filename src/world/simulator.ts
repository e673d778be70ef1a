/**
 * The shopper simulator: a hidden Markov chain over interest categories.
 *
 * z_1 ~ uniform over categories; z_{t+1} ~ A[z_t, ·]; purchase b_t ~ E[z_t, ·].
 * A: stay with 1 − drift; otherwise move to a related category (share `related`, uniform among
 * the related ones) or to any other category (share 1 − related, uniform).
 * E: with prob `noise` a uniform good from the whole catalogue; otherwise a good of the interest
 * category drawn with a fixed Zipf-like popularity (catalogue order = popularity rank).
 *
 * Time (timeSignal > 0): purchase times have per-shopper exponential gaps (gaps.ts), and the
 * drift of a step depends on its gap: A(Δ) = (1 − d(Δ))·I + d(Δ)·Q with Q the move distribution
 * (transitionMatrix at drift 1). With timeSignal 0 the simulator takes the timeless path, so the
 * purchases and interests are bit for bit those of a world without time.
 *
 * The truth (truth.ts) reuses transitionMatrix / emissionMatrix, so sampling and inference can
 * never disagree about the model.
 */
import { CATALOGUE } from './catalogue';
import { Rng } from './random';
import { driftAfter, drawTimes } from './gaps';
import type { Catalogue, Shopper, World, WorldConfig } from './types';

/** Exponent of the within-category popularity 1 / rank^s. */
export const POPULARITY_EXPONENT = 0.8;

export const DEFAULT_WORLD: WorldConfig = {
  seed: 1,
  shoppers: 1500,
  minHistory: 8,
  maxHistory: 30,
  drift: 0.15,
  noise: 0.15,
  related: 0.5,
};

/** Interests that move often: what a shopper bought long ago says little about today. */
export function strongDriftWorld(base: WorldConfig = DEFAULT_WORLD): WorldConfig {
  return { ...base, drift: 0.35 };
}

/**
 * Interests that change after long pauses: little drift between close purchases, a likely move
 * after a gap of weeks. The world where a model that reads the time gaps has something to gain.
 */
export function timeWorld(base: WorldConfig = DEFAULT_WORLD): WorldConfig {
  return { ...base, drift: 0.05, timeSignal: 0.1 };
}

export function validateConfig(config: WorldConfig): void {
  const prob = (name: 'drift' | 'noise' | 'related') => {
    const v = config[name];
    if (!(v >= 0 && v <= 1)) throw new Error(`WorldConfig.${name} must be in [0, 1], got ${v}`);
  };
  prob('drift');
  prob('noise');
  prob('related');
  if (!Number.isInteger(config.shoppers) || config.shoppers < 0) {
    throw new Error(`WorldConfig.shoppers must be a non-negative integer, got ${config.shoppers}`);
  }
  if (
    !Number.isInteger(config.minHistory) ||
    !Number.isInteger(config.maxHistory) ||
    config.minHistory < 1 ||
    config.maxHistory < config.minHistory
  ) {
    throw new Error(
      `WorldConfig history bounds must be integers with 1 <= minHistory <= maxHistory, got ${config.minHistory}..${config.maxHistory}`,
    );
  }
  if (!Number.isFinite(config.seed)) throw new Error(`WorldConfig.seed must be finite`);
  const ts = config.timeSignal ?? 0;
  if (!(ts >= 0 && Number.isFinite(ts))) {
    throw new Error(`WorldConfig.timeSignal must be a finite number >= 0, got ${ts}`);
  }
}

/** Within-category popularity of each good (sums to 1 per category), indexed by good id − 1. */
export function popularity(catalogue: Catalogue = CATALOGUE): number[] {
  const raw = new Array<number>(catalogue.goods.length).fill(0);
  const totals = new Array<number>(catalogue.categories.length).fill(0);
  const rank = new Array<number>(catalogue.categories.length).fill(0);
  for (const g of catalogue.goods) {
    const r = ++rank[g.category - 1];
    raw[g.id - 1] = 1 / Math.pow(r, POPULARITY_EXPONENT);
    totals[g.category - 1] += raw[g.id - 1];
  }
  return raw.map((w, i) => w / totals[catalogue.goods[i].category - 1]);
}

/** A[i][j] = P(z_{t+1} = j+1 | z_t = i+1). Rows sum to 1. */
export function transitionMatrix(
  config: WorldConfig,
  catalogue: Catalogue = CATALOGUE,
): number[][] {
  const C = catalogue.categories.length;
  const { drift, related } = config;
  return catalogue.categories.map((cat, i) => {
    const row = new Array<number>(C).fill(0);
    if (C === 1) {
      row[0] = 1;
      return row;
    }
    row[i] = 1 - drift;
    const rel = cat.related.filter((r) => r !== cat.id);
    // Without related categories every drift move is a uniform one.
    const relShare = rel.length > 0 ? related : 0;
    for (let j = 0; j < C; j++) if (j !== i) row[j] += (drift * (1 - relShare)) / (C - 1);
    for (const r of rel) row[r - 1] += (drift * relShare) / rel.length;
    return row;
  });
}

/** E[c][g] = P(b = g+1 | z = c+1). Rows sum to 1. */
export function emissionMatrix(config: WorldConfig, catalogue: Catalogue = CATALOGUE): number[][] {
  const N = catalogue.goods.length;
  const pop = popularity(catalogue);
  return catalogue.categories.map((cat) => {
    const row = new Array<number>(N).fill(config.noise / N);
    for (const g of catalogue.goods) {
      if (g.category === cat.id) row[g.id - 1] += (1 - config.noise) * pop[g.id - 1];
    }
    return row;
  });
}

/** Initial interest distribution (uniform), indexed by category id − 1. */
export function initialDistribution(catalogue: Catalogue = CATALOGUE): number[] {
  const C = catalogue.categories.length;
  return new Array<number>(C).fill(1 / C);
}

export function simulateWorld(config: WorldConfig, catalogue: Catalogue = CATALOGUE): World {
  validateConfig(config);
  const C = catalogue.categories.length;
  const N = catalogue.goods.length;
  const A = transitionMatrix(config, catalogue);
  const timed = (config.timeSignal ?? 0) > 0;
  const Q = transitionMatrix({ ...config, drift: 1 }, catalogue);
  const pop = popularity(catalogue);
  const inCategory = catalogue.categories.map((c) =>
    catalogue.goods.filter((g) => g.category === c.id),
  );
  const catWeights = inCategory.map((gs) => gs.map((g) => pop[g.id - 1]));
  const root = new Rng(config.seed);
  // Times come from a stream of their own, so drawing them leaves every purchase as it was.
  const timeRoot = root.fork(-1);
  const shoppers: Shopper[] = [];
  for (let s = 0; s < config.shoppers; s++) {
    // One stream per shopper: shopper s does not change when the world gets more shoppers.
    const rng = root.fork(s + 1);
    const n = config.minHistory + rng.int(config.maxHistory - config.minHistory + 1);
    const purchases: number[] = [];
    const interests: number[] = [];
    const times = drawTimes(timeRoot.fork(s + 1), n);
    let z = rng.int(C);
    for (let t = 0; t < n; t++) {
      if (t > 0) z = rng.categorical(timed ? stepRow(config, Q, z, times[t] - times[t - 1]) : A[z]);
      let good: number;
      if (rng.next() < config.noise) {
        good = 1 + rng.int(N);
      } else {
        good = inCategory[z][rng.categorical(catWeights[z])].id;
      }
      purchases.push(good);
      interests.push(z + 1);
    }
    shoppers.push({ id: s + 1, purchases, interests, times });
  }
  return { config, catalogue, shoppers };
}

/** Row z of A(Δ) = (1 − d(Δ))·I + d(Δ)·Q. */
function stepRow(config: WorldConfig, Q: number[][], z: number, gap: number): number[] {
  const d = driftAfter(config, gap);
  const row = Q[z].map((q) => d * q);
  row[z] += 1 - d;
  return row;
}
