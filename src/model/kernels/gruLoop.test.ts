import { describe, expect, it } from 'vitest';
import { CACHE_SLOTS, gruBackward, gruForward, type GruDims } from './gruLoop';
import { seededValues as rand } from './seeded';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('gruForward', () => {
  it('two steps of one unit, by hand', () => {
    // xs [T=2, 3, B=1, H=1]: (xu, xr, xh) per step; U [3, 1, 1] = (Uu, Ur, Uh); g = (1, 0.5).
    const xs = new Float32Array([0, 1, 0.5, -1, 2, 0.25]);
    const U = new Float32Array([0.5, -2, 3]);
    const g = new Float32Array([1, 0.5]);
    const states = new Float32Array(2);
    const cache = new Float32Array(2 * CACHE_SLOTS);
    gruForward({ T: 2, B: 1, H: 1 }, xs, U, g, null, true, states, cache);
    // Step 1 from h = 0: u = σ(0) = 0.5, r = σ(1), c = tanh(0.5), h1 = 0.5·c.
    const h1 = 0.5 * Math.tanh(0.5);
    expect(states[0]).toBeCloseTo(h1, 6);
    // Step 2: u = σ(−1 + 0.5 h1), r = σ(2 − 2 h1), c = tanh(0.25 + r·3 h1), e = 0.5 u.
    const u2 = sig(-1 + 0.5 * h1);
    const r2 = sig(2 - 2 * h1);
    const c2 = Math.tanh(0.25 + r2 * 3 * h1);
    expect(states[1]).toBeCloseTo(h1 + 0.5 * u2 * (c2 - h1), 6);
    // The cache holds (u, r, c, h·Uh) per step.
    expect(Array.from(cache.slice(4))).toEqual([u2, r2, c2, 3 * h1].map((v) => Math.fround(v)));
  });

  it('without the update gate (AGRU) g is the update; g = 0 keeps the state', () => {
    const xs = new Float32Array([9, 0, 0.3, 9, 0, 0.7]);
    const U = new Float32Array([0, 0, 0]);
    const states = new Float32Array(2);
    gruForward(
      { T: 2, B: 1, H: 1 },
      xs,
      U,
      new Float32Array([0.25, 0]),
      null,
      false,
      states,
      new Float32Array(8),
    );
    expect(states[0]).toBeCloseTo(0.25 * Math.tanh(0.3), 6);
    expect(states[1]).toBe(states[0]);
  });
});

describe('gruBackward', () => {
  const d: GruDims = { T: 3, B: 2, H: 2 };
  const n = d.T * d.B * d.H;
  const dy = rand(n, 7);
  /** L = Σ dy ⊙ states, in float64 through a float32 loop (so a central difference with h = 1e-2). */
  const loss = (xs: Float32Array, U: Float32Array, g: Float32Array, o: Float32Array | null) => {
    const states = new Float32Array(n);
    gruForward(d, xs, U, g, o, true, states, new Float32Array(n * CACHE_SLOTS));
    return states.reduce((a, v, i) => a + v * dy[i], 0);
  };

  it('matches central differences for xs, U, g and the offset', () => {
    const xs = rand(3 * n, 1);
    const U = rand(3 * d.H * d.H, 2);
    const g = rand(n, 3).map((v) => Math.abs(v));
    g.fill(0, 10); // the last step of the second row is padding
    const o = rand(n, 4).map((v) => 0.2 * v);
    const states = new Float32Array(n);
    const cache = new Float32Array(n * CACHE_SLOTS);
    gruForward(d, xs, U, g, o, true, states, cache);
    const out = {
      dxs: new Float32Array(3 * n),
      dU: new Float32Array(3 * d.H * d.H),
      dg: new Float32Array(n),
      dE: new Float32Array(n),
    };
    gruBackward(d, dy, states, cache, g, U, o, true, out);
    const check = (arr: Float32Array, grad: Float32Array) => {
      for (let i = 0; i < arr.length; i++) {
        const keep = arr[i];
        const h = 1e-2;
        arr[i] = keep + h;
        const up = loss(xs, U, g, o);
        arr[i] = keep - h;
        const down = loss(xs, U, g, o);
        arr[i] = keep;
        expect(Math.abs(grad[i] - (up - down) / (2 * h))).toBeLessThan(2e-3);
      }
    };
    check(xs, out.dxs);
    check(U, out.dU);
    check(g, out.dg);
    check(o, out.dE);
    expect(out.dU.some((v) => Math.abs(v) > 1e-2)).toBe(true);
  });
});
