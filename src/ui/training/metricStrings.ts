/** Words of the cards, curves and results table that say which step a number belongs to. */

export interface MetricWords {
  /** Above the cards: where their numbers come from. */
  cardsLive: (step: number, testStep: number | undefined) => string;
  cardsRewound: (
    step: number,
    lossStep: number | undefined,
    testStep: number | undefined,
  ) => string;
  /** The CTRs are still those of another step (a replay's re-score in flight). */
  ctrStep: (step: number) => string;
  /** One history's CTR against the test AUC. */
  singleNoisy: string;
  /** DIEN's card: its loss with the auxiliary term. */
  totalLoss: (alpha: number) => string;
  /** The results table's caption suffix. */
  resultsAt: (step: number, rewound: boolean) => string;
  /** A hidden RelaImpr cell. */
  hidden: string;
  relaNote: (threshold: string, pos: number, neg: number) => string;
  bayesRow: string;
  bayesNote: string;
  /** The AUC chart's ceiling line. */
  ceiling: (auc: string) => string;
  /** The loss chart: DIEN's line is its target loss. */
  lossNote: (alpha: number) => string;
  /** Both charts before the first step. */
  empty: string;
  /** The rewound step marked on the curves. */
  rewoundMark: (step: number) => string;
  /** The chart's accessible name, when rewound. */
  rewoundAria: (step: number) => string;
}

const en: MetricWords = {
  cardsLive: (step, testStep) =>
    `Live, step ${step}. ${testStep === undefined ? 'No test evaluation yet.' : `Test metrics from the evaluation at step ${testStep}.`}`,
  cardsRewound: (step, lossStep, testStep) =>
    `Rewound to step ${step}: ${lossStep === undefined ? 'no training loss yet' : `training loss of step ${lossStep}`}; ${testStep === undefined ? 'no test evaluation at or before it' : `test metrics from the evaluation at step ${testStep}`}.`,
  ctrStep: (step) => `Predicted CTRs still from step ${step}…`,
  singleNoisy:
    'One history’s CTR is noisy: the model closest to the true CTR here need not be the one with the best test AUC, which ranks the whole test set.',
  totalLoss: (alpha) => `With aux loss (target + ${alpha}·aux)`,
  resultsAt: (step, rewound) => ` (step ${step}${rewound ? ', rewound' : ''})`,
  hidden: 'within noise',
  relaNote: (threshold, pos, neg) =>
    `RelaImpr is shown once Base’s and the model’s AUC are both more than 3 standard errors above 0.5 (Hanley–McNeil, ${pos} positive and ${neg} negative test samples: an AUC above about ${threshold}). Before that it divides noise by noise: AUCs of 0.51 and 0.53 would read +200%.`,
  bayesRow: 'Bayes ceiling',
  bayesNote:
    'Bayes ceiling: the AUC of the world’s true CTRs on this test set. No model that sees these histories can rank better, except by chance.',
  ceiling: (auc) => `Bayes ceiling ${auc}`,
  lossNote: (alpha) =>
    `DIEN’s line is its target loss (total − α·aux, α = ${alpha}), comparable with Base and DIN; the dotted line is its auxiliary loss.`,
  empty: 'Press Step or Play to draw the curves.',
  rewoundMark: (step) => `step ${step}`,
  rewoundAria: (step) => `rewound to step ${step} (marked); the curves run on to the live step`,
};

const zh: MetricWords = {
  cardsLive: (step, testStep) =>
    `实时，第 ${step} 步。${testStep === undefined ? '尚未在测试集上评估。' : `测试指标来自第 ${testStep} 步的评估。`}`,
  cardsRewound: (step, lossStep, testStep) =>
    `已回放到第 ${step} 步：${lossStep === undefined ? '还没有训练损失' : `第 ${lossStep} 步的训练损失`}；${testStep === undefined ? '此前没有测试评估' : `测试指标来自第 ${testStep} 步的评估`}。`,
  ctrStep: (step) => `预测 CTR 仍来自第 ${step} 步……`,
  singleNoisy:
    '单条历史的 CTR 有噪声：这里最接近真实 CTR 的模型，不一定是测试 AUC 最好的模型——AUC 衡量的是整个测试集上的排序。',
  totalLoss: (alpha) => `含辅助损失（目标 + ${alpha}·辅助）`,
  resultsAt: (step, rewound) => `（第 ${step} 步${rewound ? '，回放' : ''}）`,
  hidden: '在噪声内',
  relaNote: (threshold, pos, neg) =>
    `只有当 Base 和该模型的 AUC 都比 0.5 高出 3 个标准误以上时才显示 RelaImpr（Hanley–McNeil，测试集有 ${pos} 个正样本、${neg} 个负样本：AUC 需高于约 ${threshold}）。在此之前它是噪声除以噪声：AUC 为 0.51 和 0.53 时会显示 +200%。`,
  bayesRow: '贝叶斯上限',
  bayesNote:
    '贝叶斯上限：世界的真实 CTR 在这个测试集上的 AUC。看到同样历史的模型，除非碰巧，不可能排得更好。',
  ceiling: (auc) => `贝叶斯上限 ${auc}`,
  lossNote: (alpha) =>
    `DIEN 的曲线是它的目标损失（总损失 − α·辅助损失，α = ${alpha}），可与 Base 和 DIN 比较；点线是它的辅助损失。`,
  empty: '按“单步”或“播放”来绘制曲线。',
  rewoundMark: (step) => `第 ${step} 步`,
  rewoundAria: (step) => `已回放到第 ${step} 步（已标出）；曲线一直画到实时的一步`,
};

export const METRIC_STRINGS = { en, zh };
