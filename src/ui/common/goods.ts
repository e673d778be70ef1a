/** Catalogue look-ups for the views (plain data from the world layer). */
import { CATALOGUE, goodByName } from '../../world/catalogue';
import type { Good } from '../../world/types';

export const GOODS = CATALOGUE.goods;

export function good(id: number): Good | undefined {
  return GOODS[id - 1];
}

export function goodName(id: number): string {
  return good(id)?.name ?? `#${id}`;
}

export function goodLabel(id: number): string {
  const g = good(id);
  return g ? `${g.emoji} ${g.name}` : `#${id}`;
}

export function categoryName(id: number): string {
  return CATALOGUE.categories[id - 1]?.name ?? `#${id}`;
}

/** Ids by name; a missing name is skipped so a renamed good never breaks a preset. */
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
