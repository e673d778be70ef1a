import { describe, expect, it } from 'vitest';
import { badRowsError, hashKey, rowReader } from './rows';
import type { Detection, ImportSettings } from './types';

const detection: Detection = {
  format: 'taobao',
  delimiter: ',',
  header: false,
  columns: ['c1', 'c2', 'c3', 'c4', 'c5'],
  mapping: { user: 0, item: 1, category: 2, behavior: 3, time: 4 },
  preview: [],
};
const settings = (more: Partial<ImportSettings> = {}): ImportSettings => ({
  detection,
  caps: { topItems: 1, minEvents: 2, maxUsers: 1, maxHistory: 2 },
  seed: 1,
  ...more,
});

describe('rowReader', () => {
  it('reads an event and says why a row is skipped', () => {
    const r = rowReader(
      { user: 0, item: 1, category: 2, behavior: 3, time: 4 },
      settings({ behaviors: ['buy'] }),
    );
    expect(r.read([' 1 ', '22', '3', 'buy', '1511544070'])).toEqual({
      user: '1',
      item: '22',
      time: 1511544070,
    });
    expect(r.reason).toBeNull();
    expect(r.read(['1', '22', '3', 'buy'])).toBeNull();
    expect(r.reason).toBe('short');
    expect(r.read(['1', '', '3', 'buy', '1'])).toBeNull();
    expect(r.reason).toBe('short');
    expect(r.read(['1', '22', '3', 'buy', 'soon'])).toBeNull();
    expect(r.reason).toBe('badTime');
    expect(r.read(['1', '22', '3', 'pv', '1'])).toBeNull();
    expect(r.reason).toBe('behavior');
  });
});

describe('hashKey and the bad-rows message', () => {
  it('FNV-1a: the published offset basis and prime (seed 0)', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c, of "" the offset basis 0x811c9dc5.
    expect(hashKey(0, '')).toBe(0x811c9dc5);
    expect(hashKey(0, 'a')).toBe(0xe40c292c);
    expect(hashKey(1, 'a')).not.toBe(hashKey(0, 'a'));
  });

  it('names both reasons and the first line', () => {
    const e = badRowsError(
      { short: 3, badTime: 2, behavior: 0, rating: 0, firstLine: 7 },
      100,
      false,
    );
    expect(e.message).toBe(
      '3 with too few fields or an empty id and 2 with a timestamp that is not one of 100 rows, the first at line 7: too many to skip. Check the delimiter and the column mapping.',
    );
    expect(e.line).toBe(7);
  });
});
