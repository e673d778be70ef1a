import { describe, expect, it } from 'vitest';
import {
  amazonItem,
  amazonUser,
  SAMPLE_START,
  sampleFiles,
  sampleTime,
  sampleWorld,
} from './sampleFiles';

describe('sampleFiles', () => {
  const world = sampleWorld();
  const purchases = world.shoppers.reduce((n, s) => n + s.purchases.length, 0);
  const lines = (text: string) => text.trimEnd().split('\n');

  it('Taobao: no header, five fields, a buy per purchase and a page view before every third', () => {
    const [f] = sampleFiles('taobao', { world });
    const rows = lines(f.text).map((l) => l.split(','));
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const s = world.shoppers[0];
    const g = s.purchases[0];
    expect(rows[0]).toEqual([
      String(s.id),
      String(g),
      String(world.catalogue.goods[g - 1].category),
      'pv',
      String(sampleTime(s.id, 0) - 60),
    ]);
    expect(rows.filter((r) => r[3] === 'buy')).toHaveLength(purchases);
  });

  it('Amazon: ratings without a header and JSON-lines metadata for every good', () => {
    const [ratings, meta] = sampleFiles('amazon', { world });
    expect(lines(ratings.text)).toHaveLength(purchases);
    expect(lines(ratings.text)[0]).toBe(
      `${amazonUser(1)},${amazonItem(world.shoppers[0].purchases[0])},5.0,${SAMPLE_START + 60}`,
    );
    expect(lines(meta.text).map((l) => JSON.parse(l).asin)).toEqual(
      world.catalogue.goods.map((g) => amazonItem(g.id)),
    );
  });

  it('MovieLens and generic: headers, quoted names, TSV on request', () => {
    const [ratings, movies] = sampleFiles('movielens', { world });
    expect(lines(ratings.text)[0]).toBe('userId,movieId,rating,timestamp');
    expect(lines(movies.text)[1]).toMatch(/^1,".*, the movie \(2001\)",/);
    const [tsv] = sampleFiles('generic', { world, tsv: true });
    expect(tsv.name).toBe('events-sample.tsv');
    expect(lines(tsv.text)[0]).toBe('user\titem\tcategory\ttimestamp\tshop\tname');
  });
});
