import { describe, expect, it } from 'vitest';
import { MEASURED, MEASURED_SEEDS, signed } from './measured';

describe('the measured table', () => {
  it('has one value per seed in each row', () => {
    expect(MEASURED.gapMinusPosition).toHaveLength(MEASURED_SEEDS.length);
    expect(MEASURED.scrambledClock).toHaveLength(MEASURED_SEEDS.length);
  });
  it('writes the sign always, with a real minus sign', () => {
    expect(signed(0.006)).toBe('+0.006');
    expect(signed(-0.064)).toBe('−0.064');
    expect(signed(0)).toBe('0.000');
  });
});
