import { describe, expect, it } from 'vitest';
import { CATALOGUE, goodByName } from './catalogue';
import { DEFAULT_WORLD, emissionMatrix, strongDriftWorld, transitionMatrix } from './simulator';
import { truth, truthAll } from './truth';
import type { Catalogue, World, WorldConfig } from './types';

// Two categories with two goods each: a1, a2 (cat 1) and b1, b2 (cat 2).
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
const TINY_CFG: WorldConfig = {
  ...DEFAULT_WORLD,
  shoppers: 0,
  drift: 0.2,
  noise: 0.2,
  related: 0.5,
};
const tinyWorld: World = { config: TINY_CFG, catalogue: TINY, shoppers: [] };

/** Exact posterior by summing over every latent path (independent of forward–backward). */
function bruteForce(config: WorldConfig, catalogue: Catalogue, history: number[]) {
  const A = transitionMatrix(config, catalogue);
  const E = emissionMatrix(config, catalogue);
  const C = catalogue.categories.length;
  const N = catalogue.goods.length;
  const n = history.length;
  const next = new Array<number>(N).fill(0);
  const marg = history.map(() => new Array<number>(C).fill(0));
  let total = 0;
  const path = new Array<number>(n).fill(0);
  const visit = (t: number, p: number) => {
    if (t === n) {
      total += p;
      path.forEach((z, j) => (marg[j][z] += p));
      const last = path[n - 1];
      for (let zn = 0; zn < C; zn++) {
        const pz = n === 0 ? 1 / C : A[last][zn];
        for (let g = 0; g < N; g++) next[g] += p * pz * E[zn][g];
      }
      return;
    }
    for (let z = 0; z < C; z++) {
      const pz = t === 0 ? 1 / C : A[path[t - 1]][z];
      path[t] = z;
      visit(t + 1, p * pz * E[z][history[t] - 1]);
    }
  };
  visit(0, 1);
  return { next: next.map((x) => x / total), marg: marg.map((r) => r.map((x) => x / total)) };
}

