/**
 * What the link parser says about a link it could not use in full, in the link's language (the
 * language is read from the link first). Only the reader's own text (`raw`) stays as it came.
 */
import type { BudgetCap } from '../../data/budget';
import type { Lang } from './i18n';

/** What a setting accepts (urlState's readers carry it). */
export type Expected =
  | { kind: 'int' | 'number'; min: number; max: number }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'bool' };

export interface UrlWords {
  expected(e: Expected): string;
  badValue(key: string, raw: string, expected: string): string;
  unreadable: string;
  inverted(min: number, max: number): string;
  notGoods(dropped: number, total: number, kept: number): string;
  badCandidate(raw: string, goods: number): string;
  unknownKey(key: string): string;
  repeated(key: string, times: number): string;
  budget(cap: BudgetCap): string;
}

const list = (values: readonly string[], or: string, sep: string) =>
  values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(sep)}${or}${values.at(-1)}`;

const en: UrlWords = {
  expected: (e) =>
    e.kind === 'bool'
      ? '0 or 1'
      : e.kind === 'oneOf'
        ? list(e.values, ' or ', ', ')
        : `${e.kind === 'int' ? 'an integer' : 'a number'} in ${e.min}–${e.max}`,
  badValue: (key, raw, expected) => `${key}=“${raw}” (expected ${expected})`,
  unreadable: 'the link could not be read at all',
  inverted: (min, max) => `maxh < minh (kept ${min}–${max})`,
  notGoods: (dropped, total, kept) =>
    `h: ${dropped} of ${total} purchases were not goods of the shop (kept the other ${kept})`,
  badCandidate: (raw, goods) => `c=“${raw}” (expected a good id in 1–${goods})`,
  unknownKey: (key) => `“${key}” is not a setting of this page`,
  repeated: (key, times) => `${key} was given ${times} times (used the first)`,
  budget: (cap) => cap.message,
};

const SETTING_ZH: Record<BudgetCap['setting'], string> = {
  shoppers: '购物者人数（shoppers）',
  batch: '批大小（batch）',
};

const zh: UrlWords = {
  expected: (e) =>
    e.kind === 'bool'
      ? '0 或 1'
      : e.kind === 'oneOf'
        ? list(e.values, ' 或 ', '、')
        : `${e.min}–${e.max} 之间的${e.kind === 'int' ? '整数' : '数'}`,
  badValue: (key, raw, expected) => `${key}=“${raw}”（应为 ${expected}）`,
  unreadable: '无法读取这个链接',
  inverted: (min, max) => `maxh < minh（保留 ${min}–${max}）`,
  notGoods: (dropped, total, kept) =>
    `h：${total} 个购买中有 ${dropped} 个不是商店里的商品（保留其余 ${kept} 个）`,
  badCandidate: (raw, goods) => `c=“${raw}”（应为 1–${goods} 之间的商品编号）`,
  unknownKey: (key) => `“${key}”不是本页面的设置`,
  repeated: (key, times) => `${key} 出现了 ${times} 次（使用第一个）`,
  budget: (cap) =>
    `这些设置合在一起超出了资源预算：${SETTING_ZH[cap.setting]}从 ${cap.asked} 改为 ${cap.kept}`,
};

export const URL_WORDS: Record<Lang, UrlWords> = { en, zh };
