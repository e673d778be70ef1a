/**
 * BENCHMARKS.md's section on the fused recurrence kernels, from bench/results/fused-node.json
 * (bench/fused.ts) and fused-browser.json (bench/fused-run.ts); empty when neither exists.
 * `npm run bench` leaves it as it is; bench/fused-run.ts rewrites it (spliceFusedSection).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FusedBench, PartCounts } from '../../src/harness/fusedBench';
import type { FusedBrowserRun } from '../browser/fused';
import { f1 } from './format';
import { mergeSections } from './sections';
import { WEBGPU_DISPATCHES } from '../../src/train/worker/kernels/fusedGruWebgpu';

interface NodeFile {
  loadAvg: [number, number];
  runs: FusedBench[];
}

interface BrowserFile {
  chromium: string;
  args: string[];
  loadAvg: [number, number];
  runs: FusedBrowserRun[];
}

function read<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

const total = (p: PartCounts) => p.forward + p.backward + p.optimizer;
const parts = (off: PartCounts, on: PartCounts) =>
  `${off.forward} → ${on.forward} | ${off.backward} → ${on.backward} | ${off.optimizer} → ${on.optimizer} | ${total(off)} → ${total(on)}`;

function countRows(where: string, r: FusedBench): string[] {
  const rows: string[] = [];
  for (const model of ['base', 'din', 'dien'] as const) {
    const off = r.counts.find((c) => c.model === model && !c.fused);
    const on = r.counts.find((c) => c.model === model && c.fused);
    if (!off || !on) continue;
    rows.push(`| ${where} | ${model} | tfjs kernels | ${parts(off.kernels, on.kernels)} |`);
    if (off.dispatches && on.dispatches)
      rows.push(
        `| ${where} | ${model} | GPU dispatches | ${parts(off.dispatches, on.dispatches)} |`,
      );
  }
  return rows;
}

function abRows(where: string, r: FusedBench): string[] {
  return r.ab.map(
    (a) => `| ${where} | ${a.model} | ${f1(a.offMs)} | ${f1(a.onMs)} | ${a.speedup.toFixed(2)}× |`,
  );
}

/** Where the step's kernels (or dispatches) are now, per model, with the fused kernels on. */
function largestParts(where: string, r: FusedBench): string[] {
  return r.counts
    .filter((c) => c.fused)
    .map((c) => {
      const p = c.dispatches ?? c.kernels;
      const [name, n] = (Object.entries(p) as [keyof PartCounts, number][]).sort(
        (a, b) => b[1] - a[1],
      )[0];
      const what = c.dispatches ? 'GPU dispatches' : 'tfjs kernels';
      return `- ${where}, ${c.model}: the largest part is the ${name === 'optimizer' ? 'optimizer (Adam)' : name}, ${n} of ${total(p)} ${what} (${((100 * n) / total(p)).toFixed(0)} %).`;
    });
}

/** DIEN's step kernel by kernel on webgpu, off against on: the kernels that take most time. */
function profileTable(runs: [string, FusedBench][]): string {
  const withProfile = runs.filter(([, r]) => r.profile?.every((p) => p.timed));
  if (withProfile.length === 0)
    return 'No GPU time per kernel: the adapter offered no timestamp queries.';
  return withProfile
    .map(([where, r]) => {
      const [off, on] = r.profile!;
      const names = [
        ...new Set([...off.rows.slice(0, 8), ...on.rows.slice(0, 8)].map((k) => k.name)),
      ];
      const cell = (rows: typeof off.rows, name: string) => {
        const k = rows.find((x) => x.name === name);
        return k ? `${k.count} / ${f1(k.ms)}` : '–';
      };
      const rows = names
        .map((n) => ({ n, ms: off.rows.find((k) => k.name === n)?.ms ?? 0 }))
        .sort((a, b) => b.ms - a.ms)
        .map(({ n }) => `| ${n} | ${cell(off.rows, n)} | ${cell(on.rows, n)} |`);
      return `${where}, DIEN, one training step: GPU time ${f1(off.totalMs)} ms off, ${f1(on.totalMs)} ms on.

| Kernel | Off: calls / ms | On: calls / ms |
|---|---:|---:|
${rows.join('\n')}`;
    })
    .join('\n\n');
}

const load = (l: [number, number] | undefined) =>
  l ? `load average ${l[0].toFixed(1)} → ${l[1].toFixed(1)} on this machine's cores` : '';

