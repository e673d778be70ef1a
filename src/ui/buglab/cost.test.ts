import { describe, expect, it } from 'vitest';
import { aucStandardError } from '../../metrics/significance';
import { bugCost, COST_SE } from './cost';

describe('bugCost', () => {
  it('is bugged − correct with the SE of two independent AUCs', () => {
    const c = bugCost(0.8, 0.7, 1500, 1500);
    expect(c.delta).toBeCloseTo(-0.1, 12);
    const se = Math.sqrt(
      aucStandardError(0.8, 1500, 1500) ** 2 + aucStandardError(0.7, 1500, 1500) ** 2,
    );
    expect(c.se).toBeCloseTo(se, 12);
    // At 1,500 + 1,500 rows SE(0.8) ≈ 0.0081 and SE(0.7) ≈ 0.0096 (Hanley–McNeil), so 0.1 is far out.
    expect(c.se).toBeGreaterThan(0.012);
    expect(c.se).toBeLessThan(0.013);
    expect(c.kind).toBe('costs');
  });

  it('calls a difference within COST_SE standard errors noise, either sign', () => {
    const se = bugCost(0.75, 0.75, 1500, 1500).se;
    expect(bugCost(0.75, 0.75 + 0.9 * COST_SE * se, 1500, 1500).kind).toBe('noise');
    expect(bugCost(0.75, 0.75 - 0.9 * COST_SE * se, 1500, 1500).kind).toBe('noise');
    expect(bugCost(0.7, 0.78, 1500, 1500).kind).toBe('helps');
  });

  it('says nothing without both AUCs or without both classes', () => {
    expect(bugCost(NaN, 0.7, 10, 10).kind).toBe('none');
    expect(bugCost(0.7, 0.6, 0, 10).kind).toBe('none');
  });
});
