/**
 * The bug lab as data (no tfjs): each known pitfall of public DIN/DIEN code (MODEL_SPEC.md) as the
 * switches that turn it on, the models it changes, one sentence and its equation in English and
 * Chinese; plus the combinations the authors' public code actually runs. The page renders these;
 * `npm run experiment -- --bugs` measures them.
 */
import type { BugFlags, ModelName, ModelSettings } from './config';

export type BugId =
  | 'paddingLeak'
  | 'separateTables'
  | 'batchStatsAtInference'
  | 'frozenBatchNorm'
  | 'invertedAugru'
  | 'auxOverPadding'
  | 'auxDropped'
  | 'scaledSoftmax'
  | 'negativesEqualPositive';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface BugEntry<Id extends string = BugId> {
  id: Id;
  /** The pitfall's number in MODEL_SPEC.md (0 for a preset). */
  pitfall: number;
  title: Bilingual;
  bugs: Partial<BugFlags>;
  /**
   * Settings the comparison needs, for the bugged and the correct model alike (Dice for the batch
   * norm bugs: PReLU has no statistics to get wrong).
   */
  settings?: Partial<ModelSettings>;
  /** The models the bug changes; only these need a bugged twin. */
  models: ModelName[];
  description: Bilingual;
  equation: Bilingual;
}

