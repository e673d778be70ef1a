/**
 * Parse benchmark (issue 15): throughput and peak memory of the import pipeline on a generated
 * Taobao-style file of 1M rows (100k items by a Zipf law, 50k users, unsorted times), against
 * PapaParse alone reading the same file once (the floor: same chunked reader, no counting).
 * A and B are interleaved in one run, so the ratio holds on a loaded machine; the absolute
 * numbers do not.
 * Usage: NODE_OPTIONS=--expose-gc npx tsx scripts/parse-bench.ts [--rows 1000000] [--reps 3]
 *        [--long-ids]
 */
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectFormat } from '../src/data/import/detect';
import { importLog } from '../src/data/import/importLog';
import { readHead, readRecords } from '../src/data/import/records';
import { DEFAULT_CAPS } from '../src/data/import/types';
import { Rng } from '../src/world/random';
import { fileSource } from './lib/fileSource';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
const REPS = arg('reps', 3);
/** Amazon-style ids of 14 characters (V8 keeps those as slices of their chunk unless detached). */
const LONG_IDS = process.argv.includes('--long-ids');
const BEHAVIOR = ['pv', 'pv', 'pv', 'pv', 'cart', 'fav', 'buy'];

/** Written in blocks: a file of 10M rows never sits in memory whole. */
function generate(path: string): number {
  const rng = new Rng(7);
  const items = 100_000;
  // Zipf(1) over items by inverse CDF on a precomputed table.
  const cdf = new Float64Array(items);
  let acc = 0;
  for (let i = 0; i < items; i++) cdf[i] = acc += 1 / (i + 1);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const u = 1 + rng.int(50_000);
    const x = rng.next() * acc;
    let lo = 0;
    let hi = items - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    const user = LONG_IDS ? `A${String(u).padStart(13, '0')}` : String(u);
    const item = LONG_IDS ? `B0${String(lo).padStart(8, '0')}` : String(1_000_000 + lo * 7);
    lines.push(
      `${user},${item},${1 + (lo % 997)},${BEHAVIOR[rng.int(7)]},${1511544070 + rng.int(9 * 86400)}`,
    );
    if (lines.length === 100_000 || r === ROWS - 1) {
      const block = lines.join('\n') + '\n';
      writeSync(fd, block);
      bytes += Buffer.byteLength(block);
      lines = [];
    }
  }
  closeSync(fd);
  return bytes;
}

interface Sample {
  ms: number;
  peakHeap: number;
  peakRss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function measure(run: (probe: () => void) => Promise<void>): Promise<Sample> {
  gc?.();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const probe = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const t0 = performance.now();
  await run(probe);
  const ms = performance.now() - t0;
  probe();
  return { ms, peakHeap, peakRss };
}

export async function main(): Promise<void> {
  const path = join(mkdtempSync(join(tmpdir(), 'parse-bench-')), 'UserBehavior-bench.csv');
  const bytes = generate(path);
  const src = fileSource(path);
  const head = await readHead(src);
  const detection = detectFormat(head, false);
  const papa = (probe: () => void) =>
    readRecords(src, detection, () => {}, { onChunk: probe }).then(() => undefined);
  const pipeline = (probe: () => void) =>
    importLog(
      src,
      undefined,
      { detection, caps: DEFAULT_CAPS, seed: 1 },
      { onProgress: probe },
    ).then(() => undefined);
  const a: Sample[] = [];
  const b: Sample[] = [];
  for (let r = 0; r < REPS; r++) {
    a.push(await measure(papa));
    b.push(await measure(pipeline));
  }
  const median = (xs: number[]) => xs.slice().sort((p, q) => p - q)[Math.floor(xs.length / 2)];
  const mb = (x: number) => (x / 1024 ** 2).toFixed(0);
  const row = (name: string, s: Sample[], passes: number) => {
    const ms = median(s.map((x) => x.ms));
    return `| ${name} | ${passes} | ${ms.toFixed(0)} | ${((ROWS * passes) / (ms / 1000) / 1e6).toFixed(2)} M | ${(ROWS / (ms / 1000) / 1e6).toFixed(2)} M | ${mb(median(s.map((x) => x.peakHeap)))} | ${mb(Math.max(...s.map((x) => x.peakRss)))} |`;
  };
  console.log(
    [
      `${ROWS.toLocaleString('en')} rows${LONG_IDS ? ' (14-character ids)' : ''}, ${mb(bytes)} MB, Node ${process.version}, median of ${REPS} interleaved runs${gc ? '' : ' (no --expose-gc: heap peaks include garbage)'}`,
      '',
      '| reader | passes | ms | rows/s read | file rows/s | peak heap over start (MB) | peak RSS (MB) |',
      '|---|---|---|---|---|---|---|',
      row('PapaParse alone (chunked reader)', a, 1),
      row('import pipeline (count, keep, build)', b, 2),
      '',
      `pipeline / PapaParse time: ${(median(b.map((x) => x.ms)) / median(a.map((x) => x.ms))).toFixed(2)}×`,
    ].join('\n'),
  );
}

await main();
