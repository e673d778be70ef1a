import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue';
import {
  DEFAULT_WORLD,
  emissionMatrix,
  popularity,
  simulateWorld,
  strongDriftWorld,
  transitionMatrix,
} from './simulator';

describe('simulator', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const cfg = { ...DEFAULT_WORLD, shoppers: 50 };
    const a = simulateWorld(cfg);
    const b = simulateWorld(cfg);
    const c = simulateWorld({ ...cfg, seed: 2 });
    expect(a.shoppers).toEqual(b.shoppers);
    expect(a.shoppers).not.toEqual(c.shoppers);
  });

  it('keeps existing shoppers when more are added', () => {
    const small = simulateWorld({ ...DEFAULT_WORLD, shoppers: 10 });
    const big = simulateWorld({ ...DEFAULT_WORLD, shoppers: 20 });
    expect(big.shoppers.slice(0, 10)).toEqual(small.shoppers);
  });

  it('respects history bounds and records one interest per purchase', () => {
    const w = simulateWorld({ ...DEFAULT_WORLD, shoppers: 400 });
    const lengths = new Set<number>();
    w.shoppers.forEach((s, i) => {
      expect(s.id).toBe(i + 1);
      expect(s.purchases.length).toBeGreaterThanOrEqual(DEFAULT_WORLD.minHistory);
      expect(s.purchases.length).toBeLessThanOrEqual(DEFAULT_WORLD.maxHistory);
      expect(s.interests.length).toBe(s.purchases.length);
      lengths.add(s.purchases.length);
      for (const g of s.purchases) expect(g >= 1 && g <= CATALOGUE.goods.length).toBe(true);
    });
    // Both bounds are reachable.
    expect(lengths.has(DEFAULT_WORLD.minHistory)).toBe(true);
    expect(lengths.has(DEFAULT_WORLD.maxHistory)).toBe(true);
  });

  it('matches the configured drift, noise and related rates empirically', () => {
    const cfg = { ...DEFAULT_WORLD, shoppers: 4000, drift: 0.3, noise: 0.2, related: 0.6 };
    const w = simulateWorld(cfg);
    let moves = 0;
    let steps = 0;
    let relatedMoves = 0;
    let offCategory = 0;
    let purchases = 0;
    let expectedOff = 0;
    const N = CATALOGUE.goods.length;
    for (const s of w.shoppers) {
      s.purchases.forEach((g, t) => {
        purchases++;
        const z = s.interests[t];
        if (CATALOGUE.goods[g - 1].category !== z) offCategory++;
        // A noise purchase lands outside the interest category with prob (N − |cat|) / N.
        expectedOff += cfg.noise * (1 - CATALOGUE.goods.filter((x) => x.category === z).length / N);
        if (t > 0) {
          steps++;
          const prev = s.interests[t - 1];
          if (z !== prev) {
            moves++;
            if (CATALOGUE.categories[prev - 1].related.includes(z)) relatedMoves++;
          }
        }
      });
    }
    expect(Math.abs(moves / steps - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(offCategory / purchases - expectedOff / purchases)).toBeLessThan(0.01);
    // A move lands on a related category either through the related share or by chance
    // through the uniform share; averaged over categories with 1 or 2 related ones.
    const C = CATALOGUE.categories.length;
    const meanRelated = CATALOGUE.categories.reduce((a, c) => a + c.related.length, 0) / C;
    const expectedRelatedShare = 0.6 + 0.4 * (meanRelated / (C - 1));
    expect(Math.abs(relatedMoves / moves - expectedRelatedShare)).toBeLessThan(0.03);
  });

  it('has stochastic matrices with the hand-derived entries', () => {
    const cfg = DEFAULT_WORLD;
    const A = transitionMatrix(cfg);
    const E = emissionMatrix(cfg);
    for (const row of A) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const row of E) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // electronics (1) has one related category, gaming (2): 0.85 stay,
    // 0.15·0.5 to gaming plus 0.15·0.5/7 uniform to each of the 7 others.
    expect(A[0][0]).toBeCloseTo(0.85, 12);
    expect(A[0][1]).toBeCloseTo(0.075 + 0.075 / 7, 12);
    expect(A[0][2]).toBeCloseTo(0.075 / 7, 12);
    // keyboard is electronics' most popular good: weights 1, 2^-0.8, …, 6^-0.8.
    const z = [1, 2, 3, 4, 5, 6].reduce((a, r) => a + Math.pow(r, -0.8), 0);
    expect(popularity()[0]).toBeCloseTo(1 / z, 12);
    expect(E[0][0]).toBeCloseTo(0.15 / 44 + 0.85 / z, 12);
    expect(E[1][0]).toBeCloseTo(0.15 / 44, 12);
  });

  it('strongDriftWorld only raises drift', () => {
    const s = strongDriftWorld();
    expect(s.drift).toBeGreaterThan(DEFAULT_WORLD.drift);
    expect({ ...s, drift: DEFAULT_WORLD.drift }).toEqual(DEFAULT_WORLD);
  });

  it('rejects invalid configs', () => {
    expect(() => simulateWorld({ ...DEFAULT_WORLD, drift: 1.5 })).toThrow(/drift/);
    expect(() => simulateWorld({ ...DEFAULT_WORLD, minHistory: 10, maxHistory: 5 })).toThrow();
  });
});
