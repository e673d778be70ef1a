/**
 * `npm run bench [-- --quick] [-- --save-baseline]`: builds the site, runs the engine in Node
 * (cpu, wasm) and the built site in headless Chromium (webgpu, webgl, wasm, cpu), writes
 * bench/results/results.json and regenerates BENCHMARKS.md and bench/chart.svg.
 *
 * Environment (for other machines, e.g. one with a real GPU):
 *   BENCH_CHROMIUM       Chromium executable (default /usr/bin/chromium, else Playwright's own)
 *   BENCH_CHROMIUM_ARGS  flags that REPLACE the default set, space-separated, e.g.
 *                        "--no-sandbox --enable-unsafe-webgpu --enable-features=Vulkan --use-angle=vulkan"
 *   BENCH_HEADED=1       headed browser (a real display / GPU compositor)
 *   BENCH_PORT           port of the local `vite preview` server (default 4391)
 *   BENCH_BACKENDS       browser backends to run, comma-separated (default webgpu,webgl,wasm,cpu)
 *   BENCH_SKIP           phases to skip, comma-separated: node,build,browser,page
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/lib/browser';
import { INSIGHT_MARGIN, plan, type Plan } from './plan';
import type { NodeResults } from './node';
import type { ThroughputResult, MemorySample, InsightResult } from '../src/harness/benchCore';

/** As src/harness/bench.ts reports it (not imported: that module pulls in Vite-only imports). */
interface GpuInfo {
  webgpu: Record<string, string | boolean> | string;
  webgl: Record<string, string> | string;
}

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(ROOT, 'bench/results');
const quick = process.argv.includes('--quick');
const saveBaseline = process.argv.includes('--save-baseline');
const P: Plan = plan(quick);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE_URL = `http://localhost:${PORT}/`;
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu').split(',');

export interface BrowserThroughput {
  backend: string;
  label?: string;
  results: ThroughputResult[];
  error?: string;
}

export interface PageRun {
  backend: string;
  fcpMs: number;
  readyMs: number;
  firstStepMs: number;
  backendLabel: string;
}

export interface Responsiveness {
  backend: string;
  playMs: number;
  stepsPlayed: number;
  longTasks: number;
  longestMs: number;
  over50: number;
  idleEdits: EditStats;
  playingEdits: EditStats;
}

export interface EditStats {
  n: number;
  missed: number;
  p50: number;
  p95: number;
  max: number;
  samples: number[];
}

export interface Results {
  date: string;
  quick: boolean;
  label: string;
  machine: Record<string, string | number>;
  gpu?: GpuInfo;
  loading?: {
    firstPaint: { file: string; raw: number; gzip: number }[];
    firstPaintGzip: number;
    css: { file: string; gzip: number }[];
    worker: { file: string; raw: number; gzip: number }[];
    workerGzip: number;
    wasm: { file: string; raw: number; gzip: number }[];
    pages: PageRun[];
  };
  node?: NodeResults;
  browser?: {
    throughput: BrowserThroughput[];
    sweepT: ThroughputResult[];
    sweepB: ThroughputResult[];
    sweepBackend: string;
    memory: { backend: string; samples: MemorySample[]; left?: number; error?: string }[];
    insight: Record<
      string,
      InsightResult & { backend: unknown; firstStepMs: number; error?: string }
    >;
  };
  responsiveness?: Responsiveness[];
  errors: string[];
  /** Phases skipped by BENCH_SKIP, whose figures were kept from the previous run. */
  kept?: string[];
}

const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

