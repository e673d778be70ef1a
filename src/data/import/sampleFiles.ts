/**
 * Sample files in each format, generated from the toy world: what the "download a sample file"
 * link gives, and the tests' and the benchmark's input. Every purchase is one event at a known
 * time, so importing a sample gives back the toy world's purchase sequences.
 */
import Papa from 'papaparse';
import { DEFAULT_WORLD, simulateWorld } from '../../world/simulator';
import type { World } from '../../world/types';
import type { FormatId } from './types';

export interface SampleFile {
  name: string;
  text: string;
}

export interface SampleOptions {
  world?: World;
  /** Generic format: tab-separated. */
  tsv?: boolean;
}

/** 2017-07-14, when Taobao's UserBehavior log begins. */
export const SAMPLE_START = 1_500_000_000;
const DAY = 86_400;

/** When shopper `s` made purchase `k`: a day apart, shoppers a minute apart. */
export const sampleTime = (s: number, k: number) => SAMPLE_START + k * DAY + s * 60;

export const amazonUser = (id: number) => `A${String(id).padStart(13, '0')}`;
export const amazonItem = (id: number) => `B0${String(id).padStart(8, '0')}`;

/** A small world (200 shoppers) for the download link. */
export function sampleWorld(): World {
  return simulateWorld({ ...DEFAULT_WORLD, shoppers: 200 });
}

function eachPurchase(
  world: World,
  f: (user: number, good: number, time: number, k: number) => void,
): void {
  for (const s of world.shoppers) s.purchases.forEach((g, k) => f(s.id, g, sampleTime(s.id, k), k));
}

const csv = (rows: (string | number)[][], delimiter = ',') =>
  Papa.unparse(rows, { delimiter, newline: '\n' }) + '\n';

export function sampleFiles(format: FormatId, opts: SampleOptions = {}): SampleFile[] {
  const world = opts.world ?? sampleWorld();
  const { goods, categories, shops } = world.catalogue;
  const rows: (string | number)[][] = [];
  switch (format) {
    case 'taobao': {
      // Taobao's public file: no header; a page view a minute before every third purchase.
      eachPurchase(world, (u, g, t, k) => {
        if (k % 3 === 0) rows.push([u, g, goods[g - 1].category, 'pv', t - 60]);
        rows.push([u, g, goods[g - 1].category, 'buy', t]);
      });
      return [{ name: 'UserBehavior-sample.csv', text: csv(rows) }];
    }
    case 'amazon': {
      eachPurchase(world, (u, g, t) => rows.push([amazonUser(u), amazonItem(g), '5.0', t]));
      const meta = goods.map((g) =>
        JSON.stringify({
          asin: amazonItem(g.id),
          title: g.name,
          categories: [['Toy shop', categories[g.category - 1].name]],
        }),
      );
      return [
        { name: 'ratings_ToyShop-sample.csv', text: csv(rows) },
        { name: 'meta_ToyShop-sample.json', text: meta.join('\n') + '\n' },
      ];
    }
    case 'movielens': {
      rows.push(['userId', 'movieId', 'rating', 'timestamp']);
      eachPurchase(world, (u, g, t) => rows.push([u, g, '4.0', t]));
      const movies: (string | number)[][] = [['movieId', 'title', 'genres']];
      for (const g of goods) {
        const c = categories[g.category - 1];
        const genres = [c.name, ...c.related.map((r) => categories[r - 1].name)].join('|');
        movies.push([g.id, `${g.name}, the movie (2001)`, genres]);
      }
      return [
        { name: 'ratings.csv', text: csv(rows) },
        { name: 'movies.csv', text: csv(movies) },
      ];
    }
    case 'generic': {
      const d = opts.tsv ? '\t' : ',';
      rows.push(['user', 'item', 'category', 'timestamp', 'shop', 'name']);
      eachPurchase(world, (u, g, t) => {
        const good = goods[g - 1];
        rows.push([
          `u${u}`,
          `g${g}`,
          categories[good.category - 1].name,
          t,
          shops[good.shop - 1].name,
          good.name,
        ]);
      });
      return [{ name: opts.tsv ? 'events-sample.tsv' : 'events-sample.csv', text: csv(rows, d) }];
    }
  }
}
