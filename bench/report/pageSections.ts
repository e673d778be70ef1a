/**
 * The report's sections on the real page: responsiveness and loading. Each returns its section's
 * markdown, or null when this run did not run the page (the file's section stays as it is).
 */
import { kb } from './format';
import { otherBefore, pageRows, responsivenessRows, type ReportContext } from './tables';

export function responsivenessSection({ res, prev }: ReportContext): string | null {
  if (!res.responsiveness?.length) return null;
  return `## Responsiveness (the real page, Chromium)

Long tasks from a \`PerformanceObserver('longtask')\` on the main thread while Play runs for a fixed
time; edit latency from the input event (candidate change or "Add …" click) until the changed
attention bars are in the DOM and the next frame has run. In parentheses: the last run before the
scoring worker (\`bench/before-scorer.json\`; its "paused" edits were partly measured while a Step ×10
was still training, a bench bug fixed since).${beforeNote({ res, prev })}

| Backend | Played | Longest task ms | Tasks > 50 ms | Edit p50 / p95 ms, paused | Edit p50 / p95 ms, while playing | Edits without a visible change in 5 s |
|---|---|---:|---:|---:|---:|---:|
${responsivenessRows(res, prev).join('\n')}
`;
}

/** Why a row has no "before" figures: the run before ran that row on another backend. */
function beforeNote({ res, prev }: Pick<ReportContext, 'res' | 'prev'>): string {
  const other = otherBefore(res, prev);
  return other.length
    ? ` No "before" figures for ${other.join('; ')}: they would compare two backends.`
    : '';
}

export function loadingSection({ res, prev }: ReportContext): string | null {
  const ld = res.loading;
  if (!ld?.pages.length) return null;
  return `## Loading (built site, \`vite preview\` on localhost)

| | gzip -9 |
|---|---:|
| JS before first paint (${ld.firstPaint.map((f) => f.file).join(', ')}) | ${kb(ld.firstPaintGzip)} |
| CSS | ${kb(ld.css.reduce((s, c) => s + c.gzip, 0))} |
| Worker with the tfjs engine (${ld.worker.map((f) => f.file).join(', ')}) | ${kb(ld.workerGzip)} |
${ld.wasm.map((w) => `| ${w.file} (only on the wasm backend) | ${kb(w.gzip)} |`).join('\n')}

| Backend | Runs | First contentful paint ms | Engine ready (Step enabled) ms | First trained step on screen ms |
|---|---:|---:|---:|---:|
${pageRows(res, prev).join('\n')}

Times are from navigation start, cold cache (a new browser context per run); in parentheses, the last
run before the scoring worker and the faster GRU. "auto" is the page without \`?backend=\`: the
backend chain (\`src/train/backendChain.ts\`) picks, and declines a GPU backend that is only a
software emulator here; the row names what it picked, from the page's Backend status.${beforeNote({ res, prev })}
`;
}
