import { describe, expect, it } from 'vitest';
import { CATALOGUE, goodByName, goodsInCategory } from './catalogue';

describe('catalogue', () => {
  it('contains the lesson goods in the right categories', () => {
    const catName = (name: string) => CATALOGUE.categories[goodByName(name).category - 1].name;
    expect(catName('keyboard')).toBe('electronics');
    expect(catName('mouse')).toBe('electronics');
    expect(catName('headset')).toBe('electronics');
    expect(catName('T-shirt')).toBe('clothing');
    expect(catName('face wash')).toBe('skincare');
    expect(catName('basketball shoes')).toBe('sports');
    expect(catName('basketball')).toBe('sports');
    expect(() => goodByName('spaceship')).toThrow(/spaceship/);
  });

  it('has consecutive 1-based ids and valid references', () => {
    const { goods, categories, shops } = CATALOGUE;
    goods.forEach((g, i) => expect(g.id).toBe(i + 1));
    categories.forEach((c, i) => expect(c.id).toBe(i + 1));
    shops.forEach((s, i) => expect(s.id).toBe(i + 1));
    expect(categories.length).toBe(8);
    expect(goods.length).toBeGreaterThanOrEqual(40);
    expect(goods.length).toBeLessThanOrEqual(48);
    for (const c of categories) {
      expect(c.related.length).toBeGreaterThanOrEqual(1);
      expect(c.related.length).toBeLessThanOrEqual(2);
      for (const r of c.related) {
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(categories.length);
        expect(r).not.toBe(c.id);
      }
      const inCat = goodsInCategory(c.id);
      expect(inCat.length).toBeGreaterThanOrEqual(5);
      expect(inCat.length).toBeLessThanOrEqual(6);
      // Two shops per category, both used: shop is informative but not the category itself.
      expect(new Set(inCat.map((g) => g.shop)).size).toBe(2);
    }
    for (const g of goods) {
      expect(shops[g.shop - 1].category).toBe(g.category);
      expect(g.emoji.length).toBeGreaterThan(0);
      if (g.name !== 'T-shirt') expect(g.name).toBe(g.name.toLowerCase());
    }
    expect(new Set(goods.map((g) => g.name)).size).toBe(goods.length);
  });

  it('links electronics with gaming and sports with outdoor', () => {
    const id = (n: string) => CATALOGUE.categories.find((c) => c.name === n)!.id;
    expect(CATALOGUE.categories[id('electronics') - 1].related).toContain(id('gaming'));
    expect(CATALOGUE.categories[id('gaming') - 1].related).toContain(id('electronics'));
    expect(CATALOGUE.categories[id('sports') - 1].related).toContain(id('outdoor'));
    expect(CATALOGUE.categories[id('skincare') - 1].related).toContain(id('beauty'));
  });
});
