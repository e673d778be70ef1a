/**
 * What the Node runs measured on the time-informative world (tests/bst.learning.test.ts, its
 * header: T = 8, embDim 4, 900 steps of 64, 6 000 held-out shoppers, wasm backend), copied as
 * measured: test-AUC differences per seed. The page does not re-measure them.
 */
export const MEASURED_SEEDS = [1, 2, 3, 4] as const;

export const MEASURED = {
  /** Time-gap BST's test AUC minus the same BST's with plain positions. */
  gapMinusPosition: [0.006, 0.006, 0.029, -0.064],
  /** Time-gap BST's test AUC with the test set's clock scrambled, minus as it is. */
  scrambledClock: [-0.024, -0.019, -0.025, -0.007],
} as const;

/** "+0.006" / "−0.064": the sign always written, a real minus sign. */
export function signed(x: number, digits = 3): string {
  const s = Math.abs(x).toFixed(digits);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}
