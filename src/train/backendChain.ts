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
}

/**
 * Try one backend. Resolving `false` (or `{ ok: false }`) or throwing means: skip it.
 * Resolving `true` (or `{ ok: true }`) means it is now the active backend.
 */
export type TrySet = (name: BackendName) => Promise<boolean | TryOutcome>;

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
 * The label reads e.g. "WebGPU (software adapter)", "WebGL — no WebGPU adapter" or
 * "WASM — forced".
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
  for (const name of chainOrder(forced)) {
    if (skip.some((s) => s.backend === name)) continue;
    let outcome: TryOutcome;
    try {
      const r = await trySet(name);
      outcome = typeof r === 'boolean' ? { ok: r } : r;
    } catch (e) {
      outcome = { ok: false, reason: errorText(e) };
    }
    if (!outcome.ok) {
      fallbackReasons.push(`${BACKEND_LABELS[name]}: ${outcome.reason ?? 'failed to initialise'}`);
      continue;
    }
    return { name, label: makeLabel(name, outcome.note, forced, fallbackReasons), fallbackReasons };
  }
  throw new NoBackendError(fallbackReasons);
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

/** True for a software (CPU-emulated) adapter such as SwiftShader. */
export function isSoftwareAdapter(adapter: AdapterLike): boolean {
  if (adapter.info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true) return true;
  const info = adapter.info;
  if (!info) return false;
  const text = [info.vendor, info.architecture, info.description, info.device].join(' ');
  return /swiftshader|llvmpipe|software/i.test(text);
}
