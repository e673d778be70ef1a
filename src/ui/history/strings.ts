/** The history room's own strings for an imported file's catalogue (the shop's search). */
import type { Lang } from '../text/i18n';
import type { GapWords } from './gapWords';

export interface HistoryWords {
  find: string;
  findHint: (shown: number, all: number) => string;
  none: (query: string) => string;
  fileUser: string;
  fileLongest: string;
  /** Said above the history while a file is in use: why the truth views are empty. */
  noTruth: (file: string) => string;
  /** Settings, on a file: the toy world's knobs do not apply. */
  fileSettings: string;
  /** The label between two purchases with times: how long after the one before. */
  later: (g: GapWords) => string;
  /** Said once when some purchases have times and some do not. */
  timesMixed: string;
}

const enCount = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} later`;

export const HISTORY_STRINGS: Record<Lang, HistoryWords> = {
  en: {
    fileSettings:
      'Your file sets the purchases, their order and their times: the toy world’s drift and time signal do not apply. The seed still draws the sampled negatives.',
    find: 'Find an item of your file',
    findHint: (shown, all) =>
      `${shown} of your file's ${all} items, most frequent first: type part of a name, an id or a category to find others.`,
    none: (q) => `No item's name, id or category contains “${q}”.`,
    fileUser: 'A user from your file',
    fileLongest: 'The longest history in your file',
    later: (g) => (g.unit === 'sameHour' ? 'within the hour' : enCount(g.n, g.unit.slice(0, -1))),
    timesMixed:
      'Purchases you added or moved have no time, so no gap is shown beside them; BST’s time-gap positions read them as “unknown”.',
    noTruth: (f) =>
      `Training on your file “${f}”. A real log has no ground truth: nobody knows a user's true interest, so the true CTR, each purchase's true relevance (the outlines on the bars), the Bayes ceiling and the comparison's verdict are left out. The test AUC is measured on each user's last event, as in the papers.`,
  },
  zh: {
    fileSettings:
      '你的文件决定了购买、顺序和时间：玩具世界的兴趣漂移和时间信号不适用。随机种子仍用于抽取负样本。',
    find: '在你的文件中查找商品',
    findHint: (shown, all) =>
      `显示你的文件 ${all} 个商品中的 ${shown} 个，最常见的在前：输入名称、编号或类目的一部分以查找其他商品。`,
    none: (q) => `没有名称、编号或类目包含“${q}”的商品。`,
    fileUser: '你文件中的一位用户',
    fileLongest: '你文件中最长的历史',
    later: (g) =>
      ({
        sameHour: '一小时内',
        hours: `${g.n} 小时后`,
        days: `${g.n} 天后`,
        months: `${g.n} 个月后`,
        years: `${g.n} 年后`,
      })[g.unit],
    timesMixed:
      '你添加或移动的购买没有时间，所以旁边不显示间隔；BST 的时间间隔位置把它们读作“未知”。',
    noTruth: (f) =>
      `正在用你的文件“${f}”训练。真实日志没有标准答案：没有人知道用户真正的兴趣，所以真实 CTR、每次购买的真实相关度（柱上的轮廓）、贝叶斯上限和对比的结论都不显示。测试 AUC 按论文的做法在每位用户的最后一个事件上计算。`,
  },
};