export const BUGS: readonly BugEntry[] = [
  {
    id: 'paddingLeak',
    pitfall: 1,
    title: { en: 'Padding not masked', zh: '填充位未屏蔽' },
    bugs: { paddingLeak: true },
    models: ['base', 'din'],
    description: {
      en: 'Padded positions are pooled like purchases, so the trainable padding vector leaks into every short history.',
      zh: '填充位置像真实购买一样参与池化，可训练的填充向量混入每一段较短的历史。',
    },
    equation: {
      en: 'Base: p = Σ_{j=1..T} e_j (not Σ_{j≤L}); DIN: p = Σ_{j=1..T} a(e_j, v_A)·e_j, with e_j = e_pad for j > L',
      zh: 'Base：p = Σ_{j=1..T} e_j（而非 Σ_{j≤L}）；DIN：p = Σ_{j=1..T} a(e_j, v_A)·e_j，其中 j > L 时 e_j = e_pad',
    },
  },
  {
    id: 'separateTables',
    pitfall: 2,
    title: { en: 'Separate embedding tables', zh: '历史与候选使用不同的嵌入表' },
    bugs: { separateTables: true },
    models: ['base', 'din', 'dien'],
    description: {
      en: 'The candidate is looked up in a table of its own, so what is learned about a good as a purchase does not carry over to it as a candidate.',
      zh: '候选商品查的是另一张嵌入表，商品作为历史购买学到的东西无法用于它作为候选的时候。',
    },
    equation: {
      en: 'e_j = E_hist[id_j], v_A = E_cand[id_A] with E_cand ≠ E_hist (both start equal)',
      zh: 'e_j = E_hist[id_j]，v_A = E_cand[id_A]，E_cand ≠ E_hist（两表初值相同）',
    },
  },
  {
    id: 'batchStatsAtInference',
    pitfall: 3,
    title: { en: 'Dice: batch statistics at inference', zh: 'Dice：推断时使用批统计量' },
    bugs: { batchNorm: 'batchAtInference' },
    settings: { activation: 'dice' },
    models: ['base', 'din', 'dien'],
    description: {
      en: 'At inference Dice normalises with the statistics of whatever batch is being scored, so a prediction depends on the other rows in its batch.',
      zh: '推断时 Dice 用正在打分的那一批数据的统计量做归一化，一条预测因此取决于同批的其他样本。',
    },
    equation: {
      en: 'inference: p(s) = σ((s − mean_batch(s)) / √(var_batch(s) + ε)) instead of the moving averages',
      zh: '推断时：p(s) = σ((s − mean_batch(s)) / √(var_batch(s) + ε))，而不是滑动平均',
    },
  },
  {
    id: 'frozenBatchNorm',
    pitfall: 3,
    title: { en: 'Dice: frozen statistics', zh: 'Dice：统计量被冻结' },
    bugs: { batchNorm: 'frozen' },
    settings: { activation: 'dice' },
    models: ['base', 'din', 'dien'],
    description: {
      en: "As in the DIN authors' code, batch norm always runs with training=False, so its statistics stay at mean 0 and variance 1 and Dice becomes a fixed sigmoid gate.",
      zh: '与 DIN 作者代码一样，批归一化始终以 training=False 运行，统计量停在均值 0、方差 1，Dice 退化为固定的 sigmoid 门。',
    },
    equation: {
      en: 'p(s) = σ(s / √(1 + ε)) in training and inference; f(s) = p(s)·s + (1 − p(s))·α·s',
      zh: '训练与推断均为 p(s) = σ(s / √(1 + ε))；f(s) = p(s)·s + (1 − p(s))·α·s',
    },
  },
  {
    id: 'invertedAugru',
    pitfall: 4,
    title: { en: 'AUGRU gate inverted', zh: 'AUGRU 门控方向颠倒' },
    bugs: { invertedAugru: true },
    models: ['dien'],
    description: {
      en: "The DIEN authors' VecAttGRUCell scales the gate by 1 − a, so an irrelevant behavior (a = 0) is a plain GRU step instead of leaving the interest unchanged.",
      zh: 'DIEN 作者的 VecAttGRUCell 用 1 − a 缩放门控，无关行为（a = 0）成了一次普通 GRU 更新，而不是保持兴趣不变。',
    },
    equation: {
      en: "ũ = (1 − a_t)·u_t,  h'_t = ũ ⊙ h'_{t−1} + (1 − ũ) ⊙ h̃_t  (paper: ũ = a_t·u_t, h'_t = (1 − ũ) ⊙ h'_{t−1} + ũ ⊙ h̃_t)",
      zh: "ũ = (1 − a_t)·u_t，h'_t = ũ ⊙ h'_{t−1} + (1 − ũ) ⊙ h̃_t（论文：ũ = a_t·u_t，h'_t = (1 − ũ) ⊙ h'_{t−1} + ũ ⊙ h̃_t）",
    },
  },
  {
    id: 'auxOverPadding',
    pitfall: 5,
    title: { en: 'Auxiliary loss averaged over padding', zh: '辅助损失按含填充的位置求平均' },
    bugs: { auxLoss: 'overPadding' },
    models: ['dien'],
    description: {
      en: 'The auxiliary loss is summed over real pairs but divided by all B·(T − 1) positions, so short histories shrink its weight.',
      zh: '辅助损失只对真实的相邻对求和，却除以全部 B·(T − 1) 个位置，历史越短它的权重越小。',
    },
    equation: {
      en: 'L_aux = Σ_{b,t} m_{b,t}·ℓ_{b,t} / (B·(T − 1)) instead of / Σ_{b,t} m_{b,t}',
      zh: 'L_aux = Σ_{b,t} m_{b,t}·ℓ_{b,t} / (B·(T − 1))，而不是除以 Σ_{b,t} m_{b,t}',
    },
  },
  {
    id: 'auxDropped',
    pitfall: 5,
    title: { en: 'Auxiliary loss not added', zh: '辅助损失未加入总损失' },
    bugs: { auxLoss: 'dropped' },
    models: ['dien'],
    description: {
      en: 'The auxiliary loss is computed and logged but never added to the loss that is minimised, so the interest extractor learns from the click label alone.',
      zh: '辅助损失被计算和记录，却从未加入被最小化的损失，兴趣抽取层只能从点击标签学习。',
    },
    equation: {
      en: 'L = L_target (paper: L = L_target + α·L_aux)',
      zh: 'L = L_target（论文：L = L_target + α·L_aux）',
    },
  },
  {
    id: 'scaledSoftmax',
    pitfall: 6,
    title: { en: 'Softmax weights as "the paper\'s" DIN', zh: '把 softmax 权重当作论文的 DIN' },
    bugs: { scaledSoftmax: true },
    models: ['din'],
    description: {
      en: "As in the DIN authors' code, the unit's scores are divided by √D and softmax-normalised, which the paper says it abandons to keep the intensity of interest.",
      zh: '与 DIN 作者代码一样，激活单元的分数除以 √D 后做 softmax 归一化，而论文说为保留兴趣强度放弃了归一化。',
    },
    equation: {
      en: 'w_j = softmax_j(a(e_j, v_A) / √D) over the real positions (paper: w_j = a(e_j, v_A))',
      zh: 'w_j = softmax_j(a(e_j, v_A) / √D)，只在真实位置上（论文：w_j = a(e_j, v_A)）',
    },
  },
  {
    id: 'negativesEqualPositive',
    pitfall: 7,
    title: { en: 'Negatives may equal the positive', zh: '负样本可能等于正样本' },
    bugs: { negativesMayEqualPositive: true },
    models: ['base', 'din', 'dien'],
    description: {
      en: 'Negatives are drawn from all goods, the positive included, so about one in N training pairs shows the same good labelled both 1 and 0.',
      zh: '负样本从全部商品中抽取（包括正样本本身），约每 N 对训练样本中就有一对把同一商品同时标为 1 和 0。',
    },
    equation: {
      en: 'negative ~ U{1..N} (correct: U{1..N} ∖ {positive}); DIEN: ê_{t+1} ~ U{1..N}',
      zh: '负样本 ~ U{1..N}（正确：U{1..N} ∖ {正样本}）；DIEN：ê_{t+1} ~ U{1..N}',
    },
  },
];

