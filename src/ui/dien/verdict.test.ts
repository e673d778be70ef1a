import { describe, expect, it } from 'vitest';
import { COMPARE_STRINGS, verdictText } from './compareStrings';
import { marginPts, shownPct, verdict } from './verdict';

const T = 40; // a truth margin well clear of the dead zone

describe('the numbers the table shows', () => {
  it('rounds CTRs to 0.1 % and takes the margin of the rounded values', () => {
    expect(shownPct(0.50049)).toBe(50);
    expect(shownPct(0.12345)).toBe(12.3);
    // 50.04 % − 40.06 % is 9.98 pts, but the table shows 50.0 % and 40.1 %: the margin is 9.9.
    expect(marginPts(0.5004, 0.4006)).toBe(9.9);
    expect(marginPts(0.3, 0.404)).toBe(-10.4);
  });
});

describe('verdict: every sign case', () => {
  it('the issue: DIEN −10.4 pts is never "DIEN follows more closely"', () => {
    const v = verdict({ din: 5.2, dien: -10.4, truth: T });
    expect(v).toEqual({
      verdict: { kind: 'one', follows: 'din', other: 'old', din: 5.2, dien: -10.4 },
      swapped: false,
    });
    const text = verdictText(COMPARE_STRINGS.en, v, 'keyboard', 'basketball shoes');
    expect(text).toBe(
      'DIN ranks keyboard above basketball shoes by +5.2 pts, while DIEN ranks the old interest higher (−10.4 pts).',
    );
    expect(text).not.toMatch(/DIEN follows/);
  });

  it('neither model has learned it: both margins within ±2 pts (e.g. before training)', () => {
    expect(verdict({ din: 0.4, dien: -0.2, truth: T }).verdict).toEqual({
      kind: 'neither',
      din: 0.4,
      dien: -0.2,
    });
    // The dead zone's edge belongs to it.
    expect(verdict({ din: 2, dien: -2, truth: T }).verdict.kind).toBe('neither');
  });

  it('both follow the current interest: the clearer one, or about the same', () => {
    expect(verdict({ din: 10.1, dien: 25.3, truth: T }).verdict).toMatchObject({
      kind: 'both',
      closer: 'dien',
    });
    expect(verdict({ din: 25.3, dien: 10.1, truth: T }).verdict).toMatchObject({
      kind: 'both',
      closer: 'din',
    });
    // 12.0 vs 13.9: 1.9 pts apart is within the dead zone; 2.1 apart is not.
    expect(verdict({ din: 12, dien: 13.9, truth: T }).verdict).toMatchObject({ closer: 'same' });
    expect(verdict({ din: 12, dien: 14.1, truth: T }).verdict).toMatchObject({ closer: 'dien' });
  });

  it('one follows, the other is flat or reversed', () => {
    expect(verdict({ din: 1, dien: 9, truth: T }).verdict).toMatchObject({
      kind: 'one',
      follows: 'dien',
      other: 'flat',
    });
    expect(verdict({ din: -6, dien: 9, truth: T }).verdict).toMatchObject({
      kind: 'one',
      follows: 'dien',
      other: 'old',
    });
    expect(verdict({ din: 9, dien: 0, truth: T }).verdict).toMatchObject({
      kind: 'one',
      follows: 'din',
      other: 'flat',
    });
  });

  it('none follows and at least one ranks the old interest higher', () => {
    expect(verdict({ din: -5, dien: -8, truth: T }).verdict).toMatchObject({
      kind: 'old',
      reversed: 'both',
    });
    expect(verdict({ din: -5, dien: 1, truth: T }).verdict).toMatchObject({
      kind: 'old',
      reversed: 'din',
    });
    expect(verdict({ din: 0, dien: -3, truth: T }).verdict).toMatchObject({
      kind: 'old',
      reversed: 'dien',
    });
  });

  it('the world itself does not separate them: no model verdict', () => {
    expect(verdict({ din: 20, dien: -20, truth: 1.5 })).toEqual({
      verdict: { kind: 'truthFlat', truth: 1.5 },
      swapped: false,
    });
  });

  it('the reader swapped current and old: the verdict follows the world, margins negated', () => {
    const v = verdict({ din: -10, dien: -30, truth: -40 });
    expect(v).toEqual({
      verdict: { kind: 'both', din: 10, dien: 30, closer: 'dien' },
      swapped: true,
    });
    expect(verdictText(COMPARE_STRINGS.en, v, 'basketball shoes', 'keyboard')).toBe(
      'The world ranks keyboard above basketball shoes, so keyboard is the current interest here. ' +
        'DIEN separates keyboard from basketball shoes by +30.0 pts, DIN by +10.0 pts: DIEN follows the current interest more closely.',
    );
  });
});

describe('the sentences carry the table’s numbers, in both languages', () => {
  const cases = [
    { din: 0.4, dien: -0.2, truth: T },
    { din: 10.1, dien: 25.3, truth: T },
    { din: 12, dien: 13.9, truth: T },
    { din: 1, dien: 9, truth: T },
    { din: -6, dien: 9, truth: T },
    { din: -5, dien: -8, truth: T },
    { din: -5, dien: 1, truth: T },
  ];
  for (const lang of ['en', 'zh'] as const)
    it(lang, () => {
      const w = COMPARE_STRINGS[lang];
      for (const c of cases) {
        const text = verdictText(w, verdict(c), 'A', 'B');
        expect(text).toContain(w.pts(c.din));
        expect(text).toContain(w.pts(c.dien));
      }
      const flat = verdictText(w, verdict({ din: 3, dien: 4, truth: -1.2 }), 'A', 'B');
      expect(flat).toContain(w.pts(-1.2));
    });
  it('formats with a true minus and one decimal', () => {
    expect(COMPARE_STRINGS.en.pts(-10.4)).toBe('−10.4 pts');
    expect(COMPARE_STRINGS.en.pts(0)).toBe('+0.0 pts');
    expect(COMPARE_STRINGS.zh.pts(3)).toBe('+3.0 个百分点');
  });
});
