/**
 * The fused recurrence kernels in Node (src/harness/fusedBench.ts): kernels per step per model
 * and part with the kernels off and on, and the interleaved A/B of ms per step, on wasm and cpu.
 * Usage: tsx scripts/lib/run-node.ts bench/fused.ts <out.json> [B] [T] [reps] [steps]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { fusedBench, type FusedBench } from '../src/harness/fusedBench';

export async function main(): Promise<void> {
  const [out, b = '64', t = '20', reps = '7', steps = '5'] = process.argv.slice(2);
  const res: FusedBench[] = [];
  const loadStart = loadavg()[0];
  for (const backend of ['wasm', 'cpu']) {
    await useNodeBackend(backend);
    res.push(
      await fusedBench(Number(b), Number(t), Number(reps), Number(steps), (m) =>
        console.log(`[fused] ${m}`),
      ),
    );
  }
  writeFileSync(out, JSON.stringify({ loadAvg: [loadStart, loadavg()[0]], runs: res }, null, 1));
}
