import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  blobSource,
  bytesSource,
  lastRecordEnd,
  readHead,
  readLines,
  readRecords,
} from './records';
import { ImportError } from './types';

async function rowsOf(text: string | Uint8Array, chunk: number, delimiter = ',') {
  const out: [string[], number][] = [];
  await readRecords(bytesSource('f', text, chunk), { delimiter }, (f, line) => out.push([f, line]));
  return out;
}

describe('lastRecordEnd', () => {
  it('is the last newline outside quotes', () => {
    expect(lastRecordEnd('a,b\nc,d')).toBe(3);
    expect(lastRecordEnd('a,b\nc,d\n')).toBe(7);
    expect(lastRecordEnd('no newline')).toBe(-1);
    // The second newline sits inside a quoted field: the record is not over.
    expect(lastRecordEnd('a,b\nc,"x\ny')).toBe(3);
    // "" inside quotes is an escaped quote: the field closes at the last quote.
    expect(lastRecordEnd('a,"say ""hi""\n",b\nc')).toBe(17);
  });
});

describe('readRecords', () => {
  const tricky =
    '\uFEFFuser,item,name\r\n' +
    '1,10,"Ça, c\'est ""bon"""\r\n' +
    '2,11,"two\nlines"\r\n' +
    '\r\n' +
    '3,12,日本語の名前 🎧\r\n' +
    '4,13,<img src=x onerror=alert(1)>';

  it('gives the same rows as parsing the whole text, whatever the chunk size', async () => {
    const whole = Papa.parse<string[]>(tricky.slice(1), {
      delimiter: ',',
      newline: '\r\n',
    }).data.filter((r) => !(r.length === 1 && r[0] === ''));
    for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 16]) {
      const got = await rowsOf(tricky, chunk);
      expect(got.map(([f]) => f)).toEqual(whole);
    }
    expect(whole[1]).toEqual(['1', '10', 'Ça, c\'est "bon"']);
    expect(whole[2]).toEqual(['2', '11', 'two\nlines']);
    expect(whole[3]).toEqual(['3', '12', '日本語の名前 🎧']);
  });

  it('numbers lines from 1 with the header, skipping blank lines but counting them', async () => {
    const got = await rowsOf('a,b\n1,2\n\n3,4\n', 3);
    expect(got).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [['3', '4'], 4],
    ]);
  });

  it('reports records and bytes per chunk and stops when cancelled', async () => {
    const text = 'a,b\n'.repeat(100);
    const seen: number[] = [];
    const r = await readRecords(bytesSource('f', text, 40), { delimiter: ',' }, () => {}, {
      onChunk: (_, bytes) => seen.push(bytes),
    });
    expect(r).toEqual({ records: 100, bytes: 400 });
    expect(seen[0]).toBe(40);
    expect(seen.at(-1)).toBe(400);
    const abort = new AbortController();
    abort.abort();
    const p = readRecords(bytesSource('f', text, 40), { delimiter: ',' }, () => {}, {
      signal: abort.signal,
    });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses a quote that is never closed once it holds too much text', async () => {
    const big = 'a,"' + 'x'.repeat(17 * 1024 * 1024);
    const p = rowsOf(big, 1 << 20);
    await expect(p).rejects.toBeInstanceOf(ImportError);
    await expect(p).rejects.toMatchObject({ code: 'quote', line: 1 });
  });
});

describe('sources', () => {
  it('reads a Blob in chunks and a head of at most n bytes', async () => {
    const blob = new Blob(['x,y\n'.repeat(50_000)]);
    const src = blobSource(blob, 'b.csv');
    expect(src.size).toBe(200_000);
    const head = await readHead(src, 1000);
    expect(head.byteLength).toBe(1000);
    let n = 0;
    await readRecords(src, { delimiter: ',' }, () => n++);
    expect(n).toBe(50_000);
  });

  it("reads JSON lines as lines (quotes are JSON's)", async () => {
    const lines: string[] = [];
    await readLines(bytesSource('m', '{"a":"x\\"y"}\n\n{"b":1}', 5), (l) => lines.push(l));
    expect(lines).toEqual(['{"a":"x\\"y"}', '{"b":1}']);
  });
});
