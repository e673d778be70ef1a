/**
 * `npx tsx bench/fused-run.ts [--quick | --node-only | --browser-only | --report-only]`: the fused recurrence kernels' benchmark on its own,
 * without touching dist/: Node (bench/fused.ts: wasm and cpu) and Chromium (bench.html from a
 * harness build in node_modules/.cache/fused-dist, served on BENCH_FUSED_PORT, default 4393;
 * backends from BENCH_BACKENDS, default wasm,webgpu), then rewrites BENCHMARKS.md's section on them
 * (only its own section, between markers: bench/report/fused.ts, from
 * bench/results/fused-node.json and fused-browser.json).
 * Same environment as bench/run.ts for the browser (BENCH_CHROMIUM, BENCH_CHROMIUM_ARGS, …).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { log, quick, RESULTS, ROOT } from './cli';
import { launchOptions, stopPreview } from './browser/launch';
import { fusedBrowser } from './browser/fused';
import { spliceFusedSection } from './report/fused';

const OUT_DIR = 'node_modules/.cache/fused-dist';
const PORT = Number(process.env.BENCH_FUSED_PORT ?? 4393);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'wasm,webgpu').split(',');
const C = quick ? { B: 64, T: 20, reps: 3, steps: 3 } : { B: 64, T: 20, reps: 7, steps: 5 };

async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) {
    spliceFusedSection(ROOT);
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  if (!process.argv.includes('--browser-only')) {
    log('fused kernels in Node (wasm, cpu)');
    execFileSync(
      'npx',
      [
        'tsx',
        'scripts/lib/run-node.ts',
        'bench/fused.ts',
        resolve(RESULTS, 'fused-node.json'),
      ].concat([C.B, C.T, C.reps, C.steps].map(String)),
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  if (!process.argv.includes('--node-only')) {
    execFileSync(
      'npx',
      ['vite', 'build', '--mode', 'harness', '--outDir', OUT_DIR, '--emptyOutDir'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const preview = spawn(
      'npx',
      ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'],
      { cwd: ROOT, stdio: 'ignore', detached: true },
    );
    const url = `http://localhost:${PORT}/`;
    try {
      for (let i = 0; i < 120; i++) {
        if (
          await fetch(`${url}bench.html`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 500));
      }
      // Timestamp queries, so that tf.profile reports GPU time per kernel (kernelProfile.ts).
      const base = launchOptions();
      const opts = {
        ...base,
        args: [...(base?.args ?? []), '--enable-dawn-features=allow_unsafe_apis'],
      };
      const browser = await chromium.launch(opts);
      try {
        const loadStart = loadavg()[0];
        const runs = await fusedBrowser(browser, url, BACKENDS, C);
        const record = {
          chromium: browser.version(),
          args: opts?.args ?? [],
          loadAvg: [loadStart, loadavg()[0]],
          runs,
        };
        writeFileSync(resolve(RESULTS, 'fused-browser.json'), JSON.stringify(record, null, 1));
      } finally {
        await browser.close();
      }
    } finally {
      stopPreview(preview);
    }
  }
  spliceFusedSection(ROOT);
}

await main();
