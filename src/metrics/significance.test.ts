import { describe, expect, it } from 'vitest';
import {
  aucStandardError,
  chanceMargin,
  chanceThreshold,
  clearOfChance,
  gatedRelaImpr,
} from './significance';

describe('aucStandardError (Hanley–McNeil)', () => {
  it('matches hand-computed values', () => {
    // A = 0.5: Q1 = Q2 = 1/3, Q − A² = 1/12; SE² = (0.25 + 39/12 + 39/12) / 1600 = 6.75 / 1600.
    expect(aucStandardError(0.5, 40, 40)).toBeCloseTo(Math.sqrt(6.75 / 1600), 12);
    // A = 0.8: Q1 = 2/3, Q2 = 1.28/1.8; SE² = (0.16 + 9·(2/3 − 0.64) + 9·(1.28/1.8 − 0.64)) / 100
    //        = (0.16 + 0.24 + 0.64) / 100 = 0.0104.
    expect(aucStandardError(0.8, 10, 10)).toBeCloseTo(Math.sqrt(0.0104), 12);
    // A perfect ranking has no sampling error left.
    expect(aucStandardError(1, 10, 10)).toBe(0);
  });

  it('is NaN without both classes or without an AUC', () => {
    expect(aucStandardError(0.7, 0, 10)).toBeNaN();
    expect(aucStandardError(0.7, 10, 0)).toBeNaN();
    expect(aucStandardError(NaN, 10, 10)).toBeNaN();
  });
});

describe('clearOfChance', () => {
  it('needs three standard errors above 0.5', () => {
    // 1,500 pairs (the default test set): 3·SE(0.53) = 0.03156, so 0.53 is not clear, 0.533 is.
    expect(chanceMargin(0.53, 1500, 1500)).toBeCloseTo(0.03156, 4);
    expect(clearOfChance(0.53, 1500, 1500)).toBe(false);
    expect(clearOfChance(0.533, 1500, 1500)).toBe(true);
    // 40 pairs (the e2e tests' tiny world): 3·SE(0.7) = 0.1754 < 0.2 clears; 3·SE(0.65) = 0.184 > 0.15.
    expect(chanceMargin(0.7, 40, 40)).toBeCloseTo(0.17545, 4);
    expect(clearOfChance(0.7, 40, 40)).toBe(true);
    expect(clearOfChance(0.65, 40, 40)).toBe(false);
    // Below chance is never "clear": a model worse than random has no improvement to report.
    expect(clearOfChance(0.3, 1500, 1500)).toBe(false);
  });
});

describe('chanceThreshold', () => {
  it('is where clearOfChance flips', () => {
    const a = chanceThreshold(1500, 1500);
    // 3·SE(0.5) on 1,500 pairs is 0.0316; SE shrinks slightly above 0.5, so a ≈ 0.5316.
    expect(a).toBeCloseTo(0.5316, 3);
    expect(clearOfChance(a - 1e-4, 1500, 1500)).toBe(false);
    expect(clearOfChance(a + 1e-4, 1500, 1500)).toBe(true);
    expect(chanceThreshold(0, 10)).toBeNaN();
  });
});

describe('gatedRelaImpr', () => {
  it('hides the step-0 numbers of the issue (AUCs 0.51 and 0.53 on 1,500 pairs)', () => {
    // Ungated this is ((0.53 − 0.5) / (0.51 − 0.5) − 1) · 100 = +200%.
    expect(gatedRelaImpr(0.53, 0.51, 1500, 1500)).toEqual({ shown: false, reason: 'baseNoise' });
  });

  it('names the model as the noisy one when only Base is clear', () => {
    expect(gatedRelaImpr(0.52, 0.6, 1500, 1500)).toEqual({ shown: false, reason: 'modelNoise' });
  });

  it('shows RelaImpr once both are clear; Base against itself is 0%', () => {
    const r = gatedRelaImpr(0.7, 0.6, 1500, 1500);
    expect(r.shown).toBe(true);
    // (0.2 / 0.1 − 1) · 100 = 100%.
    if (r.shown) expect(r.value).toBeCloseTo(100, 10);
    expect(gatedRelaImpr(0.6, 0.6, 1500, 1500)).toEqual({ shown: true, value: 0 });
  });

  it('has nothing to say without metrics or a test set', () => {
    expect(gatedRelaImpr(NaN, 0.6, 1500, 1500)).toEqual({ shown: false, reason: 'noData' });
    expect(gatedRelaImpr(0.7, 0.6, 0, 0)).toEqual({ shown: false, reason: 'noData' });
  });
});
