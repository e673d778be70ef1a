/**
 * Catalogue look-ups for the views (plain data from the world layer), in the page's language.
 * The world names goods in English (the names are part of its presets and tests); the Chinese
 * names live here, beside the only place that shows them.
 */
import { CATALOGUE, goodByName } from '../../world/catalogue';
import type { Good } from '../../world/types';
import type { Lang } from '../text/i18n';
import { useLang } from '../text/TextContext';

export const GOODS = CATALOGUE.goods;

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

export function good(id: number): Good | undefined {
  return GOODS[id - 1];
}

/** A good's name in `lang` (English when a Chinese name is missing, never blank). */
export function nameOf(g: Good, lang: Lang = 'en'): string {
  return lang === 'zh' ? (ZH_GOODS[g.name] ?? g.name) : g.name;
}

export function goodName(id: number, lang: Lang = 'en'): string {
  const g = good(id);
  return g ? nameOf(g, lang) : `#${id}`;
}

export function goodLabel(id: number, lang: Lang = 'en'): string {
  const g = good(id);
  return g ? `${g.emoji} ${nameOf(g, lang)}` : `#${id}`;
}

export function categoryName(id: number, lang: Lang = 'en'): string {
  const name = CATALOGUE.categories[id - 1]?.name;
  if (name === undefined) return `#${id}`;
  return lang === 'zh' ? (ZH_CATEGORIES[name] ?? name) : name;
}

export interface GoodNames {
  name: (id: number) => string;
  label: (id: number) => string;
  category: (id: number) => string;
}

const NAMES: Record<Lang, GoodNames> = {
  en: {
    name: (id) => goodName(id, 'en'),
    label: (id) => goodLabel(id, 'en'),
    category: (id) => categoryName(id, 'en'),
  },
  zh: {
    name: (id) => goodName(id, 'zh'),
    label: (id) => goodLabel(id, 'zh'),
    category: (id) => categoryName(id, 'zh'),
  },
};

/** The look-ups in the page's language (stable objects, so memoised views keep them). */
export function useGoodNames(): GoodNames {
  return NAMES[useLang()];
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
