/**
 * `npm run bench [-- --quick] [-- --only=PARTS] [-- --save-baseline] [-- --report-only] [-- --help]`:
 * builds the site (into its own folder, not dist/), runs the engine in Node (cpu, wasm) and the
 * built site in headless Chromium (webgpu, webgl, wasm, cpu), writes bench/results/results.json
 * and regenerates its sections of BENCHMARKS.md (every other section stays as it is:
 * report/sections.ts) and bench/chart.svg. Flags and environment: USAGE below.
 *
 * The rooms, in the order a run goes through them:
 *   cli.ts, plan.ts     the flags and environment; what a full or --quick run measures
 *   machine.ts          the machine's description
 *   site.ts             the two builds (production, then --mode harness for bench.html) in
 *                       BENCH_DIST; the sizes a reader downloads
 *   node.ts, ab.ts      the Node half and the GRU A/B (run through scripts/lib/run-node.ts;
 *                       legacy/gru.ts is the A side)
 *   browser/            Chromium: launch.ts (preview server, flags), engine.ts (bench.html),
 *                       page.ts and edits.ts (the real page: loading, long tasks, edit latency)
 *   types.ts            the results' shape, shared by the runs and the report
 *   report/             BENCHMARKS.md (markdown.ts: the preamble, machine and budgets; engine.ts
 *                       and page.ts: the other sections; tables.ts, format.ts; sections.ts: the
 *                       merge with the file as it is) and chart.svg (chart.ts)
 *   baseline.json, before-scorer.json   earlier runs, the report's "before" columns (data)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import {
  BROWSER_PARTS,
  commandLine,
  NODE_PARTS,
  ONLY,
  PAGE,
  PARTS,
  quick,
  reportOnly,
  RESULTS,
  ROOT,
  saveBaseline,
  SKIP,
  log,
} from './cli';
import { loadAvg, machine } from './machine';
import { buildSite, loadingSizes } from './site';
import { launchOptions, startPreview, stopPreview } from './browser/launch';
import { browserEngine } from './browser/engine';
import { pagePhase } from './browser/page';
import { writeReport } from './report/markdown';
import type { NodeResults, PageRun, Results } from './types';

const USAGE = `npm run bench [-- FLAGS]

Flags:
  --quick          fewer repeats and shorter sweeps (a few minutes instead of ~15)
  --only=PARTS     only these parts, comma-separated, from: ${PARTS.join(', ')}
                   (throughput: ms/step per model, BST included, and the lockstep, in Node and
                   per Chromium backend; page: loading and responsiveness of the real page).
                   Every section and table row the run does not measure stays as BENCHMARKS.md has it.
  --save-baseline  also write bench/baseline.json (the report's "before" column)
  --report-only    only regenerate BENCHMARKS.md and bench/chart.svg from bench/results/results.json
  --help           this text

Environment (for other machines, e.g. one with a real GPU):
  BENCH_CHROMIUM       Chromium executable (default /usr/bin/chromium, else Playwright's own)
  BENCH_CHROMIUM_ARGS  flags that REPLACE the default set, space-separated, e.g.
                       "--no-sandbox --enable-unsafe-webgpu --enable-features=Vulkan --use-angle=vulkan"
  BENCH_HEADED=1       headed browser (a real display / GPU compositor)
  BENCH_PORT           port of the local \`vite preview\` server (default 4391)
  BENCH_BACKENDS       browser backends to run, comma-separated (default webgpu,webgl,wasm,cpu)
  BENCH_SKIP           phases to skip, comma-separated: node,build,browser,page
                       (skipped phases keep their figures from the previous run's results.json)
  BENCH_DIST           where the two builds go (default node_modules/.cache/bench-dist; not
                       dist/, which \`npm run test:e2e\` builds and serves)
  BENCH_LABEL          the run's label in results.json (default current, or baseline)

On a machine with a GPU, the per-backend training throughput of all four models alone:
  BENCH_CHROMIUM_ARGS="--no-sandbox --enable-unsafe-webgpu --enable-features=Vulkan --use-angle=vulkan" \\
    BENCH_HEADED=1 npm run bench -- --only=throughput
`;

/** The Node half (bench/node.ts) and the GRU A/B (bench/ab.ts), each in its own process. */
function nodePhase(res: Results): void {
  const parts = [...NODE_PARTS].filter((p) => p !== 'ab');
  if (parts.length > 0) {
    log(`Node engine bench (cpu, wasm): ${parts.join(', ')}`);
    const out = resolve(RESULTS, 'node.json');
    execFileSync(
      'npx',
      [
        'tsx',
        'scripts/lib/run-node.ts',
        'bench/node.ts',
        out,
        `--parts=${parts.join(',')}`,
        ...(quick ? ['--quick'] : []),
      ],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--expose-gc' } },
    );
    res.node = JSON.parse(readFileSync(out, 'utf8')) as NodeResults;
  }
  if (!NODE_PARTS.has('ab')) return;
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

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  if (reportOnly) {
    // Regenerate BENCHMARKS.md and the chart from the last results (e.g. after editing the text).
    writeReport(
      ROOT,
      JSON.parse(readFileSync(resolve(RESULTS, 'results.json'), 'utf8')) as Results,
    );
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  const res: Results = {
    date: new Date().toISOString(),
    quick,
    label: process.env.BENCH_LABEL ?? (saveBaseline ? 'baseline' : 'current'),
    command: commandLine(),
    parts: PARTS.filter((p) => ONLY.has(p)),
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
  const browserRuns = BROWSER_PARTS.size > 0 || PAGE;
  if (browserRuns && !SKIP.has('build')) buildSite();
  // The sizes go with the page's loading figures (one section): measured when the page is.
  if (PAGE || prevPages) res.loading = loadingSizes();
  if (res.loading) {
    if (prevPages) res.loading.pages = prevPages;
    log(
      `JS before first paint: ${(res.loading.firstPaintGzip / 1024).toFixed(1)} KiB gzip; worker ${(res.loading.workerGzip / 1024).toFixed(1)} KiB gzip`,
    );
  }
  if (NODE_PARTS.size > 0) nodePhase(res);
  if (browserRuns) {
    const preview = await startPreview();
    const opts = launchOptions();
    const browser = await chromium.launch(opts);
    res.machine.chromium = `${browser.version()} (${opts?.executablePath ?? 'Playwright'})`;
    res.machine.chromiumArgs = (opts?.args ?? []).join(' ');
    try {
      if (BROWSER_PARTS.size > 0) await browserEngine(browser, res, BROWSER_PARTS);
      if (PAGE) {
        res.responsiveness = [];
        await pagePhase(browser, res);
      }
    } finally {
      await browser.close();
      stopPreview(preview);
    }
  }
  res.machine.benchMinutes = Math.round((Date.now() - started) / 6000) / 10;
  res.machine.loadAvgAtEnd = loadAvg();
  writeFileSync(resolve(RESULTS, 'results.json'), JSON.stringify(res, null, 1));
  if (saveBaseline) writeFileSync(resolve(ROOT, 'bench/baseline.json'), JSON.stringify(res));
  writeReport(ROOT, res);
  log(`done in ${res.machine.benchMinutes} min; ${res.errors.length} errors`);
  for (const e of res.errors) log(`  error: ${e}`);
}

await main();
