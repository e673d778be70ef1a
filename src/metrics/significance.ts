/**
 * When an AUC is distinguishable from chance, and so when RelaImpr means something.
 * RelaImpr divides by AUC_base − 0.5: while that is within noise of zero the ratio can take any
 * value (+144% from AUCs of 0.51 and 0.53), so it is shown only once both AUCs are clear of 0.5.
 */
import { relaImpr } from './index';

/**
 * Standard error of an AUC estimated from nPos positives and nNeg negatives (Hanley & McNeil,
 * Radiology 1982): SE² = [A(1−A) + (nPos−1)(Q1−A²) + (nNeg−1)(Q2−A²)] / (nPos·nNeg), with
 * Q1 = A/(2−A) and Q2 = 2A²/(1+A). NaN without both classes.
 */
export function aucStandardError(a: number, nPos: number, nNeg: number): number {
  if (!(nPos > 0 && nNeg > 0) || !Number.isFinite(a)) return NaN;
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const v = (a * (1 - a) + (nPos - 1) * (q1 - a * a) + (nNeg - 1) * (q2 - a * a)) / (nPos * nNeg);
  return Math.sqrt(Math.max(0, v));
}

/**
 * How many standard errors above 0.5 an AUC must be. At z standard errors the denominator
 * AUC_base − 0.5 is known to within 1/z of itself: three keeps that error under a third (at two
 * it could still be half), and a ranking no better than chance passes with probability ~0.1%.
 * On the default test set (1,500 positives, 1,500 negatives) that means an AUC above ~0.532.
 */
export const CLEAR_OF_CHANCE_SE = 3;

/** The margin an AUC must clear: 0.5 + CLEAR_OF_CHANCE_SE · SE (SE taken at the AUC itself). */
export function chanceMargin(a: number, nPos: number, nNeg: number): number {
  return CLEAR_OF_CHANCE_SE * aucStandardError(a, nPos, nNeg);
}

export function clearOfChance(a: number, nPos: number, nNeg: number): boolean {
  const m = chanceMargin(a, nPos, nNeg);
  return Number.isFinite(m) && a - 0.5 > m;
}

export type GatedRelaImpr =
  { shown: true; value: number } | { shown: false; reason: 'baseNoise' | 'modelNoise' | 'noData' };

/**
 * RelaImpr of a model against Base, or why it is hidden: Base (the denominator) must be clear of
 * chance first, then the model. Base against itself is 0% once Base is clear.
 */
export function gatedRelaImpr(
  aucModel: number,
  aucBase: number,
  nPos: number,
  nNeg: number,
): GatedRelaImpr {
  if (!Number.isFinite(aucModel) || !Number.isFinite(aucBase) || !(nPos > 0 && nNeg > 0))
    return { shown: false, reason: 'noData' };
  if (!clearOfChance(aucBase, nPos, nNeg)) return { shown: false, reason: 'baseNoise' };
  if (!clearOfChance(aucModel, nPos, nNeg)) return { shown: false, reason: 'modelNoise' };
  return { shown: true, value: relaImpr(aucModel, aucBase) };
}

/** The smallest AUC that is clear of chance: the fixed point of a = 0.5 + z·SE(a) (it converges fast). */
export function chanceThreshold(nPos: number, nNeg: number): number {
  let a = 0.5;
  for (let i = 0; i < 50; i++) {
    const next = Math.min(1, 0.5 + chanceMargin(a, nPos, nNeg));
    if (!Number.isFinite(next) || Math.abs(next - a) < 1e-9) return next;
    a = next;
  }
  return a;
}
