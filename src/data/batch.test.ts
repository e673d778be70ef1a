import { describe, expect, it } from 'vitest';
import { CATALOGUE, goodByName } from '../world/catalogue';
import { DEFAULT_WORLD, simulateWorld } from '../world/simulator';
import { BatchIterator, batches, evalBatches, keptIndices, makeBatch, singleBatch } from './batch';
import { buildDataset } from './samples';
import type { Sample } from './types';

const id = (n: string) => goodByName(n).id;
const f32 = (xs: number[]) => Float32Array.from(xs);
const i32 = (xs: number[]) => Int32Array.from(xs);

describe('keptIndices', () => {
  it('keeps the most recent T', () => {
    expect(keptIndices(5, 3)).toEqual([2, 3, 4]);
    expect(keptIndices(2, 4)).toEqual([0, 1]);
    expect(keptIndices(0, 4)).toEqual([]);
  });
});

describe('makeBatch', () => {
  const kb = id('keyboard');
  const mouse = id('mouse');
  const tee = id('T-shirt');
  const wash = id('face wash');
  const shoes = id('basketball shoes');
  const ball = id('basketball');
  const headset = id('headset');
  const long: Sample = {
    user: 3,
    history: [shoes, ball, mouse, tee, wash],
    candidate: kb,
    label: 1,
    // auxNegatives[t] is the negative for history[t + 1]
    auxNegatives: [kb, headset, ball, shoes, 0],
  };
  const short: Sample = {
    user: 4,
    history: [mouse, tee],
    candidate: ball,
    label: 0,
    auxNegatives: [wash, 0],
  };

  it('truncates to the most recent T, left-aligned, with masks and aux negatives aligned', () => {
    const b = makeBatch([long, short], CATALOGUE, 3);
    expect(b.size).toBe(2);
    expect(b.T).toBe(3);
    expect(b.user).toEqual(i32([3, 4]));
    // Row 0 keeps [mouse, T-shirt, face wash]; row 1 is [mouse, T-shirt, pad].
    expect(b.histItem).toEqual(i32([mouse, tee, wash, mouse, tee, 0]));
    expect(b.mask).toEqual(f32([1, 1, 1, 1, 1, 0]));
    expect(b.length).toEqual(i32([3, 2]));
    // Position t has a real next behavior inside the window iff t + 1 < length.
    expect(b.auxMask).toEqual(f32([1, 1, 0, 1, 0, 0]));
    // Kept position 0 is original index 2, whose aux negative (for index 3) is `ball`.
    expect(b.auxNegItem).toEqual(i32([ball, shoes, 0, wash, 0, 0]));
    expect(b.label).toEqual(f32([1, 0]));
    expect(b.candItem).toEqual(i32([kb, ball]));
  });

  it('looks category and shop ids up from the catalogue, 0 for padding', () => {
    const b = makeBatch([long, short], CATALOGUE, 3);
    const cat = (g: number) => CATALOGUE.goods[g - 1].category;
    const shop = (g: number) => CATALOGUE.goods[g - 1].shop;
    expect(b.histCat).toEqual(i32([cat(mouse), cat(tee), cat(wash), cat(mouse), cat(tee), 0]));
    expect(b.histShop).toEqual(
      i32([shop(mouse), shop(tee), shop(wash), shop(mouse), shop(tee), 0]),
    );
    expect(b.candCat).toEqual(i32([cat(kb), cat(ball)]));
    expect(b.candShop).toEqual(i32([shop(kb), shop(ball)]));
    expect(b.auxNegCat).toEqual(i32([cat(ball), cat(shoes), 0, cat(wash), 0, 0]));
    expect(b.auxNegShop).toEqual(i32([shop(ball), shop(shoes), 0, shop(wash), 0, 0]));
    // Mouse and keyboard: same category (electronics), different shops (alternating).
    expect(cat(mouse)).toBe(cat(kb));
    expect(shop(mouse)).not.toBe(shop(kb));
  });

  it('rejects ids that a GPU gather would silently turn into zeros', () => {
    const N = CATALOGUE.goods.length;
    expect(() => makeBatch([{ ...short, candidate: N + 1 }], CATALOGUE, 3)).toThrow(/candidate/);
    expect(() => makeBatch([{ ...short, history: [0, 1] }], CATALOGUE, 3)).toThrow(/history/);
    expect(() => makeBatch([{ ...short, auxNegatives: [N + 5, 0] }], CATALOGUE, 3)).toThrow(/aux/);
    expect(() => makeBatch([{ ...short, auxNegatives: [1] }], CATALOGUE, 3)).toThrow(/length/);
    // An aux negative outside the kept window is never read, so it is not checked.
    expect(() =>
      makeBatch([{ ...long, auxNegatives: [99, 99, ball, shoes, 0] }], CATALOGUE, 3),
    ).not.toThrow();
  });

  it('scores one pair with singleBatch', () => {
    const b = singleBatch([mouse, tee, wash], kb, CATALOGUE, 4);
    expect(b.size).toBe(1);
    expect(b.histItem).toEqual(i32([mouse, tee, wash, 0]));
    expect(b.mask).toEqual(f32([1, 1, 1, 0]));
    expect(b.auxMask).toEqual(f32([1, 1, 0, 0]));
    expect(b.auxNegItem).toEqual(i32([0, 0, 0, 0]));
    expect(b.label).toEqual(f32([0]));
    expect(b.length).toEqual(i32([3]));
    const empty = singleBatch([], kb, CATALOGUE, 4);
    expect(empty.length).toEqual(i32([0]));
    expect(empty.mask).toEqual(f32([0, 0, 0, 0]));
  });
});

