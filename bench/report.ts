/**
 * BENCHMARKS.md and bench/chart.svg from bench/results/results.json, with the committed
 * bench/baseline.json (the run before the optimisation) as the "before" column.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ThroughputResult } from '../src/harness/benchCore';
import type { PageRun, Responsiveness, Results } from './run';
import { INSIGHT_MARGIN } from './plan';

const f0 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(0));
const f1 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
const kb = (b: number | undefined) => (b === undefined ? '–' : `${(b / 1024).toFixed(1)} KiB`);
const mb = (b: number | null | undefined) =>
  b === undefined || b === null ? '–' : `${(b / 2 ** 20).toFixed(1)} MiB`;
const med = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[s.length >> 1]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : NaN;
};

function pick(rs: ThroughputResult[] | undefined, model: string, T?: number, B?: number) {
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

function sweepTable(rs: ThroughputResult[], key: 'T' | 'B', before?: ThroughputResult[]): string {
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

function dienFit(rs: ThroughputResult[] | undefined): string {
  const d = (rs ?? []).filter((r) => r.model === 'dien');
  if (d.length < 2) return '–';
  const f = fit(
    d.map((r) => r.T),
    d.map((r) => r.msPerStep),
  );
  return `${f.slope.toFixed(2)} ms per unit of T (intercept ${f.intercept.toFixed(0)} ms, R² ${f.r2.toFixed(3)})`;
}

function chart(res: Results, base: Results | undefined): string {
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

export function writeReport(root: string, res: Results): void {
  const basePath = resolve(root, 'bench/baseline.json');
  const base: Results | undefined =
    existsSync(basePath) && res.label !== 'baseline'
      ? (JSON.parse(readFileSync(basePath, 'utf8')) as Results)
      : undefined;
  writeFileSync(resolve(root, 'bench/chart.svg'), chart(res, base));
  // Responsiveness and loading before the scoring worker (the baseline run predates their bench).
  const prevPath = resolve(root, 'bench/before-scorer.json');
  const prev: Pick<Results, 'responsiveness'> & { loading?: { pages: PageRun[] } } = existsSync(
    prevPath,
  )
    ? JSON.parse(readFileSync(prevPath, 'utf8'))
    : {};
  const m = res.machine;
  const gpu = res.gpu;
  const webgpu = typeof gpu?.webgpu === 'string' ? gpu.webgpu : JSON.stringify(gpu?.webgpu ?? '–');
  const webgl = typeof gpu?.webgl === 'string' ? gpu.webgl : (gpu?.webgl.renderer ?? '–');
  const software =
    typeof gpu?.webgpu === 'object' && gpu.webgpu.isFallbackAdapter === true
      ? 'No GPU on this machine: WebGPU and WebGL ran on SwiftShader (a CPU emulator). Their figures prove the code path, not GPU speed.'
      : 'GPU adapter as reported above.';

  const rows: string[] = [];
  const tp = (
    env: string,
    rs: ThroughputResult[] | undefined,
    before?: ThroughputResult[],
    err?: string,
  ) => {
    if (!rs || rs.length === 0) {
      rows.push(`| ${env} | ${err ? `failed: ${err.slice(0, 80)}` : '–'} | | | | | |`);
      return;
    }
    const c = (name: string) => {
      const r = pick(rs, name, 20, 64);
      return `${f1(r?.msPerStep)} / ${f0(r?.samplesPerSec)}`;
    };
    const lock = pick(rs, 'lockstep', 20, 64);
    const lockBefore = pick(before, 'lockstep', 20, 64);
    rows.push(
      `| ${env} | ${c('base')} | ${c('din')} | ${c('dien')} | ${f1(lock?.msPerStep)} | ${f1(lockBefore?.msPerStep)} | ${f0(lock?.firstStepMs)} |`,
    );
  };
  for (const be of ['cpu', 'wasm'])
    tp(`Node ${be}`, res.node?.throughput[be], base?.node?.throughput[be]);
  for (const b of res.browser?.throughput ?? []) {
    const before = base?.browser?.throughput.find((x) => x.backend === b.backend)?.results;
    tp(`Chromium ${b.backend}${b.label ? ` (${b.label})` : ''}`, b.results, before, b.error);
  }

  const insightRows: string[] = [];
  interface Ins {
    reached: boolean;
    ms: number;
    step: number;
    boundMs: number;
    error?: string;
  }
  const ins = (env: string, r: Ins | undefined, b?: Ins) => {
    const show = (x?: Ins) =>
      !x
        ? '–'
        : x.reached
          ? `${(x.ms / 1000).toFixed(1)} s (step ${x.step})`
          : `not reached in ${(x.boundMs / 1000).toFixed(0)} s (step ${x.step})${x.error ? `: ${x.error}` : ''}`;
    insightRows.push(`| ${env} | ${show(r)} | ${show(b)} |`);
  };
  for (const [k, v] of Object.entries(res.node?.insight ?? {}))
    ins(`Node ${k}`, v, base?.node?.insight[k]);
  for (const [k, v] of Object.entries(res.browser?.insight ?? {}))
    ins(`Chromium ${k}`, v, base?.browser?.insight[k]);

  const respRows = (res.responsiveness ?? []).map((r) => {
    const b = prev.responsiveness?.find((x) => x.backend === r.backend);
    return `| ${r.backend} | ${(r.playMs / 1000).toFixed(0)} s, ${r.stepsPlayed} steps | ${f0(r.longestMs)} (${f0(b?.longestMs)}) | ${r.over50} (${b?.over50 ?? '–'}) | ${f0(r.idleEdits.p50)} / ${f0(r.idleEdits.p95)} (${f0(b?.idleEdits.p50)} / ${f0(b?.idleEdits.p95)}) | ${f0(r.playingEdits.p50)} / ${f0(r.playingEdits.p95)} (${f0(b?.playingEdits.p50)} / ${f0(b?.playingEdits.p95)}) | ${r.idleEdits.missed + r.playingEdits.missed} |`;
  });

  const ld = res.loading;
  const pageRows = ['wasm', 'auto'].map((be) => {
    const runs = ld?.pages.filter((p) => p.backend === be) ?? [];
    const label = runs[0]?.backendLabel ?? '';
    const was = prev.loading?.pages.filter((p) => p.backend === be) ?? [];
    const then = (f: (p: PageRun) => number) => (was.length ? ` (${f0(med(was.map(f)))})` : '');
    return `| ${be}${label ? ` (${label})` : ''} | ${runs.length} | ${f0(med(runs.map((r) => r.fcpMs)))}${then((r) => r.fcpMs)} | ${f0(med(runs.map((r) => r.readyMs)))}${then((r) => r.readyMs)} | ${f0(med(runs.map((r) => r.firstStepMs)))}${then((r) => r.firstStepMs)} |`;
  });

  const mem = res.node?.memory.samples ?? [];
  const memFirst = mem.find((s) => s.step >= 50) ?? mem[0];
  const memLast = mem.at(-1);
  const bm = res.browser?.memory[0];
  const bmFirst = bm?.samples.find((s) => s.step >= 20) ?? bm?.samples[0];
  const bmLast = bm?.samples.at(-1);

  const dienSlope = dienFit(res.node?.sweepT);
  const dienSlopeBefore = dienFit(base?.node?.sweepT);
  const dienSlopeBrowser = dienFit(res.browser?.sweepT);
  const ab = ['wasm', 'cpu']
    .map((be) => resolve(root, `bench/results/ab-${be}.json`))
    .filter(existsSync)
    .map((p) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, number | string>);

  const lockNow = pick(res.node?.throughput.wasm, 'lockstep', 20, 64)?.msPerStep;
  const lockBefore = pick(base?.node?.throughput.wasm, 'lockstep', 20, 64)?.msPerStep;
  const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
  const worstLong = Math.max(0, ...(res.responsiveness ?? []).map((r) => r.longestMs));
  const worstP95Of = (rs: Responsiveness[] | undefined) =>
    Math.max(...finite((rs ?? []).flatMap((r) => [r.idleEdits.p95, r.playingEdits.p95])));
  const worstP95 = worstP95Of(res.responsiveness);

  const md = `# Benchmarks

Generated by \`npm run bench${res.quick ? ' -- --quick' : ''}\` on ${res.date.slice(0, 16).replace('T', ' ')} UTC
(${m.benchMinutes} min${res.kept?.length ? `; the ${res.kept.join(', ')} phases were skipped (\`BENCH_SKIP\`) and their figures kept from the previous run` : ''}). Raw figures: \`bench/results/results.json\` (not committed). Run
\`npm run bench\` (full, ~15 min here) or \`npm run bench -- --quick\` (a few minutes); the
"before" figures come from \`bench/baseline.json\`, a \`--quick --save-baseline\` run made before the
optimisation. All times are medians over repeats; the machine was shared with other jobs (load
average ${m.loadAvgAtStart} at the start, ${m.loadAvgAtEnd} at the end), so expect ±30 % noise
between runs — compare ratios measured in one run (the interleaved A/B below) rather than
single figures across runs.

## Machine

| | |
|---|---|
| CPU | ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB |
| OS | ${m.os} |
| Node | ${m.node} |
| Chromium | ${m.chromium ?? '–'} |
| Chromium flags | \`${m.chromiumArgs ?? '–'}\` (override with \`BENCH_CHROMIUM_ARGS\`) |
| WebGPU adapter | ${webgpu} |
| WebGL renderer | ${webgl} |

${software} On a machine with a GPU the same command runs unchanged; pass the GPU's flags, e.g.
\`BENCH_CHROMIUM_ARGS="--no-sandbox --enable-unsafe-webgpu --enable-features=Vulkan --use-angle=vulkan" BENCH_HEADED=1 npm run bench\`,
and the adapter rows above will name the GPU. No such figures exist yet: this task had no GPU.

## Budgets (reported, not asserted)

| Budget | Now | Before |
|---|---|---|
| No main-thread task > 50 ms while training plays | longest ${f0(worstLong)} ms, ${(res.responsiveness ?? []).map((r) => `${r.over50} over 50 ms (${r.backend})`).join(', ') || '–'} | ${(prev.responsiveness ?? []).map((r) => `longest ${f0(r.longestMs)} ms, ${r.over50} over 50 ms (${r.backend})`).join(', ') || '–'} |
| Edit → re-scored view p95 < 100 ms | worst p95 ${f0(worstP95)} ms (${(res.responsiveness ?? []).map((r) => `${r.backend}: paused ${f0(r.idleEdits.p95)}, playing ${f0(r.playingEdits.p95)}`).join('; ')}) | worst p95 ${f0(worstP95Of(prev.responsiveness))} ms |
| JS before first paint < 200 KB gzip | ${kb(ld?.firstPaintGzip)} | ${kb(base?.loading?.firstPaintGzip)} |
| Flat tensor count over 1,000 steps | ${memFirst?.numTensors ?? '–'} → ${memLast?.numTensors ?? '–'} tensors (step ${memFirst?.step}→${memLast?.step}, Node wasm) | ${base?.node?.memory.samples[0]?.numTensors ?? '–'} → ${base?.node?.memory.samples.at(-1)?.numTensors ?? '–'} (to step ${base?.node?.memory.samples.at(-1)?.step ?? '–'}) |
| DIEN step cost linear in T | ${dienSlope} | ${dienSlopeBefore} |
| Lockstep step (Base+DIN+DIEN), Node wasm, B=64, T=20 | ${f1(lockNow)} ms | ${f1(lockBefore)} ms |

## Training throughput (default sizes: embDim 6 → D = 18, T = 20, hidden [32, 16], B = 64)

Each model trained alone on one fixed batch (Adam, one readback per repeat), then the real
lockstep \`TrainingSession.step()\` of all three on fresh batches. Cells: ms/step / samples/s.
"First step" is the wall time of the very first lockstep step (WebGPU/WebGL: shader compilation).

| Environment | Base | DIN | DIEN | Lockstep ms/step | Lockstep before | First step ms |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

## Sweeps

History length T (B = 64) in Node on wasm; before in parentheses:

${res.node ? sweepTable(res.node.sweepT, 'T', base?.node?.sweepT) : '–'}

DIEN's cost vs T (least-squares fit): **${dienSlope}** (before: ${dienSlopeBefore}).
${res.browser?.sweepT.length ? `In Chromium on ${res.browser.sweepBackend}: ${dienSlopeBrowser}.` : ''}

![ms per step vs T](bench/chart.svg)

Batch size B (T = 20) in Node on wasm:

${res.node ? sweepTable(res.node.sweepB, 'B', base?.node?.sweepB) : '–'}

${
  res.browser?.sweepT.length
    ? `The same sweeps in Chromium on ${res.browser.sweepBackend} (the only browser backend swept: the software-GPU
backends take seconds per step here):

${sweepTable(res.browser.sweepT, 'T')}

${sweepTable(res.browser.sweepB, 'B')}`
    : ''
}

## Time to insight

Wall time from Play (page defaults: B = 64, lr 0.005, 5 steps per tick, test evaluation every 25
steps, default world of 1,500 shoppers) until DIN's test AUC beats Base's by ${INSIGHT_MARGIN}. In
Chromium it runs through the real training worker (\`TrainerClient\`, what the Play button does);
in Node on the session directly.

| Environment | Now | Before |
|---|---|---|
${insightRows.join('\n')}

## Responsiveness (the real page, Chromium)

Long tasks from a \`PerformanceObserver('longtask')\` on the main thread while Play runs for a fixed
time; edit latency from the input event (candidate change or "Add …" click) until the changed
attention bars are in the DOM and the next frame has run. In parentheses: the last run before the
scoring worker (\`bench/before-scorer.json\`; its "paused" edits were partly measured while a Step ×10
was still training, a bench bug fixed since).

| Backend | Played | Longest task ms | Tasks > 50 ms | Edit p50 / p95 ms, paused | Edit p50 / p95 ms, while playing | Edits without a visible change in 5 s |
|---|---|---:|---:|---:|---:|---:|
${respRows.join('\n')}

## Loading (built site, \`vite preview\` on localhost)

| | gzip -9 |
|---|---:|
| JS before first paint (${ld?.firstPaint.map((f) => f.file).join(', ')}) | ${kb(ld?.firstPaintGzip)} |
| CSS | ${kb(ld?.css.reduce((s, c) => s + c.gzip, 0))} |
| Worker with the tfjs engine (${ld?.worker.map((f) => f.file).join(', ')}) | ${kb(ld?.workerGzip)} |
${(ld?.wasm ?? []).map((w) => `| ${w.file} (only on the wasm backend) | ${kb(w.gzip)} |`).join('\n')}

| Backend | Runs | First contentful paint ms | Engine ready (Step enabled) ms | First trained step on screen ms |
|---|---:|---:|---:|---:|
${pageRows.join('\n')}

Times are from navigation start, cold cache (a new browser context per run); in parentheses, the last
run before the scoring worker and the faster GRU.

## Memory

Node wasm, lockstep at the page defaults with a readback every 10 steps and an evaluation every
${res.node?.memory.samples.length ? '' : ''}sample: tf.memory().numTensors ${memFirst?.numTensors ?? '–'} at step ${memFirst?.step ?? '–'} →
${memLast?.numTensors ?? '–'} at step ${memLast?.step ?? '–'}; JS heap ${mb(memFirst?.heapBytes)} → ${mb(memLast?.heapBytes)}.
${bm ? `Chromium ${bm.backend} worker: ${bmFirst?.numTensors ?? '–'} → ${bmLast?.numTensors ?? '–'} tensors over ${bmLast?.step ?? '–'} steps; heap ${mb(bmFirst?.heapBytes)} → ${mb(bmLast?.heapBytes)}.` : ''}

| Step | Tensors | Bytes | JS heap | ms/step |
|---:|---:|---:|---:|---:|
${mem
  .filter((_, i) => i % Math.max(1, Math.ceil(mem.length / 12)) === 0 || _ === memLast)
  .map(
    (s) =>
      `| ${s.step} | ${s.numTensors} | ${kb(s.numBytes)} | ${mb(s.heapBytes)} | ${f1(s.msPerStep)} |`,
  )
  .join('\n')}

## What was optimised, and the interleaved A/B

**Responsiveness: the views no longer share a thread with training.** A training step is one
uninterruptible call in the worker (≈ 220 ms on wasm in Chromium before the engine work below,
≈ 75 ms after; seconds on a software GPU),
and every re-score after an edit used to queue behind it. The views' requests (score, heatmap,
embeddings) now go to a second worker, the *scoring worker*, which the training worker feeds its
live weights after every progress report (and each rewind snapshot) over a \`MessageChannel\`; a
config version on every request keeps replies consistent across resets. The scorer runs on wasm
(else cpu), and answers scores before heatmaps before embeddings. The views score on the kept
history length instead of padding to T (padding changes nothing; tested), so a history of 8 costs
about 8/20 of a padded one. An edit also asks the training worker to start no slice for 150 ms
(\`yield\`), and while training plays the views re-score at most every 400 ms (was 200 ms; the
weights change every 250 ms report): on two cores, fewer periodic re-scores left the scorer idle
more often when an edit came (wasm, while playing: edit p95 145 → 90 ms in two runs of the page
phase).

**Main thread.** The longest tasks after an edit were layout, not React: the catalogue
\`<select>\`s sized themselves to their widest of 44 emoji options on every layout (40–70 ms); they
now have a fixed width with \`contain: inline-size\`. Each page section paints in its own
stacking context (\`isolation: isolate\`), so the attention bars' transition frames re-record one
section, not the page. Views and heatmap rows are memoised with stable callbacks; the lower views
follow a deferred copy of the score (\`useDeferredValue\`), so the reply's first render updates only
the bars, table and cards; number formatters are cached.

**Engine.** DIEN was ≈ 70–80 % of a lockstep step, most of it kernel overhead in its two
recurrent layers (~3,700 kernels per step at T = 20). In order:

- Training does not stack the evolving layer's per-step states and gates (only views read them);
  AUGRU/AGRU fold the padding mask into a_t once per sequence ((a·m)·u = (a·u)·m, m ∈ {0, 1}).
- No \`tf.tile\` on the hot path: the wasm backend's Tile kernel cost more than the GRU's matMuls
  (44 calls ≈ 75–110 ms of a 165 ms DIEN evaluation batch). The state is stacked for the gates'
  batched matMul, and masks and the candidate broadcast by multiplies.
- A fused recurrence (\`src/model/recurrence.ts\`): the whole GRU/AUGRU/AGRU time loop is one
  \`tf.customGrad\` op with a hand-written backward pass (BPTT). About 15 kernels per step forward and
  12 backward, with everything that does not depend on the carried gradient (gate derivatives,
  ∂U over all steps as one batched matMul) computed once per sequence. Tested against autodiff of
  the per-step cell for every cell (states and all gradients within 1e-5) and by finite
  differences on DIEN's training loss.
- The wasm backend's Slice and Unpack kernels are replaced by zero-copy ones
  (\`src/train/worker/wasmSlice.ts\`): the stock kernels copy the whole input out of the wasm heap for
  every slice, so \`tf.unstack\` of a [T, …] tensor copied it T times (~40 MB per DIEN step). Node
  shrugged it off; Chromium, where every such ArrayBuffer adds to V8's GC pressure, trained DIEN
  ~7× slower than Node. A main-thread probe of the lockstep step in Chromium: 336 → 119 ms.
- Evaluation runs a logits-only forward pass; weight export (checkpoints, rewind, the scorer's
  feed) reads each model back once instead of once per variable.
- Tried and reverted: splitting the gate stack into (u, r) and h̃ parts (slicing a 4-D stack made
  the cpu backend 1.6× slower); a broadcast \`matMul\` instead of stacking (tfjs 4.22 has no
  broadcast gradient for BatchMatMul).

Interleaved A/B of DIEN's two recurrent layers, forward + gradients, B = 64, T = 20
(\`bench/ab.ts\`; "before" is the GRU before any of this work, \`bench/legacy/gru.ts\`). Values and
gradients agree to float rounding: the largest relative difference is given.

| Backend | Before ms | After ms | Speed-up | Kernels before → after | Max rel. diff |
|---|---:|---:|---:|---:|---:|
${ab.map((a) => `| ${a.backend} | ${f1(Number(a.oldMs))} | ${f1(Number(a.newMs))} | ${Number(a.speedup).toFixed(2)}× | ${a.oldKernels} → ${a.newKernels} | ${a.maxRelDiff === undefined ? '–' : Number(a.maxRelDiff).toExponential(1)} |`).join('\n')}

Already in place before this work (so not re-done): GRU input projection hoisted out of the time
loop and gates fused into one batched matMul; scatterND embedding gradient; loss readbacks at most
every 250 ms / 50 steps; tfjs only in the worker, loaded after first paint.

${res.errors.length ? `## Errors in this run\n\n${res.errors.map((e) => `- ${e}`).join('\n')}\n` : ''}`;
  writeFileSync(resolve(root, 'BENCHMARKS.md'), md);
}
