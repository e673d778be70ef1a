import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import {
  DEFAULT_WORLD,
  emissionMatrix,
  simulateWorld,
  strongDriftWorld,
  timeWorld,
  transitionMatrix,
} from './simulator';
import { posterior, truth } from './truth';
import {
  driftAfter,
  drawTimes,
  GAP_BUCKETS,
  GAP_MEAN_MAX,
  GAP_MEAN_MIN,
  gapBucket,
  meanStayFactor,
} from './gaps';
import type { Catalogue, WorldConfig } from './types';

/** sha256 of every shopper's purchases and interests and of 50 posteriors and truths per world. */
function fingerprint(configs: WorldConfig[]): string {
  const h = createHash('sha256');
  for (const cfg of configs) {
    const w = simulateWorld(cfg);
    for (const s of w.shoppers) h.update(JSON.stringify([s.id, s.purchases, s.interests]));
    for (const s of w.shoppers.slice(0, 50)) {
      h.update(JSON.stringify(posterior(w, s.purchases.slice(0, -1))));
      h.update(JSON.stringify(truth(w, s.purchases.slice(0, -1), s.purchases.at(-1)!)));
    }
  }
  return h.digest('hex');
}

// Computed with the simulator and truth as they were before timestamps existed (commit 291eb65).
const TIMELESS_FINGERPRINT = '81431d7d84479960fb3ea1e1d7368b3574309060b7489f41a1c5a51eb7f8981a';

describe('time carries no signal at timeSignal 0', () => {
  it('world and truth are bit for bit those of the timeless code', () => {
    expect(fingerprint([DEFAULT_WORLD, strongDriftWorld()])).toBe(TIMELESS_FINGERPRINT);
    const zero = (c: WorldConfig) => ({ ...c, timeSignal: 0 });
    expect(fingerprint([zero(DEFAULT_WORLD), zero(strongDriftWorld())])).toBe(TIMELESS_FINGERPRINT);
  });

  it('timestamps given to a timeless truth change nothing', () => {
    const w = simulateWorld({ ...DEFAULT_WORLD, shoppers: 5 });
    for (const s of w.shoppers) {
      const h = s.purchases.slice(0, -1);
      const when = { times: s.times!.slice(0, -1), now: s.times!.at(-1)! };
      expect(posterior(w, h, when)).toEqual(posterior(w, h));
    }
  });
});

