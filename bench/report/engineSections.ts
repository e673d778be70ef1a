/**
 * The report's sections on the engine: training throughput, the sweeps, time to insight, memory,
 * and what was optimised with the GRU A/B. Each returns its section's markdown, or null when this
 * run measured nothing for it (the file's section stays as it is: sections.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INSIGHT_MARGIN } from '../plan';
import type { LargestRun } from '../types';
import { dienFit, f1, kb, mb, sweepTable } from './format';
import { keepRow } from './sections';
import { insightRows, throughputRows, type ReportContext } from './tables';

export function throughputSection({ res, base }: ReportContext): string | null {
  if (!Object.keys(res.node?.throughput ?? {}).length && !res.browser?.throughput.length)
    return null;
  return `## Training throughput (default sizes: embDim 6 → D = 18, T = 20, hidden [32, 16], B = 64)

Each model trained alone on one fixed batch (Adam, one readback per repeat), then the real
lockstep \`TrainingSession.step()\` of the page's three (Base, DIN, DIEN) on fresh batches. Cells:
ms/step / samples/s. "First step" is the wall time of the very first lockstep step (WebGPU/WebGL:
shader compilation). BST is the optional fourth model (\`SessionConfig.bst\`), at the settings the
page's switch turns on (\`PAGE_BST\`: time gaps, full attention, 1 head, the candidate's output),
timed alone the same way; with it on, a page step costs about the lockstep plus BST's column.
The WebGPU and WebGL rows ran on the machine's GPU adapter (see Machine).

| Environment | Base | DIN | DIEN | BST | Lockstep ms/step | Lockstep before | First step ms |
|---|---:|---:|---:|---:|---:|---:|---:|
${throughputRows(res, base).join('\n')}
`;
}

export function sweepsSection({ res, base }: ReportContext): string | null {
  if (!res.node?.sweepT.length) return null;
  const dienSlope = dienFit(res.node.sweepT);
  const browser = res.browser?.sweepT.length ? res.browser : undefined;
  return `## Sweeps

History length T (B = 64) in Node on wasm; before in parentheses:

${sweepTable(res.node.sweepT, 'T', base?.node?.sweepT)}

DIEN's cost vs T (least-squares fit): **${dienSlope}** (before: ${dienFit(base?.node?.sweepT)}).
${browser ? `In Chromium on ${browser.sweepBackend}: ${dienFit(browser.sweepT)}.` : ''}

![ms per step vs T](bench/chart.svg)

Batch size B (T = 20) in Node on wasm:

${sweepTable(res.node.sweepB, 'B', base?.node?.sweepB)}

${
  browser
    ? `The same sweeps in Chromium on ${browser.sweepBackend} (the only browser backend swept: the software-GPU
backends take seconds per step here):

${sweepTable(browser.sweepT, 'T')}

${sweepTable(browser.sweepB, 'B')}`
    : 'Not swept in Chromium in this run.'
}
`;
}

export function insightSection({ res, base }: ReportContext): string | null {
  if (
    !Object.keys(res.node?.insight ?? {}).length &&
    !Object.keys(res.browser?.insight ?? {}).length
  )
    return null;
  return `## Time to insight

Wall time from Play (page defaults: B = 64, lr 0.005, 5 steps per tick, test evaluation every 25
steps, default world of 1,500 shoppers) until DIN's test AUC beats Base's by ${INSIGHT_MARGIN}. In
Chromium it runs through the real training worker (\`TrainerClient\`, what the Play button does);
in Node on the session directly.

| Environment | Now | Before |
|---|---|---|
${insightRows(res, base).join('\n')}
`;
}

export function memorySection({ res }: ReportContext): string | null {
  const mem = res.node?.memory.samples ?? [];
  if (mem.length === 0) return null;
  const memFirst = mem.find((s) => s.step >= 50) ?? mem[0];
  const memLast = mem.at(-1);
  const bm = res.browser?.memory[0];
  const bmFirst = bm?.samples.find((s) => s.step >= 20) ?? bm?.samples[0];
  const bmLast = bm?.samples.at(-1);
  return `## Memory

Node wasm, lockstep at the page defaults with a readback every 10 steps and an evaluation every
sample: tf.memory().numTensors ${memFirst?.numTensors ?? '–'} at step ${memFirst?.step ?? '–'} →
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

### At the largest allowed settings

The resource budgets (\`src/data/budget.ts\`) cap settings that are each allowed but do not fit
together. Node wasm, a few steps each; RSS includes the wasm heap.

${largestTable(res.node?.largest)}
`;
}

function largestTable(runs: LargestRun[] | undefined): string {
  if (!runs?.length) return '(not measured in this run)';
  const rows = runs.map(
    (r) =>
      `| ${r.name} | ${r.kept.join(', ') || 'nothing'} | ${(r.historyCells / 1e6).toFixed(1)} M | ${(r.stepCells / 1e6).toFixed(2)} M | ${r.createMs.toFixed(0)} | ${r.stepMs.toFixed(0)} | ${r.addedRssMiB.toFixed(0)} (${r.peakRssMiB.toFixed(0)}) |`,
  );
  return [
    '| Settings asked | Capped | History cells | Step cells | Build ms | ms/step | RSS added MiB (peak) |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** The GRU A/B rows (bench/ab.ts writes bench/results/ab-*.json); a backend without one is kept. */
export function abRows(root: string): string[] {
  return ['wasm', 'cpu'].map((be) => {
    const p = resolve(root, `bench/results/ab-${be}.json`);
    if (!existsSync(p)) return keepRow(be);
    const a = JSON.parse(readFileSync(p, 'utf8')) as Record<string, number | string>;
    return `| ${a.backend} | ${f1(Number(a.oldMs))} | ${f1(Number(a.newMs))} | ${Number(a.speedup).toFixed(2)}× | ${a.oldKernels} → ${a.newKernels} | ${a.maxRelDiff === undefined ? '–' : Number(a.maxRelDiff).toExponential(1)} |`;
  });
}
