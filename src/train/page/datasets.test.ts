/**
 * An imported data set reaches the engine in every config the client sends: init, reset,
 * resume and the restart after a failure. The page's own config names it only.
 */
import { describe, expect, it } from 'vitest';
import type { SessionConfig, WeightsSnapshot } from '../protocol';
import { CONFIG, READY, SNAPSHOT, setup } from './testWorkers';

type World = NonNullable<NonNullable<SessionConfig['data']>['world']>;
const WORLD = { kind: 'imported', catalogue: { goods: [] } } as unknown as World;
const NAMED: SessionConfig = { ...CONFIG, data: { kind: 'imported', id: 'f1', name: 'log.csv' } };
const WITH: SessionConfig = { ...NAMED, data: { ...NAMED.data!, world: WORLD } };

type Init = { type: string; config?: SessionConfig };
const configs = (sent: unknown[]) =>
  (sent as Init[]).filter((m) => m.type === 'init' || m.type === 'reset').map((m) => m.config);

describe('TrainerClient and imported data sets', () => {
  it('init and reset carry the world of the data set the config names', () => {
    const t = setup('wasm');
    t.client.addDataset('f1', WORLD);
    void t.client.init(NAMED);
    t.client.reset(NAMED);
    t.client.reset(CONFIG);
    expect(configs(t.w().sent)).toEqual([WITH, WITH, CONFIG]);
    // The page's config object is not changed in place.
    expect(NAMED.data).not.toHaveProperty('world');
  });

  it('a restart after a failure sends the world again; a resumed run gets it too', async () => {
    const t = setup();
    t.client.addDataset('f1', WORLD);
    const ready = t.client.init(NAMED);
    t.w().reply(READY('webgpu'));
    await ready;
    t.w().reply({ type: 'weights', id: 0, weights: SNAPSHOT });
    t.w().reply({ type: 'error', message: 'device lost', fatal: true, backend: 'webgpu' });
    expect(t.workers).toHaveLength(2);
    expect(configs(t.w().sent)).toEqual([WITH]);
    t.w().reply(READY('webgl'));
    const from: WeightsSnapshot = { ...SNAPSHOT, step: 7 };
    void t.client.resume(NAMED, from);
    expect(configs(t.w().sent).at(-1)).toEqual(WITH);
  });

  it('a config naming a data set the client does not hold goes as it is (the engine names it)', () => {
    const t = setup('wasm');
    void t.client.init(NAMED);
    expect(configs(t.w().sent)).toEqual([NAMED]);
  });

  it('holds the three latest data sets', () => {
    const t = setup('wasm');
    for (const id of ['a', 'b', 'c', 'd']) t.client.addDataset(id, WORLD);
    void t.client.init({ ...NAMED, data: { kind: 'imported', id: 'a', name: 'a' } });
    expect(configs(t.w().sent)[0]?.data).not.toHaveProperty('world');
    t.client.reset({ ...NAMED, data: { kind: 'imported', id: 'd', name: 'd' } });
    expect(configs(t.w().sent)[1]?.data).toHaveProperty('world', WORLD);
  });
});
