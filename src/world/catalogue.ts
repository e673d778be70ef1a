/**
 * The toy shop. Within a category, goods are listed from most to least popular: the simulator
 * derives its within-category popularity from this order, so the order is part of the world.
 */
import type { Catalogue, Category, Good, Shop } from './types';

interface CategorySpec {
  name: string;
  related: string[];
  shops: [string, string];
  goods: [name: string, emoji: string][];
}

const SPEC: CategorySpec[] = [
  {
    name: 'electronics',
    related: ['gaming'],
    shops: ['Byte Bazaar', 'Circuit Corner'],
    goods: [
      ['keyboard', '⌨️'],
      ['mouse', '🖱️'],
      ['headset', '🎧'],
      ['monitor', '🖥️'],
      ['phone charger', '🔌'],
      ['webcam', '📷'],
    ],
  },
  {
    name: 'gaming',
    related: ['electronics'],
    shops: ['Pixel Palace', 'Level Up'],
    goods: [
      ['game controller', '🎮'],
      ['video game', '💿'],
      ['gaming chair', '🪑'],
      ['joystick', '🕹️'],
      ['dice set', '🎲'],
    ],
  },
  {
    name: 'clothing',
    related: ['skincare', 'sports'],
    shops: ['Thread Street', 'Cotton Club'],
    goods: [
      ['T-shirt', '👕'],
      ['jeans', '👖'],
      ['jacket', '🧥'],
      ['socks', '🧦'],
      ['cap', '🧢'],
      ['dress', '👗'],
    ],
  },
  {
    name: 'skincare',
    related: ['beauty', 'clothing'],
    shops: ['Glow Lab', 'Fresh Face'],
    goods: [
      ['face wash', '🧼'],
      ['moisturizer', '🧴'],
      ['sunscreen', '🌞'],
      ['lip balm', '👄'],
      ['face serum', '💧'],
    ],
  },
  {
    name: 'beauty',
    related: ['skincare', 'clothing'],
    shops: ['Rouge & Co', 'Petal Parlour'],
    goods: [
      ['lipstick', '💄'],
      ['nail polish', '💅'],
      ['perfume', '🌸'],
      ['eyeshadow', '🎨'],
      ['hair bow', '🎀'],
    ],
  },
  {
    name: 'sports',
    related: ['outdoor', 'clothing'],
    shops: ['Court Kings', 'Fit Factory'],
    goods: [
      ['basketball shoes', '👟'],
      ['basketball', '🏀'],
      ['football', '⚽'],
      ['tennis racket', '🎾'],
      ['dumbbell', '🏋️'],
      ['yoga mat', '🧘'],
    ],
  },
  {
    name: 'outdoor',
    related: ['sports', 'kitchen'],
    shops: ['Trail Post', 'Camp Corner'],
    goods: [
      ['backpack', '🎒'],
      ['tent', '⛺'],
      ['hiking boots', '🥾'],
      ['flashlight', '🔦'],
      ['compass', '🧭'],
      ['fishing rod', '🎣'],
    ],
  },
  {
    name: 'kitchen',
    related: ['outdoor'],
    shops: ['Pan & Pot', 'Morning Brew'],
    goods: [
      ['coffee mug', '☕'],
      ['frying pan', '🍳'],
      ['teapot', '🫖'],
      ['kitchen knife', '🔪'],
      ['cookbook', '📖'],
    ],
  },
];

function buildCatalogue(spec: CategorySpec[]): Catalogue {
  const catId = new Map(spec.map((c, i) => [c.name, i + 1]));
  const categories: Category[] = spec.map((c, i) => ({
    id: i + 1,
    name: c.name,
    related: c.related.map((r) => {
      const id = catId.get(r);
      if (id === undefined) throw new Error(`catalogue: unknown related category ${r}`);
      return id;
    }),
  }));
  const shops: Shop[] = [];
  const goods: Good[] = [];
  spec.forEach((c, ci) => {
    const firstShop = shops.length + 1;
    for (const name of c.shops) shops.push({ id: shops.length + 1, name, category: ci + 1 });
    c.goods.forEach(([name, emoji], gi) => {
      // Alternating shops: a shop narrows a good down more than its category does, but still
      // spans popular and unpopular goods, so shop id is informative without duplicating item id.
      goods.push({
        id: goods.length + 1,
        name,
        emoji,
        category: ci + 1,
        shop: firstShop + (gi % 2),
      });
    });
  });
  return { goods, categories, shops };
}

export const CATALOGUE: Catalogue = buildCatalogue(SPEC);

const BY_NAME = new Map(CATALOGUE.goods.map((g) => [g.name, g]));

export function goodByName(name: string): Good {
  const g = BY_NAME.get(name);
  if (!g) throw new Error(`goodByName: no good named '${name}' in the catalogue`);
  return g;
}

export function goodsInCategory(c: number): Good[] {
  return CATALOGUE.goods.filter((g) => g.category === c);
}
