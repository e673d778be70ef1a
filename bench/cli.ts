/**
 * The benchmark's command line and environment (documented in bench/run.ts), read once, and its
 * log line. Shared by the runner (bench/run.ts) and the browser phases (bench/browser/).
 */
import { resolve } from 'node:path';
import { PARTS, plan, type Part, type Plan } from './plan';

export const ROOT = resolve(import.meta.dirname, '..');
export const RESULTS = resolve(ROOT, 'bench/results');
export const quick = process.argv.includes('--quick');
export const saveBaseline = process.argv.includes('--save-baseline');
export const reportOnly = process.argv.includes('--report-only');
export const P: Plan = plan(quick);
export const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

export { PARTS, type Part };

function only(): Set<Part> {
  const arg = process.argv.find((a) => a.startsWith('--only='));
  if (!arg) return new Set(PARTS);
  const asked = arg.slice('--only='.length).split(',').filter(Boolean);
  const bad = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (bad.length > 0 || asked.length === 0)
    throw new Error(
      `--only: unknown part(s) ${bad.join(', ') || '(none)'}; parts: ${PARTS.join(', ')}`,
    );
  return new Set(asked as Part[]);
}

export const ONLY = only();
/** The parts that run in Node (bench/node.ts and bench/ab.ts) and in Chromium's bench.html. */
export const NODE_PARTS = SKIP.has('node')
  ? new Set<Part>()
  : new Set([...ONLY].filter((p) => p !== 'page'));
export const BROWSER_PARTS = SKIP.has('browser')
  ? new Set<Part>()
  : new Set([...ONLY].filter((p) => p !== 'page' && p !== 'ab'));
export const PAGE = ONLY.has('page') && !SKIP.has('page');

/**
 * The two builds the browser runs serve (production, then --mode harness beside it): a folder of
 * the bench's own, not dist/, so a run never rewrites the site an e2e run is testing.
 */
export const SITE = resolve(ROOT, process.env.BENCH_DIST ?? 'node_modules/.cache/bench-dist');

/** The command line as the report quotes it: `npm run bench -- …` and the BENCH_ variables set. */
export function commandLine(): string {
  const vars = ['BENCH_SKIP', 'BENCH_BACKENDS']
    .filter((v) => process.env[v])
    .map((v) => `${v}=${process.env[v]} `)
    .join('');
  const args = process.argv.slice(2).filter((a) => a.startsWith('--'));
  return `${vars}npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
}
export const PORT = Number(process.env.BENCH_PORT ?? 4391);
export const BASE_URL = `http://localhost:${PORT}/`;
export const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu').split(',');

export const log = (m: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
