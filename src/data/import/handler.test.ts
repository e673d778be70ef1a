import { describe, expect, it } from 'vitest';
import { createParseHandler } from './handler';
import type { ParseReply } from './messages';
import { sampleFiles } from './sampleFiles';
import { DEFAULT_CAPS, type Detection } from './types';

function harness(chunk = 4096) {
  const replies: ParseReply[] = [];
  // Small chunks so that one import posts several progress messages.
  const handle = createParseHandler(
    (m) => replies.push(m),
    (blob, name) => ({
      name,
      size: blob.size,
      async *chunks() {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
      },
    }),
  );
  return { replies, handle };
}

describe('parse worker handler', () => {
  const [events, meta] = sampleFiles('movielens');
  const blob = new Blob([events.text]);
  const metaBlob = new Blob([meta.text]);

  it('detect answers with the detection of both files', async () => {
    const { replies, handle } = harness();
    await handle({
      type: 'detect',
      id: 1,
      events: blob,
      eventsName: 'ratings.csv',
      meta: metaBlob,
      metaName: 'movies.csv',
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      type: 'detected',
      id: 1,
      detection: { format: 'movielens' },
      meta: { kind: 'csv' },
    });
  });

  it('import posts progress (bytes growing per pass) and then one result', async () => {
    const { replies, handle } = harness(512);
    await handle({ type: 'detect', id: 1, events: blob, eventsName: 'ratings.csv' });
    const detection = (replies[0] as { detection: Detection }).detection;
    await handle({
      type: 'import',
      id: 2,
      events: blob,
      eventsName: 'ratings.csv',
      meta: metaBlob,
      metaName: 'movies.csv',
      settings: { detection, caps: DEFAULT_CAPS, seed: 1 },
    });
    const mine = replies.filter((r) => r.id === 2);
    const last = mine.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.world.fileName).toBe('ratings.csv');
    expect(last.world.metaFileName).toBe('movies.csv');
    const progress = mine.flatMap((r) => (r.type === 'progress' ? [r.progress] : []));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < progress.length; i++) {
      const [a, b] = [progress[i - 1], progress[i]];
      expect(b.pass >= a.pass).toBe(true);
      if (a.pass === b.pass) expect(b.bytes).toBeGreaterThanOrEqual(a.bytes);
    }
    // Every pass reports its end.
    for (const pass of [1, 2, 3] as const) {
      const p = progress.filter((x) => x.pass === pass).at(-1);
      expect(p, `pass ${pass}: ${JSON.stringify(progress)}`).toBeDefined();
      expect(p!.bytes).toBe(p!.totalBytes);
    }
    // The result survives structured cloning (what postMessage does).
    expect(structuredClone(last.world)).toEqual(last.world);
  });

  it('cancel stops a running import with a "cancelled" error; bad files answer with their message', async () => {
    const { replies, handle } = harness(64);
    await handle({ type: 'detect', id: 1, events: blob, eventsName: 'ratings.csv' });
    const detection = (replies[0] as { detection: Detection }).detection;
    const running = handle({
      type: 'import',
      id: 3,
      events: blob,
      eventsName: 'r.csv',
      settings: { detection, caps: DEFAULT_CAPS, seed: 1 },
    });
    await handle({ type: 'cancel', id: 3 });
    await running;
    expect(replies.filter((r) => r.id === 3).at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'cancelled' },
    });
    await handle({ type: 'detect', id: 4, events: new Blob(['']), eventsName: 'empty.csv' });
    expect(replies.at(-1)).toEqual({
      type: 'error',
      id: 4,
      error: { code: 'empty', message: 'The file is empty.' },
    });
    await handle({
      type: 'detect',
      id: 5,
      events: blob,
      eventsName: 'r.csv',
      meta: new Blob([new Uint8Array([0, 1, 2])]),
      metaName: 'm.bin',
    });
    expect(replies.at(-1)).toMatchObject({
      type: 'error',
      id: 5,
      error: { code: 'meta', message: expect.stringMatching(/^Metadata file: /) },
    });
  });
});
