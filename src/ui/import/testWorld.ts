/** Small hand-made imports for the room's tests (no file is parsed). */
import type { ImportedWorld, ImportSummary } from '../../data/import/types';

export function summary(over: Partial<ImportSummary> = {}): ImportSummary {
  return {
    rows: 12_345,
    bytes: 3 * 1024 ** 2,
    skipped: { short: 0, badTime: 0, behavior: 0, rating: 0 },
    duplicates: 0,
    users: { inFile: 500, tooFew: 120, overCap: 80, kept: 300 },
    items: { inFile: 4000, approximate: false, kept: 1000, inOther: 2500 },
    events: { kept: 9000, inOther: 700, beyondHistory: 1500 },
    categories: 42,
    noCategory: false,
    noShop: false,
    missingMeta: 0,
    firstTime: 1_500_000_000,
    lastTime: 1_500_000_000 + 9 * 86_400,
    ...over,
  };
}

/** A world of `users` shoppers over three goods, named after its file. */
export function tinyWorld(fileName: string, users = 2): ImportedWorld {
  return {
    kind: 'imported',
    truth: 'none',
    format: 'generic',
    fileName,
    catalogue: {
      goods: [1, 2, 3].map((id) => ({
        id,
        name: `<b>good ${id}</b>`,
        emoji: '',
        category: 1,
        shop: 1,
      })),
      categories: [{ id: 1, name: 'toys', related: [] }],
      shops: [{ id: 1, name: 'toys', category: 1 }],
    },
    shoppers: Array.from({ length: users }, (_, i) => ({
      id: i + 1,
      purchases: [1, 2, 3],
      times: [0, 1, 2],
      start: 1_500_000_000,
    })),
    userKeys: Array.from({ length: users }, (_, i) => `u${i + 1}`),
    itemKeys: ['a', 'b', 'c'],
    otherGood: null,
    summary: summary(),
  };
}