export function fusedSection(root: string): string {
  const node = read<NodeFile>(resolve(root, 'bench/results/fused-node.json'));
  const browser = read<BrowserFile>(resolve(root, 'bench/results/fused-browser.json'));
  if (!node && !browser) return '';
  const runs: [string, FusedBench][] = [
    ...(node?.runs ?? []).map((r): [string, FusedBench] => [`Node ${r.backend}`, r]),
    ...(browser?.runs ?? []).flatMap((r): [string, FusedBench][] =>
      r.result ? [[`Chromium ${r.backend}`, r.result]] : [],
    ),
  ];
  const failed = (browser?.runs ?? []).filter((r) => r.error);
  const first = runs[0]?.[1];
  return `## Fused recurrence kernels (GRU / AUGRU / AGRU time loop as one kernel each way)

\`src/train/worker/kernels/\`: on cpu and wasm the whole time loop, forward and BPTT backward,
runs as one kernel each way over the backend's own memory; on webgpu as WGSL programs (one
dispatch forward, four backward). Adam's update of a variable is one kernel too (\`FusedAdam\`,
\`src/model/kernels/fusedAdam.ts\`; three dispatches on webgpu). The same switch replaces stock
kernels that were slow at these shapes: on wasm, BatchMatMul runs every product on XNNPACK
(\`src/train/worker/wasmMatMul.ts\`; the stock kernel sent transposed and batched products to a
naive loop 6–10× slower) and the embeddings' GatherV2 copies rows over heap views
(\`wasmGather.ts\`); on webgpu, small products and sums are one-thread-per-output programs
(\`kernels/smallWgsl.ts\`; tfjs's tiled programs took 80 % of a DIEN step on the software
adapter, see the profile below). Webgl keeps the per-step path and tfjs's kernels. "Off" is the
per-step path with tfjs's Adam and tfjs's own kernels (\`setFusedKernels(false)\`), "on" all of
the above; the page's \`?kernels=off\` switches them off in both workers, and its engine line says
which path runs. The lockstep row runs the real session. B = ${first?.B ?? '–'}, T = ${first?.T ?? '–'}, page
defaults otherwise. Measured by \`npx tsx bench/fused-run.ts\` (Node: ${load(node?.loadAvg)};
Chromium ${browser?.chromium ?? '–'}: ${load(browser?.loadAvg)}).

Kernels per training step (tfjs kernels as \`tf.profile\` counts them, and on webgpu the GPU
programs actually dispatched), off → on:

| Where | Model | Count | Forward | Backward | Optimizer (Adam) | Step |
|---|---|---|---:|---:|---:|---:|
${runs.flatMap(([w, r]) => countRows(w, r)).join('\n')}

With the kernels on, DIEN's two recurrent layers cost 2 × (${WEBGPU_DISPATCHES.forward} + ${WEBGPU_DISPATCHES.backward}) = ${2 * (WEBGPU_DISPATCHES.forward + WEBGPU_DISPATCHES.backward)} GPU dispatches on webgpu and 2 × 2 tfjs
kernels on cpu and wasm (\`FusedGruForward\`, \`FusedGruBackward\`); the rest of a step is the work
around them. Where the rest is:

${runs
  .filter(([w]) => w === 'Chromium webgpu' || w === 'Node wasm')
  .flatMap(([w, r]) => largestParts(w, r))
  .join('\n')}

Interleaved A/B in one run per backend (off and on alternate, ${first?.reps ?? '–'} repeats of
${first?.steps ?? '–'} steps each; fewer on the software GPU), median ms per training step. A
loaded machine slows both sides alike; the ratio is the figure to read, not the milliseconds, and
with the load average above the core count even the ratios of small differences move from run to
run: repeat on an idle machine before reading them.

| Where | Model | Off ms | On ms | Speed-up |
|---|---|---:|---:|---:|
${runs.flatMap(([w, r]) => abRows(w, r)).join('\n')}

Adam's update alone (\`applyGradients\` of one step's gradients, the same interleaving), tfjs's
Adam (off) vs \`FusedAdam\` (on), median ms:

| Where | Model | Off ms | On ms | Speed-up |
|---|---|---:|---:|---:|
${runs.flatMap(([w, r]) => (r.adam ?? []).map((a) => `| ${w} | ${a.model} | ${a.offMs.toFixed(2)} | ${a.onMs.toFixed(2)} | ${a.speedup.toFixed(2)}× |`)).join('\n')}

Where DIEN's step spends its time on webgpu (\`tf.profile\` with timestamp queries, Chromium with
\`--enable-dawn-features=allow_unsafe_apis\`; calls and GPU ms per kernel, the kernels that took
most time either way):

${profileTable(runs)}
${failed.length ? `\nNot measured: ${failed.map((r) => `${r.backend} (${r.error})`).join('; ')}.\n` : ''}
On a machine with a real GPU (WebGPU vs WASM vs WebGL, per model):
\`BENCH_CHROMIUM_ARGS="--no-sandbox --enable-unsafe-webgpu --enable-features=Vulkan --use-angle=vulkan" BENCH_HEADED=1 BENCH_BACKENDS=wasm,webgpu,webgl npx tsx bench/fused-run.ts\`.
`;
}

/**
 * Rewrite only this section of BENCHMARKS.md (bench/fused-run.ts): every other section,
 * `npm run bench`'s and hand-written ones, stays as it is (sections.ts). Without it yet, it goes
 * after the report's "What was optimised" section, or at the end.
 */
export function spliceFusedSection(root: string): void {
  const path = resolve(root, 'BENCHMARKS.md');
  const md = readFileSync(path, 'utf8');
  const { md: out } = mergeSections(md, null, [
    { key: 'What was optimised', text: null },
    { key: 'Fused recurrence kernels', text: fusedSection(root) || null },
  ]);
  writeFileSync(path, out);
}
