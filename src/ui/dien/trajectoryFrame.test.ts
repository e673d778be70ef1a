import { describe, expect, it } from 'vitest';
import { fitFrame, labelledSteps } from './trajectoryFrame';

const inside = (f: ReturnType<typeof fitFrame>, [x, y]: [number, number]) =>
  x > f.x[0] && x < f.x[1] && y > f.y[0] && y < f.y[1];

describe('fitFrame', () => {
  it('fits the points with equal units on both axes, not a square around the origin', () => {
    // Points in [2, 3] × [1, 1.5], plot 336 × 276 px.
    const pts: [number, number][] = [
      [2, 1],
      [3, 1.5],
      [2.5, 1.2],
    ];
    const f = fitFrame(pts, 336, 276);
    for (const p of pts) expect(inside(f, p)).toBe(true);
    const w = f.x[1] - f.x[0];
    const h = f.y[1] - f.y[0];
    expect(w / h).toBeCloseTo(336 / 276, 9);
    // The data's width (1) needs 1 / (1 − 2·0.06) = 1.136 of frame width; the ladder and the
    // centre's snap cost at most a few rungs: the data fill more than half of the frame.
    expect(1 / w).toBeGreaterThan(0.5);
    // The old frame was [−4, 4] (the power of two above 3·1.05): an eighth of it.
    expect(w).toBeLessThan(8 / 4);
  });

  it('snaps, so a small move of the points leaves the frame as it was', () => {
    const a: [number, number][] = [
      [0.1, 0.2],
      [0.9, 0.7],
    ];
    const b = a.map(([x, y]) => [x + 0.004, y - 0.003] as [number, number]);
    expect(fitFrame(b, 300, 300)).toEqual(fitFrame(a, 300, 300));
  });

  it('keeps a margin of pad on every side, and survives a single point or none', () => {
    const f = fitFrame(
      [
        [-1, -1],
        [1, 1],
      ],
      100,
      100,
      0.1,
    );
    const w = f.x[1] - f.x[0];
    expect(-1 - f.x[0]).toBeGreaterThanOrEqual(0.1 * w - 1e-12);
    expect(f.x[1] - 1).toBeGreaterThanOrEqual(0.1 * w - 1e-12);
    const one = fitFrame([[5, 5]], 100, 100);
    expect(inside(one, [5, 5])).toBe(true);
    expect(one.x[1] - one.x[0]).toBeGreaterThan(0);
    expect(fitFrame([], 100, 100).x[1]).toBeGreaterThan(fitFrame([], 100, 100).x[0]);
  });
});

describe('labelledSteps', () => {
  it('labels the first and the last, then every point clear of the labels kept', () => {
    // A row of points 5 px apart (0..50 px), labels need 12 px: 0, 50, then 15, 30 (45 is 5 px
    // from 50, 20 and 25 are too close to 15 and 30).
    const px = Array.from({ length: 11 }, (_, i) => [i * 5, 0] as [number, number]);
    expect([...labelledSteps(px, 12)].sort((a, b) => a - b)).toEqual([0, 3, 6, 10]);
  });

  it('labels every point that stands apart, and both ends even when they overlap', () => {
    expect([
      ...labelledSteps(
        [
          [0, 0],
          [0, 30],
          [40, 0],
        ],
        12,
      ),
    ]).toEqual([0, 2, 1]);
    expect([
      ...labelledSteps(
        [
          [0, 0],
          [1, 1],
        ],
        12,
      ),
    ]).toEqual([0, 1]);
    expect([...labelledSteps([[3, 3]], 12)]).toEqual([0]);
    expect([...labelledSteps([], 12)]).toEqual([]);
  });
});
