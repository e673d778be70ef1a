import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { detectMeta } from './detectMeta';
import { importLog } from './importLog';
import { hashKey } from './rows';
import { bytesSource } from './records';
import { sampleFiles, sampleWorld } from './sampleFiles';
import {
  DEFAULT_CAPS,
  type ByteSource,
  type ImportCaps,
  type ImportedWorld,
  type ImportSettings,
} from './types';

const enc = (s: string) => new TextEncoder().encode(s);
const BIG: ImportCaps = { topItems: 100, minEvents: 2, maxUsers: 100, maxHistory: 100 };

async function run(
  text: string,
  caps: Partial<ImportCaps> = {},
  more: Partial<ImportSettings> = {},
  meta?: string,
) {
  const settings: ImportSettings = {
    detection: detectFormat(enc(text), true),
    meta: meta ? detectMeta(enc(meta), true) : undefined,
    caps: { ...BIG, ...caps },
    seed: 1,
    ...more,
  };
  return importLog(
    bytesSource('log.csv', text, 7),
    meta ? bytesSource('meta.csv', meta) : undefined,
    settings,
  );
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

/** Each shopper's purchases as the file's item ids. */
const keys = (w: ImportedWorld) =>
  w.shoppers.map((s) => s.purchases.map((g) => w.itemKeys[g - 1] || 'other'));
const log = (rows: string[]) => 'user,item,category,timestamp\n' + rows.join('\n') + '\n';

describe('caps', () => {
  // a: x y x z x y (t = 1..6); b: y x w y y; c: 2 events; d: 1 event. Written out of time order.
  const rows = [
    'a,y,c2,6',
    'a,x,c1,1',
    'b,y,c2,1',
    'a,y,c2,2',
    'b,x,c1,2',
    'a,x,c1,3',
    'c,x,c1,1',
    'b,w,c3,3',
    'a,z,c3,4',
    'd,x,c1,9',
    'b,y,c2,4',
    'a,x,c1,5',
    'b,y,c2,5',
    'c,y,c2,2',
  ];

  it('keeps users with N events and the top K items; the rest share one "other" good', async () => {
    const w = await run(log(rows), { topItems: 2, minEvents: 3 });
    // Counts over the kept users: y 5, x 4, then w 1, z 1 → y = 1, x = 2, other = 3.
    expect(w.itemKeys).toEqual(['y', 'x', '']);
    expect(w.otherGood).toBe(3);
    expect(w.userKeys).toEqual(['a', 'b']);
    expect(keys(w)).toEqual([
      ['x', 'y', 'x', 'other', 'x', 'y'],
      ['y', 'x', 'other', 'y', 'y'],
    ]);
    expect(w.shoppers.map((s) => s.purchases)).toEqual([
      [2, 1, 2, 3, 2, 1],
      [1, 2, 3, 1, 1],
    ]);
    expect(
      w.catalogue.goods.map((g) => [g.name, w.catalogue.categories[g.category - 1].name]),
    ).toEqual([
      ['y', 'c2'],
      ['x', 'c1'],
      ['other items (2)', 'other items'],
    ]);
    expect(w.summary.users).toEqual({ inFile: 4, tooFew: 2, overCap: 0, kept: 2 });
    expect(w.summary.items).toEqual({ inFile: 4, approximate: false, kept: 2, inOther: 2 });
    expect(w.summary.events).toEqual({ kept: 11, inOther: 2, beyondHistory: 0 });
    expect(w.summary.noShop).toBe(true);
    // No shop column: one shop per category, named after it.
    expect(w.catalogue.shops.map((s) => s.name)).toEqual(['c2', 'c1', 'other items']);
    expect(w).toMatchObject({ kind: 'imported', truth: 'none', format: 'generic' });
  });

  it("history length T keeps each user's most recent events", async () => {
    const w = await run(log(rows), { minEvents: 3, maxHistory: 4 });
    expect(keys(w)).toEqual([
      ['x', 'z', 'x', 'y'],
      ['x', 'w', 'y', 'y'],
    ]);
    expect(w.summary.events.beyondHistory).toBe(3);
    // Days since the user's first kept purchase (a's kept events are at t = 3..6 s).
    expect(w.shoppers[0].times).toEqual([0, 1, 2, 3].map((s) => s / 86_400));
    expect(w.shoppers[0].start).toBe(3);
  });

  it('at most U users: a seeded sample of the eligible ones (the U smallest hashes)', async () => {
    const users = Array.from({ length: 10 }, (_, i) => `u${i}`);
    const text = log(users.flatMap((u, i) => [`${u},x,c1,${i}`, `${u},y,c2,${i + 1}`]));
    const w = await run(text, { maxUsers: 3 });
    const expected = users
      .slice()
      .sort((a, b) => hashKey(1, a) - hashKey(1, b))
      .slice(0, 3);
    expect(new Set(w.userKeys)).toEqual(new Set(expected));
    expect(w.summary.users).toEqual({ inFile: 10, tooFew: 0, overCap: 7, kept: 3 });
    const again = await run(text, { maxUsers: 3 });
    expect(again.userKeys).toEqual(w.userKeys);
  });

  it('names, shops and categories come through as the file wrote them (markup stays text)', async () => {
    const text =
      'user\titem\tcategory\ttimestamp\tshop\tname\n' +
      'a\tx\t家电\t1\tShop "A"\t<img src=x onerror=alert(1)>\n' +
      'a\ty\tbooks\t2\tShop B\t"Crème, brûlée 🍮"\n' +
      'b\tx\t家电\t3\tShop "A"\tignored: the first row names the item\n';
    const w = await run(text);
    const { goods, categories, shops } = w.catalogue;
    expect(goods.map((g) => g.name)).toEqual(['<img src=x onerror=alert(1)>', 'Crème, brûlée 🍮']);
    expect(categories.map((c) => c.name)).toEqual(['家电', 'books']);
    expect(shops.map((s) => [s.name, s.category])).toEqual([
      ['Shop "A"', 1],
      ['Shop B', 2],
    ]);
  });

  it('duplicate events (same user, item and time) are dropped and counted', async () => {
    const w = await run(
      log(['a,x,c1,1', 'a,x,c1,1', 'a,y,c2,2', 'b,x,c1,1', 'b,y,c2,3', 'b,y,c2,3', 'b,y,c2,3']),
    );
    expect(keys(w)).toEqual([
      ['x', 'y'],
      ['x', 'y'],
    ]);
    expect(w.summary.duplicates).toBe(3);
  });

  it('Taobao behaviour types: only the chosen ones are events', async () => {
    const [file] = sampleFiles('taobao');
    const caps = { maxUsers: 1000, maxHistory: 1000 };
    const all = await run(file.text, caps);
    const buys = await run(file.text, caps, { behaviors: ['buy'] });
    const world = sampleWorld();
    const events = world.shoppers.reduce((n, s) => n + s.purchases.length, 0);
    const views = world.shoppers.reduce((n, s) => n + Math.ceil(s.purchases.length / 3), 0);
    expect(buys.summary.skipped.behavior).toBe(views);
    expect(buys.summary.events.kept).toBe(events);
    expect(all.summary.events.kept).toBe(events + views);
  });
});

describe('round trip: a sample file of each format gives back the toy world', () => {
  const world = sampleWorld();
  const names = world.shoppers.map((s) =>
    s.purchases.map((g) => world.catalogue.goods[g - 1].name),
  );
  const caps = { ...DEFAULT_CAPS, minEvents: 2, maxHistory: 1000 };
  const imported = async (
    f: 'taobao' | 'amazon' | 'movielens' | 'generic',
    behaviors?: ['buy'],
  ) => {
    const [events, meta] = sampleFiles(f);
    return run(events.text, caps, behaviors ? { behaviors } : {}, meta?.text);
  };
  const namesOf = (w: ImportedWorld) =>
    w.shoppers.map((s) => s.purchases.map((g) => w.catalogue.goods[g - 1].name));

  it('generic (names, categories and shops from the file)', async () => {
    const w = await imported('generic');
    expect(namesOf(w)).toEqual(names);
    expect(w.catalogue.shops).toHaveLength(world.catalogue.shops.length);
    expect(w.shoppers[0].times).toEqual(world.shoppers[0].purchases.map((_, k) => k));
  });

  it('Taobao (buys only; item ids as names)', async () => {
    const w = await imported('taobao', ['buy']);
    expect(w.shoppers.map((s) => s.purchases.map((g) => Number(w.itemKeys[g - 1])))).toEqual(
      world.shoppers.map((s) => s.purchases),
    );
    expect(w.catalogue.categories).toHaveLength(world.catalogue.categories.length);
  });

  it('Amazon with its JSON-lines metadata (titles, categories)', async () => {
    const w = await imported('amazon');
    expect(namesOf(w)).toEqual(names);
    const cat = (g: number) => w.catalogue.categories[w.catalogue.goods[g - 1].category - 1].name;
    expect(w.shoppers[0].purchases.map(cat)).toEqual(
      world.shoppers[0].purchases.map(
        (g) => world.catalogue.categories[world.catalogue.goods[g - 1].category - 1].name,
      ),
    );
    expect(w.summary.missingMeta).toBe(0);
  });

  it('MovieLens with movies.csv (quoted titles, first genre)', async () => {
    const w = await imported('movielens');
    expect(namesOf(w)).toEqual(names.map((r) => r.map((n) => `${n}, the movie (2001)`)));
    expect(w.catalogue.categories.map((c) => c.name).sort()).toEqual(
      world.catalogue.categories.map((c) => c.name).sort(),
    );
  });
});

describe('bad input, named', () => {
  it('short rows are skipped and counted, and refused past the threshold with the first line', async () => {
    const good = Array.from({ length: 40 }, (_, i) => `u${i % 4},g${i % 7},c${i % 3},${i}`);
    const w = await run(log([...good.slice(0, 5), 'u1,g1', ...good.slice(5)]));
    expect(w.summary.skipped).toEqual({
      short: 1,
      badTime: 0,
      behavior: 0,
      rating: 0,
      firstLine: 7,
    });
    const bad = Array.from({ length: 11 }, () => 'u1,g1');
    const e = await refusal(run(log([...good, ...bad])));
    expect(e).toMatchObject({ code: 'badRows', line: 42 });
    expect((e as Error).message).toContain(
      '11 with too few fields or an empty id of 51 rows, the first at line 42',
    );
  });

  it('timestamps that stop being timestamps past the detected rows are counted, then refused', async () => {
    const good = Array.from({ length: 2000 }, (_, i) => `u${i % 50},g${i % 9},c${i % 3},${i}`);
    const some = await run(log([...good, 'u1,g1,c1,soon']));
    expect(some.summary.skipped).toMatchObject({ badTime: 1, firstLine: 2002 });
    const many = await refusal(
      run(log([...good, ...Array.from({ length: 30 }, () => 'u1,g1,c1,soon')])),
    );
    expect(many).toMatchObject({ code: 'badRows', line: 2002 });
    expect((many as Error).message).toContain('30 with a timestamp that is not one of 2030 rows');
  });

  it('a rating floor keeps only ratings of at least that', async () => {
    const text =
      'userId,movieId,rating,timestamp\n1,5,4.0,1\n1,6,2.0,2\n1,7,5,3\n2,5,4.5,1\n2,6,x,2\n2,8,4,3\n';
    const w = await run(text, {}, { minRating: 4 });
    expect(keys(w)).toEqual([
      ['5', '7'],
      ['5', '8'],
    ]);
    expect(w.summary.skipped.rating).toBe(2);
  });

  it('one user, no user with two events, caps that leave nothing', async () => {
    expect(await refusal(run(log(['a,x,c1,1', 'a,y,c2,2'])))).toMatchObject({
      code: 'singleUser',
      column: 'user',
    });
    expect(await refusal(run(log(['a,x,c1,1', 'b,y,c2,2'])))).toMatchObject({
      code: 'noPairs',
      column: 'user',
    });
    const e = await refusal(run(log(['a,x,c1,1', 'a,y,c2,2', 'b,y,c2,2']), { minEvents: 3 }));
    expect(e).toMatchObject({
      code: 'capsLeaveNothing',
      message: expect.stringContaining('No user has 3 events (the most is 2)'),
    });
  });

  it('all items in one category names the column', async () => {
    const e = await refusal(run(log(['a,x,c1,1', 'a,y,c1,2', 'b,y,c1,2', 'b,x,c1,3'])));
    expect(e).toMatchObject({ code: 'oneCategory', column: 'category' });
  });

  it('a detection whose problem was not corrected is refused with that problem', async () => {
    const e = await refusal(run('user,item,timestamp\nu1,g1,1500000000\nu1,g2,yesterday\n'));
    expect(e).toMatchObject({ code: 'timestamp', line: 3, column: 'timestamp' });
  });

  it('a file too large is refused before reading', async () => {
    const [file] = sampleFiles('generic');
    const src = bytesSource('big.csv', file.text);
    const huge: ByteSource = { ...src, size: 3 * 1024 ** 3 };
    const settings = { detection: detectFormat(enc(file.text), true), caps: BIG, seed: 1 };
    expect(await refusal(importLog(huge, undefined, settings))).toMatchObject({ code: 'tooLarge' });
  });

  it('caps whose kept histories would not fit the tab are refused, naming the caps to lower', async () => {
    // Two users of 3,000 events: 2 · 3000 · 2999 ≈ 18 M prefix cells, over the 16 M budget.
    const rows: string[] = [];
    for (const u of ['a', 'b'])
      for (let k = 0; k < 3000; k++) rows.push(`${u},i${k % 7},c${k % 3},${k}`);
    const e = await refusal(run(log(rows), { maxHistory: 3000 }));
    expect(e).toMatchObject({ code: 'tooLarge' });
    expect((e as Error).message).toMatch(/17,994,000 prefix cells.*history length T/);
    // The same file with T 2000 fits (2 · 2000 · 1999 ≈ 8 M).
    expect((await run(log(rows), { maxHistory: 2000 })).shoppers).toHaveLength(2);
  });

  it('a metadata file describing none of the items names its item column', async () => {
    const e = await refusal(
      run(log(['a,x,c1,1', 'a,y,c2,2', 'b,y,c2,3']), {}, {}, 'item,category\nq,c9\n'),
    );
    expect(e).toMatchObject({ code: 'meta', column: 'item' });
  });
});
