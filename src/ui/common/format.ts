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

/**
 * A difference of two probabilities in percentage points, signed with a true minus:
 * 0.123 → "+12.3 pts" ("+12.3 个百分点" in Chinese).
 */
export function signedPts(x: number | undefined, lang: 'en' | 'zh' = 'en', digits = 1): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const v = `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)}`;
  return lang === 'zh' ? `${v} 个百分点` : `${v} pts`;
}
