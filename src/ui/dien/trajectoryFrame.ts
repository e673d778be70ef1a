/**
 * The trajectory plot's frame and labels as pure functions. The frame fits the points (the old
 * square frame around the origin left two thirds of the plot empty) with equal units on both
 * axes (distances in the projection stay true), and it snaps — its scale to steps of 2^(1/4),
 * its centre to a grid of a quarter of its width — so training moves the points, not the frame.
 */

export interface Frame {
  x: [number, number];
  y: [number, number];
}

const RUNG = 2 ** 0.25;

/**
 * A frame of `width`×`height` px (their ratio fixes the aspect) holding every finite point with
 * at least `pad` of the frame's size as margin on each side.
 */
export function fitFrame(
  points: [number, number][],
  width: number,
  height: number,
  pad = 0.06,
  minimumSpan = 0.05,
): Frame {
  const fin = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xs = fin.map((p) => p[0]);
  const ys = fin.map((p) => p[1]);
  const x0 = fin.length ? Math.min(...xs) : -1;
  const x1 = fin.length ? Math.max(...xs) : 1;
  const y0 = fin.length ? Math.min(...ys) : -1;
  const y1 = fin.length ? Math.max(...ys) : 1;
  // Units per pixel that hold the box with its margins, on the ladder of rungs.
  const need = Math.max((x1 - x0) / width, (y1 - y0) / height, minimumSpan / width);
  let k = RUNG ** Math.ceil(Math.log(need / (1 - 2 * pad)) / Math.log(RUNG));
  for (;;) {
    const w = k * width;
    const h = k * height;
    const grid = w / 4;
    const cx = Math.round((x0 + x1) / 2 / grid) * grid;
    const cy = Math.round((y0 + y1) / 2 / grid) * grid;
    const frame: Frame = {
      x: [cx - w / 2, cx + w / 2],
      y: [cy - h / 2, cy + h / 2],
    };
    const mx = pad * w;
    const my = pad * h;
    const holds =
      x0 >= frame.x[0] + mx &&
      x1 <= frame.x[1] - mx &&
      y0 >= frame.y[0] + my &&
      y1 <= frame.y[1] - my;
    if (holds) return frame;
    k *= RUNG;
  }
}

/**
 * Which points get a visible step label: the first and the last always, then the others in
 * order when their label would sit at least `minDistance` px from every label kept so far.
 * The rest are named on hover and focus.
 */
export function labelledSteps(px: [number, number][], minDistance: number): Set<number> {
  const n = px.length;
  const order = n === 0 ? [] : [0, ...(n > 1 ? [n - 1] : []), ...px.keys()];
  const kept: number[] = [];
  for (const i of order) {
    if (i >= n || kept.includes(i)) continue;
    const far = kept.every(
      (j) => Math.hypot(px[i][0] - px[j][0], px[i][1] - px[j][1]) >= minDistance,
    );
    if (far || kept.length < Math.min(2, n)) kept.push(i);
  }
  return new Set(kept);
}
