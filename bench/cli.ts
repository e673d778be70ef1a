/**
 * The benchmark's command line and environment (documented in bench/run.ts), read once, and its
 * log line. Shared by the runner (bench/run.ts) and the browser phases (bench/browser/).
 */
import { resolve } from 'node:path';
import { plan, type Plan } from './plan';

export const ROOT = resolve(import.meta.dirname, '..');
export const RESULTS = resolve(ROOT, 'bench/results');
export const quick = process.argv.includes('--quick');
export const saveBaseline = process.argv.includes('--save-baseline');
export const reportOnly = process.argv.includes('--report-only');
export const P: Plan = plan(quick);
export const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
export const PORT = Number(process.env.BENCH_PORT ?? 4391);
export const BASE_URL = `http://localhost:${PORT}/`;
export const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu').split(',');

export const log = (m: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
