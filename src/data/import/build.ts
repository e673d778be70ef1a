/**
 * From the kept events to the toy world's shapes: goods ranked by how often the kept users
 * bought them (the top K keep their own id, the rest share one "other" good), categories and
 * shops interned in that order, and each user's purchases by time, oldest first.
 */
import type { Category, Good, Shop } from '../../world/types';
import {
  ImportError,
  type ImportedShopper,
  type ImportedWorld,
  type ImportSettings,
  type ImportSummary,
} from './types';

export interface KeptEvent {
  item: string;
  /** Unix seconds. */
  time: number;
  /** Row order: breaks ties between events of the same second. */
  seq: number;
}

export interface ItemInfo {
  category?: string;
  shop?: string;
  name?: string;
}

const DAY = 86_400;

export const NO_CATEGORY = '(no category)';
export const OTHER_NAME = 'other items';

class Interner {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** 1-based id of `name`, new ones numbered in order of arrival. */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      this.names.push(name);
      id = this.names.length;
      this.ids.set(name, id);
    }
    return id;
  }
}

export function buildImported(
  kept: Map<string, KeptEvent[]>,
  info: Map<string, ItemInfo>,
  settings: ImportSettings,
  summary: ImportSummary,
  files: { fileName: string; metaFileName?: string },
): ImportedWorld {
  const { caps, detection: d } = settings;
  const users: [string, KeptEvent[]][] = [];
  for (const [u, list] of kept) {
    // Duplicates removed can leave a user under the minimum.
    if (list.length >= caps.minEvents) users.push([u, list]);
    else summary.users.tooFew++;
  }
  if (users.length === 0) {
    throw new ImportError({
      code: 'capsLeaveNothing',
      message: `Without duplicate events no user has ${caps.minEvents} events: lower "users with at least N events".`,
    });
  }
  const counts = new Map<string, number>();
  for (const [, list] of users)
    for (const e of list) counts.set(e.item, (counts.get(e.item) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const own = ranked.slice(0, caps.topItems).map(([k]) => k);
  const rest = ranked.slice(caps.topItems);

  const categoryColumn =
    d.mapping.category !== undefined
      ? d.columns[d.mapping.category]
      : settings.meta?.mapping.category !== undefined
        ? (settings.meta.columns[settings.meta.mapping.category] ?? 'category')
        : null;
  const categoryOf = (key: string) => info.get(key)?.category || NO_CATEGORY;
  if (
    categoryColumn !== null &&
    own.length > 1 &&
    own.every((k) => categoryOf(k) === categoryOf(own[0]))
  ) {
    throw new ImportError({
      code: 'oneCategory',
      message: `Every kept item is in one category ("${categoryOf(own[0]).slice(0, 40)}", column "${categoryColumn}"): map another column as the category, or none.`,
      column: categoryColumn,
    });
  }

  const cats = new Interner();
  const shops = new Interner();
  const shopCategory: number[] = [];
  const goods: Good[] = [];
  const goodOf = new Map<string, number>();
  const addGood = (name: string, category: string, shop: string) => {
    const c = cats.id(category);
    const s = shops.id(shop);
    if (shopCategory.length < s) shopCategory.push(c);
    goods.push({ id: goods.length + 1, name, emoji: '', category: c, shop: s });
    return goods.length;
  };
  for (const key of own) {
    const i = info.get(key);
    const category = categoryOf(key);
    goodOf.set(
      key,
      addGood(
        i?.name || key,
        category,
        d.mapping.shop !== undefined ? i?.shop || '(no shop)' : category,
      ),
    );
  }
  const otherGood =
    rest.length > 0 ? addGood(`${OTHER_NAME} (${rest.length})`, OTHER_NAME, OTHER_NAME) : null;
  if (goods.length < 2) {
    throw new ImportError({
      code: 'capsLeaveNothing',
      message:
        'The kept users bought a single item: the protocol needs two to sample a negative. Raise the caps.',
    });
  }

  let inOtherEvents = 0;
  let keptEvents = 0;
  const shoppers: ImportedShopper[] = users.map(([, list], i) => {
    const purchases = list.map((e) => {
      const g = goodOf.get(e.item);
      if (g === undefined) inOtherEvents++;
      return g ?? otherGood!;
    });
    keptEvents += list.length;
    const start = list[0].time;
    return { id: i + 1, purchases, times: list.map((e) => (e.time - start) / DAY), start };
  });
  const categories: Category[] = cats.names.map((name, i) => ({ id: i + 1, name, related: [] }));
  const shopList: Shop[] = shops.names.map((name, i) => ({
    id: i + 1,
    name,
    category: shopCategory[i],
  }));

  summary.users.kept = shoppers.length;
  summary.items.kept = own.length;
  summary.items.inOther = rest.length;
  summary.events = { ...summary.events, kept: keptEvents, inOther: inOtherEvents };
  summary.categories = categories.length;
  summary.noCategory = categoryColumn === null;
  return {
    kind: 'imported',
    truth: 'none',
    format: d.format,
    fileName: files.fileName,
    ...(files.metaFileName ? { metaFileName: files.metaFileName } : {}),
    catalogue: { goods, categories, shops: shopList },
    shoppers,
    userKeys: users.map(([u]) => u),
    itemKeys: goods.map((_, i) => own[i] ?? ''),
    otherGood,
    summary,
  };
}
