import { describe, expect, it } from 'vitest';
import { createParseHandler } from '../../data/import/handler';
import type { ParseReply, ParseRequest } from '../../data/import/messages';
import { sampleFiles } from '../../data/import/sampleFiles';
import { DEFAULT_CAPS, ImportError, type ImportProgress } from '../../data/import/types';
import { ParseClient, type ParseWorkerLike } from './parseClient';

/**
 * A worker that runs the real handler on this thread, answering asynchronously as a worker
 * does; it reads files in small chunks so that an import posts several progress messages.
 */
function fakeWorker(chunk = 256) {
  const log = { spawned: 0, requests: [] as ParseRequest[], terminated: 0 };
  const workers: ParseWorkerLike[] = [];
  const factory = () => {
    log.spawned++;
    const w: ParseWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(req) {
        log.requests.push(req);
        setTimeout(() => void handle(req), 0);
      },
      terminate() {
        log.terminated++;
      },
    };
    const handle = createParseHandler(
      (m: ParseReply) =>
        setTimeout(() => w.onmessage?.({ data: m } as MessageEvent<ParseReply>), 0),
      (blob, name) => ({
        name,
        size: blob.size,
        async *chunks() {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
        },
      }),
    );
    workers.push(w);
    return w;
  };
  return { factory, log, workers };
}

const [ratings, movies] = sampleFiles('movielens');
const events = new File([ratings.text], 'ratings.csv');
const meta = new File([movies.text], 'movies.csv');

describe('ParseClient', () => {
  it('starts the worker on first use only, and numbers its requests', async () => {
    const fake = fakeWorker();
    const client = new ParseClient(fake.factory);
    expect(fake.log.spawned).toBe(0);
    const [a, b] = await Promise.all([client.detect(events, meta), client.detect(events)]);
    expect(fake.log.spawned).toBe(1);
    expect(fake.log.requests.map((r) => r.id)).toEqual([1, 2]);
    expect(a).toMatchObject({ type: 'detected', id: 1, detection: { format: 'movielens' } });
    expect(a.meta?.kind).toBe('csv');
    expect(b.id).toBe(2);
    expect(b.meta).toBeUndefined();
    expect(fake.log.requests[0]).toMatchObject({
      eventsName: 'ratings.csv',
      metaName: 'movies.csv',
    });
    expect(client.inFlight).toBe(0);
  });

  it('imports with progress per pass and resolves with the world', async () => {
    const fake = fakeWorker();
    const client = new ParseClient(fake.factory);
    const { detection, meta: metaDetection } = await client.detect(events, meta);
    const progress: ImportProgress[] = [];
    const world = await client.import(
      events,
      meta,
      { detection, meta: metaDetection, caps: DEFAULT_CAPS, seed: 1 },
      (p) => progress.push(p),
    );
    expect(world.kind).toBe('imported');
    expect(world.fileName).toBe('ratings.csv');
    expect(world.metaFileName).toBe('movies.csv');
    expect(world.shoppers.length).toBe(world.summary.users.kept);
    expect(new Set(progress.map((p) => p.pass))).toEqual(new Set([1, 2, 3]));
    const last1 = progress.filter((p) => p.pass === 1).at(-1)!;
    expect(last1.bytes).toBe(events.size);
    expect(last1.totalBytes).toBe(events.size);
  });

  it('rejects with the worker’s ImportErrorData (line and column kept)', async () => {
    const client = new ParseClient(fakeWorker().factory);
    const bad = new File(['user,item,timestamp\nu1,i1,yesterday\nu2,i2,noon\n'], 'bad.csv');
    const { detection } = await client.detect(bad);
    expect(detection.problem).toMatchObject({ code: 'timestamp', line: 2, column: 'timestamp' });
    const err = await client
      .import(bad, undefined, { detection, caps: DEFAULT_CAPS, seed: 1 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).data).toEqual(detection.problem);
    const empty = await client.detect(new File([''], 'empty.csv')).catch((e: unknown) => e);
    expect((empty as ImportError).data).toEqual({ code: 'empty', message: 'The file is empty.' });
  });

  it('cancel rejects the running import at once and tells the worker; its late answers are dropped', async () => {
    const fake = fakeWorker(64);
    const client = new ParseClient(fake.factory);
    const { detection } = await client.detect(events);
    let progressAfterCancel = 0;
    let cancelledAt = -1;
    const running = client.import(
      events,
      undefined,
      { detection, caps: DEFAULT_CAPS, seed: 1 },
      () => {
        if (cancelledAt >= 0) progressAfterCancel++;
        else {
          cancelledAt = fake.log.requests.length;
          client.cancel();
        }
      },
    );
    const err = await running.catch((e: unknown) => e);
    expect((err as ImportError).code).toBe('cancelled');
    expect(fake.log.requests.at(-1)).toEqual({ type: 'cancel', id: 2 });
    expect(client.inFlight).toBe(0);
    // The worker stops too: a later request is answered by the same worker.
    const again = await client.detect(events);
    expect(again.id).toBe(3);
    expect(progressAfterCancel).toBe(0);
    expect(fake.log.spawned).toBe(1);
  });

  it('a failed worker rejects what waits, and the next request starts a new one', async () => {
    const fake = fakeWorker();
    const client = new ParseClient(fake.factory);
    const waiting = client.detect(events).catch((e: unknown) => e);
    fake.workers[0].onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    const err = (await waiting) as ImportError;
    expect(err.data).toEqual({ code: 'failed', message: 'The parse worker failed: out of memory' });
    expect(fake.log.terminated).toBe(1);
    const next = await client.detect(events);
    expect(next.detection.format).toBe('movielens');
    expect(fake.log.spawned).toBe(2);
  });
});