export type PresetId = 'dinAuthors' | 'dienAuthors';

/** What each official repository runs (MODEL_SPEC.md), as one switch set per model. */
export const BUG_PRESETS: readonly BugEntry<PresetId>[] = [
  {
    id: 'dinAuthors',
    pitfall: 0,
    title: { en: "DIN authors' code", zh: 'DIN 作者代码' },
    bugs: { scaledSoftmax: true, sigmoidUnit: true, batchNorm: 'frozen' },
    settings: { activation: 'dice' },
    models: ['din'],
    description: {
      en: 'zhougr1993/DeepInterestNetwork: softmax over scores divided by √D, sigmoid units in the activation unit, and batch norm frozen at mean 0 / variance 1 (Dice a fixed sigmoid gate).',
      zh: 'zhougr1993/DeepInterestNetwork：分数除以 √D 后做 softmax，激活单元用 sigmoid，批归一化冻结在均值 0、方差 1（Dice 成为固定的 sigmoid 门）。',
    },
    equation: {
      en: 'w_j = softmax_j(MLP_σ([e_j, v_A, e_j − v_A, e_j ⊙ v_A]) / √D);  Dice: p(s) = σ(s / √(1 + ε))',
      zh: 'w_j = softmax_j(MLP_σ([e_j, v_A, e_j − v_A, e_j ⊙ v_A]) / √D)；Dice：p(s) = σ(s / √(1 + ε))',
    },
  },
  {
    id: 'dienAuthors',
    pitfall: 0,
    title: { en: "DIEN authors' code", zh: 'DIEN 作者代码' },
    bugs: { invertedAugru: true, auxLoss: 'overPadding' },
    models: ['dien'],
    description: {
      en: 'mouna99/dien: the inverted AUGRU gate and the auxiliary loss averaged over all B·(T − 1) positions, padding included.',
      zh: 'mouna99/dien：颠倒的 AUGRU 门控，以及按全部 B·(T − 1) 个位置（含填充）求平均的辅助损失。',
    },
    equation: {
      en: "ũ = (1 − a_t)·u_t, h'_t = ũ ⊙ h'_{t−1} + (1 − ũ) ⊙ h̃_t;  L_aux = Σ m·ℓ / (B·(T − 1))",
      zh: "ũ = (1 − a_t)·u_t，h'_t = ũ ⊙ h'_{t−1} + (1 − ũ) ⊙ h̃_t；L_aux = Σ m·ℓ / (B·(T − 1))",
    },
  },
];

/** A switch of the page's bug lab: one pitfall or one authors'-code preset. */
export type LabId = BugId | PresetId;
export const LAB_ENTRIES: readonly BugEntry<LabId>[] = [...BUGS, ...BUG_PRESETS];
export const LAB_IDS: readonly LabId[] = LAB_ENTRIES.map((e) => e.id);

/** Bugged twins a session trains at most (each costs a model's step; DIEN's is the dearest). */
export const MAX_LAB_ENTRIES = 2;

export function labEntry(id: string): BugEntry<LabId> | undefined {
  return LAB_ENTRIES.find((e) => e.id === id);
}

/** A twin's name in messages and records: the switch and the model it bugs. */
export type TwinKey = `${LabId}|${ModelName}`;

export const twinKey = (id: LabId, model: ModelName): TwinKey => `${id}|${model}`;

/** Every twin a selection trains, in the order of the switches, then of the models. */
export function twinsOf(ids: readonly LabId[]): { key: TwinKey; id: LabId; model: ModelName }[] {
  return ids.flatMap((id) =>
    (labEntry(id)?.models ?? []).map((model) => ({ key: twinKey(id, model), id, model })),
  );
}

/**
 * The settings an entry needs that `settings` does not have (e.g. Dice for the batch norm bugs).
 * A twin is only trained when this is empty, so it differs from the correct model by the bug alone.
 */
export function labConflicts(entry: BugEntry<string>, settings: ModelSettings): string[] {
  const need = entry.settings ?? {};
  return (Object.keys(need) as (keyof ModelSettings)[]).filter(
    (k) => JSON.stringify(need[k]) !== JSON.stringify(settings[k]),
  );
}

/** The twin's settings: the correct model's with the entry's switches on. */
export function twinSettings(entry: BugEntry<string>, settings: ModelSettings): ModelSettings {
  return { ...settings, bugs: { ...settings.bugs, ...entry.bugs } };
}
