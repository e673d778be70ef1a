import { describe, expect, it } from 'vitest';
import { Rng } from './random';

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 20 }, () => a.next());
    const xb = Array.from({ length: 20 }, () => b.next());
    const xc = Array.from({ length: 20 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const x of xa) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('int stays in [0, n) and is roughly uniform', () => {
    const r = new Rng(1);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[r.int(5)]++;
    for (const k of counts) expect(Math.abs(k / 50_000 - 0.2)).toBeLessThan(0.01);
    expect(() => r.int(0)).toThrow();
    expect(() => r.int(2.5)).toThrow();
  });

  it('shuffle is an in-place permutation', () => {
    const arr = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = new Rng(3).shuffle(arr);
    expect(out).toBe(arr);
    expect(arr.slice().sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Rng(3).shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(arr);
  });

  it('categorical follows the weights and never picks a zero weight', () => {
    const r = new Rng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[r.categorical([1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0] / 40_000 - 0.25)).toBeLessThan(0.01);
    expect(() => r.categorical([0, 0])).toThrow();
    expect(() => r.categorical([1, -1])).toThrow();
  });

  it('pick returns an element and throws on empty arrays', () => {
    const r = new Rng(5);
    for (let i = 0; i < 100; i++) expect(['a', 'b', 'c']).toContain(r.pick(['a', 'b', 'c']));
    expect(() => r.pick([])).toThrow();
  });

  it('fork depends on seed and salt only, not on draws made before', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    b.next();
    b.next();
    const fa = a.fork(3);
    const fb = b.fork(3);
    expect([fa.next(), fa.next()]).toEqual([fb.next(), fb.next()]);
    expect(new Rng(7).fork(4).next()).not.toBe(new Rng(7).fork(3).next());
    expect(new Rng(8).fork(3).next()).not.toBe(new Rng(7).fork(3).next());
  });
});
