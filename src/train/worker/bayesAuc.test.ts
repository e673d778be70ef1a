import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../data/samples';
import type { Sample } from '../../data/types';
import { auc } from '../../metrics';
import { aucStandardError } from '../../metrics/significance';
import { DEFAULT_WORLD, simulateWorld } from '../../world/simulator';
import { truth } from '../../world/truth';
import { testCeiling } from './bayesAuc';

const small = { ...DEFAULT_WORLD, shoppers: 300 };

describe('testCeiling: the AUC of the true CTRs on the test set', () => {
  const world = simulateWorld(small);
  const { test } = buildDataset(world, { seed: small.seed });

  it('counts the test set: one positive and one negative per shopper', () => {
    const c = testCeiling(world, test);
    expect(c.testPositives).toBe(300);
    expect(c.testNegatives).toBe(300);
  });

  it('equals the share of (positive, negative) pairs the truth orders correctly, ties half', () => {
    // Counted pair by pair, independently of the rank formula in metrics/auc.
    const ctr = test.map((s) => truth(world, s.history, s.candidate).ctr);
    let wins = 0;
    let pairs = 0;
    test.forEach((p, i) => {
      if (p.label !== 1) return;
      test.forEach((n, j) => {
        if (n.label !== 0) return;
        pairs++;
        wins += ctr[i] > ctr[j] ? 1 : ctr[i] === ctr[j] ? 0.5 : 0;
      });
    });
    expect(testCeiling(world, test).bayesAuc).toBeCloseTo(wins / pairs, 12);
  });

  it('beats a scorer that ignores the history, and stays below 1', () => {
    const { bayesAuc } = testCeiling(world, test);
    const blind = auc(
      test.map((s) => s.label),
      test.map((s) => truth(world, [], s.candidate).ctr),
    );
    expect(bayesAuc).toBeGreaterThan(blind + 0.1);
    expect(bayesAuc).toBeLessThan(1);
  });

  it('is chance when every purchase is noise (nothing to learn)', () => {
    const noisy = { ...small, noise: 1 };
    const w = simulateWorld(noisy);
    const { bayesAuc, testPositives, testNegatives } = testCeiling(
      w,
      buildDataset(w, { seed: 1 }).test,
    );
    expect(Math.abs(bayesAuc - 0.5)).toBeLessThan(
      3 * aucStandardError(0.5, testPositives, testNegatives),
    );
  });

  it('is NaN for a test set of one class', () => {
    const onlyPositives: Sample[] = test.filter((s) => s.label === 1);
    expect(testCeiling(world, onlyPositives).bayesAuc).toBeNaN();
  });
});
