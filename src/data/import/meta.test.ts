import { describe, expect, it } from 'vitest';
import type { ItemInfo } from './build';
import { detectMeta } from './detectMeta';
import { parseMetaJson, readMeta } from './meta';
import { bytesSource } from './records';

describe('parseMetaJson', () => {
  it("reads Amazon's 2014 and 2018 shapes: the first category path's last entry", () => {
    expect(
      parseMetaJson(
        '{"asin": "B1", "title": "Cam", "categories": [["Electronics", "Camera"], ["Sale"]]}',
      ),
    ).toEqual({
      item: 'B1',
      category: 'Camera',
      name: 'Cam',
    });
    expect(
      parseMetaJson('{"asin": "B2", "category": ["Books", "Poetry"], "title": "Odes"}'),
    ).toEqual({
      item: 'B2',
      category: 'Poetry',
      name: 'Odes',
    });
    expect(parseMetaJson('{"movieId": 7, "category": "Drama"}')).toEqual({
      item: '7',
      category: 'Drama',
      name: undefined,
    });
  });

  it('is null for what is not a JSON object (Python literals, arrays)', () => {
    expect(parseMetaJson("{'asin': 'B1'}")).toBeNull();
    expect(parseMetaJson('[1, 2]')).toBeNull();
  });
});

describe('readMeta', () => {
  it('fills only the wanted items, keeps what the event file gave, counts the ones it lacks', async () => {
    const text =
      'movieId,title,genres\n1,"Heat, the film",Action|Crime\n2,Up,Animation\n9,Unwanted,Drama\n';
    const enc = new TextEncoder().encode(text);
    const info = new Map<string, ItemInfo>([['2', { name: 'Up (from the log)' }]]);
    const missing = await readMeta(
      bytesSource('movies.csv', text),
      detectMeta(enc, true),
      new Set(['1', '2', '3']),
      info,
      {},
    );
    expect(missing).toBe(1);
    expect(info.get('1')).toEqual({ category: 'Action', name: 'Heat, the film' });
    expect(info.get('2')).toEqual({ category: 'Animation', name: 'Up (from the log)' });
    expect(info.has('9')).toBe(false);
  });

  it('refuses JSON lines that are none of them JSON, naming the line', async () => {
    const text = Array.from({ length: 25 }, (_, i) => `{'asin': 'B${i}'}`).join('\n');
    const meta = detectMeta(new TextEncoder().encode(text), true);
    await expect(
      readMeta(bytesSource('meta.json', text), meta, new Set(['B1']), new Map(), {}),
    ).rejects.toMatchObject({
      code: 'meta',
      line: 20,
    });
  });
});
