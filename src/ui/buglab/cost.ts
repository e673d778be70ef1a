/**
 * What a bug costs, from the live test metrics: the bugged twin's AUC minus the correct model's,
 * on the same test set, and whether that difference is beyond the test set's noise.
 */
import { aucStandardError } from '../../metrics/significance';

/** How many standard errors of the difference a cost must exceed to be called one. */
export const COST_SE = 2;

export type CostKind = 'costs' | 'helps' | 'noise' | 'none';

export interface Cost {
  kind: CostKind;
  /** bugged − correct (NaN without both AUCs). */
  delta: number;
  /** The standard error of that difference, taken as if the two AUCs were independent. */
  se: number;
}

/**
 * Both AUCs come from the same test rows, so the true SE of their difference is smaller than
 * √(SE₁² + SE₂²) (they are positively correlated): treating them as independent makes "beyond
 * noise" a conservative claim, never an overstatement.
 */
export function bugCost(correct: number, bugged: number, nPos: number, nNeg: number): Cost {
  const delta = bugged - correct;
  const se = Math.hypot(
    aucStandardError(correct, nPos, nNeg),
    aucStandardError(bugged, nPos, nNeg),
  );
  if (!Number.isFinite(delta) || !Number.isFinite(se)) return { kind: 'none', delta: NaN, se: NaN };
  if (Math.abs(delta) <= COST_SE * se) return { kind: 'noise', delta, se };
  return { kind: delta < 0 ? 'costs' : 'helps', delta, se };
}
