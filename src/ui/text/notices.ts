/**
 * The engine's notices in the reader's language: the worker and the client send what happened
 * as data (protocol NoticeDetail); only the browser's own error text (`reason`) stays as it came.
 */
import { BACKEND_LABELS } from '../../train/backendChain';
import { englishNotice } from '../../train/noticeText';
import type { NoticeAction, NoticeDetail } from '../../train/protocol';
import type { Lang } from './i18n';

const BACKEND = BACKEND_LABELS;

function zh(d: NoticeDetail): string {
  switch (d.code) {
    case 'diverged': {
      const restored = d.restoredStep !== undefined ? `已恢复到第 ${d.restoredStep} 步。` : '';
      const lr = d.learningRate !== undefined ? `（低于 ${d.learningRate}）` : '';
      return `训练在第 ${d.step} 步发散（损失非有限：${d.models.join('、')}），已暂停。${restored}请尝试更低的学习率${lr}。`;
    }
    case 'restarting': {
      const from = d.fromStep !== undefined ? `从第 ${d.fromStep} 步的权重` : '从新的初始权重';
      const head = d.same
        ? `训练 worker 已停止（${d.reason}）。正在 ${BACKEND[d.failed]} 上${from}重新开始。`
        : `${BACKEND[d.failed]} 后端出错（${d.reason}）。正在${d.next ? ` ${BACKEND[d.next]} ` : '另一个后端'}上${from}重新开始训练。`;
      const lost =
        d.lostUpTo !== undefined
          ? `第 ${(d.fromStep ?? 0) + 1}–${d.lostUpTo} 步已丢失；之前的曲线和回放快照都保留。`
          : '';
      return head + lost;
    }
    case 'stopped':
      return `训练已停止：${d.reason}。没有其他可用的后端。`;
    case 'scorerStopped':
      return d.restarting
        ? `评分 worker 已停止（${d.reason}），正在重新启动。`
        : `评分 worker 已停止（${d.reason}），改由训练 worker 在训练步之间为视图评分。`;
  }
}

export function noticeText(lang: Lang, detail: NoticeDetail): string {
  return lang === 'zh' ? zh(detail) : englishNotice(detail);
}

/** The label of a notice's way-out button. */
export function actionLabel(lang: Lang, a: NoticeAction): string {
  return lang === 'zh'
    ? `将学习率降到 ${a.learningRate}，从第 ${a.fromStep} 步继续`
    : `Lower the learning rate to ${a.learningRate} and continue from step ${a.fromStep}`;
}
