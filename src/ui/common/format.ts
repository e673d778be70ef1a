/** Number formatting shared by the views; NaN/undefined show as a dash rather than "NaN". */

export function fmt(x: number | undefined, digits = 3): string {
  return x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

export function pct(x: number | undefined, digits = 1): string {
  return x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)}%`;
}

export function signedPct(x: number | undefined, digits = 2): string {
  return x === undefined || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(digits)}%`;
}

/** Epochs may be fractional (progress through the current epoch). */
export function fmtEpoch(e: number): string {
  return Number.isInteger(e) ? String(e) : e.toFixed(2);
}
