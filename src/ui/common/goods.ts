/**
 * Catalogue look-ups for the views (plain data from the world layer), in the page's language.
 * The world names goods in English (the names are part of its presets and tests); the Chinese
 * names live here, beside the only place that shows them. The active catalogue is the toy
 * shop's or an imported file's (CatalogueContext, provided by App): views read it through
 * useGoodNames / useCatalogue, never CATALOGUE directly. A file's names are the reader's data:
 * shown as given (no translation), and always as text.
 */
import { createContext, useContext } from 'react';
import { CATALOGUE, goodByName } from '../../world/catalogue';
import type { Catalogue, Good } from '../../world/types';
import type { Lang } from '../text/i18n';
import { useLang } from '../text/TextContext';

/** The toy shop's goods (the default catalogue; presets and tests name them). */
export const GOODS = CATALOGUE.goods;

/** The catalogue the session trains on: the toy shop unless the reader imported a file. */
export const CatalogueContext = createContext<Catalogue>(CATALOGUE);

export function useCatalogue(): Catalogue {
  return useContext(CatalogueContext);
}
/** Chinese names by English name: every good and category of the catalogue (a test checks). */
export const ZH_GOODS: Readonly<Record<string, string>> = {
  keyboard: '键盘',
  mouse: '鼠标',
  headset: '耳机',
  monitor: '显示器',
  'phone charger': '手机充电器',
  webcam: '摄像头',
  'game controller': '游戏手柄',
  'video game': '电子游戏',
  'gaming chair': '电竞椅',
  joystick: '摇杆',
  'dice set': '骰子套装',
  'T-shirt': 'T 恤',
  jeans: '牛仔裤',
  jacket: '夹克',
  socks: '袜子',
  cap: '棒球帽',
  dress: '连衣裙',
  'face wash': '洗面奶',
  moisturizer: '保湿霜',
  sunscreen: '防晒霜',
  'lip balm': '润唇膏',
  'face serum': '精华液',
  lipstick: '口红',
  'nail polish': '指甲油',
  perfume: '香水',
  eyeshadow: '眼影',
  'hair bow': '发饰蝴蝶结',
  'basketball shoes': '篮球鞋',
  basketball: '篮球',
  football: '足球',
  'tennis racket': '网球拍',
  dumbbell: '哑铃',
  'yoga mat': '瑜伽垫',
  backpack: '背包',
  tent: '帐篷',
  'hiking boots': '登山靴',
  flashlight: '手电筒',
  compass: '指南针',
  'fishing rod': '钓鱼竿',
  'coffee mug': '咖啡杯',
  'frying pan': '平底锅',
  teapot: '茶壶',
  'kitchen knife': '菜刀',
  cookbook: '菜谱',
};

export const ZH_CATEGORIES: Readonly<Record<string, string>> = {
  electronics: '电子产品',
  gaming: '游戏',
  clothing: '服装',
  skincare: '护肤',
  beauty: '美妆',
  sports: '运动',
  outdoor: '户外',
  kitchen: '厨房',
};

export function good(id: number, cat: Catalogue = CATALOGUE): Good | undefined {
  return cat.goods[id - 1];
}

/** A good's name in `lang` (English when a Chinese name is missing, never blank). */
export function nameOf(g: Good, lang: Lang = 'en', cat: Catalogue = CATALOGUE): string {
  return lang === 'zh' && cat === CATALOGUE ? (ZH_GOODS[g.name] ?? g.name) : g.name;
}

export function goodName(id: number, lang: Lang = 'en', cat: Catalogue = CATALOGUE): string {
  const g = good(id, cat);
  return g ? nameOf(g, lang, cat) : `#${id}`;
}

/** Emoji and name; an imported good has no emoji, so just its name. */
export function goodLabel(id: number, lang: Lang = 'en', cat: Catalogue = CATALOGUE): string {
  const g = good(id, cat);
  if (!g) return `#${id}`;
  return g.emoji ? `${g.emoji} ${nameOf(g, lang, cat)}` : nameOf(g, lang, cat);
}

export function categoryName(id: number, lang: Lang = 'en', cat: Catalogue = CATALOGUE): string {
  const name = cat.categories[id - 1]?.name;
  if (name === undefined) return `#${id}`;
  return lang === 'zh' && cat === CATALOGUE ? (ZH_CATEGORIES[name] ?? name) : name;
}

export interface GoodNames {
  name: (id: number) => string;
  label: (id: number) => string;
  category: (id: number) => string;
  good: (id: number) => Good | undefined;
  /** The active catalogue. */
  catalogue: Catalogue;
  /** Whether it is an imported file's (no emoji, no ground truth). */
  imported: boolean;
}

function namesFor(cat: Catalogue, lang: Lang): GoodNames {
  return {
    name: (id) => goodName(id, lang, cat),
    label: (id) => goodLabel(id, lang, cat),
    category: (id) => categoryName(id, lang, cat),
    good: (id) => good(id, cat),
    catalogue: cat,
    imported: cat !== CATALOGUE,
  };
}

/** The goods of each category, in catalogue order (computed once per catalogue). */
const groups = new WeakMap<Catalogue, Good[][]>();

export function goodsByCategory(cat: Catalogue): Good[][] {
  let g = groups.get(cat);
  if (!g) {
    g = cat.categories.map(() => []);
    for (const x of cat.goods) g[x.category - 1]?.push(x);
    groups.set(cat, g);
  }
  return g;
}

/** One look-up object per catalogue and language, so memoised views keep it between renders. */
const cache = new WeakMap<Catalogue, Partial<Record<Lang, GoodNames>>>();

export function namesOf(cat: Catalogue, lang: Lang): GoodNames {
  let byLang = cache.get(cat);
  if (!byLang) cache.set(cat, (byLang = {}));
  return (byLang[lang] ??= namesFor(cat, lang));
}

/** The look-ups of the active catalogue in the page's language (stable objects). */
export function useGoodNames(): GoodNames {
  return namesOf(useCatalogue(), useLang());
}

/** Ids by (English) name; a missing name is skipped so a renamed good never breaks a preset. */
export function idsOf(names: string[]): number[] {
  const out: number[] = [];
  for (const n of names) {
    try {
      out.push(goodByName(n).id);
    } catch {
      // skipped on purpose
    }
  }
  return out;
}
