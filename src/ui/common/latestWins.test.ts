import { describe, expect, it } from 'vitest';
import { LatestWins } from './latestWins';

/** A request whose reply the test hands back by hand. */
interface Flight {
  key: string;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

/** Lets every pending promise callback (then/catch/finally and the re-run) happen. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

function harness(first = 'a') {
  let wanted = first;
  let clock = 0;
  const flights: Flight[] = [];
  const results: [string, string][] = [];
  const errors: string[] = [];
  const lw = new LatestWins<string, string>({
    wanted: () => wanted,
    key: (w) => w,
    request: (w) =>
      new Promise<string>((resolve, reject) => flights.push({ key: w, resolve, reject })),
    onResult: (v, sent) => results.push([sent, v]),
    onError: (m) => errors.push(m),
    now: () => clock,
  });
  return {
    lw,
    flights,
    results,
    errors,
    want: (w: string) => {
      wanted = w;
    },
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('latest wins', () => {
  it('a burst of 5 triggers while one request is in flight sends exactly 2 requests', async () => {
    const h = harness();
    h.lw.trigger();
    expect(h.flights).toHaveLength(1);
    for (const w of ['b', 'c', 'd', 'e', 'f']) {
      h.want(w);
      h.lw.trigger();
    }
    expect(h.flights).toHaveLength(1);
    expect(h.lw.busy).toBe(true);
    h.flights[0].resolve('A');
    await settle();
    // The first reply is for 'a', no longer wanted: dropped. The newest state went out once.
    expect(h.flights.map((f) => f.key)).toEqual(['a', 'f']);
    expect(h.results).toEqual([]);
    h.flights[1].resolve('F');
    await settle();
    expect(h.flights).toHaveLength(2);
    expect(h.results).toEqual([['f', 'F']]);
    expect(h.lw.busy).toBe(false);
  });

  it('drops a reply to an old key and accepts one to the current key', async () => {
    const h = harness();
    h.lw.trigger();
    h.want('b');
    h.flights[0].resolve('A');
    await settle();
    expect(h.results).toEqual([]);
    // Nothing triggered meanwhile: no request of its own (the caller's trigger follows its edit).
    expect(h.flights).toHaveLength(1);
    h.lw.trigger();
    h.flights[1].resolve('B');
    await settle();
    expect(h.results).toEqual([['b', 'B']]);
  });

  it('a reply stays wanted when only what the key ignores changed', async () => {
    const results: number[] = [];
    let wanted = { goods: '1.2', candidate: 7 };
    let resolve: (v: number) => void = () => {};
    const lw = new LatestWins<typeof wanted, number>({
      wanted: () => wanted,
      key: (w) => w.goods,
      request: () => new Promise<number>((r) => (resolve = r)),
      onResult: (v) => results.push(v),
    });
    lw.trigger();
    wanted = { goods: '1.2', candidate: 8 };
    resolve(42);
    await settle();
    expect(results).toEqual([42]);
  });

  it('a rejection goes to the error callback and the next trigger runs', async () => {
    const h = harness();
    h.lw.trigger();
    h.flights[0].reject(new Error('session reset'));
    await settle();
    expect(h.errors).toEqual(['session reset']);
    expect(h.lw.busy).toBe(false);
    h.lw.trigger();
    expect(h.flights).toHaveLength(2);
    h.flights[1].resolve('A');
    await settle();
    expect(h.results).toEqual([['a', 'A']]);
  });

  it('a request that throws synchronously is reported like a rejection', async () => {
    const errors: string[] = [];
    const lw = new LatestWins<string, string>({
      wanted: () => 'a',
      key: (w) => w,
      request: () => {
        throw new Error('call init() first');
      },
      onResult: () => {},
      onError: (m) => errors.push(m),
    });
    lw.trigger();
    await settle();
    expect(errors).toEqual(['call init() first']);
    expect(lw.busy).toBe(false);
  });

  it('records when the last request finished', async () => {
    const h = harness();
    expect(h.lw.lastFinished).toBe(0);
    h.lw.trigger();
    h.tick(250);
    h.flights[0].resolve('A');
    await settle();
    expect(h.lw.lastFinished).toBe(250);
    h.lw.trigger();
    h.tick(100);
    h.flights[1].reject('offline');
    await settle();
    expect(h.lw.lastFinished).toBe(350);
    expect(h.errors).toEqual(['offline']);
  });

  it('dispose stops it: no further requests, replies and errors in flight are dropped', async () => {
    const h = harness();
    h.lw.trigger();
    h.want('b');
    h.lw.trigger(); // would re-run after the flight
    h.lw.dispose();
    h.flights[0].resolve('A');
    await settle();
    h.lw.trigger();
    await settle();
    expect(h.flights).toHaveLength(1);
    expect(h.results).toEqual([]);

    const g = harness();
    g.lw.trigger();
    g.lw.dispose();
    g.flights[0].reject(new Error('disposed'));
    await settle();
    expect(g.errors).toEqual([]);
  });
});