describe('truth', () => {
  it('matches a hand computation of the forward filter on a 2-category world', () => {
    // Within-category popularity: weights 1 and 2^-0.8.
    const w2 = Math.pow(2, -0.8);
    const p1 = 1 / (1 + w2);
    const eA_a1 = 0.2 / 4 + 0.8 * p1; // P(a1 | interest A)
    const eB_a1 = 0.2 / 4; // P(a1 | interest B): noise only
    // History [a1]: filtered interest ∝ (½·eA_a1, ½·eB_a1).
    const fA = eA_a1 / (eA_a1 + eB_a1);
    // With two categories every drift move goes to the other one: stay 0.8, move 0.2.
    const nextA = 0.8 * fA + 0.2 * (1 - fA);
    const pNextA1 = nextA * eA_a1 + (1 - nextA) * eB_a1;
    const t = truth(tinyWorld, [1], 1);
    expect(t.nextProbability).toBeCloseTo(pNextA1, 12);
    // Numerically: fA ≈ 0.91779, nextA ≈ 0.75067, P(next = a1) ≈ 0.43145.
    expect(t.nextProbability).toBeCloseTo(0.43145, 4);
    const q = (1 - pNextA1) / 3;
    expect(t.ctr).toBeCloseTo(pNextA1 / (pNextA1 + q), 12);
    // Relevance of a1 for candidate a2: P(z = A | a1) · P(not noise | z = A, a1).
    const r = truth(tinyWorld, [1], 2).relevance[0];
    expect(r).toBeCloseTo(fA * ((0.8 * p1) / eA_a1), 12);
    // A candidate of the other category gets zero relevance from a1.
    expect(truth(tinyWorld, [1], 3).relevance).toEqual([0]);
  });

  it('uses the uniform prior for an empty history', () => {
    const t = truth(tinyWorld, [], 1);
    const w2 = Math.pow(2, -0.8);
    const p1 = 1 / (1 + w2);
    expect(t.nextProbability).toBeCloseTo(0.5 * (0.05 + 0.8 * p1) + 0.5 * 0.05, 12);
    expect(t.relevance).toEqual([]);
    const e = truth(DEFAULT_WORLD, [], goodByName('keyboard').id);
    expect(e.ctr).toBeGreaterThan(0);
    expect(e.ctr).toBeLessThan(1);
  });

  it('agrees with brute-force path enumeration (tiny and real catalogue)', () => {
    const cases: [WorldConfig, Catalogue, number[]][] = [
      [TINY_CFG, TINY, [1, 3, 3, 2, 4, 1]],
      [DEFAULT_WORLD, CATALOGUE, [2, 15, 20, 1]],
      [strongDriftWorld(), CATALOGUE, [30, 31, 8, 40]],
    ];
    for (const [cfg, cat, h] of cases) {
      const world: World = { config: cfg, catalogue: cat, shoppers: [] };
      const bf = bruteForce(cfg, cat, h);
      const all = truthAll(world, h);
      const N = cat.goods.length;
      const E = emissionMatrix(cfg, cat);
      for (let g = 1; g <= N; g++) {
        expect(all[g - 1].nextProbability).toBeCloseTo(bf.next[g - 1], 12);
        expect(truth(world, h, g)).toEqual(all[g - 1]);
        const c = cat.goods[g - 1].category - 1;
        h.forEach((b, j) => {
          const sameCat = cat.goods[b - 1].category - 1 === c;
          const fromInterest = sameCat ? (E[c][b - 1] - cfg.noise / N) / E[c][b - 1] : 0;
          expect(all[g - 1].relevance[j]).toBeCloseTo(bf.marg[j][c] * fromInterest, 12);
        });
      }
    }
  });

  it('gives a distribution over goods, ctr in (0, 1) and relevance in [0, 1]', () => {
    const h = [1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41];
    const all = truthAll(DEFAULT_WORLD, h);
    expect(all.reduce((a, t) => a + t.nextProbability, 0)).toBeCloseTo(1, 12);
    for (const t of all) {
      expect(t.ctr).toBeGreaterThan(0);
      expect(t.ctr).toBeLessThan(1);
      expect(t.relevance.length).toBe(h.length);
      for (const r of t.relevance) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }
    }
  });

  it('tells the lesson: the mouse is what matters for a keyboard ad', () => {
    const h = ['mouse', 'T-shirt', 'face wash'].map((n) => goodByName(n).id);
    const t = truth(DEFAULT_WORLD, h, goodByName('keyboard').id);
    // Only the mouse shares the keyboard's category; the T-shirt and face wash cannot have been
    // bought under an electronics interest without being noise.
    expect(t.relevance[0]).toBeGreaterThan(0.3);
    expect(t.relevance[1]).toBe(0);
    expect(t.relevance[2]).toBe(0);
    // For a face-wash-like candidate the face wash is the relevant one instead.
    const s = truth(DEFAULT_WORLD, h, goodByName('moisturizer').id);
    expect(s.relevance[2]).toBeGreaterThan(s.relevance[0]);
  });

  it('tells the lesson: this week keyboards beat last week basketball shoes', () => {
    const shoes = goodByName('basketball shoes').id;
    const kb = goodByName('keyboard').id;
    const h = [shoes, shoes, shoes, kb, kb, kb];
    for (const cfg of [DEFAULT_WORLD, strongDriftWorld()]) {
      const keyboard = truth(cfg, h, kb);
      const ball = truth(cfg, h, goodByName('basketball').id);
      expect(keyboard.ctr).toBeGreaterThan(ball.ctr);
      // Relevance says which behaviors came from the candidate's interest, current or not:
      // the shoes did (for a basketball), the keyboards did not.
      expect(ball.relevance[0]).toBeGreaterThan(0.5);
      expect(ball.relevance[5]).toBe(0);
      expect(keyboard.relevance[5]).toBeGreaterThan(0.5);
    }
  });

  it('rejects ids outside 1..N', () => {
    expect(() => truth(DEFAULT_WORLD, [0], 1)).toThrow(/outside 1\.\./);
    expect(() => truth(DEFAULT_WORLD, [1], CATALOGUE.goods.length + 1)).toThrow(/candidate/);
    expect(() => truth(DEFAULT_WORLD, [1.5], 1)).toThrow();
  });

  it('is fast enough for a full heatmap', () => {
    const h = Array.from({ length: 30 }, (_, i) => ((i * 7) % CATALOGUE.goods.length) + 1);
    truth(DEFAULT_WORLD, h, 1); // warm the matrix cache
    const t0 = performance.now();
    for (let g = 1; g <= CATALOGUE.goods.length; g++) truth(DEFAULT_WORLD, h, g);
    const perCall = (performance.now() - t0) / CATALOGUE.goods.length;
    // The budget is 5 ms per call; leave a wide margin for slow CI machines.
    expect(perCall).toBeLessThan(5);
  });
});
