/**
 * The report's table rows, one function per table: this run against the "before" runs
 * (bench/baseline.json for the engine, bench/before-scorer.json for the page).
 */
import type { ThroughputResult } from '../../src/harness/benchCore';
import type { PageRun, Responsiveness, Results } from '../types';
import { f0, f1, med, pick } from './format';
import { keepRow } from './sections';

/** bench/before-scorer.json: the page phase before the scoring worker. */
export type BeforeScorer = Pick<Results, 'responsiveness'> & { loading?: { pages: PageRun[] } };

/** What every section of the report reads: this run, and the runs its "before" columns are. */
export interface ReportContext {
  root: string;
  res: Results;
  /** bench/baseline.json (absent when this run is the baseline). */
  base: Results | undefined;
  prev: BeforeScorer;
}

/** The Chromium backends a full run measures, in the order of its rows. */
export const BROWSER_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Training throughput: Node cpu and wasm, then each Chromium backend; a row this run did not
 * measure is kept from the file (keepRow).
 */
export function throughputRows(res: Results, base: Results | undefined): string[] {
  const rows: string[] = [];
  const tp = (
    env: string,
    rs: ThroughputResult[] | undefined,
    before?: ThroughputResult[],
    err?: string,
  ) => {
    if (!rs || rs.length === 0) {
      rows.push(`| ${env} | ${err ? `failed: ${err.slice(0, 80)}` : '–'} | | | | | | |`);
      return;
    }
    const c = (name: string) => {
      const r = pick(rs, name, 20, 64);
      return r ? `${f1(r.msPerStep)} / ${f0(r.samplesPerSec)}` : '–';
    };
    const lock = pick(rs, 'lockstep', 20, 64);
    const lockBefore = pick(before, 'lockstep', 20, 64);
    rows.push(
      `| ${env} | ${c('base')} | ${c('din')} | ${c('dien')} | ${c('bst')} | ${f1(lock?.msPerStep)} | ${f1(lockBefore?.msPerStep)} | ${f0(lock?.firstStepMs)} |`,
    );
  };
  for (const be of ['cpu', 'wasm']) {
    const rs = res.node?.throughput[be];
    if (rs?.length) tp(`Node ${be}`, rs, base?.node?.throughput[be]);
    else rows.push(keepRow(`Node ${be}`));
  }
  const measured = res.browser?.throughput ?? [];
  for (const be of [...new Set([...BROWSER_BACKENDS, ...measured.map((b) => b.backend)])]) {
    const b = measured.find((x) => x.backend === be);
    if (!b) {
      rows.push(keepRow(`Chromium ${be}`));
      continue;
    }
    const before = base?.browser?.throughput.find((x) => x.backend === b.backend)?.results;
    tp(`Chromium ${b.backend}${b.label ? ` (${b.label})` : ''}`, b.results, before, b.error);
  }
  return rows;
}

/** Time to insight, Node then Chromium, now and before. */
export function insightRows(res: Results, base: Results | undefined): string[] {
  const rows: string[] = [];
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
    rows.push(`| ${env} | ${show(r)} | ${show(b)} |`);
  };
  const node = res.node?.insight ?? {};
  for (const k of [...new Set(['wasm', 'cpu', ...Object.keys(node)])]) {
    if (node[k]) ins(`Node ${k}`, node[k], base?.node?.insight[k]);
    else rows.push(keepRow(`Node ${k}`));
  }
  const browser = res.browser?.insight ?? {};
  for (const k of [...new Set([...BROWSER_BACKENDS, ...Object.keys(browser)])]) {
    if (browser[k]) ins(`Chromium ${k}`, browser[k], base?.browser?.insight[k]);
    else rows.push(keepRow(`Chromium ${k}`));
  }
  return rows;
}

/** The backend a page ran on, from its Backend status: "WASM — forced" → "WASM". */
export const chosenBackend = (label: string | undefined): string =>
  (label ?? '').split(' — ')[0].split(' (')[0].trim();

