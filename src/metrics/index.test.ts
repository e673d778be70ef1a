import { describe, expect, it } from 'vitest';
import { auc, gauc, logloss, meanStd, relaImpr } from './index';

describe('auc', () => {
  it('counts ties as one half', () => {
    // Positives score 0.8 and 0.3, negatives 0.8 and 0.1. Pairs (pos, neg):
    // (0.8, 0.8) tie = 0.5, (0.8, 0.1) = 1, (0.3, 0.8) = 0, (0.3, 0.1) = 1 → 2.5 / 4.
    expect(auc([1, 0, 1, 0], [0.8, 0.8, 0.3, 0.1])).toBeCloseTo(0.625, 12);
  });

  it('handles perfect, inverted and all-tied rankings', () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(auc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(auc([1, 0, 1, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // 3 positives {0.9, 0.4, 0.4}, 2 negatives {0.4, 0.2}:
    // 0.9 beats both (2); each 0.4 ties 0.4 (0.5) and beats 0.2 (1) → 2 + 1.5 + 1.5 = 5 of 6.
    expect(auc([1, 1, 1, 0, 0], [0.9, 0.4, 0.4, 0.4, 0.2])).toBeCloseTo(5 / 6, 12);
    expect(auc(Float32Array.from([1, 0]), Float32Array.from([0.7, 0.2]))).toBe(1);
  });

  it('is NaN when a class is absent or a score is NaN', () => {
    expect(auc([1, 1], [0.2, 0.3])).toBeNaN();
    expect(auc([0, 0], [0.2, 0.3])).toBeNaN();
    expect(auc([], [])).toBeNaN();
    expect(auc([1, 0], [NaN, 0.3])).toBeNaN();
    expect(() => auc([1, 0], [0.3])).toThrow();
  });
});

describe('gauc', () => {
  it('weights each user AUC by the user sample count and skips one-class users', () => {
    const users = [1, 1, 1, 1, 2, 2, 3, 3, 3];
    const labels = [1, 0, 1, 0, 1, 0, 1, 1, 1];
    const scores = [0.8, 0.8, 0.3, 0.1, 0.2, 0.9, 0.5, 0.6, 0.7];
    // User 1: 0.625 over 4 samples; user 2: 0 over 2 samples; user 3: only positives, skipped.
    expect(gauc(users, labels, scores)).toBeCloseTo((4 * 0.625 + 2 * 0) / 6, 12);
  });

  it('is NaN when no user has both classes', () => {
    expect(gauc([1, 2], [1, 0], [0.5, 0.5])).toBeNaN();
  });
});

describe('logloss', () => {
  it('is the mean binary cross-entropy', () => {
    // −(ln 0.8 + ln(1 − 0.4)) / 2
    expect(logloss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(logloss([1, 0, 1], [0.5, 0.5, 0.5])).toBeCloseTo(Math.LN2, 12);
  });

  it('clips probabilities so a confident miss stays finite', () => {
    expect(logloss([1], [0])).toBeCloseTo(-Math.log(1e-7), 9);
    expect(logloss([0], [1], 1e-3)).toBeCloseTo(-Math.log(1e-3), 9);
  });
});

describe('relaImpr', () => {
  it('matches the DIN paper table', () => {
    // DIN vs BaseModel on Amazon Electronics: 0.8818 vs 0.8624 → 5.35%.
    expect(relaImpr(0.8818, 0.8624)).toBeCloseTo(5.35, 2);
    expect(relaImpr(0.8, 0.7)).toBeCloseTo(50, 10);
    expect(relaImpr(0.7, 0.7)).toBe(0);
  });
});

describe('meanStd', () => {
  it('uses the sample standard deviation', () => {
    // mean 5; squared deviations 9 + 1 + 1 + 9 = 20; 20 / 3.
    const r = meanStd([2, 4, 6, 8]);
    expect(r.mean).toBe(5);
    expect(r.std).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(meanStd([3]).std).toBeNaN();
    expect(meanStd([]).mean).toBeNaN();
  });
});