describe('timestamps', () => {
  it('start at 0, never go back, one per purchase, and leave the purchases alone', () => {
    const a = simulateWorld({ ...DEFAULT_WORLD, shoppers: 200 });
    for (const s of a.shoppers) {
      expect(s.times).toHaveLength(s.purchases.length);
      expect(s.times![0]).toBe(0);
      for (let t = 1; t < s.times!.length; t++)
        expect(s.times![t]).toBeGreaterThanOrEqual(s.times![t - 1]);
    }
  });

  it("a shopper's gaps are exponential with a log-uniform mean (Monte Carlo)", () => {
    const root = new Rng(5);
    let logMean = 0;
    let cv = 0;
    const K = 4000;
    for (let k = 0; k < K; k++) {
      const t = drawTimes(root.fork(k), 200);
      const gaps = t.slice(1).map((x, i) => x - t[i]);
      const m = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - m) ** 2, 0) / gaps.length);
      logMean += Math.log(m) / K;
      cv += sd / m / K;
    }
    // E[ln m] of log-uniform [1, 60] is ln(60) / 2; an exponential's sd equals its mean.
    expect(logMean).toBeCloseTo(Math.log(GAP_MEAN_MAX / GAP_MEAN_MIN) / 2, 1);
    expect(cv).toBeGreaterThan(0.93);
    expect(cv).toBeLessThan(1.03);
  });

  it('in the time world, interests move after long gaps as driftAfter says', () => {
    const cfg = { ...timeWorld(), shoppers: 3000 };
    const w = simulateWorld(cfg);
    const bins = [
      [0, 2],
      [2, 10],
      [10, 1e9],
    ];
    for (const [lo, hi] of bins) {
      let moves = 0;
      let expected = 0;
      let steps = 0;
      for (const s of w.shoppers) {
        for (let t = 1; t < s.purchases.length; t++) {
          const gap = s.times![t] - s.times![t - 1];
          if (gap < lo || gap >= hi) continue;
          steps++;
          expected += driftAfter(cfg, gap);
          if (s.interests[t] !== s.interests[t - 1]) moves++;
        }
      }
      expect(steps).toBeGreaterThan(2000);
      expect(Math.abs(moves / steps - expected / steps)).toBeLessThan(0.02);
    }
  });

  it('driftAfter: the hand-derived values', () => {
    const cfg = { ...DEFAULT_WORLD, drift: 0.2, timeSignal: 0.1 };
    expect(driftAfter(cfg, 0)).toBeCloseTo(0.2, 12);
    expect(driftAfter(cfg, 10)).toBeCloseTo(1 - 0.8 * Math.exp(-1), 12);
    expect(driftAfter(cfg, undefined)).toBeCloseTo(1 - 0.8 * meanStayFactor(0.1), 12);
    expect(driftAfter({ ...cfg, timeSignal: 0 }, 1000)).toBe(0.2);
  });

  it('meanStayFactor is E[exp(−λΔ)] over the population (Monte Carlo)', () => {
    const root = new Rng(9);
    let sum = 0;
    let n = 0;
    for (let k = 0; k < 20000; k++) {
      const t = drawTimes(root.fork(k), 2);
      sum += Math.exp(-0.1 * t[1]);
      n++;
    }
    expect(sum / n).toBeCloseTo(meanStayFactor(0.1), 2);
    expect(meanStayFactor(0)).toBe(1);
  });

  it('gapBucket: padding 0 and unknown 1 are never produced; log₂ buckets, capped', () => {
    expect(gapBucket(0)).toBe(2);
    expect(gapBucket(0.99)).toBe(2);
    expect(gapBucket(1)).toBe(3);
    expect(gapBucket(3)).toBe(4);
    expect(gapBucket(1e9)).toBe(GAP_BUCKETS - 1);
    expect(() => gapBucket(-1)).toThrow();
  });

  it('rejects a negative timeSignal', () => {
    expect(() => simulateWorld({ ...DEFAULT_WORLD, timeSignal: -1 })).toThrow(/timeSignal/);
  });
});

// Two categories with two goods each, as in truth.test.ts.
const TINY: Catalogue = {
  categories: [
    { id: 1, name: 'A', related: [2] },
    { id: 2, name: 'B', related: [1] },
  ],
  shops: [
    { id: 1, name: 'sa', category: 1 },
    { id: 2, name: 'sb', category: 2 },
  ],
  goods: [
    { id: 1, name: 'a1', emoji: 'a', category: 1, shop: 1 },
    { id: 2, name: 'a2', emoji: 'a', category: 1, shop: 1 },
    { id: 3, name: 'b1', emoji: 'b', category: 2, shop: 2 },
    { id: 4, name: 'b2', emoji: 'b', category: 2, shop: 2 },
  ],
};
const CFG: WorldConfig = {
  ...DEFAULT_WORLD,
  drift: 0.2,
  noise: 0.2,
  related: 0.5,
  timeSignal: 0.1,
};
const world = { config: CFG, catalogue: TINY, shoppers: [] };