function machine(): Record<string, string | number> {
  const osRelease = existsSync('/etc/os-release')
    ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '')
    : '';
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osRelease || osType()} (kernel ${release()})`,
    node: process.version,
    loadAvgAtStart: sh('cat', ['/proc/loadavg']).split(' ').slice(0, 3).join(' '),
  };
}

function launchOptions(): Parameters<typeof chromium.launch>[0] {
  const base = chromiumLaunchOptions();
  const args = process.env.BENCH_CHROMIUM_ARGS
    ? process.env.BENCH_CHROMIUM_ARGS.split(/\s+/).filter(Boolean)
    : base.args;
  const executablePath = process.env.BENCH_CHROMIUM ?? base.executablePath;
  return {
    ...base,
    args,
    ...(executablePath ? { executablePath } : {}),
    headless: process.env.BENCH_HEADED !== '1',
  };
}

/** gzip -9 size, as a static host serves it. */
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

function loadingSizes(): NonNullable<Results['loading']> {
  const dist = resolve(ROOT, 'dist');
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const file = (f: string) => {
    const buf = readFileSync(resolve(dist, f.replace(/^\.?\//, '')));
    return { file: f.replace(/^\.?\//, ''), raw: buf.length, gzip: gz(buf) };
  };
  const firstPaint = [...new Set(refs)].map(file);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => {
    const f = file(m[1]);
    return { file: f.file, gzip: f.gzip };
  });
  const assets = readdirSync(resolve(dist, 'assets'));
  const worker = assets.filter((a) => /^worker-.*\.js$/.test(a)).map((a) => file(`assets/${a}`));
  const wasm = assets.filter((a) => a.endsWith('.wasm')).map((a) => file(`assets/${a}`));
  return {
    firstPaint,
    firstPaintGzip: firstPaint.reduce((s, f) => s + f.gzip, 0),
    css,
    worker,
    workerGzip: worker.reduce((s, f) => s + f.gzip, 0),
    wasm,
    pages: [],
  };
}

async function startPreview(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: false,
  });
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(BASE_URL);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`vite preview did not start on port ${PORT}`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms),
    ),
  ]);
}

async function benchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.text().startsWith('[bench worker]')) log(m.text());
  });
  await page.goto(`${BASE_URL}bench.html`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

async function browserEngine(browser: Browser, res: Results): Promise<void> {
  const page = await benchPage(browser);
  res.gpu = await page.evaluate(() => window.bench.gpuInfo());
  log(`GPU info: ${JSON.stringify(res.gpu)}`);
  const b: NonNullable<Results['browser']> = {
    throughput: [],
    sweepT: [],
    sweepB: [],
    sweepBackend: P.browser.sweepBackend,
    memory: [],
    insight: {},
  };
  res.browser = b;
  const T0 = 20;
  for (const backend of BACKENDS) {
    const reps = backend === 'webgpu' || backend === 'webgl' ? P.browser.gpu : P.browser.fast;
    log(`browser throughput ${backend}`);
    try {
      const r = await withTimeout(
        page.evaluate(
          ([backend, reps]) =>
            window.bench.inWorker<ThroughputResult[]>({
              type: 'throughput',
              backend,
              lockstep: true,
              cases: [{ B: 64, T: 20, models: ['base', 'din', 'dien'], ...reps }],
            }),
          [backend, reps] as const,
        ),
        600_000,
        `throughput ${backend}`,
      );
      b.throughput.push({ backend, label: r.backend.label, results: r.results });
    } catch (e) {
      b.throughput.push({ backend, results: [], error: String(e) });
      res.errors.push(`browser throughput ${backend}: ${String(e)}`);
    }
  }
  if (BACKENDS.includes(P.browser.sweepBackend)) {
    const sweep = async (cases: { B: number; T: number }[]) =>
      (
        await page.evaluate(
          ([backend, cases, reps]) =>
            window.bench.inWorker<ThroughputResult[]>({
              type: 'throughput',
              backend,
              lockstep: false,
              cases: cases.map((c) => ({ ...c, models: ['base', 'din', 'dien'], ...reps })),
            }),
          [P.browser.sweepBackend, cases, P.browser.sweep] as const,
        )
      ).results;
    log(`browser sweeps on ${P.browser.sweepBackend}`);
    try {
      b.sweepT = await sweep(P.browser.sweepT.map((T) => ({ B: 64, T })));
      b.sweepB = await sweep(P.browser.sweepB.map((B) => ({ B, T: T0 })));
    } catch (e) {
      res.errors.push(`browser sweeps: ${String(e)}`);
    }
    log(`browser memory on ${P.browser.sweepBackend}`);
    try {
      const m = await page.evaluate(
        ([backend, steps, every]) =>
          window.bench.inWorker<MemorySample[]>({
            type: 'memory',
            backend,
            steps,
            every,
          }),
        [P.browser.sweepBackend, P.browser.memorySteps, P.browser.memoryEvery] as const,
      );
      b.memory.push({ backend: P.browser.sweepBackend, samples: m.results, left: m.left });
    } catch (e) {
      res.errors.push(`browser memory: ${String(e)}`);
    }
  }
  for (const backend of BACKENDS) {
    const bound = P.browser.insightBoundMs[backend] ?? 60_000;
    log(`time to insight ${backend} (bound ${bound / 1000} s)`);
    // A fresh page per backend: a worker crash or a stuck GPU context must not spill over.
    const ip = await benchPage(browser);
    try {
      b.insight[backend] = await withTimeout(
        ip.evaluate(([backend, margin, bound]) => window.bench.insight(backend, margin, bound), [
          backend,
          INSIGHT_MARGIN,
          bound,
        ] as const),
        bound + 300_000,
        `insight ${backend}`,
      );
      const r = b.insight[backend];
      log(
        `  ${r.reached ? 'reached' : 'not reached'} after ${(r.ms / 1000).toFixed(1)} s, step ${r.step}${r.error ? ` (${r.error})` : ''}`,
      );
    } catch (e) {
      res.errors.push(`insight ${backend}: ${String(e)}`);
    } finally {
      await ip.close();
    }
  }
  await page.close();
}

// ---- the real page: loading, long tasks, edit latency ------------------------------------

const LONGTASK_SCRIPT = `
  window.__longtasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

