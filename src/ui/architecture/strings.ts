/**
 * The architecture view's words, English and Chinese. The English block names are the stable
 * accessible names tests use (PRODUCT.md); equations live in blocks.ts (they are the same in both).
 */
import type { BlockId } from './blocks';

export interface ArchStrings {
  heading: string;
  caption: string;
  waiting: string;
  empty: string;
  switchLabel: string;
  /** Block names; the evolving block's name follows the cell (AUGRU / AGRU / AIGRU). */
  block: Record<Exclude<BlockId, 'evolving' | 'pooling'>, string>;
  pooling: (mean: boolean) => string;
  evolving: (cell: string) => string;
  /** One sentence per block: what it computes. */
  does: Record<BlockId, string>;
  cardHint: string;
  candidate: string;
  concat: string;
  earlier: (n: number) => string;
  notKept: (n: number, T: number) => string;
  legendDin: string;
  legendDien: string;
  dinWeightLabel: (name: string, w: string) => string;
  dienAttentionLabel: (name: string, a: string) => string;
  gateLabel: (name: string, g: string) => string;
  textSummary: string;
  textCaption: string;
  candidateLine: (good: string) => string;
  /** The path through each model; the second argument is the pooling's or the cell's name. */
  path: Record<'base' | 'din' | 'dien', (ctr: string, variant: string) => string>;
  col: { t: string; purchase: string; din: string; dienA: string; update: string; gate: string };
}

const en: ArchStrings = {
  heading: 'Architecture',
  caption:
    'The three models as the papers draw them, from the ids at the bottom to the CTR at the top, with the numbers of the current history, candidate and weights. Press a block to go to its detailed view; hover or focus it for its equation.',
  waiting: 'Waiting for the model: the numbers appear with its first score.',
  empty:
    'The history is empty: there is nothing to pool or to run the GRU over, so every model scores the candidate alone.',
  switchLabel: 'Model',
  block: {
    embeddings: 'Embeddings',
    unit: 'Activation unit',
    weighted: 'Weighted sum',
    extractor: 'Interest extractor (GRU)',
    aux: 'Auxiliary loss',
    attention: 'Attention',
    mlp: 'MLP',
    ctr: 'CTR',
  },
  pooling: (mean) => (mean ? 'Average pooling' : 'SUM pooling'),
  evolving: (cell) => `Interest evolving (${cell})`,
  does: {
    embeddings:
      'Looks up a vector for each id and concatenates them: one vector per good (goods ⊕ shop ⊕ category), shared by the purchases and the candidate.',
    pooling:
      'Adds up the purchases’ vectors into one of fixed size, every purchase with the same weight.',
    unit: 'A small MLP that reads one purchase’s vector and the candidate’s and outputs that purchase’s weight for this candidate.',
    weighted:
      'Adds up the purchases’ vectors, each scaled by its weight; the weights are not normalised (paper), so their total carries the intensity of interest.',
    extractor:
      'A GRU over the purchases in time order: each state h_t is the interest after purchase t.',
    aux: 'Trains each state h_t to tell the real next purchase from a sampled one (the next-purchase branch).',
    attention:
      'Scores each interest state against the candidate and normalises over the history (softmax).',
    evolving:
      'A second GRU whose update is scaled by the attention: purchases unrelated to the candidate barely move its state; the last state h′(T) is the current interest.',
    mlp: 'A small network over the pooled interest concatenated with the candidate’s vector.',
    ctr: 'The sigmoid of the MLP’s output: the predicted probability of a click on the candidate.',
  },
  cardHint: 'Press to open its detailed view.',
  candidate: 'candidate',
  concat: 'concat',
  earlier: (n) => `+${n} earlier`,
  notKept: (n, T) =>
    `${n} older ${n === 1 ? 'purchase is' : 'purchases are'} beyond T = ${T}: the models ignore ${n === 1 ? 'it' : 'them'}.`,
  legendDin: 'Line thickness: DIN’s weight, relative to the largest; dashed: a negative weight.',
  legendDien:
    'Line thickness: DIEN’s a_t, relative to the largest; the number in each evolving cell: its effective gate.',
  dinWeightLabel: (name, w) => `${name}: DIN weight ${w}`,
  dienAttentionLabel: (name, a) => `${name}: DIEN a_t ${a}`,
  gateLabel: (name, g) => `${name}: effective gate ${g}`,
  textSummary: 'The diagrams as text',
  textCaption: 'Each kept purchase, oldest first, with what each model gives it.',
  candidateLine: (good) => `Candidate ad: ${good}.`,
  path: {
    base: (ctr, pooling) =>
      `Base: ids → embeddings (goods ⊕ shop ⊕ category) → ${pooling} → concat with the candidate → MLP → CTR ${ctr}.`,
    din: (ctr) =>
      `DIN: ids → embeddings → one activation unit per purchase → weighted sum → concat with the candidate → MLP → CTR ${ctr}.`,
    dien: (ctr, cell) =>
      `DIEN: ids → embeddings → interest extractor (GRU, trained with the auxiliary loss) → attention → interest evolving (${cell}) → h′(T) → concat with the candidate → MLP → CTR ${ctr}.`,
  },
  col: {
    t: 't',
    purchase: 'Purchase',
    din: 'DIN weight',
    dienA: 'DIEN a_t',
    update: 'Update gate u′_t',
    gate: 'Effective gate',
  },
};

