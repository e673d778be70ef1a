/**
 * The architecture view's words, English and Chinese. The English block names are the stable
 * accessible names tests use (PRODUCT.md); equations live in blocks.ts (they are the same in both).
 */
import type { BstOutput, BstPosition } from '../../model/bstConfig';
import type { BlockId } from './blocks';
import type { BstBlockId } from './bstBlocks';

/** BST's diagram (BstDiagram.tsx); its English block names are the tests' names too. */
export interface BstArchStrings {
  embeddings: (position: BstPosition) => string;
  mhsa: (heads: number, causal: boolean) => string;
  norm: string;
  ffn: string;
  output: (output: BstOutput) => string;
  does: Record<BstBlockId, string>;
  /** Appended to the attention's card: what its lines are, by the score's head count. */
  lines: (heads: number) => string;
  transformer: string;
  sequence: string;
  attentionLabel: (name: string, a: string) => string;
  selfLabel: (name: string, a: string) => string;
  off: string;
  goToRoom: string;
  waiting: string;
  legend: string;
  path: (ctr: string, position: string, mhsa: string, output: string) => string;
  pathOff: string;
  col: string;
  /** The drawn column's header with 2 heads: their mean. */
  colMean: string;
  colHead: (head: number) => string;
  position: string;
  selfLine: (a: string, perHead: string) => string;
}

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
  bst: BstArchStrings;
}

const bstEn: BstArchStrings = {
  embeddings: (p) => (p === 'timeGap' ? 'Embedding + time-gap position' : 'Embedding + position'),
  mhsa: (h, causal) =>
    `Multi-head self-attention (${h} ${h === 1 ? 'head' : 'heads'}, ${causal ? 'causal' : 'full'})`,
  norm: 'Add & norm',
  ffn: 'Feed-forward',
  output: (o) => (o === 'candidate' ? 'Candidate’s output' : 'All outputs concatenated'),
  does: {
    embeddings:
      'The purchases and the candidate form one sequence of tokens; each token is its good’s vector (goods ⊕ shop ⊕ category) concatenated with a position embedding: the time from the purchase to the candidate (bucketed days), or how many purchases back it is.',
    mhsa: 'Every token reads every token (causal: only itself and earlier ones), each head with its own softmax weights; padding is never read.',
    norm1: 'Adds the attention’s output back to the token (a residual) and normalises each token.',
    ffn: 'A two-layer network with LeakyReLU, applied to each token on its own.',
    norm2: 'Adds the feed-forward’s output back (a residual) and normalises each token again.',
    output:
      'What the MLP reads: the candidate’s output alone, or every token’s output concatenated in recency order (the paper).',
    mlp: 'The same MLP as the other models’, over the Transformer’s output.',
    ctr: 'The sigmoid of the MLP’s output: the predicted probability of a click on the candidate.',
  },
  lines: (h) =>
    h === 1
      ? 'Lines: the candidate’s row of attention, the weight it puts on each purchase.'
      : `Lines: the candidate’s row of attention averaged over the ${h} heads; the BST room shows each head.`,
  transformer: 'Transformer block ×1',
  sequence: 'one sequence',
  attentionLabel: (name, a) => `${name}: BST attention ${a}`,
  selfLabel: (name, a) => `${name} (candidate): BST attention to itself ${a}`,
  off: 'BST is not training in this run, so there is nothing to draw. Switch it on under Settings → BST (“Train BST too”), or with the “Train BST too” button in the BST room.',
  goToRoom: 'Go to the BST room',
  waiting: 'Waiting for BST’s first score: its numbers appear then.',
  legend:
    'BST: line thickness is the candidate’s attention on each purchase (with its own, a row that sums to 1), relative to the largest.',
  path: (ctr, position, mhsa, output) =>
    `BST: the purchases and the candidate as one sequence → ${position} → Transformer block (${mhsa} → add & norm → feed-forward → add & norm) → ${output} → MLP → CTR ${ctr}.`,
  pathOff: 'BST: not training in this run (Settings → BST, or the BST room’s “Train BST too”).',
  col: 'BST attention',
  colMean: 'BST attention (mean of heads)',
  colHead: (h) => `BST head ${h + 1}`,
  position: 'BST position',
  selfLine: (a, perHead) =>
    `BST: the candidate’s attention to itself ${a}${perHead ? ` (per head: ${perHead})` : ''}.`,
};