declare global {
  interface Window {
    __longtasks: { start: number; duration: number }[];
    __editWait?: Promise<number>;
    /** src/harness/bench.ts (its module type is not imported: it pulls in Vite-only imports). */
    bench: {
      gpuInfo(): Promise<GpuInfo>;
      inWorker<R>(req: {
        type: 'throughput' | 'memory';
        backend: string;
        [k: string]: unknown;
      }): Promise<{ backend: { label: string }; results: R; left?: number }>;
      insight(
        backend: string,
        margin: number,
        boundMs: number,
      ): Promise<InsightResult & { backend: unknown; firstStepMs: number; error?: string }>;
    };
  }
}

async function stepCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^Step \d+ · epoch/).textContent()) ?? '';
  return Number(/^Step (\d+)/.exec(text)?.[1] ?? NaN);
}

async function openPage(browser: Browser, backend: string): Promise<{ page: Page; run: PageRun }> {
  const context = await browser.newContext();
  await context.addInitScript(LONGTASK_SCRIPT);
  const page = await context.newPage();
  const q = backend === 'auto' ? '' : `?backend=${backend}`;
  await page.goto(`${BASE_URL}${q}`);
  const stepBtn = page.getByRole('button', { name: 'Step', exact: true });
  await stepBtn.waitFor({ state: 'visible', timeout: 60_000 });
  const fcpMs = await page.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const e = performance.getEntriesByName('first-contentful-paint')[0];
      if (e) return e.startTime;
      await new Promise((r) => setTimeout(r, 50));
    }
    return NaN;
  });
  // Polled through Playwright's own role/name matching (the same as the e2e tests).
  const poll = async (pred: () => Promise<boolean>, ms: number, what: string) => {
    const end = Date.now() + ms;
    while (!(await pred())) {
      if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
      await page.waitForTimeout(20);
    }
    return page.evaluate(() => performance.now());
  };
  const readyMs = await poll(() => stepBtn.isEnabled(), 180_000, 'Step enabled');
  await stepBtn.click();
  const firstStepMs = await poll(
    async () => (await stepCount(page).catch(() => 0)) >= 1,
    180_000,
    'first step',
  );
  const backendLabel =
    (await page
      .getByRole('status', { name: 'Backend' })
      .textContent()
      .catch(() => '')) ?? '';
  return { page, run: { backend, fcpMs, readyMs, firstStepMs, backendLabel: backendLabel.trim() } };
}

/** Arms a wait in the page: resolves with ms from the next input event to the re-scored view painted. */
async function armEdit(page: Page, kind: 'labels' | string): Promise<void> {
  // A string, not a function: tsx's keep-names helper (__name) does not exist in the page.
  await page.evaluate(`((kind) => {\n${ARM_EDIT}\n})(${JSON.stringify(kind)})`);
}

const ARM_EDIT = String.raw`
    const labels = () =>
      Array.from(document.querySelectorAll('svg[role="img"]'))
        .map((e) => e.getAttribute('aria-label') ?? '')
        .filter((l) => l.includes('attention'))
        .join('|');
    const before = labels();
    let t0 = NaN;
    const onInput = (e) => {
      if (Number.isNaN(t0)) t0 = e.timeStamp;
    };
    document.addEventListener('change', onInput, { capture: true });
    document.addEventListener('click', onInput, { capture: true });
    window.__editWait = new Promise((resolve) => {
      const done = () => {
        const l = labels();
        if (Number.isNaN(t0)) return false;
        return kind === 'labels'
          ? l !== before
          : l.split('|').some((x) => x.startsWith(kind + ': attention'));
      };
      const timer = setTimeout(() => finish(NaN), 5000);
      const obs = new MutationObserver(() => {
        if (done()) finish(0);
      });
      const finish = (v) => {
        obs.disconnect();
        clearTimeout(timer);
        document.removeEventListener('change', onInput, { capture: true });
        document.removeEventListener('click', onInput, { capture: true });
        if (Number.isNaN(v)) return resolve(NaN);
        // On screen: the frame after the DOM change has been produced.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      };
      obs.observe(document.body, {
        subtree: true,
        attributes: true,
        childList: true,
        attributeFilter: ['aria-label'],
      });
    });
`;

