/**
 * The optional item-metadata file (Amazon's meta dump, MovieLens' movies.csv, or any item,
 * category[, name] table): read after the caps, keeping only the kept items' rows.
 */
import type { ItemInfo } from './build';
import { detach } from './fields';
import { readLines, readRecords, type ReadOptions } from './records';
import { ImportError, type ByteSource, type MetaDetection } from './types';

/** Amazon's nested category lists: the first path's most specific entry (the DIN scripts' choice). */
function jsonCategory(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length > 0) {
    const path = Array.isArray(v[0]) ? (v[0] as unknown[]) : v;
    const last = path[path.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return undefined;
}

const str = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

/** Parses one JSON-lines record; null when it is not a JSON object. */
export function parseMetaJson(
  line: string,
): { item?: string; category?: string; name?: string } | null {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const r = o as Record<string, unknown>;
  return {
    item: str(r.asin ?? r.item ?? r.item_id ?? r.itemId ?? r.movieId ?? r.id),
    category: jsonCategory(r.categories ?? r.category ?? r.main_cat),
    name: str(r.title ?? r.name),
  };
}

/**
 * Fills `info` for the wanted items (fields the event file gave are kept) and returns how many
 * wanted items the file did not describe. Refuses a file that describes none of them.
 */
export async function readMeta(
  source: ByteSource,
  meta: MetaDetection,
  wanted: Set<string>,
  info: Map<string, ItemInfo>,
  opts: ReadOptions,
): Promise<number> {
  const found = new Set<string>();
  let records = 0;
  let badJson = 0;
  const take = (
    item: string | undefined,
    category: string | undefined,
    name: string | undefined,
  ) => {
    if (item === undefined || !wanted.has(item)) return;
    found.add(item);
    const i = info.get(item) ?? {};
    if (!i.category && category) {
      const first = meta.listSeparator ? category.split(meta.listSeparator)[0] : category;
      i.category = detach(first.trim());
    }
    if (!i.name && name) i.name = detach(name.trim());
    info.set(item, i);
  };
  if (meta.kind === 'jsonl') {
    await readLines(
      source,
      (line, n) => {
        records++;
        const r = parseMetaJson(line);
        if (!r) {
          badJson++;
          if (records >= 20 && badJson === records) {
            throw new ImportError({
              code: 'meta',
              message: `Metadata line ${n} is not a JSON object (nor are the lines before it): convert the file to JSON lines or CSV (item, category, name).`,
              line: n,
            });
          }
          return;
        }
        take(r.item?.trim(), r.category, r.name);
      },
      opts,
    );
    if (records > 0 && badJson === records) {
      throw new ImportError({
        code: 'meta',
        message:
          'No line of the metadata file is a JSON object: convert it to JSON lines or CSV (item, category, name).',
        line: 1,
      });
    }
  } else {
    const m = meta.mapping;
    await readRecords(
      source,
      meta,
      (f, line) => {
        if (meta.header && line === 1) return;
        const cell = (c: number | undefined) => (c === undefined ? undefined : f[c]);
        take(cell(m.item)?.trim(), cell(m.category), cell(m.name));
      },
      opts,
    );
  }
  if (wanted.size > 0 && found.size === 0) {
    const col =
      meta.kind === 'csv'
        ? `column "${meta.columns[meta.mapping.item] ?? meta.mapping.item + 1}"`
        : 'field "asin"';
    throw new ImportError({
      code: 'meta',
      message: `None of the log's items is in the metadata file's ${col}: is it the file for this log, and is that the item column?`,
      column: meta.kind === 'csv' ? meta.columns[meta.mapping.item] : 'asin',
    });
  }
  return wanted.size - found.size;
}
