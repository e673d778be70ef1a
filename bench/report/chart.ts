/** bench/chart.svg: ms per training step vs history length T (Node wasm), now and before. */
import type { ThroughputResult } from '../../src/harness/benchCore';
import type { Results } from '../types';

export function chart(res: Results, base: Results | undefined): string {
  const W = 520;
  const H = 300;
  const L = 56;
  const R = 120;
  const Tp = 24;
  const Bm = 40;
  const cur = res.node?.sweepT ?? [];
  const old = base?.node?.sweepT ?? [];
  const all = [...cur, ...old].filter((r) => Number.isFinite(r.msPerStep));
  const maxT = Math.max(100, ...all.map((r) => r.T));
  const maxY = Math.max(1, ...all.map((r) => r.msPerStep)) * 1.05;
  const x = (t: number) => L + (t / maxT) * (W - L - R);
  const y = (v: number) => Tp + (1 - v / maxY) * (H - Tp - Bm);
  const colours: Record<string, string> = { base: '#0072B2', din: '#E69F00', dien: '#009E73' };
  const line = (rs: ThroughputResult[], m: string, dash: boolean) => {
    const pts = rs.filter((r) => r.model === m).sort((a, b) => a.T - b.T);
    if (pts.length === 0) return '';
    const d = pts
      .map((r, i) => `${i ? 'L' : 'M'}${x(r.T).toFixed(1)},${y(r.msPerStep).toFixed(1)}`)
      .join('');
    return `<path d="${d}" fill="none" stroke="${colours[m]}" stroke-width="2"${dash ? ' stroke-dasharray="5 4" opacity="0.7"' : ''}/>`;
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((q) => q * maxY);
  const tTicks = [10, 20, 40, 60, 80, 100].filter((t) => t <= maxT);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<title>Training step time vs history length T (Node, wasm, B=64): solid = current, dashed = before</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="14" font-size="12">ms per training step vs T (Node wasm, B=64)</text>`,
    ...ticks.map(
      (v) =>
        `<line x1="${L}" x2="${W - R}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(0)}</text>`,
    ),
    ...tTicks.map(
      (t) => `<text x="${x(t).toFixed(1)}" y="${H - Bm + 16}" text-anchor="middle">${t}</text>`,
    ),
    `<text x="${(L + W - R) / 2}" y="${H - 8}" text-anchor="middle">history length T</text>`,
    `<line x1="${L}" x2="${W - R}" y1="${H - Bm}" y2="${H - Bm}" stroke="#333"/>`,
    `<line x1="${L}" x2="${L}" y1="${Tp}" y2="${H - Bm}" stroke="#333"/>`,
  ];
  for (const m of ['base', 'din', 'dien']) {
    parts.push(line(old, m, true), line(cur, m, false));
  }
  ['base', 'din', 'dien'].forEach((m, i) => {
    const yy = Tp + 20 + i * 18;
    parts.push(
      `<line x1="${W - R + 12}" x2="${W - R + 36}" y1="${yy}" y2="${yy}" stroke="${colours[m]}" stroke-width="2"/><text x="${W - R + 42}" y="${yy + 4}">${m === 'base' ? 'Base' : m.toUpperCase()}</text>`,
    );
  });
  parts.push(
    `<line x1="${W - R + 12}" x2="${W - R + 36}" y1="${Tp + 84}" y2="${Tp + 84}" stroke="#555" stroke-dasharray="5 4"/><text x="${W - R + 42}" y="${Tp + 88}">before</text>`,
    '</svg>',
  );
  return parts.filter(Boolean).join('\n') + '\n';
}
