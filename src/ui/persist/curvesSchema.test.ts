import { describe, expect, it } from 'vitest';
import { checkSaved } from './schema';
import { keptRun, session, sessionWithRuns } from './testSession';

const M = { auc: 0.61, gauc: 0.57, logloss: 0.66 };

describe('saved curves with BST', () => {
  it('keep BST’s loss and test metrics through the check, in the session and in kept runs', () => {
    const s = sessionWithRuns(30);
    const curves = {
      version: 3,
      loss: [{ step: 30, loss: { base: 0.7, din: 0.69, dien: 2 }, aux: 1.3, bst: 0.64 }],
      test: [{ step: 30, test: { base: M, din: M, dien: M }, bst: { ...M, auc: 0.63 } }],
    };
    const run = { ...keptRun(1, 20), curves };
    const checked = checkSaved({ ...s, curves, runs: { ...s.runs!, kept: [run] } });
    if (!checked.ok) throw new Error(checked.problem);
    // valibot's object drops keys it does not name: without the schema's field BST would vanish.
    expect(checked.session.curves.loss[0].bst).toBe(0.64);
    expect(checked.session.curves.test[0].bst?.auc).toBe(0.63);
    expect(checked.session.runs?.kept[0].curves.test[0].bst?.auc).toBe(0.63);
  });

  it('load curves saved before BST’s were kept, and refuse a BST loss that is no number', () => {
    const old = checkSaved(session(10));
    expect(old.ok && 'bst' in old.session.curves.loss[0]).toBe(false);
    const bad = session(10);
    const point = { ...bad.curves.loss[0], bst: 'low' };
    const checked = checkSaved({ ...bad, curves: { ...bad.curves, loss: [point] } });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problem).toMatch(/^curves\.loss\.0\.bst/);
  });
});
