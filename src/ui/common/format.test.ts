import { describe, expect, it } from 'vitest';
import { signedPts } from './format';

describe('signedPts', () => {
  it('writes a probability difference in signed percentage points, per language', () => {
    expect(signedPts(0.123)).toBe('+12.3 pts');
    expect(signedPts(-0.104, 'en')).toBe('−10.4 pts');
    expect(signedPts(-0.104, 'zh')).toBe('−10.4 个百分点');
    expect(signedPts(0, 'zh')).toBe('+0.0 个百分点');
    expect(signedPts(Number.NaN)).toBe('–');
  });
});
