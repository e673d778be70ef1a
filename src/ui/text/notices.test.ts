import { describe, expect, it } from 'vitest';
import type { NoticeAction, NoticeDetail } from '../../train/protocol';
import { actionLabel, noticeText } from './notices';

describe('engine notices in the reader’s language', () => {
  it('words a restart with the steps that were lost, in English and Chinese', () => {
    const d: NoticeDetail = {
      code: 'restarting',
      same: true,
      failed: 'wasm',
      reason: 'it stopped answering for 45 s',
      fromStep: 160,
      lostUpTo: 169,
    };
    expect(noticeText('en', d)).toBe(
      'The training worker stopped (it stopped answering for 45 s). Restarting it on WASM from the weights of step 160. Steps 161–169 are lost; the curves and rewind snapshots before them are kept.',
    );
    const zh = noticeText('zh', d);
    expect(zh).toContain('第 161–169 步已丢失');
    expect(zh).not.toMatch(/Restarting|lost|weights/);
  });

  it('words a divergence and its way out', () => {
    const d: NoticeDetail = {
      code: 'diverged',
      step: 30,
      models: ['din'],
      restoredStep: 20,
      learningRate: 0.5,
    };
    expect(noticeText('en', d)).toMatch(/diverged at step 30 .*din.*Restored step 20.*than 0\.5/);
    expect(noticeText('zh', d)).toMatch(/第 30 步发散.*第 20 步/);
    const a: NoticeAction = { type: 'lowerLearningRate', learningRate: 0.05, fromStep: 20 };
    expect(actionLabel('en', a)).toBe('Lower the learning rate to 0.05 and continue from step 20');
    expect(actionLabel('zh', a)).toContain('0.05');
  });
});
