/**
 * The report's table rows, one function per table: this run against the "before" runs
 * (bench/baseline.json for the engine, bench/before-scorer.json for the page).
 */
import type { ThroughputResult } from '../../src/harness/benchCore';
import type { PageRun, Results } from '../types';
import { f0, f1, med, pick } from './format';

/** bench/before-scorer.json: the page phase before the scoring worker. */
export type BeforeScorer = Pick<Results, 'responsiveness'> & { loading?: { pages: PageRun[] } };

/** Training throughput: Node cpu and wasm, then each Chromium backend. */
export function throughputRows(res: Results, base: Results | undefined): string[] {
  const rows: string[] = [];
  const tp = (
    env: string,
    rs: ThroughputResult[] | undefined,
    before?: ThroughputResult[],
    err?: string,
  ) => {
    if (!rs || rs.length === 0) {
      rows.push(`| ${env} | ${err ? `failed: ${err.slice(0, 80)}` : '–'} | | | | | |`);
      return;
    }
    const c = (name: string) => {
      const r = pick(rs, name, 20, 64);
      return `${f1(r?.msPerStep)} / ${f0(r?.samplesPerSec)}`;
    };
    const lock = pick(rs, 'lockstep', 20, 64);
    const lockBefore = pick(before, 'lockstep', 20, 64);
    rows.push(
      `| ${env} | ${c('base')} | ${c('din')} | ${c('dien')} | ${f1(lock?.msPerStep)} | ${f1(lockBefore?.msPerStep)} | ${f0(lock?.firstStepMs)} |`,
    );
  };
  for (const be of ['cpu', 'wasm'])
    tp(`Node ${be}`, res.node?.throughput[be], base?.node?.throughput[be]);
  for (const b of res.browser?.throughput ?? []) {
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
  for (const [k, v] of Object.entries(res.node?.insight ?? {}))
    ins(`Node ${k}`, v, base?.node?.insight[k]);
  for (const [k, v] of Object.entries(res.browser?.insight ?? {}))
    ins(`Chromium ${k}`, v, base?.browser?.insight[k]);
  return rows;
}

/** Long tasks and edit latency per backend; before-scorer figures in parentheses. */
export function responsivenessRows(res: Results, prev: BeforeScorer): string[] {
  return (res.responsiveness ?? []).map((r) => {
    const b = prev.responsiveness?.find((x) => x.backend === r.backend);
    return `| ${r.backend} | ${(r.playMs / 1000).toFixed(0)} s, ${r.stepsPlayed} steps | ${f0(r.longestMs)} (${f0(b?.longestMs)}) | ${r.over50} (${b?.over50 ?? '–'}) | ${f0(r.idleEdits.p50)} / ${f0(r.idleEdits.p95)} (${f0(b?.idleEdits.p50)} / ${f0(b?.idleEdits.p95)}) | ${f0(r.playingEdits.p50)} / ${f0(r.playingEdits.p95)} (${f0(b?.playingEdits.p50)} / ${f0(b?.playingEdits.p95)}) | ${r.idleEdits.missed + r.playingEdits.missed} |`;
  });
}

/** First paint, engine ready and first trained step (medians over runs) per backend. */
export function pageRows(res: Results, prev: BeforeScorer): string[] {
  const ld = res.loading;
  return ['wasm', 'auto'].map((be) => {
    const runs = ld?.pages.filter((p) => p.backend === be) ?? [];
    const label = runs[0]?.backendLabel ?? '';
    const was = prev.loading?.pages.filter((p) => p.backend === be) ?? [];
    const then = (f: (p: PageRun) => number) => (was.length ? ` (${f0(med(was.map(f)))})` : '');
    return `| ${be}${label ? ` (${label})` : ''} | ${runs.length} | ${f0(med(runs.map((r) => r.fcpMs)))}${then((r) => r.fcpMs)} | ${f0(med(runs.map((r) => r.readyMs)))}${then((r) => r.readyMs)} | ${f0(med(runs.map((r) => r.firstStepMs)))}${then((r) => r.firstStepMs)} |`;
  });
}
