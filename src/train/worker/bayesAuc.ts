/**
 * The world's Bayes-optimal AUC on a test set: the AUC of the true CTRs, which the world knows
 * (the simulator's own posterior, world/truth.ts). No model that sees the same histories can rank
 * better in expectation; on a finite test set one can beat it only by chance.
 */
import type { Sample } from '../../data/types';
import { auc } from '../../metrics';
import { truth } from '../../world/truth';
import type { World } from '../../world/types';

export interface TestCeiling {
  /** AUC of the true CTRs on the samples; NaN without both classes. */
  bayesAuc: number;
  testPositives: number;
  testNegatives: number;
}

export function testCeiling(world: World, samples: readonly Sample[]): TestCeiling {
  const labels = samples.map((s) => s.label);
  // Truth sees the whole history: a model that keeps only the last T can only do worse.
  const ctrs = samples.map((s) => truth(world, s.history, s.candidate).ctr);
  const testPositives = labels.reduce<number>((n, l) => n + l, 0);
  return {
    bayesAuc: auc(labels, ctrs),
    testPositives,
    testNegatives: samples.length - testPositives,
  };
}
