/** Bug lab, pitfall 7: negatives that can equal the positive, only with the switch on. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../world/random';
import { DEFAULT_WORLD, simulateWorld } from '../world/simulator';
import { buildDataset, sampleAny, sampleOther } from './samples';

const world = simulateWorld({ ...DEFAULT_WORLD, shoppers: 200 });
const N = world.catalogue.goods.length;

describe('negatives that may equal the positive', () => {
  it('sampleAny hits the excluded good about 1/N of the time, sampleOther never (20,000 draws)', () => {
    const rng = new Rng(5);
    let any = 0;
    let other = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const positive = 1 + (i % N);
      if (sampleAny(rng, N) === positive) any++;
      if (sampleOther(rng, N, positive) === positive) other++;
    }
    expect(other).toBe(0);
    // Binomial(20,000, 1/N): mean 20,000/N, well inside ± 5 standard deviations.
    const mean = draws / N;
    expect(Math.abs(any - mean)).toBeLessThan(5 * Math.sqrt(mean));
  });

  it('in buildDataset: collisions with the bug, none without, sample for sample the same data', () => {
    const ok = buildDataset(world, { seed: 2 });
    const bug = buildDataset(world, { seed: 2, negativesMayEqualPositive: true });
    expect(bug.train.length).toBe(ok.train.length);
    let ctr = 0;
    let aux = 0;
    let auxOk = 0;
    bug.train.forEach((s, i) => {
      const o = ok.train[i];
      expect([s.user, s.label, s.history]).toEqual([o.user, o.label, o.history]);
      if (s.label === 1) {
        expect(s.candidate).toBe(o.candidate);
        // The negative is the next row and shares the positive's history.
        if (bug.train[i + 1].candidate === s.candidate) ctr++;
        expect(ok.train[i + 1].candidate).not.toBe(o.candidate);
      }
      s.auxNegatives.forEach((neg, t) => {
        if (t + 1 < s.history.length && neg === s.history[t + 1]) aux++;
        if (t + 1 < o.history.length && o.auxNegatives[t] === o.history[t + 1]) auxOk++;
      });
    });
    expect(ctr).toBeGreaterThan(0);
    expect(aux).toBeGreaterThan(0);
    expect(auxOk).toBe(0);
  });
});
