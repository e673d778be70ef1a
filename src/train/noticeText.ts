/**
 * The engine's notices in English, from what happened (protocol NoticeDetail): written once, for
 * the engine's `message` (logs, tests) and the page's English text alike; the page words the same
 * details in Chinese (ui/text/notices.ts). `reason` is the browser's or tfjs' own text.
 */
import { BACKEND_LABELS } from './backendChain';
import type { NoticeDetail } from './protocol';

export function englishNotice(d: NoticeDetail): string {
  switch (d.code) {
    case 'diverged': {
      const restored = d.restoredStep !== undefined ? ` Restored step ${d.restoredStep}.` : '';
      const lr = d.learningRate !== undefined ? ` than ${d.learningRate}` : '';
      return `Training diverged at step ${d.step} (non-finite loss: ${d.models.join(', ')}). Paused.${restored} Try a lower learning rate${lr}.`;
    }
    case 'restarting': {
      const from =
        d.fromStep !== undefined
          ? ` from the weights of step ${d.fromStep}`
          : ' from fresh weights';
      const head = d.same
        ? `The training worker stopped (${d.reason}). Restarting it on ${BACKEND_LABELS[d.failed]}${from}.`
        : `The ${BACKEND_LABELS[d.failed]} backend failed (${d.reason}). Restarting training on ${d.next ? BACKEND_LABELS[d.next] : 'another backend'}${from}.`;
      const lost =
        d.lostUpTo !== undefined
          ? ` Steps ${(d.fromStep ?? 0) + 1}–${d.lostUpTo} are lost; the curves and rewind snapshots before them are kept.`
          : '';
      return head + lost;
    }
    case 'stopped':
      return `Training stopped: ${d.reason}. No other backend is left to try.`;
    case 'scorerStopped':
      return d.restarting
        ? `The scoring worker stopped (${d.reason}); it is being started again.`
        : `The scoring worker stopped (${d.reason}); the training worker scores the views between its steps instead.`;
  }
}
