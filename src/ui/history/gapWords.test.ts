import { describe, expect, it } from 'vitest';
import { gapsBefore, gapWords } from './gapWords';
import { HISTORY_STRINGS } from './strings';

const en = (days: number) => HISTORY_STRINGS.en.later(gapWords(days));
const zh = (days: number) => HISTORY_STRINGS.zh.later(gapWords(days));

describe('the words for a gap', () => {
  it('under half an hour is within the hour; hours are rounded, singular for one', () => {
    expect(en(0)).toBe('within the hour');
    expect(en(0.02)).toBe('within the hour'); // 29 minutes
    expect(en(0.022)).toBe('1 hour later'); // 32 minutes
    expect(en(0.4)).toBe('10 hours later'); // 9.6 hours
    expect(en(0.125)).toBe('3 hours later');
  });

  it('from 23.5 hours on, days; rounding picks the unit (never "24 hours later")', () => {
    expect(en(23.4 / 24)).toBe('23 hours later');
    expect(en(23.6 / 24)).toBe('1 day later');
    expect(en(1.4)).toBe('1 day later');
    expect(en(2)).toBe('2 days later');
    expect(en(59.4)).toBe('59 days later');
  });

  it('months from 60 days, years from 2 years', () => {
    expect(en(59.6)).toBe('2 months later');
    expect(en(200)).toBe('7 months later'); // 6.57 months
    expect(en(700)).toBe('23 months later');
    expect(en(730)).toBe('2 years later');
  });

  it('in Chinese', () => {
    expect(zh(0)).toBe('一小时内');
    expect(zh(0.125)).toBe('3 小时后');
    expect(zh(2)).toBe('2 天后');
    expect(zh(90)).toBe('3 个月后');
    expect(zh(1000)).toBe('3 年后');
  });

  it('refuses a negative or unknown gap', () => {
    expect(() => gapWords(-1)).toThrow();
    expect(() => gapWords(NaN)).toThrow();
  });

  it('gaps between neighbours: none first, none beside an unknown time', () => {
    expect(gapsBefore([-10, -8.5, undefined, -2, -1])).toEqual([NaN, 1.5, NaN, NaN, 1]);
  });
});