describe('truth with gaps', () => {
  it('one behavior: P(next interest) by hand', () => {
    // E[A][a1] = 0.2/4 + 0.8·pop(a1), pop(a1) = 1 / (1 + 2^-0.8); E[B][a1] = 0.05.
    const pop = 1 / (1 + Math.pow(2, -0.8));
    const eA = 0.05 + 0.8 * pop;
    const alphaA = eA / (eA + 0.05);
    for (const gap of [0, 3, 30]) {
      // Two categories: a move always goes to the other one (Q = [[0, 1], [1, 0]]).
      const d = 1 - 0.8 * Math.exp(-0.1 * gap);
      const post = posterior(world, [1], { times: [5], now: 5 + gap });
      expect(post.nextInterest[0]).toBeCloseTo(alphaA * (1 - d) + (1 - alphaA) * d, 12);
    }
  });

  it('matches brute force over latent paths with one matrix per gap', () => {
    const history = [1, 3, 3, 2];
    const times = [0, 0.5, 20, 21];
    const now = 60;
    const E = emissionMatrix(CFG, TINY);
    const At = (gap: number) => transitionMatrix({ ...CFG, drift: driftAfter(CFG, gap) }, TINY);
    const gaps = [...times.slice(1), now].map((t, i) => t - times[i]);
    const next = [0, 0, 0, 0];
    const marg = history.map(() => [0, 0]);
    let total = 0;
    for (let code = 0; code < 16; code++) {
      const z = history.map((_, j) => (code >> j) & 1);
      let p = 0.5 * E[z[0]][history[0] - 1];
      for (let j = 1; j < 4; j++) p *= At(gaps[j - 1])[z[j - 1]][z[j]] * E[z[j]][history[j] - 1];
      total += p;
      z.forEach((c, j) => (marg[j][c] += p));
      for (let zn = 0; zn < 2; zn++) {
        for (let g = 0; g < 4; g++) next[g] += p * At(gaps[3])[z[3]][zn] * E[zn][g];
      }
    }
    const post = posterior(world, history, { times, now });
    post.nextGood.forEach((v, g) => expect(v).toBeCloseTo(next[g] / total, 12));
    post.smoothed.forEach((row, j) =>
      row.forEach((v, c) => expect(v).toBeCloseTo(marg[j][c] / total, 12)),
    );
  });

  it('a long pause before the candidate weakens what the history says', () => {
    const h = [1, 2, 1, 1];
    const times = [0, 1, 2, 3];
    const soon = truth(world, h, 1, { times, now: 3.5 }).ctr;
    const late = truth(world, h, 1, { times, now: 200 }).ctr;
    const unknown = truth(world, h, 1).ctr;
    expect(soon).toBeGreaterThan(unknown);
    expect(unknown).toBeGreaterThan(late);
    // With two categories a 200-day pause is a sure move (d ≈ 1): a1 becomes less likely than
    // it is with no history at all.
    expect(late).toBeLessThan(truth(world, [], 1).ctr);
  });

  it('an unknown time leaves only its own gaps unknown (the drift averaged over the prior)', () => {
    const h = [1, 2, 1, 1];
    // One matrix per gap by hand: gaps 1, ?, ?, 0.5 (the third time is unknown).
    const E = emissionMatrix(CFG, TINY);
    const At = (gap: number | undefined) =>
      transitionMatrix({ ...CFG, drift: driftAfter(CFG, gap) }, TINY);
    const gaps = [1, undefined, undefined, 0.5];
    let alpha = [0.5 * E[0][h[0] - 1], 0.5 * E[1][h[0] - 1]];
    for (let j = 1; j < 4; j++) {
      const A = At(gaps[j - 1]);
      alpha = [0, 1].map((c) => (alpha[0] * A[0][c] + alpha[1] * A[1][c]) * E[c][h[j] - 1]);
    }
    const A = At(gaps[3]);
    const s = alpha[0] + alpha[1];
    const next0 = (alpha[0] * A[0][0] + alpha[1] * A[1][0]) / s;
    const post = posterior(world, h, { times: [0, 1, NaN, 2.5], now: 3 });
    expect(post.nextInterest[0]).toBeCloseTo(next0, 12);
    // All unknown equals no times at all.
    const none = truth(world, h, 1).ctr;
    expect(truth(world, h, 1, { times: [NaN, NaN, NaN, NaN], now: 3 }).ctr).toBeCloseTo(none, 12);
  });

  it('rejects times that do not fit the history', () => {
    expect(() => posterior(world, [1, 2], { times: [0], now: 1 })).toThrow(/times/);
    expect(() => posterior(world, [1, 2], { times: [2, 1], now: 3 })).toThrow(/non-decreasing/);
  });
});
