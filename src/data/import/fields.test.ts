import { describe, expect, it } from 'vitest';
import { detach, isAsin, isRating, isReviewer, parseTime, roleOf } from './fields';

describe('parseTime', () => {
  it('reads Unix seconds, milliseconds and ISO dates (UTC when no zone is given)', () => {
    expect(parseTime('1511544070')).toBe(1511544070);
    expect(parseTime(' 978300760 ')).toBe(978300760);
    expect(parseTime('1511544070123')).toBeCloseTo(1511544070.123, 6);
    expect(parseTime('2017-11-24')).toBe(1511481600);
    expect(parseTime('2017-11-24 17:21:10')).toBe(1511544070);
    expect(parseTime('2017-11-24T17:21:10Z')).toBe(1511544070);
    expect(parseTime('2017-11-24T19:21:10+02:00')).toBe(1511544070);
  });

  it('refuses what is not a timestamp', () => {
    for (const s of ['', 'yesterday', '24/11/2017', '1.5e9', '2017-13-45', 'pv']) {
      expect(parseTime(s)).toBeNull();
    }
  });
});

describe('field shapes and header names', () => {
  it('tells ASINs, reviewer ids and ratings apart', () => {
    expect(isAsin('B00000J1ER')).toBe(true);
    expect(isAsin('0486427706')).toBe(true);
    expect(isAsin('A1RSDE90N6RSZF')).toBe(false);
    expect(isReviewer('A1RSDE90N6RSZF')).toBe(true);
    expect(isReviewer('B00000J1ER')).toBe(false);
    expect(isRating('5.0')).toBe(true);
    expect(isRating('3')).toBe(true);
    expect(isRating('1500000000')).toBe(false);
  });

  it('maps header names to roles whatever their case and punctuation', () => {
    expect(roleOf('userId')).toBe('user');
    expect(roleOf('user_id')).toBe('user');
    expect(roleOf('reviewerID')).toBe('user');
    expect(roleOf('asin')).toBe('item');
    expect(roleOf('movieId')).toBe('item');
    expect(roleOf('unixReviewTime')).toBe('time');
    expect(roleOf('behavior_type')).toBe('behavior');
    expect(roleOf('Seller ID')).toBe('shop');
    expect(roleOf('price')).toBeNull();
  });
});

describe('detach', () => {
  it('returns an equal string, short ones unchanged', () => {
    const chunk = 'A1RSDE90N6RSZF,B00000J1ER,5.0,1362960000\n'.repeat(1000);
    const cut = chunk.slice(0, 14);
    expect(detach(cut)).toBe('A1RSDE90N6RSZF');
    expect(detach('u1')).toBe('u1');
  });
});
