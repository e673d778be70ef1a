/** Detection of the optional item-metadata file (Amazon's meta dump, MovieLens' movies.csv). */
import { sniffDelimiter } from './detect';
import { headText } from './headText';
import { normalizeName } from './fields';
import type { MetaDetection } from './types';

const META_ITEM = ['movieid', 'asin', 'item', 'itemid', 'product', 'productid', 'sku', 'id'];
const META_CATEGORY = ['genres', 'genre', 'category', 'categories', 'categoryid', 'cat', 'maincat'];
const META_NAME = ['title', 'name', 'itemname', 'productname'];

/** Detects the item-metadata file: CSV/TSV (item, category[, name]) or JSON lines. */
export function detectMeta(head: Uint8Array, complete: boolean): MetaDetection {
  const text = headText(head, complete);
  if (text.trimStart().startsWith('{')) {
    // Named after Amazon's fields (parseMetaJson also reads item/category/title).
    return {
      kind: 'jsonl',
      delimiter: '\n',
      header: false,
      columns: ['asin', 'categories', 'title'],
      mapping: { item: 0, category: 1, name: 2 },
    };
  }
  const { delimiter, rows } = sniffDelimiter(text);
  const first = rows[0].map(normalizeName);
  const find = (names: string[]) => {
    const i = first.findIndex((n) => names.includes(n));
    return i < 0 ? undefined : i;
  };
  const item = find(META_ITEM);
  const header = item !== undefined;
  const columns = header ? rows[0] : rows[0].map((_, i) => `column ${i + 1}`);
  const mapping = header
    ? { item, category: find(META_CATEGORY), name: find(META_NAME) }
    : {
        item: 0,
        category: rows[0].length > 1 ? 1 : undefined,
        name: rows[0].length > 2 ? 2 : undefined,
      };
  const genres = header && mapping.category !== undefined && first[mapping.category] === 'genres';
  const sample = (header ? rows.slice(1) : rows).map((r) => r[mapping.category ?? -1] ?? '');
  const listSeparator = genres || sample.some((s) => s.includes('|')) ? '|' : undefined;
  return {
    kind: 'csv',
    delimiter,
    header,
    columns,
    mapping: { ...mapping, item: mapping.item ?? 0 },
    listSeparator,
  };
}
