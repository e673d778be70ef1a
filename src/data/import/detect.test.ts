import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  detectFormat,
  looksLikeHeader,
  sniffDelimiter,
  withFormat,
  withMapping,
} from './detect';
import { detectMeta } from './detectMeta';
import { headText } from './headText';
import { sampleFiles } from './sampleFiles';
import { FORMATS } from './types';

const enc = (s: string) => new TextEncoder().encode(s);
const detect = (s: string) => detectFormat(enc(s), true);
const refuse = (s: string | Uint8Array, complete = true) => {
  try {
    detectFormat(typeof s === 'string' ? enc(s) : s, complete);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
};

describe('detectFormat: each format', () => {
  it('Taobao UserBehavior: no header, behaviour types in column 4', () => {
    const d = detect('1,2268318,2520377,pv,1511544070\n1,2333346,2520771,buy,1511561733\n');
    expect(d).toMatchObject({ format: 'taobao', delimiter: ',', header: false });
    expect(d.mapping).toEqual({ user: 0, item: 1, category: 2, behavior: 3, time: 4 });
    expect(d.columns).toEqual(['column 1', 'column 2', 'column 3', 'column 4', 'column 5']);
  });

  it('Amazon ratings: user first (2014 dump), item first (2018 dump), or with a header', () => {
    const u = detect(
      'A1RSDE90N6RSZF,B00000J1ER,5.0,1362960000\nA2ABCDE90N6RSZ,B00000J1EQ,3.0,1362960100\n',
    );
    expect(u).toMatchObject({
      format: 'amazon',
      header: false,
      mapping: { user: 0, item: 1, rating: 2, time: 3 },
    });
    const i = detect(
      'B00000J1ER,A1RSDE90N6RSZF,5.0,1362960000\n0486427706,A2ABCDE90N6RSZ,3.0,1362960100\n',
    );
    expect(i.mapping).toEqual({ item: 0, user: 1, rating: 2, time: 3 });
    const h = detect('reviewerID,asin,overall,unixReviewTime\nA1,B00000J1ER,5.0,1362960000\n');
    expect(h).toMatchObject({
      format: 'amazon',
      header: true,
      mapping: { user: 0, item: 1, rating: 2, time: 3 },
    });
  });

  it('MovieLens: ratings.csv with its header, and ml-1m ratings.dat with "::"', () => {
    const d = detect(
      'userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n',
    );
    expect(d).toMatchObject({
      format: 'movielens',
      header: true,
      mapping: { user: 0, item: 1, rating: 2, time: 3 },
    });
    const dat = detect('1::1193::5::978300760\n1::661::3::978302109\n');
    expect(dat).toMatchObject({ format: 'movielens', delimiter: '::', header: false });
  });

  it('generic: header in any order, TSV without header, semicolons, quoted UTF-8 names', () => {
    const h = detect('time,item,user,category\n1500000000,g1,u1,books\n');
    expect(h).toMatchObject({
      format: 'generic',
      header: true,
      mapping: { time: 0, item: 1, user: 2, category: 3 },
    });
    const tsv = detect(
      'u1\tg1\tbooks\t1500000000\tShop A\tA "novel"\nu1\tg2\tbooks\t1500000100\tShop B\tB\n',
    );
    expect(tsv).toMatchObject({
      delimiter: '\t',
      header: false,
      mapping: { user: 0, item: 1, category: 2, time: 3, shop: 4, name: 5 },
    });
    const semi = detect(
      'user;item;category;timestamp;name\nu1;g1;café;2024-01-02;"Crème; brûlée"\n',
    );
    expect(semi).toMatchObject({ delimiter: ';', header: true });
    expect(semi.preview[0]).toEqual(['u1', 'g1', 'café', '2024-01-02', 'Crème; brûlée']);
  });

  it('detects every generated sample file as its own format', () => {
    for (const f of FORMATS) {
      const [events] = sampleFiles(f);
      expect(detect(events.text).format).toBe(f);
    }
    expect(detect(sampleFiles('generic', { tsv: true })[0].text).delimiter).toBe('\t');
  });

  it('reads only whole records of a head that stops mid-file', () => {
    const text = 'user,item,timestamp\nu1,g1,1500000000\nu2,g2,15000';
    expect(headText(enc(text), false)).toBe('user,item,timestamp\nu1,g1,1500000000');
    expect(detectFormat(enc(text), false).preview).toEqual([['u1', 'g1', '1500000000']]);
  });
});

describe('detectFormat: bad input, named', () => {
  it('empty, blank or header-only files', () => {
    expect(refuse('')).toMatchObject({ code: 'empty', message: 'The file is empty.' });
    expect(refuse(' \n\n ')).toMatchObject({ code: 'empty' });
    expect(refuse('user,item,timestamp\n')).toMatchObject({ code: 'empty', line: 2 });
  });

  it('binary, invalid UTF-8, gzip and zip', () => {
    expect(refuse(new Uint8Array([0x61, 0x2c, 0x00, 0x62]))).toMatchObject({ code: 'binary' });
    expect(refuse(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toMatchObject({ code: 'binary' });
    expect(refuse(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatchObject({
      code: 'compressed',
      message: expect.stringContaining('gzip'),
    });
    expect(refuse(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toMatchObject({
      code: 'compressed',
      message: expect.stringContaining('zip'),
    });
  });

  it('a wrong (unsupported) delimiter names line 1', () => {
    expect(refuse('u1 g1 1500000000\nu2 g2 1500000001\n')).toMatchObject({
      code: 'delimiter',
      line: 1,
    });
  });

  it('a missing column names the role: the suggestion comes back with its problem', () => {
    const d = detect('user,product_price,timestamp\nu1,3.5,1500000000\n');
    expect(d.mapping).toEqual({ user: 0, time: 2 });
    expect(d.problem).toMatchObject({
      code: 'columns',
      message: expect.stringContaining('No column is the item'),
    });
  });

  it('a non-numeric timestamp names the line and the column', () => {
    const d = detect('user,item,timestamp\nu1,g1,1500000000\nu1,g2,yesterday\n');
    expect(d.problem).toMatchObject({ code: 'timestamp', line: 3, column: 'timestamp' });
    expect(d.problem!.message).toBe(
      'Line 3, column "timestamp": "yesterday" is not a timestamp (Unix seconds, milliseconds or an ISO date).',
    );
  });
});

describe('dialect pieces', () => {
  it('prefers the delimiter giving the same width on most rows', () => {
    expect(sniffDelimiter('a,b;c\nd,e;f\n').delimiter).toBe(',');
    expect(sniffDelimiter('a;b;c,d\ne;f;g,h\n').delimiter).toBe(';');
  });

  it('tells a header from data', () => {
    expect(
      looksLikeHeader([
        ['foo', 'bar'],
        ['x', '1'],
      ]),
    ).toBe(true);
    expect(
      looksLikeHeader([
        ['u1', 'g1', '15'],
        ['u2', 'g2', '16'],
      ]),
    ).toBe(false);
    expect(looksLikeHeader([['userId', 'x']])).toBe(true);
  });
});

describe('detectMeta', () => {
  it('MovieLens movies.csv: title is the name, the first genre the category', () => {
    const m = detectMeta(
      enc('movieId,title,genres\n1,"Toy Story (1995)",Adventure|Animation\n'),
      true,
    );
    expect(m).toMatchObject({
      kind: 'csv',
      header: true,
      mapping: { item: 0, name: 1, category: 2 },
      listSeparator: '|',
    });
  });

  it('Amazon JSON lines, and a headerless item,category,name table', () => {
    expect(detectMeta(enc('{"asin": "B0", "categories": [["A", "B"]]}\n'), true).kind).toBe(
      'jsonl',
    );
    const m = detectMeta(enc('B00000J1ER\tCamera\tA camera\n'), true);
    expect(m).toMatchObject({
      kind: 'csv',
      delimiter: '\t',
      header: false,
      mapping: { item: 0, category: 1, name: 2 },
    });
  });
});

describe('correcting the mapping', () => {
  const cols = ['a', 'b', 'c'];
  const rows = [['u1', 'g1', '1500000000']];

  it('refuses a column outside the file and a column mapped twice, naming them', () => {
    expect(() => checkMapping({ user: 0, item: 1, time: 5 }, cols, rows, 2)).toThrow(
      'The time is mapped to column 6, but the file has 3 columns.',
    );
    expect(() => checkMapping({ user: 0, item: 0, time: 2 }, cols, rows, 2)).toThrow(
      'Column "a" is mapped twice (user and item).',
    );
    expect(checkMapping({ user: 0, item: 1, time: 2 }, cols, rows, 2)).toEqual({
      user: 0,
      item: 1,
      time: 2,
    });
  });

  it('a headerless generic file: the timestamp is the column that reads as one', () => {
    const d = detect('1,10,3,x,1500000000\n2,11,3,y,1500000100\n');
    expect(d).toMatchObject({
      format: 'generic',
      mapping: { user: 0, item: 1, category: 2, shop: 3, time: 4 },
    });
    expect(d.problem).toBeUndefined();
  });

  it('the reader names the format or the columns: checked, the problem named', () => {
    const d = detect('1,10,3,x,1500000000\n2,11,3,y,1500000100\n');
    const t = withFormat(d, 'taobao');
    expect(t.mapping).toEqual({ user: 0, item: 1, category: 2, behavior: 3, time: 4 });
    expect(t.problem).toBeUndefined();
    // Four columns as Taobao: the time would be column 5, which the file lacks.
    expect(withFormat(detect('1,10,3,1500000000\n'), 'taobao').problem).toMatchObject({
      code: 'columns',
    });
    const wrong = withMapping(d, { user: 0, item: 1, time: 3 });
    expect(wrong.problem).toMatchObject({ code: 'timestamp', line: 1, column: 'column 4' });
    expect(withMapping(wrong, { user: 0, item: 1, time: 4 }).problem).toBeUndefined();
  });
});