function stats(samples: number[]): EditStats {
  const ok = samples.filter((x) => Number.isFinite(x));
  const q = (p: number) => {
    const s = [...ok].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
  };
  return {
    n: samples.length,
    missed: samples.length - ok.length,
    p50: q(0.5),
    p95: q(0.95),
    max: ok.length ? Math.max(...ok) : NaN,
    samples: samples.map((x) => Math.round(x * 10) / 10),
  };
}

async function edits(page: Page, n: number): Promise<EditStats> {
  const select = page.getByLabel('Candidate ad');
  const options = await select.evaluate((s) =>
    Array.from((s as HTMLSelectElement).options)
      .map((o) => o.value)
      .slice(0, 8),
  );
  const historyNames = await page
    .getByRole('list', { name: 'Purchase history' })
    .getByRole('listitem')
    .allTextContents();
  const addNames = (
    await Promise.all(
      (await page.getByRole('button', { name: /^Add / }).all()).map((b) =>
        b.getAttribute('aria-label'),
      ),
    )
  )
    .map((l) => (l ?? '').replace(/^Add /, ''))
    .filter((name) => name && !historyNames.some((h) => h.includes(name)))
    .slice(0, 4);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 2 && addNames.length > 0) {
      const name = addNames[i % addNames.length];
      await armEdit(page, name);
      await page.getByRole('button', { name: `Add ${name}`, exact: true }).click();
      out.push(await page.evaluate(() => window.__editWait!));
      await page
        .getByRole('button', { name: `Remove ${name}` })
        .last()
        .click();
    } else {
      const current = await select.inputValue();
      const next = options.filter((o) => o !== current)[i % (options.length - 1)];
      await armEdit(page, 'labels');
      await select.selectOption(next);
      out.push(await page.evaluate(() => window.__editWait!));
    }
    await page.waitForTimeout(250);
  }
  return stats(out);
}

async function pagePhase(browser: Browser, res: Results): Promise<void> {
  const loading = res.loading!;
  const reps = quick ? 1 : 3;
  for (const backend of ['wasm', 'auto']) {
    for (let r = 0; r < (backend === 'auto' ? 1 : reps); r++) {
      log(`page load ${backend} #${r + 1}`);
      try {
        const { page, run } = await openPage(browser, backend);
        loading.pages.push(run);
        log(
          `  FCP ${run.fcpMs.toFixed(0)} ms, ready ${run.readyMs.toFixed(0)} ms, first step ${run.firstStepMs.toFixed(0)} ms (${run.backendLabel})`,
        );
        const isLast = r === (backend === 'auto' ? 0 : reps - 1);
        if (isLast) res.responsiveness!.push(await responsiveness(page, backend));
        await page.context().close();
      } catch (e) {
        res.errors.push(`page ${backend}: ${String(e)}`);
        log(`  failed: ${String(e)}`);
      }
    }
  }
}

async function responsiveness(page: Page, backend: string): Promise<Responsiveness> {
  log(`responsiveness ${backend}: edits while paused`);
  // A few steps so that the models' outputs depend on the input; all of them done (the counter
  // moves at each read-back, long before the tenth step), so "paused" means nothing trains.
  for (let i = 0; i < 2; i++) {
    const before = await stepCount(page);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await page.waitForFunction(
      (b) => Number(/Step (\d+) · epoch/.exec(document.body.innerText)?.[1] ?? 0) >= b + 10,
      before,
      { timeout: 180_000 },
    );
  }
  await page.waitForTimeout(1000);
  const idleEdits = await edits(page, P.browser.edits);
  log(`  idle edits p50 ${idleEdits.p50.toFixed(0)} p95 ${idleEdits.p95.toFixed(0)} ms`);
  const s0 = await stepCount(page);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  log(`  playing ${P.browser.playMs / 1000} s`);
  await page.waitForTimeout(P.browser.playMs);
  const t1 = await page.evaluate(() => performance.now());
  const lt = await page.evaluate(
    ([a, b]) => window.__longtasks.filter((e) => e.start >= a && e.start <= b),
    [t0, t1] as const,
  );
  const stepsPlayed = (await stepCount(page)) - s0;
  log(`  edits while playing`);
  const playingEdits = await edits(page, Math.max(6, Math.round(P.browser.edits / 2)));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const r: Responsiveness = {
    backend,
    playMs: t1 - t0,
    stepsPlayed,
    longTasks: lt.length,
    longestMs: lt.reduce((m, e) => Math.max(m, e.duration), 0),
    over50: lt.filter((e) => e.duration > 50).length,
    idleEdits,
    playingEdits,
  };
  log(
    `  ${stepsPlayed} steps; long tasks ${r.over50}, longest ${r.longestMs.toFixed(0)} ms; playing edits p95 ${playingEdits.p95.toFixed(0)} ms`,
  );
  return r;
}

