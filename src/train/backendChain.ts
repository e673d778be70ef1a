/**
 * The backend fallback chain as a pure function (no tfjs, no DOM): backends.ts feeds it the real
 * `tf.setBackend`, unit tests feed it mocks.
 */
import { errorText } from '../lib/errorText';
import { BACKEND_ORDER, type BackendInfo, type BackendName } from './protocol';

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** What one attempt to switch to a backend gave. */
export interface TryOutcome {
  ok: boolean;
  /** Why it failed (shown to the user), when `ok` is false. */
  reason?: string;
  /** A qualifier of a working backend, e.g. "software adapter". */
  note?: string;
  /**
   * The backend is a software emulator here (a WebGPU fallback adapter, a SwiftShader WebGL):
   * with `ok: false`, it was left unused because software was not allowed on this attempt.
   */
  software?: boolean;
}

/** How one attempt may go: a backend that is only a software emulator here is declined unless allowed. */
export interface TryContext {
  allowSoftware: boolean;
}

/**
 * Try one backend. Resolving `false` (or `{ ok: false }`) or throwing means: skip it.
 * Resolving `true` (or `{ ok: true }`) means it is now the active backend.
 */
export type TrySet = (name: BackendName, context: TryContext) => Promise<boolean | TryOutcome>;

/** A backend to skip without trying it, e.g. one that already failed during training. */
export interface SkipBackend {
  backend: BackendName;
  reason: string;
}

export interface ChainOptions {
  /** Try this backend first (a URL parameter, a test); the rest of the chain follows if it fails. */
  forced?: BackendName;
  /** Backends not to try, with the reason to report. */
  skip?: readonly SkipBackend[];
}

export class NoBackendError extends Error {
  constructor(readonly reasons: string[]) {
    super(`No TensorFlow.js backend could be started: ${reasons.join('; ')}`);
    this.name = 'NoBackendError';
  }
}

/**
 * Where to go after backends failed during training (in the order they failed): the next one in
 * the chain after the last failure that has not failed itself; undefined when none is left.
 */
export function nextAfterFailures(failed: readonly BackendName[]): BackendName | undefined {
  if (failed.length === 0) return undefined;
  const last = failed[failed.length - 1];
  return BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(last) + 1).find((b) => !failed.includes(b));
}

/** The order in which backends are tried: the forced one first, then the default chain. */
export function chainOrder(forced?: BackendName): BackendName[] {
  if (forced === undefined) return [...BACKEND_ORDER];
  return [forced, ...BACKEND_ORDER.filter((b) => b !== forced)];
}

/**
 * Walk the chain, stop at the first backend that works, and describe the outcome.
 * The label reads e.g. "WebGPU (software adapter) — forced", "WebGL — no WebGPU adapter" or
 * "WASM — WebGPU here is a software emulator…".
 *
 * A GPU backend that is only a software emulator here is not taken by default: on this page
 * SwiftShader's WebGPU ran ~60× and its WebGL ~9× slower than WASM (BENCHMARKS.md), so the chain
 * declines it and goes on; it is taken when forced, or when nothing else works.
 */
export async function runBackendChain(
  trySet: TrySet,
  options: ChainOptions = {},
): Promise<BackendInfo> {
  const { forced, skip = [] } = options;
  // Known failures first (in chain order), then whatever fails now.
  const fallbackReasons = chainOrder()
    .map((name) => skip.find((s) => s.backend === name))
    .filter((s): s is SkipBackend => s !== undefined)
    .map((s) => `${BACKEND_LABELS[s.backend]}: ${s.reason}`);
  const declined: BackendName[] = [];
  const attempt = async (name: BackendName, allowSoftware: boolean): Promise<TryOutcome> => {
    try {
      const r = await trySet(name, { allowSoftware });
      return typeof r === 'boolean' ? { ok: r } : r;
    } catch (e) {
      return { ok: false, reason: errorText(e) };
    }
  };
  const chosen = (name: BackendName, outcome: TryOutcome): BackendInfo => ({
    name,
    label: makeLabel(name, outcome.note, forced, fallbackReasons),
    fallbackReasons,
    ...(outcome.software ? { software: true } : {}),
    ...(declined.length > 0 ? { declinedSoftware: [...declined] } : {}),
  });
  for (const name of chainOrder(forced)) {
    if (skip.some((s) => s.backend === name)) continue;
    const outcome = await attempt(name, name === forced);
    if (outcome.ok) return chosen(name, outcome);
    if (outcome.software) declined.push(name);
    fallbackReasons.push(`${BACKEND_LABELS[name]}: ${outcome.reason ?? 'failed to initialise'}`);
  }
  // Nothing but an emulator works: slow beats nothing.
  for (const name of [...declined]) {
    const outcome = await attempt(name, true);
    declined.splice(declined.indexOf(name), 1);
    if (outcome.ok) return chosen(name, outcome);
    fallbackReasons.push(`${BACKEND_LABELS[name]}: ${outcome.reason ?? 'failed to initialise'}`);
  }
  throw new NoBackendError(fallbackReasons);
}

/** Why a software emulator was declined (the text after "WebGPU: " in the fallback reasons). */
export function softwareDeclined(name: BackendName, what: string): string {
  return `${BACKEND_LABELS[name]} here is a software emulator (${what}), far slower than WASM on this page`;
}

/** True for a WebGL renderer string of a software rasteriser (SwiftShader, llvmpipe…). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
}

function makeLabel(
  name: BackendName,
  note: string | undefined,
  forced: BackendName | undefined,
  fallbackReasons: string[],
): string {
  const label = BACKEND_LABELS[name] + (note ? ` (${note})` : '');
  if (forced === name && fallbackReasons.length === 0) return `${label} — forced`;
  // Reasons read "WebGPU: no WebGPU adapter"; the label keeps the text after the name when it
  // mentions the backend, else names it: "WebGL: failed to initialise" → "WebGL failed to initialise".
  const why = fallbackReasons.map((r) => {
    const cut = r.indexOf(': ');
    const backend = r.slice(0, cut);
    const text = r.slice(cut + 2);
    return text.includes(backend) ? text : `${backend} ${text}`;
  });
  return why.length > 0 ? `${label} — ${why.join('; ')}` : label;
}

/** The parts of a WebGPU adapter we read (kept local: the DOM lib has no WebGPU types). */
export interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: {
    isFallbackAdapter?: boolean;
    vendor?: string;
    architecture?: string;
    description?: string;
    device?: string;
  };
}

/** What a software adapter calls itself ("swiftshader"), for the reader; "fallback adapter" if nothing. */
export function softwareAdapterName(adapter: AdapterLike): string {
  const info = adapter.info;
  const named = [info?.architecture, info?.description, info?.vendor].find(
    (t) => t !== undefined && /swiftshader|llvmpipe|software/i.test(t),
  );
  if (named && /swiftshader/i.test(named)) return 'SwiftShader';
  return named || 'fallback adapter';
}

/** True for a software (CPU-emulated) adapter such as SwiftShader. */
export function isSoftwareAdapter(adapter: AdapterLike): boolean {
  if (adapter.info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true) return true;
  const info = adapter.info;
  if (!info) return false;
  const text = [info.vendor, info.architecture, info.description, info.device].join(' ');
  return /swiftshader|llvmpipe|software/i.test(text);
}
