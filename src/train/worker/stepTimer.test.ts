import { describe, expect, it } from 'vitest';
import { StepTimer } from './stepTimer';

describe('StepTimer', () => {
  it('leaves out the warm-up slice and its readback, then averages slices and readbacks', () => {
    const t = new StepTimer(30);
    t.add(3000, 1); // first step: shader compilation
    expect(t.msPerStep).toBeUndefined();
    t.add(500, 0); // the readback that drains it
    expect(t.msPerStep).toBeUndefined();
    t.add(40, 2);
    t.add(20, 0);
    expect(t.msPerStep).toBe(30); // (40 + 20) / 2
  });

  it('keeps only the most recent window of steps', () => {
    const t = new StepTimer(4);
    t.add(1, 1);
    t.add(1, 0);
    t.add(100, 2); // 50 ms/step, then a faster stretch replaces it
    t.add(20, 2);
    t.add(20, 2);
    expect(t.msPerStep).toBe(10);
  });

  it('starts over on restart and ignores nonsense', () => {
    const t = new StepTimer();
    t.add(1, 1);
    t.add(1, 0);
    t.add(10, 1);
    t.restart();
    expect(t.msPerStep).toBeUndefined();
    t.add(NaN, 1);
    t.add(-1, 1);
    expect(t.msPerStep).toBeUndefined();
  });
});
