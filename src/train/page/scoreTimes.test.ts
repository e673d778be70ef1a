/** The client's score carries the purchases' times only when given, to either worker. */
import { describe, expect, it } from 'vitest';
import type { Request } from '../protocol';
import { CONFIG, setup, setupWithScorer } from './testWorkers';

const when = { times: [-3, NaN], candidateTime: 0 };

describe('TrainerClient score with times', () => {
  it('sends times and the candidate’s time only when given (with or without atStep)', () => {
    const t = setup();
    void t.client.init(CONFIG);
    void t.client.score([1, 2], 3);
    void t.client.score([1, 2], 3, undefined, when);
    void t.client.score([1, 2], 3, 40, when);
    const sent = t.w().sent.slice(1) as (Request & { id: number })[];
    expect(sent.map(({ id: _, ...rest }) => rest)).toEqual([
      { type: 'score', history: [1, 2], candidate: 3 },
      { type: 'score', history: [1, 2], candidate: 3, ...when },
      { type: 'score', history: [1, 2], candidate: 3, atStep: 40, ...when },
    ]);
  });

  it('the scoring worker gets them too', () => {
    const t = setupWithScorer();
    void t.client.init(CONFIG);
    void t.client.score([1, 2], 3, undefined, when);
    expect(t.scorers[0].requests().map(({ id: _, ...r }) => r)).toEqual([
      { type: 'score', history: [1, 2], candidate: 3, ...when, version: 1 },
    ]);
    t.closePorts();
  });
});
