import { describe, expect, it } from 'vitest';
import {
  fixedBasis,
  keepOrFit,
  pcaBasis,
  project,
  randomProjection,
  snappedExtent,
} from './projection';

describe('fixed projection basis', () => {
  it('is orthonormal and the same every time for a dimension', () => {
    const [a, b] = fixedBasis(18);
    const dot = a.reduce((s, x, i) => s + x * b[i], 0);
    expect(Math.abs(dot)).toBeLessThan(1e-9);
    expect(Math.hypot(...a)).toBeCloseTo(1, 9);
    expect(Math.hypot(...b)).toBeCloseTo(1, 9);
    expect(fixedBasis(18)).toEqual([a, b]);
  });

  it('projects linearly', () => {
    const basis = fixedBasis(4);
    const [x1, y1] = project([1, 2, 3, 4], basis);
    const [x2, y2] = project([2, 4, 6, 8], basis);
    expect(x2).toBeCloseTo(2 * x1, 9);
    expect(y2).toBeCloseTo(2 * y1, 9);
    // A random projection object is centred at zero and agrees with its bare axes.
    expect(project([1, 2, 3, 4], randomProjection(4))).toEqual([x1, y1]);
  });
});

describe('PCA basis', () => {
  it('finds the principal axes, centre and explained variance of a hand example', () => {
    // A cross centred at (1, 1, 1): spread ±2 along x, ±1 along y, none along z.
    const c = [1, 1, 1];
    const pts = [
      [3, 1, 1],
      [-1, 1, 1],
      [1, 2, 1],
      [1, 0, 1],
    ];
    const p = pcaBasis(pts);
    expect(p.kind).toBe('pca');
    p.center.forEach((x, i) => expect(x).toBeCloseTo(c[i], 12));
    // Variances: x (4+4)/4 = 2, y (1+1)/4 = 0.5 → explained 0.8 and 0.2.
    expect(p.explained![0]).toBeCloseTo(0.8, 9);
    expect(p.explained![1]).toBeCloseTo(0.2, 9);
    // Axes are ±e_x and ±e_y; the sign is canonical (largest component positive).
    expect(p.axes[0][0]).toBeCloseTo(1, 9);
    expect(Math.abs(p.axes[0][1]) + Math.abs(p.axes[0][2])).toBeLessThan(1e-9);
    expect(p.axes[1][1]).toBeCloseTo(1, 9);
    expect(Math.abs(p.axes[1][0]) + Math.abs(p.axes[1][2])).toBeLessThan(1e-9);
    expect(project([3, 1, 1], p)[0]).toBeCloseTo(2, 9);
    expect(project([1, 0, 1], p)[1]).toBeCloseTo(-1, 9);
  });

  it('finds a diagonal direction and stays orthonormal', () => {
    // Points on the line y = x (plus a little spread across it) in 2-D.
    const pts = [
      [-2, -2.1],
      [-1, -0.9],
      [0, 0.1],
      [1, 0.9],
      [2, 2.0],
    ];
    const p = pcaBasis(pts);
    expect(Math.abs(p.axes[0][0])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(p.axes[0][0] * p.axes[0][1]).toBeGreaterThan(0);
    const d = p.axes[0][0] * p.axes[1][0] + p.axes[0][1] * p.axes[1][1];
    expect(Math.abs(d)).toBeLessThan(1e-9);
    expect(Math.hypot(...p.axes[1])).toBeCloseTo(1, 9);
    expect(p.explained![0]).toBeGreaterThan(0.99);
  });

  it('is deterministic', () => {
    const pts = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 18 }, (_, j) => Math.sin(i * 1.7 + j * 0.3) + (i % 3) * (j % 2)),
    );
    expect(pcaBasis(pts)).toEqual(pcaBasis(pts));
  });
});

describe('a frozen projection across snapshots', () => {
  const snapshot = (step: number) =>
    Array.from({ length: 12 }, (_, i) =>
      Array.from(
        { length: 6 },
        (_, j) => Math.cos(i + j * step) * (1 + step / 10) + (i % 4 === j ? 2 : 0),
      ),
    );

  it('keeps the same basis object, so the same vector lands on the same spot', () => {
    const first = keepOrFit(null, snapshot(0))!;
    expect(first).not.toBeNull();
    const v = [0.3, -1, 2, 0.5, 0, 1];
    const at0 = project(v, first);
    let current = first;
    for (const step of [20, 40, 80, 160]) {
      current = keepOrFit(current, snapshot(step))!;
      expect(current).toBe(first);
      expect(project(v, current)).toEqual(at0);
    }
  });

  it('refits only on request (or when the dimension changes)', () => {
    const first = keepOrFit(null, snapshot(0))!;
    const refit = keepOrFit(first, snapshot(80), true)!;
    expect(refit).not.toBe(first);
    expect(refit).toEqual(pcaBasis(snapshot(80)));
    const wider = keepOrFit(first, [
      [1, 2, 3, 4, 5, 6, 7],
      [7, 6, 5, 4, 3, 2, 1],
      [0, 0, 0, 1, 0, 0, 0],
    ])!;
    expect(wider.center).toHaveLength(7);
    expect(keepOrFit(null, [])).toBeNull();
  });

  it('snaps the frame to powers of two', () => {
    expect(snappedExtent([[0.3, -0.2]])).toBe(0.5);
    expect(snappedExtent([[3, 1]])).toBe(4);
    expect(snappedExtent([])).toBe(0.25);
  });
});
