/**
 * What the benchmark measures, as written to bench/results/results.json and read back by the
 * report (bench/report/). Types only: the runs (bench/run.ts, bench/node.ts, bench/browser/) and
 * the report import these, never each other.
 */
import type { InsightResult, MemorySample, ThroughputResult } from '../src/harness/benchCore';

/** As src/harness/bench.ts reports it (not imported: that module pulls in Vite-only imports). */
export interface GpuInfo {
  webgpu: Record<string, string | boolean> | string;
  webgl: Record<string, string> | string;
}

/** Time to insight in Chromium, through the real training worker (src/harness/bench.ts). */
export type BrowserInsight = InsightResult & {
  backend: unknown;
  firstStepMs: number;
  error?: string;
};

/** The Node half (bench/node.ts), written to bench/results/node.json. */
export interface NodeResults {
  throughput: Record<string, ThroughputResult[]>;
  sweepT: ThroughputResult[];
  sweepB: ThroughputResult[];
  sweepBackend: string;
  memory: { backend: string; samples: MemorySample[] };
  insight: Record<string, InsightResult>;
  /** Peak memory at the largest settings the budgets allow (bench/largest.ts). */
  largest?: LargestRun[];
}

export interface LargestRun {
  name: string;
  /** What the budgets capped ("shoppers 20000 → 100"). */
  kept: string[];
  historyCells: number;
  stepCells: number;
  createMs: number;
  stepMs: number;
  peakRssMiB: number;
  /** Peak RSS above the process's RSS before the session was built. */
  addedRssMiB: number;
  tensorMiB: number;
}

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
  /** What the page's Backend status said (absent in runs before it was recorded). */
  backendLabel?: string;
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
  /** The command as the report quotes it (cli.ts commandLine); absent in older runs. */
  command?: string;
  /** The parts this run measured (cli.ts PARTS); absent in older runs: all of them. */
  parts?: string[];
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
    insight: Record<string, BrowserInsight>;
  };
  responsiveness?: Responsiveness[];
  errors: string[];
  /** Phases skipped by BENCH_SKIP, whose figures were kept from the previous run. */
  kept?: string[];
}