/**
 * A page row's name: the backend asked for and what the status said; for auto, what it chose
 * and why ("auto → WASM (WebGPU and WebGL here are software emulators)").
 */
export function pageBackendName(be: string, label: string | undefined): string {
  if (!label) return be;
  if (be !== 'auto') return `${be} (${label})`;
  const [name, why] = label.split(' — ');
  const reason = why?.split(/, far slower|, so | \(measured/)[0];
  return `auto → ${name}${reason ? ` (${reason})` : ''}`;
}

/**
 * The "before" run's page rows for a backend, when that run ran on the same one: auto then could
 * pick another backend (WebGPU on a software adapter, before the chain declined emulators).
 */
function before(prev: BeforeScorer, be: string, label: string | undefined): PageRun[] {
  const was = prev.loading?.pages.filter((p) => p.backend === be) ?? [];
  const then = chosenBackend(was[0]?.backendLabel);
  return label === undefined || then === '' || then === chosenBackend(label) ? was : [];
}

/** The before-scorer run's responsiveness rows that ran on the backend this run's rows did. */
export function comparableBefore(res: Results, prev: BeforeScorer): Responsiveness[] {
  return (prev.responsiveness ?? []).filter((b) => {
    const now = res.responsiveness?.find((r) => r.backend === b.backend);
    return now !== undefined && before(prev, b.backend, now.backendLabel).length > 0;
  });
}

/** Backends asked for whose "before" figures are left out: the run before chose another one. */
export function otherBefore(res: Results, prev: BeforeScorer): string[] {
  return ['wasm', 'auto'].flatMap((be) => {
    const now = res.loading?.pages.find((p) => p.backend === be)?.backendLabel;
    const was = prev.loading?.pages.find((p) => p.backend === be)?.backendLabel;
    return now && was && before(prev, be, now).length === 0
      ? [`${be} (it ran on ${was} then, on ${chosenBackend(now)} now)`]
      : [];
  });
}

/** Long tasks and edit latency per backend; before-scorer figures in parentheses. */
export function responsivenessRows(res: Results, prev: BeforeScorer): string[] {
  return (res.responsiveness ?? []).map((r) => {
    const same = before(prev, r.backend, r.backendLabel).length > 0;
    const b = same ? prev.responsiveness?.find((x) => x.backend === r.backend) : undefined;
    return `| ${pageBackendName(r.backend, r.backendLabel)} | ${(r.playMs / 1000).toFixed(0)} s, ${r.stepsPlayed} steps | ${f0(r.longestMs)} (${f0(b?.longestMs)}) | ${r.over50} (${b?.over50 ?? '–'}) | ${f0(r.idleEdits.p50)} / ${f0(r.idleEdits.p95)} (${f0(b?.idleEdits.p50)} / ${f0(b?.idleEdits.p95)}) | ${f0(r.playingEdits.p50)} / ${f0(r.playingEdits.p95)} (${f0(b?.playingEdits.p50)} / ${f0(b?.playingEdits.p95)}) | ${r.idleEdits.missed + r.playingEdits.missed} |`;
  });
}

/** First paint, engine ready and first trained step (medians over runs) per backend. */
export function pageRows(res: Results, prev: BeforeScorer): string[] {
  const ld = res.loading;
  return ['wasm', 'auto'].map((be) => {
    const runs = ld?.pages.filter((p) => p.backend === be) ?? [];
    const label = runs[0]?.backendLabel;
    const was = before(prev, be, label);
    const then = (f: (p: PageRun) => number) => (was.length ? ` (${f0(med(was.map(f)))})` : '');
    return `| ${pageBackendName(be, label)} | ${runs.length} | ${f0(med(runs.map((r) => r.fcpMs)))}${then((r) => r.fcpMs)} | ${f0(med(runs.map((r) => r.readyMs)))}${then((r) => r.readyMs)} | ${f0(med(runs.map((r) => r.firstStepMs)))}${then((r) => r.firstStepMs)} |`;
  });
}