const bstZh: BstArchStrings = {
  embeddings: (p) => (p === 'timeGap' ? '嵌入 + 时间间隔位置' : '嵌入 + 位置'),
  mhsa: (h, causal) => `多头自注意力（${h} 个头，${causal ? '因果' : '全注意力'}）`,
  norm: '残差相加与归一化',
  ffn: '前馈网络',
  output: (o) => (o === 'candidate' ? '候选广告的输出' : '所有输出拼接'),
  does: {
    embeddings:
      '各次购买与候选广告组成一个 token 序列；每个 token 是商品向量（商品 ⊕ 店铺 ⊕ 类目）与位置嵌入的拼接：位置是从该次购买到候选广告的时间（按天分桶），或它往前数第几次购买。',
    mhsa: '每个 token 读取所有 token（因果注意力：只读自身和更早的），每个头有自己的 softmax 权重；填充位不会被读取。',
    norm1: '把注意力的输出加回到 token 上（残差），再对每个 token 做归一化。',
    ffn: '带 LeakyReLU 的两层网络，对每个 token 单独计算。',
    norm2: '把前馈网络的输出加回（残差），再对每个 token 归一化一次。',
    output:
      'MLP 的输入：只用候选广告的输出，或把所有 token 的输出按由近到远的顺序拼接（论文做法）。',
    mlp: '与其他模型相同的 MLP，输入是 Transformer 的输出。',
    ctr: 'MLP 输出经过 sigmoid：预测点击该候选广告的概率。',
  },
  lines: (h) =>
    h === 1
      ? '连线：候选广告那一行注意力，即它放在每次购买上的权重。'
      : `连线：候选广告那一行注意力在 ${h} 个头上的平均；BST 小节分别展示每个头。`,
  transformer: 'Transformer 模块 ×1',
  sequence: '一个序列',
  attentionLabel: (name, a) => `${name}：BST 注意力 ${a}`,
  selfLabel: (name, a) => `${name}（候选）：BST 对自身的注意力 ${a}`,
  off: '本次运行没有训练 BST，所以没有可画的数字。可在 设置 → BST（“同时训练 BST”）中打开，或使用 BST 小节里的“同时训练 BST”按钮。',
  goToRoom: '前往 BST 小节',
  waiting: '等待 BST 的第一次打分：之后这里会出现数字。',
  legend:
    'BST：线的粗细是候选广告放在每次购买上的注意力（连同对自身的注意力，一行之和为 1），相对于最大者。',
  path: (ctr, position, mhsa, output) =>
    `BST：各次购买与候选广告组成一个序列 → ${position} → Transformer 模块（${mhsa} → 残差相加与归一化 → 前馈网络 → 残差相加与归一化）→ ${output} → MLP → CTR ${ctr}。`,
  pathOff: 'BST：本次运行未训练（设置 → BST，或 BST 小节里的“同时训练 BST”）。',
  col: 'BST 注意力',
  colMean: 'BST 注意力（各头平均）',
  colHead: (h) => `BST 第 ${h + 1} 个头`,
  position: 'BST 位置',
  selfLine: (a, perHead) =>
    `BST：候选广告对自身的注意力 ${a}${perHead ? `（各头：${perHead}）` : ''}。`,
};

const en: ArchStrings = {
  heading: 'Architecture',
  caption:
    'The models as the papers draw them, from the ids at the bottom to the CTR at the top, with the numbers of the current history, candidate and weights. Press a block to go to its detailed view; hover or focus it for its equation.',
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
  bst: bstEn,
};

const zh: ArchStrings = {
  heading: '模型结构',
  caption:
    '各模型按论文的画法，自下而上从 id 到 CTR，数字来自当前的历史、候选广告和权重。点按一个模块可跳到它的详细视图；悬停或聚焦可看它的公式。',
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
  bst: bstZh,
};

export const ARCH_STRINGS: Record<'en' | 'zh', ArchStrings> = { en, zh };