async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) {
    // Regenerate BENCHMARKS.md and the chart from the last results (e.g. after editing the text).
    const { writeReport: write } = await import('./report');
    write(ROOT, JSON.parse(readFileSync(resolve(RESULTS, 'results.json'), 'utf8')) as Results);
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  const res: Results = {
    date: new Date().toISOString(),
    quick,
    label: process.env.BENCH_LABEL ?? (saveBaseline ? 'baseline' : 'current'),
    machine: machine(),
    errors: [],
    ...(SKIP.size > 0 ? { kept: [...SKIP] } : {}),
  };
  const prevPath = resolve(RESULTS, 'results.json');
  let prevPages: PageRun[] | undefined;
  if (SKIP.size > 0 && existsSync(prevPath)) {
    // Skipped phases keep their figures from the previous run.
    const prev = JSON.parse(readFileSync(prevPath, 'utf8')) as Results;
    if (SKIP.has('node')) res.node = prev.node;
    if (SKIP.has('browser')) {
      res.browser = prev.browser;
      res.gpu = prev.gpu;
    }
    if (SKIP.has('page')) {
      res.responsiveness = prev.responsiveness;
      prevPages = prev.loading?.pages;
    }
  }
  if (!SKIP.has('build')) {
    log('building the site (vite build)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  res.loading = loadingSizes();
  if (SKIP.has('page') && prevPages) res.loading.pages = prevPages;
  log(
    `JS before first paint: ${(res.loading.firstPaintGzip / 1024).toFixed(1)} KiB gzip; worker ${(res.loading.workerGzip / 1024).toFixed(1)} KiB gzip`,
  );
  if (!SKIP.has('node')) {
    log('Node engine bench (cpu, wasm)');
    const out = resolve(RESULTS, 'node.json');
    execFileSync(
      'npx',
      ['tsx', 'scripts/lib/run-node.ts', 'bench/node.ts', out, ...(quick ? ['--quick'] : [])],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--expose-gc' } },
    );
    res.node = JSON.parse(readFileSync(out, 'utf8')) as NodeResults;
    // The interleaved A/B of DIEN's recurrent layers: the GRU before the bench-driven work
    // (bench/legacy/gru.ts) against the current one, values and gradients compared.
    for (const backend of ['wasm', 'cpu']) {
      log(`A/B of DIEN's recurrent layers (${backend})`);
      execFileSync(
        'npx',
        [
          'tsx',
          'scripts/lib/run-node.ts',
          'bench/ab.ts',
          backend,
          '64',
          '20',
          quick ? '7' : '15',
          resolve(RESULTS, `ab-${backend}.json`),
        ],
        { cwd: ROOT, stdio: 'inherit' },
      );
    }
  }
  if (!SKIP.has('browser') || !SKIP.has('page')) {
    const preview = await startPreview();
    const opts = launchOptions();
    const browser = await chromium.launch(opts);
    res.machine.chromium = `${browser.version()} (${opts?.executablePath ?? 'Playwright'})`;
    res.machine.chromiumArgs = (opts?.args ?? []).join(' ');
    try {
      if (!SKIP.has('browser')) await browserEngine(browser, res);
      if (!SKIP.has('page')) {
        res.responsiveness = [];
        await pagePhase(browser, res);
      }
    } finally {
      await browser.close();
      preview.kill();
    }
  }
  res.machine.benchMinutes = Math.round((Date.now() - started) / 6000) / 10;
  res.machine.loadAvgAtEnd = sh('cat', ['/proc/loadavg']).split(' ').slice(0, 3).join(' ');
  writeFileSync(resolve(RESULTS, 'results.json'), JSON.stringify(res, null, 1));
  if (saveBaseline) writeFileSync(resolve(ROOT, 'bench/baseline.json'), JSON.stringify(res));
  const { writeReport } = await import('./report');
  writeReport(ROOT, res);
  log(`done in ${res.machine.benchMinutes} min; ${res.errors.length} errors`);
  for (const e of res.errors) log(`  error: ${e}`);
}

await main();
