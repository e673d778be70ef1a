/** Number formats, lookups and fits shared by the report's tables and text. */
import type { ThroughputResult } from '../../src/harness/benchCore';

export const f0 = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(0);
export const f1 = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1);
export const kb = (b: number | undefined) =>
  b === undefined ? '–' : `${(b / 1024).toFixed(1)} KiB`;
export const mb = (b: number | null | undefined) =>
  b === undefined || b === null ? '–' : `${(b / 2 ** 20).toFixed(1)} MiB`;
export const med = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[s.length >> 1]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : NaN;
};

export function pick(rs: ThroughputResult[] | undefined, model: string, T?: number, B?: number) {
  return rs?.find(
    (r) => r.model === model && (T === undefined || r.T === T) && (B === undefined || r.B === B),
  );
}

/** Least squares y = a + b·x, with R². */
export function fit(xs: number[], ys: number[]): { slope: number; intercept: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 1 };
}

export function sweepTable(
  rs: ThroughputResult[],
  key: 'T' | 'B',
  before?: ThroughputResult[],
): string {
  const keys = [...new Set(rs.map((r) => r[key]))].sort((a, b) => a - b);
  const rows = keys.map((k) => {
    const g = (m: string, src = rs) => src.find((r) => r.model === m && r[key] === k);
    const cell = (m: string) => {
      const r = g(m);
      const b = before ? g(m, before) : undefined;
      return `${f1(r?.msPerStep)}${b ? ` (${f1(b.msPerStep)})` : ''}`;
    };
    return `| ${k} | ${cell('base')} | ${cell('din')} | ${cell('dien')} | ${f0(g('dien')?.samplesPerSec)} |`;
  });
  return [
    `| ${key} | Base ms/step | DIN ms/step | DIEN ms/step | DIEN samples/s |`,
    '|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

export function dienFit(rs: ThroughputResult[] | undefined): string {
  const d = (rs ?? []).filter((r) => r.model === 'dien');
  if (d.length < 2) return '–';
  const f = fit(
    d.map((r) => r.T),
    d.map((r) => r.msPerStep),
  );
  return `${f.slope.toFixed(2)} ms per unit of T (intercept ${f.intercept.toFixed(0)} ms, R² ${f.r2.toFixed(3)})`;
}
