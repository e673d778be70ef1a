/**
 * The client tests' fakes: workers that record what the page sends them and answer on cue, a
 * document whose visibility a test flips, and clients wired to them. Not used by the app.
 */
import {
  TrainerClient,
  type TrainerClientOptions,
  type VisibilitySource,
  type WorkerLike,
} from './client';
import type { Request, Response, ScorerRequest, SessionConfig, WeightsSnapshot } from '../protocol';

export const CONFIG = { train: { seed: 1 } } as unknown as SessionConfig; // the client only passes it on

export class FakeWorker implements WorkerLike {
  sent: Request[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<Response>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(m: Request): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker answering. */
  reply(r: Response): void {
    this.onmessage?.({ data: r } as MessageEvent<Response>);
  }
  last(): Request {
    return this.sent[this.sent.length - 1];
  }
}

export class FakeDocument implements VisibilitySource {
  hidden = false;
  private listener: (() => void) | undefined;
  addEventListener(_: 'visibilitychange', l: () => void): void {
    this.listener = l;
  }
  removeEventListener(): void {
    this.listener = undefined;
  }
  set(hidden: boolean): void {
    this.hidden = hidden;
    this.listener?.();
  }
  get attached(): boolean {
    return this.listener !== undefined;
  }
}

export function setup(
  backend?: 'webgpu' | 'webgl' | 'wasm' | 'cpu',
  more: TrainerClientOptions = {},
) {
  const workers: FakeWorker[] = [];
  const doc = new FakeDocument();
  const client = new TrainerClient({
    ...more,
    backend,
    visibility: doc,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  const seen: Response[] = [];
  client.subscribe((r) => seen.push(r));
  return { client, workers, doc, seen, w: () => workers[workers.length - 1] };
}

export const READY = (name: 'webgpu' | 'webgl' | 'wasm' | 'cpu'): Response => ({
  type: 'ready',
  backend: { name, label: name, fallbackReasons: [] },
  trainSize: 10,
  testSize: 2,
});

export const SNAPSHOT: WeightsSnapshot = { step: 40, tensors: { base: [], din: [], dien: [] } };

/** A scoring worker that records what it is sent (ports included). */
export class FakeScorer implements WorkerLike<ScorerRequest> {
  sent: ScorerRequest[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<Response>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(m: ScorerRequest): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(r: Response): void {
    this.onmessage?.({ data: r } as MessageEvent<Response>);
  }
  requests(): (ScorerRequest & { id: number; version: number })[] {
    return this.sent.filter((m) => m.type !== 'port') as (ScorerRequest & {
      id: number;
      version: number;
    })[];
  }
}

export function setupWithScorer(more: TrainerClientOptions = {}) {
  const workers: FakeWorker[] = [];
  const scorers: FakeScorer[] = [];
  const ports: MessagePort[] = [];
  const client = new TrainerClient({
    ...more,
    visibility: null,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    createScorer: () => {
      const s = new FakeScorer();
      scorers.push(s);
      return s;
    },
  });
  const seen: Response[] = [];
  client.subscribe((r) => seen.push(r));
  const closePorts = () => {
    for (const w of workers) for (const m of w.sent) if (m.type === 'feed') ports.push(m.port);
    for (const s of scorers) for (const m of s.sent) if (m.type === 'port') ports.push(m.port);
    for (const p of ports) p.close();
  };
  return { client, workers, scorers, seen, closePorts, w: () => workers[workers.length - 1] };
}
