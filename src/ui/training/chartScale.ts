/**
 * The curves' axes: whole steps on x, and a y domain wide enough that its ticks read as
 * distinct numbers at the two decimals the chart prints (at step 0–1 the AUCs sit within 0.01 of
 * each other, and ticks of 0.005 printed to two decimals repeated: 0.53, 0.53, 0.52…).
 */
import { scaleLinear } from 'd3-scale';

/** Tick labels carry this many decimals. */
export const TICK_DIGITS = 2;
/** Four ticks over at least this span are ≥ 0.01 apart (d3 rounds a tick step up to 1, 2 or 5). */
export const MIN_SPAN = 0.04;

/** The y domain: the values' extent padded by 5%, widened about its middle to MIN_SPAN. */
export function valueDomain(values: readonly number[]): [number, number] | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = (hi - lo) * 0.05;
  let [a, b] = [lo - pad, hi + pad];
  if (b - a < MIN_SPAN) {
    const mid = (a + b) / 2;
    [a, b] = [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
  }
  return [a, b];
}

export interface Tick {
  value: number;
  label: string;
}

/** y ticks on a niced domain, labelled to TICK_DIGITS (distinct by construction of MIN_SPAN). */
export function valueTicks(
  domain: [number, number],
  count = 4,
): { domain: [number, number]; ticks: Tick[] } {
  const y = scaleLinear().domain(domain).nice(count);
  const d = y.domain() as [number, number];
  return {
    domain: d,
    ticks: y.ticks(count).map((v) => ({ value: v, label: v.toFixed(TICK_DIGITS) })),
  };
}

/** x: steps are whole numbers; a single step still spans one unit so it has a place. */
export function stepDomain(steps: readonly number[]): [number, number] | null {
  if (steps.length === 0) return null;
  const lo = Math.min(...steps);
  const hi = Math.max(...steps);
  return [lo, Math.max(hi, lo + 1)];
}

export function stepTicks(domain: [number, number], count = 5): number[] {
  return scaleLinear()
    .domain(domain)
    .ticks(count)
    .filter((v) => Number.isInteger(v));
}