describe('batches and evalBatches', () => {
  const ds = buildDataset(simulateWorld({ ...DEFAULT_WORLD, shoppers: 30 }), { seed: 1 });
  it('cover the samples in order; eval batches are padded to a fixed size', () => {
    const bs = batches(ds.test, CATALOGUE, 20, 16);
    expect(bs.map((b) => b.size)).toEqual([16, 16, 16, 12]);
    expect(Array.from(bs.flatMap((b) => Array.from(b.label)))).toEqual(ds.test.map((s) => s.label));
    const ev = evalBatches(ds.test, CATALOGUE, 20, 16);
    expect(ev.map((e) => e.batch.size)).toEqual([16, 16, 16, 16]);
    expect(ev.map((e) => e.valid)).toEqual([16, 16, 16, 12]);
    expect(ev[3].batch.candItem.slice(0, 12)).toEqual(bs[3].candItem);
  });
});

describe('BatchIterator', () => {
  const ds = buildDataset(simulateWorld({ ...DEFAULT_WORLD, shoppers: 12 }), { seed: 2 });
  const samples = ds.train;

  it('keeps a fixed shape across epoch boundaries and covers every sample once per epoch', () => {
    const B = 7;
    const T = 30; // no truncation, so (user, length, label) identifies a sample
    const iter = new BatchIterator(samples, CATALOGUE, T, B, 123);
    const n = samples.length;
    expect(n % B).not.toBe(0); // so batches really straddle epoch boundaries
    const want = samples.map((s) => `${s.user}|${s.history.length}|${s.label}`).sort();
    expect(new Set(want).size).toBe(n);
    const rows: string[] = [];
    const steps = Math.ceil((2 * n) / B) + 1;
    for (let k = 0; k < steps; k++) {
      const b = iter.next();
      expect(b.size).toBe(B);
      expect(b.histItem.length).toBe(B * T);
      expect(b.auxMask.length).toBe(B * T);
      for (let r = 0; r < B; r++) rows.push(`${b.user[r]}|${b.length[r]}|${b.label[r]}`);
    }
    expect(iter.samplesSeen).toBe(steps * B);
    expect(iter.epoch).toBe(Math.floor((steps * B) / n));
    expect(iter.epochProgress).toBeCloseTo((steps * B) / n, 12);
    expect(rows.slice(0, n).sort()).toEqual(want);
    expect(rows.slice(n, 2 * n).sort()).toEqual(want);
    // Each epoch gets a fresh order.
    expect(rows.slice(0, n)).not.toEqual(rows.slice(n, 2 * n));
  });

  it('is deterministic from its seed', () => {
    const a = new BatchIterator(samples, CATALOGUE, 10, 5, 1);
    const b = new BatchIterator(samples, CATALOGUE, 10, 5, 1);
    const c = new BatchIterator(samples, CATALOGUE, 10, 5, 2);
    const first = a.next();
    expect(first).toEqual(b.next());
    expect(first.candItem).not.toEqual(c.next().candItem);
  });

  it('handles a batch larger than the dataset', () => {
    const few = samples.slice(0, 3);
    const iter = new BatchIterator(few, CATALOGUE, 10, 8, 1);
    expect(iter.next().size).toBe(8);
    expect(iter.epoch).toBe(2);
    expect(() => new BatchIterator([], CATALOGUE, 10, 8, 1)).toThrow();
  });
});
