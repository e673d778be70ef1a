import { describe, expect, it } from 'vitest';
import { IMPORT_STRINGS } from './strings';
import { day, megabytes, summarySentences } from './summary';
import { summary } from './testWorld';

const en = IMPORT_STRINGS.en;

describe('import summary sentences', () => {
  it('says what was read, kept and dropped, with the numbers', () => {
    expect(summarySentences(summary(), en, 'en')).toEqual([
      'Read 12,345 rows (3.0 MB).',
      'Kept 300 of 500 users: 120 had too few events, 80 were over the cap of users.',
      'Kept the 1,000 most frequent items (4,000 in the file); the other 2,500 that the kept users bought share one “other” item.',
      'Kept 9,000 events (700 of them on the “other” item); 1,500 older events were beyond the history length T.',
      'The kept items fall into 42 categories.',
      'The events run from 2017-07-14 to 2017-07-23.',
    ]);
  });

  it('names each reason rows were skipped, their total and the first line', () => {
    const s = summary({
      skipped: { short: 3, badTime: 2, behavior: 1000, rating: 0, firstLine: 17 },
      duplicates: 4,
    });
    const lines = summarySentences(s, en, 'en');
    expect(lines[1]).toBe(
      'Skipped 1,005 rows: 3 with too few fields; 2 whose time is not a timestamp; 1,000 of a behaviour type not chosen. The first is line 17.',
    );
    expect(lines[2]).toBe('Left out 4 duplicate events (the same user, item and time).');
  });

  it('no “other” item, no category, no shop, items missing from the metadata, a lower bound', () => {
    const s = summary({
      items: { inFile: 1_000_000, approximate: true, kept: 800, inOther: 0 },
      noCategory: true,
      noShop: true,
      missingMeta: 12,
    });
    const lines = summarySentences(s, en, 'en');
    expect(lines).toContain(
      'Kept all 800 items the kept users bought (more than 1,000,000 in the file).',
    );
    expect(lines).toContain(
      'No category column: every item sits in one category, “(no category)”.',
    );
    expect(lines).toContain('No shop column: each category is one shop, named after it.');
    expect(lines).toContain('12 kept items are not in the metadata file (their id is their name).');
    expect(lines.some((l) => l.includes('42 categories'))).toBe(false);
  });

  it('Chinese has a sentence for each English one', () => {
    const s = summary({
      duplicates: 1,
      skipped: { short: 1, badTime: 0, behavior: 0, rating: 0, firstLine: 2 },
    });
    const zh = summarySentences(s, IMPORT_STRINGS.zh, 'zh');
    expect(zh).toHaveLength(summarySentences(s, en, 'en').length);
    expect(zh[0]).toBe('读取了 12,345 行（3.0 MB）。');
  });

  it('formats megabytes and UTC days', () => {
    expect(megabytes(1536 * 1024)).toBe('1.5');
    expect(day(0)).toBe('1970-01-01');
    expect(day(1_500_000_000)).toBe('2017-07-14');
  });
});
