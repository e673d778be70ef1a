import { describe, expect, it } from 'vitest';
import { importedDataset } from './dataset';
import { detectFormat } from './detect';
import { importLog } from './importLog';
import { bytesSource } from './records';
import { sampleFiles } from './sampleFiles';
import { DEFAULT_CAPS } from './types';

async function imported() {
  const [file] = sampleFiles('taobao');
  const detection = detectFormat(new TextEncoder().encode(file.text), true);
  // topItems 20: the "other" good is in play too.
  const caps = { ...DEFAULT_CAPS, topItems: 20, maxHistory: 12 };
  return importLog(bytesSource(file.name, file.text), undefined, { detection, caps, seed: 3 });
}

describe("the papers' protocol on an imported log", () => {
  it('one positive and one negative per position, the last position is the test set, nothing leaks', async () => {
    const w = await imported();
    expect(w.otherGood).not.toBeNull();
    const data = importedDataset(w, { seed: 5 });
    const N = w.catalogue.goods.length;
    for (const s of w.shoppers) {
      const n = s.purchases.length;
      const train = data.train.filter((x) => x.user === s.id);
      const test = data.test.filter((x) => x.user === s.id);
      expect(train).toHaveLength(2 * (n - 2));
      expect(test).toHaveLength(2);
      // The test pair predicts the last purchase from all the others…
      expect(test[0]).toMatchObject({ candidate: s.purchases[n - 1], label: 1 });
      expect(test[0].history).toEqual(s.purchases.slice(0, n - 1));
      // …and no training sample sees it, as a candidate or in a history.
      for (const x of train) {
        expect(x.history.length).toBeLessThan(n - 1);
        if (x.label === 1) expect(x.candidate).toBe(s.purchases[x.history.length]);
      }
      // Times travel with the samples: days since the shopper's first purchase.
      expect(test[0].times).toEqual(s.times.slice(0, n - 1));
    }
    for (const part of [data.train, data.test]) {
      for (let i = 0; i < part.length; i += 2) {
        const [pos, neg] = [part[i], part[i + 1]];
        expect(pos.label).toBe(1);
        expect(neg.label).toBe(0);
        expect(neg.candidate).not.toBe(pos.candidate);
        expect(neg.candidate).toBeGreaterThanOrEqual(1);
        expect(neg.candidate).toBeLessThanOrEqual(N);
        pos.auxNegatives.forEach((a, t) => {
          if (t + 1 < pos.history.length) expect(a).not.toBe(pos.history[t + 1]);
        });
      }
    }
  });
});
