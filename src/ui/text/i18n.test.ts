import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../world/catalogue';
import { ZH_CATEGORIES, ZH_GOODS } from '../common/goods';
import { STRINGS } from './i18n';
import { NARRATIVE } from './narrative';

/**
 * Terms the Chinese page keeps in Latin letters on purpose: model and metric names, cells,
 * libraries and units the Chinese literature writes the same way.
 */
const ALLOW = new Set(
  'Base SUM DIN DIEN GRU AUGRU AGRU AIGRU AUC GAUC CTR MLP PReLU Dice PCA RelaImpr Logloss Embedding WebGPU WebGL WASM CPU softmax Amazon MovieLens id epoch log Alt Tab Home End Enter Delete Backspace'
    .toLowerCase()
    .split(' '),
);

/** One argument that serves as a number, a string, a boolean and a number[] for every template. */
const ANY = Object.assign([7], { toFixed: () => '7' });

/** Every leaf string of a string table, functions called with ANY for each parameter. */
function leaves(x: unknown, path = ''): [string, string][] {
  if (typeof x === 'string') return [[path, x]];
  if (typeof x === 'function') {
    const f = x as (...a: unknown[]) => unknown;
    return leaves(f(...Array.from({ length: f.length }, () => ANY)), path);
  }
  if (x && typeof x === 'object')
    return Object.entries(x).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

/** Latin words that are not math (h_t, e_j) nor allowed terms: these must be translated. */
function untranslated(s: string): string[] {
  return (s.match(/[A-Za-z][\w'’-]+/g) ?? []).filter(
    (w) => !ALLOW.has(w.toLowerCase()) && !/_/.test(w),
  );
}

describe('Chinese strings', () => {
  const en = new Map(leaves(STRINGS.en));
  const zh = new Map(leaves(STRINGS.zh));
  it('cover the same keys as the English ones', () => {
    expect([...zh.keys()]).toEqual([...en.keys()]);
  });

  it('differ from English wherever the English has words to translate', () => {
    const same = [...en].filter(([k, v]) => untranslated(v).length > 0 && zh.get(k) === v);
    expect(same).toEqual([]);
  });

  it('keep no English word outside the allow-list', () => {
    const left = [...zh].filter(([, v]) => untranslated(v).length > 0);
    expect(left).toEqual([]);
  });

  it('name every good and category of the catalogue, without English words', () => {
    for (const g of CATALOGUE.goods) expect(untranslated(ZH_GOODS[g.name] ?? g.name)).toEqual([]);
    for (const c of CATALOGUE.categories)
      expect(untranslated(ZH_CATEGORIES[c.name] ?? c.name)).toEqual([]);
  });
});

describe('the narrative', () => {
  const ids = Object.keys(NARRATIVE.en) as (keyof typeof NARRATIVE.en)[];
  it('asks each reader question once, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const qs = ids.flatMap((id) => NARRATIVE[lang][id].qa.map((x) => x.q));
      expect(qs.length).toBe(new Set(qs).size);
    }
  });

  it('has the same sections, paragraphs and questions in Chinese as in English', () => {
    for (const id of ids) {
      expect(NARRATIVE.zh[id].paragraphs.length, id).toBe(NARRATIVE.en[id].paragraphs.length);
      expect(NARRATIVE.zh[id].qa.length, id).toBe(NARRATIVE.en[id].qa.length);
    }
  });

  it('translates every paragraph and question', () => {
    const en = leaves(NARRATIVE.en);
    const zh = new Map(leaves(NARRATIVE.zh));
    expect(en.filter(([k, v]) => zh.get(k) === v)).toEqual([]);
  });
});
