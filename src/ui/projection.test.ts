import { describe, expect, it } from 'vitest';
import { fixedBasis, project } from './projection';

describe('fixed projection basis', () => {
  it('is orthonormal and the same every time for a dimension', () => {
    const [a, b] = fixedBasis(18);
    const dot = a.reduce((s, x, i) => s + x * b[i], 0);
    expect(Math.abs(dot)).toBeLessThan(1e-9);
    expect(Math.hypot(...a)).toBeCloseTo(1, 9);
    expect(Math.hypot(...b)).toBeCloseTo(1, 9);
    expect(fixedBasis(18)).toEqual([a, b]);
  });

  it('projects linearly', () => {
    const basis = fixedBasis(4);
    const [x1, y1] = project([1, 2, 3, 4], basis);
    const [x2, y2] = project([2, 4, 6, 8], basis);
    expect(x2).toBeCloseTo(2 * x1, 9);
    expect(y2).toBeCloseTo(2 * y1, 9);
  });
});