const zh: ArchStrings = {
  heading: '模型结构',
  caption:
    '三个模型按论文的画法，自下而上从 id 到 CTR，数字来自当前的历史、候选广告和权重。点按一个模块可跳到它的详细视图；悬停或聚焦可看它的公式。',
  waiting: '等待模型：第一次打分后这里会出现数字。',
  empty: '历史为空：没有可池化的行为，GRU 也没有可走的步，所以每个模型只根据候选广告打分。',
  switchLabel: '模型',
  block: {
    embeddings: '嵌入层',
    unit: '激活单元',
    weighted: '加权求和',
    extractor: '兴趣抽取层（GRU）',
    aux: '辅助损失',
    attention: '注意力',
    mlp: 'MLP',
    ctr: 'CTR',
  },
  pooling: (mean) => (mean ? '平均池化' : 'SUM 池化'),
  evolving: (cell) => `兴趣演化层（${cell}）`,
  does: {
    embeddings:
      '为每个 id 查一个向量并拼接：每件商品一个向量（商品 ⊕ 店铺 ⊕ 类目），行为和候选广告共用同一套表。',
    pooling: '把各个行为的向量相加成一个固定长度的向量，每个行为的权重都一样。',
    unit: '一个小 MLP：读入一个行为的向量和候选广告的向量，输出这个行为对该候选广告的权重。',
    weighted:
      '把各个行为的向量按各自的权重相加；论文里权重不做归一化，所以权重之和反映兴趣的强度。',
    extractor: '按时间顺序在行为上运行的 GRU：每个状态 h_t 是第 t 次购买之后的兴趣。',
    aux: '训练每个状态 h_t 区分真实的下一次购买和一个采样的负样本（下一次购买分支）。',
    attention: '用候选广告给每个兴趣状态打分，并在整段历史上归一化（softmax）。',
    evolving:
      '第二个 GRU，其更新门按注意力缩放：与候选广告无关的行为几乎不改变状态；最后的状态 h′(T) 就是当前兴趣。',
    mlp: '一个小网络，输入是池化后的兴趣与候选广告向量的拼接。',
    ctr: 'MLP 输出经过 sigmoid：预测点击该候选广告的概率。',
  },
  cardHint: '点按可打开它的详细视图。',
  candidate: '候选',
  concat: '拼接',
  earlier: (n) => `更早 ${n} 个`,
  notKept: (n, T) => `另有 ${n} 次更早的购买超出 T = ${T}，模型不予考虑。`,
  legendDin: '线的粗细：DIN 的权重，相对于最大者；虚线：负权重。',
  legendDien: '线的粗细：DIEN 的 a_t，相对于最大者；每个演化单元里的数字：它的有效更新门。',
  dinWeightLabel: (name, w) => `${name}：DIN 权重 ${w}`,
  dienAttentionLabel: (name, a) => `${name}：DIEN a_t ${a}`,
  gateLabel: (name, g) => `${name}：有效更新门 ${g}`,
  textSummary: '结构图的文字版',
  textCaption: '每个保留的行为（从旧到新）以及各模型给它的数值。',
  candidateLine: (good) => `候选广告：${good}。`,
  path: {
    base: (ctr, pooling) =>
      `Base：id → 嵌入（商品 ⊕ 店铺 ⊕ 类目）→ ${pooling} → 与候选广告拼接 → MLP → CTR ${ctr}。`,
    din: (ctr) =>
      `DIN：id → 嵌入 → 每个行为一个激活单元 → 加权求和 → 与候选广告拼接 → MLP → CTR ${ctr}。`,
    dien: (ctr, cell) =>
      `DIEN：id → 嵌入 → 兴趣抽取层（GRU，用辅助损失训练）→ 注意力 → 兴趣演化层（${cell}）→ h′(T) → 与候选广告拼接 → MLP → CTR ${ctr}。`,
  },
  col: {
    t: 't',
    purchase: '购买',
    din: 'DIN 权重',
    dienA: 'DIEN a_t',
    update: '更新门 u′_t',
    gate: '有效更新门',
  },
};

export const ARCH_STRINGS: Record<'en' | 'zh', ArchStrings> = { en, zh };
