/**
 * The page's notes on each bug-lab switch, beside its equation (src/model/bugs.ts): the view
 * where the bug shows and what to look for there, what the Node runs measured (README, "Bug
 * lab": three seeds, both worlds) with the likely reason, and, where the default world hides the
 * bug, the setting that exposes it.
 */
import type { LabId } from '../../model/bugs';
import type { ConfigPatch } from '../state/pageReducer';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface LabNote {
  /** The section of the page (an element id) where the bug shows. */
  view: string;
  shows: Bilingual;
  measured: Bilingual;
  /** A setting under which the bug costs more than on the default world. */
  expose?: { patch: ConfigPatch; label: Bilingual };
}

export const LAB_NOTES: Record<LabId, LabNote> = {
  paddingLeak: {
    view: 'base',
    shows: {
      en: 'SUM pooling: the pooled vector of a short history changes when T grows, because every extra padding slot adds the padding vector.',
      zh: 'SUM 池化：T 变大时短历史的池化向量也会变，因为每多一个填充位就多加一次填充向量。',
    },
    measured: {
      en: 'In Node (3 seeds) it is mixed at T = 20 — DIN even gains, probably because the sum of padding vectors tells it the history’s length — and costs Base 0.014–0.027 AUC at T = 50, where every history is padded by 20 or more slots.',
      zh: 'Node 中（3 个种子）T = 20 时结果不一——DIN 甚至更好，可能因为填充向量之和告诉了它历史长度；T = 50 时每段历史至少有 20 个填充位，Base 损失 0.014–0.027 AUC。',
    },
    expose: {
      patch: { model: { T: 50 } },
      label: { en: 'Train with T = 50 (more padding)', zh: '用 T = 50 训练（更多填充）' },
    },
  },
  separateTables: {
    view: 'embeddings',
    shows: {
      en: 'Embedding map: the history table learns while the candidate table has its own copy, so what a good learned as a purchase does not reach it as a candidate.',
      zh: '嵌入图：历史表在学习，候选表是另一份拷贝，商品作为购买学到的东西传不到它作为候选时。',
    },
    measured: {
      en: 'In Node it helps Base on the default world (+0.016: a second table is extra capacity at this size) and costs DIEN 0.009 under strong drift.',
      zh: 'Node 中它在默认世界里反而帮了 Base（+0.016：这么小的模型里第二张表是额外容量），在强漂移下使 DIEN 损失 0.009。',
    },
  },
  batchStatsAtInference: {
    view: 'unit',
    shows: {
      en: 'The views score one history alone: a batch of one row has variance 0, so Dice gates every unit at p = 0.5 and the CTR no longer reflects the trained statistics.',
      zh: '视图每次只给一段历史打分：一行的批方差为 0，Dice 对每个单元都以 p = 0.5 门控，CTR 不再反映训练得到的统计量。',
    },
    measured: {
      en: 'Costs nothing measurable on the test set: it is scored in batches of 256 rows mixing 128 shoppers, whose statistics are close to the moving averages.',
      zh: '在测试集上没有可测的损失：测试集按 256 行一批打分，混合了 128 位顾客，批统计量接近滑动平均。',
    },
  },
  frozenBatchNorm: {
    view: 'unit',
    shows: {
      en: 'Activation unit: Dice becomes a fixed sigmoid gate σ(s), the same for every behavior whatever the data’s scale.',
      zh: '激活单元：Dice 变成固定的 sigmoid 门 σ(s)，无论数据尺度如何，对每个行为都一样。',
    },
    measured: {
      en: 'In Node it costs DIEN 0.013 AUC under strong drift; elsewhere the loss is within the seeds’ spread.',
      zh: 'Node 中强漂移下使 DIEN 损失 0.013 AUC；其他情况下损失在种子间波动范围内。',
    },
  },
  invertedAugru: {
    view: 'dien',
    shows: {
      en: 'DIEN’s gates: with the paper’s cell a behavior with a_t = 0 leaves the interest unchanged; inverted, that behavior becomes a full GRU step.',
      zh: 'DIEN 门控：论文的单元中 a_t = 0 的行为不改变兴趣状态；颠倒后，这个行为成了一次完整的 GRU 更新。',
    },
    measured: {
      en: 'In Node it helps (+0.027 AUC on both worlds after one epoch): Eq. 8’s softmax makes a_t small, about 1/L, so the paper’s a_t·u barely moves the state, while the inverted cell, nearly a plain GRU, learns fast.',
      zh: 'Node 中它反而更好（一轮后两个世界都 +0.027 AUC）：式 8 的 softmax 让 a_t 很小（约 1/L），论文的 a_t·u 几乎不动状态，而颠倒的单元接近普通 GRU，学得快。',
    },
  },
  auxOverPadding: {
    view: 'evolution',
    shows: {
      en: 'Auxiliary loss: dividing by all B·(T − 1) positions shrinks it for short histories, as if α were smaller.',
      zh: '辅助损失：除以全部 B·(T − 1) 个位置会让短历史的辅助损失变小，相当于 α 变小。',
    },
    measured: {
      en: 'In Node it helps (+0.015 on both worlds): at this budget α = 1 costs target AUC, and averaging over padding simply shrinks α.',
      zh: 'Node 中它反而更好（两个世界都 +0.015）：在这个训练量下 α = 1 会损害目标 AUC，按填充求平均只是让 α 变小。',
    },
  },
  auxDropped: {
    view: 'evolution',
    shows: {
      en: 'Auxiliary loss: it is still computed and drawn, but no longer trains the GRU, so h_t stops predicting the next purchase.',
      zh: '辅助损失：它仍被计算和绘制，但不再训练 GRU，h_t 也就不再预测下一次购买。',
    },
    measured: {
      en: 'In Node it helps on the default world (+0.017) and is within noise under drift: one epoch is too short for the auxiliary task to pay off here.',
      zh: 'Node 中它在默认世界里反而更好（+0.017），强漂移下在噪声范围内：一轮训练太短，辅助任务在这里还来不及见效。',
    },
  },
  scaledSoftmax: {
    view: 'din',
    shows: {
      en: 'DIN’s attention bars: the weights sum to 1, so a history with many relevant purchases no longer scores higher than one with a single relevant purchase.',
      zh: 'DIN 注意力条：权重之和为 1，有很多相关购买的历史不再比只有一个相关购买的历史得分更高。',
    },
    measured: {
      en: 'In Node it helps DIN (+0.022 / +0.026), probably because normalised weights train more stably in one epoch; the paper keeps them unnormalised to preserve the intensity of interest.',
      zh: 'Node 中它反而帮了 DIN（+0.022 / +0.026），可能因为归一化的权重在一轮内训练更稳定；论文不做归一化是为了保留兴趣强度。',
    },
  },
  negativesEqualPositive: {
    view: 'results',
    shows: {
      en: 'Training data: about one pair in 44 (the shop has 44 goods) shows the same good labelled both clicked and not clicked.',
      zh: '训练数据：约每 44 对中就有一对（商店有 44 件商品）把同一件商品同时标为点击和未点击。',
    },
    measured: {
      en: 'Costs nothing measurable here: with 44 goods about 2.3 % of negatives collide, mild label noise that one epoch does not feel. Real catalogues are larger, so the collisions rarer.',
      zh: '在这里没有可测的损失：44 件商品时约 2.3% 的负样本与正样本相同，这点标签噪声一轮训练感觉不到。真实商品库更大，碰撞更少。',
    },
  },
  dinAuthors: {
    view: 'din',
    shows: {
      en: 'DIN’s attention bars and activation unit: softmax weights that sum to 1, sigmoid units, and Dice a fixed gate.',
      zh: 'DIN 注意力条与激活单元：和为 1 的 softmax 权重、sigmoid 单元，以及成为固定门的 Dice。',
    },
    measured: {
      en: 'In Node it loses 0.011 AUC to the paper’s DIN with Dice on the default world.',
      zh: 'Node 中在默认世界里比论文的 DIN（Dice）低 0.011 AUC。',
    },
  },
  dienAuthors: {
    view: 'dien',
    shows: {
      en: 'DIEN’s gates and auxiliary loss: the inverted AUGRU and the auxiliary loss shrunk by padding.',
      zh: 'DIEN 门控与辅助损失：颠倒的 AUGRU，以及被填充稀释的辅助损失。',
    },
    measured: {
      en: 'In Node it gains what the inverted AUGRU gains (+0.026 / +0.027): a reported gain of a paper’s component can vanish, or reverse, when the code runs something else.',
      zh: 'Node 中它的提升来自颠倒的 AUGRU（+0.026 / +0.027）：当代码实际运行的是别的东西时，论文中某个组件的收益可能消失甚至反转。',
    },
  },
};
