import { describe, expect, it } from 'vitest';
import { MIN_SPAN, stepDomain, stepTicks, valueDomain, valueTicks } from './chartScale';

const labels = (d: [number, number]) => valueTicks(d).ticks.map((t) => t.label);

describe('y axis', () => {
  it('step 0–1 AUCs (0.51–0.53) get distinct ticks, not 0.53, 0.53, 0.52', () => {
    const d = valueDomain([0.5212, 0.5281, 0.5134, 0.5263])!;
    expect(d[1] - d[0]).toBeCloseTo(MIN_SPAN, 12);
    const l = labels(d);
    expect(new Set(l).size).toBe(l.length);
    expect(l.length).toBeGreaterThanOrEqual(3);
    // Padded 0.5127…0.5288, centred (0.52075 ± 0.02 = 0.50075…0.54075), niced to 0.50…0.55.
    expect(l).toEqual(['0.50', '0.51', '0.52', '0.53', '0.54', '0.55']);
  });

  it('a single value or identical values still give a span and distinct ticks', () => {
    for (const vs of [[0.6931], [0.5, 0.5, 0.5], [1e-9, 0]]) {
      const l = labels(valueDomain(vs)!);
      expect(new Set(l).size).toBe(l.length);
      expect(l.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('distinct labels over many spans', () => {
    for (let lo = 0.3; lo < 0.9; lo += 0.037)
      for (const span of [0, 0.001, 0.013, 0.04, 0.07, 0.2, 0.55]) {
        const l = labels(valueDomain([lo, lo + span])!);
        expect(new Set(l).size, `${lo} + ${span}: ${l.join()}`).toBe(l.length);
      }
  });

  it('ignores NaN; nothing finite: no domain', () => {
    expect(valueDomain([NaN, NaN])).toBeNull();
    expect(valueDomain([NaN, 0.7, 0.8])).toEqual([0.7 - 0.005, 0.8 + 0.005]);
  });
});

describe('x axis', () => {
  it('whole steps only, even for steps 0–1', () => {
    expect(stepDomain([0])).toEqual([0, 1]);
    expect(stepTicks([0, 1])).toEqual([0, 1]);
    expect(stepTicks([0, 3])).toEqual([0, 1, 2, 3]);
    expect(stepTicks([1, 2])).toEqual([1, 2]);
    expect(stepTicks([0, 400])).toEqual([0, 100, 200, 300, 400]);
    expect(stepDomain([])).toBeNull();
  });
});
