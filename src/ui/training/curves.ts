/**
 * The training curves as a pure fold over progress messages (useTrainer keeps the result). BST,
 * when the run trains it, steps in the same lockstep: its loss and test metrics ride on the same
 * points as the three models', so a rewound step finds them where it finds theirs.
 */
import type { Progress } from '../../train/protocol';
import type { Curves, LossPoint, TestPoint } from '../state/types';

/** Before the first progress message. */
export const NO_CURVES: Curves = { version: -1, loss: [], test: [] };

/** Keep the curves cheap to draw on long runs: past this many points, thin to every other. */
export const MAX_POINTS = 1500;

function thin<T>(xs: T[]): T[] {
  return xs.length > MAX_POINTS ? xs.filter((_, i) => i % 2 === 0 || i === xs.length - 1) : xs;
}

/** BST's loss only when it is a number (a saved session refuses NaN; the chart skips it anyway). */
function lossPoint(p: Progress): LossPoint {
  const point: LossPoint = { step: p.step, loss: p.loss, aux: p.auxLoss };
  if (p.bstLoss !== undefined && Number.isFinite(p.bstLoss)) point.bst = p.bstLoss;
  return point;
}

function testPoint(step: number, test: TestPoint['test'], bst: TestPoint['bst']): TestPoint {
  return bst ? { step, test, bst } : { step, test };
}

/**
 * The curves after one more progress message. New weights (a new config version: init, reset,
 * a changed setting) start fresh curves; a step that goes back within a version (the NaN guard
 * or a restarted worker continuing from a checkpoint) drops only the points after it; a repeated
 * step or evaluation adds nothing, and an unchanged result is the same object (so the chart does
 * not re-render).
 */
export function addProgress(prev: Curves, p: Progress): Curves {
  // Versions only grow: a late progress of an older run must not wipe the current curves.
  if (p.version < prev.version) return prev;
  let base: Curves = p.version === prev.version ? prev : { version: p.version, loss: [], test: [] };
  const lastStep = base.loss[base.loss.length - 1]?.step ?? -1;
  const lastTestStep = base.test[base.test.length - 1]?.step ?? -1;
  if (lastStep > p.step || lastTestStep > p.step)
    base = {
      version: base.version,
      loss: base.loss.filter((x) => x.step <= p.step),
      test: base.test.filter((x) => x.step <= p.step),
    };
  let loss = base.loss;
  const last = loss[loss.length - 1];
  if (p.step > 0 && Number.isFinite(p.loss.base) && (!last || p.step !== last.step))
    loss = thin([...loss, lossPoint(p)]);
  let test = base.test;
  const lastTest = test[test.length - 1];
  if (p.test && p.testStep !== undefined && (!lastTest || lastTest.step !== p.testStep))
    test = thin([...test, testPoint(p.testStep, p.test, p.bstTest)]);
  if (loss === prev.loss && test === prev.test) return prev;
  return { version: base.version, loss, test };
}
