/** The bug lab panel's words (English, Chinese). */
import type { ModelName } from '../../train/protocol';

import type { ProbeWords } from './probeRows';

export interface BugLabStrings extends ProbeWords {
  probeHeading: (step: number) => string;
  probeNone: string;
  measure: string;
  correctShort: string;
  buggedShort: string;
  heading: string;
  intro: string;
  pitfalls: string;
  presets: string;
  /** The switch's note when MAX_LAB_ENTRIES are on already. */
  full: (max: number) => string;
  /** The switch's note when it needs settings the page does not have (e.g. Dice). */
  needs: (what: string) => string;
  useDice: string;
  settingWords: Record<string, string>;
  equation: string;
  models: string;
  where: string;
  goToView: string;
  measured: string;
  costHeading: string;
  model: Record<ModelName, string>;
  correct: string;
  bugged: string;
  delta: string;
  verdict: string;
  costs: (d: string) => string;
  helps: (d: string) => string;
  noise: (se: string) => string;
  none: string;
  step: (n: number) => string;
  /** The twin's row name in the results table. */
  twinRow: (model: string, title: string) => string;
  twinCaption: string;
}

const en: BugLabStrings = {
  heading: 'Bug lab',
  intro:
    'Each switch trains a bugged copy of the models the bug changes, next to the correct ones, from the same initial weights and on the same mini-batches: what differs is the bug alone. Both are scored on the same correct test set. At most two switches at once (each copy costs a model’s training step). A switch starts a new run; the old one is kept in Runs.',
  pitfalls: 'The seven pitfalls of public DIN/DIEN code',
  presets: 'What the authors’ public code runs',
  full: (max) => `At most ${max} switches at once: switch one off first.`,
  needs: (what) => `Compares ${what} with ${what}: switch the models to it first.`,
  useDice: 'Use Dice (new run)',
  settingWords: { activation: 'Dice' },
  equation: 'Equation',
  models: 'Bugged copies of',
  where: 'Where it shows',
  goToView: 'Go to the view',
  measured: 'What the Node runs measured',
  costHeading: 'Live cost on the test set',
  model: { base: 'Base', din: 'DIN', dien: 'DIEN' },
  correct: 'Correct AUC',
  bugged: 'Bugged AUC',
  delta: 'ΔAUC',
  verdict: 'Reading',
  costs: (d) => `costs ${d} AUC`,
  helps: (d) => `gains ${d} AUC`,
  noise: (se) => `within noise (±${se} at 2 SE)`,
  none: 'not evaluated yet',
  step: (n) => `at step ${n}`,
  twinRow: (model, title) => `${model} + ${title}`,
  probeHeading: (step) => `On your history and candidate (live, step ${step})`,
  measure: 'Measure',
  correctShort: 'Correct',
  buggedShort: 'Bugged',
  probeNone: 'Add purchases to the history to probe the bugged copies on it.',
  ctrAt: (model, slots, L) => `${model} CTR, ${L} purchases in ${slots} slots`,
  ctr: (model) => `${model} CTR`,
  weightSum: 'Sum of DIN’s weights',
  quietMove: (position, correctA, buggedA) =>
    `DIEN state move at purchase ${position}, the least relevant (a_t ${correctA} correct / ${buggedA} bugged)`,
  twinCaption:
    'Bug lab rows: a bugged copy trained next to its correct model on the same batches; RelaImpr is not given for them.',
};

const zh: BugLabStrings = {
  heading: '错误实验室',
  intro:
    '每个开关都会为受该错误影响的模型训练一个带错误的副本，与正确模型从相同的初始权重出发、使用相同的小批量数据：两者的差别只来自这个错误。两者都在同一个正确的测试集上评估。最多同时打开两个开关（每个副本都要多花一个模型的训练步）。打开开关会开始新的运行，旧的运行保存在"运行记录"中。',
  pitfalls: '公开 DIN/DIEN 代码中的七个陷阱',
  presets: '作者公开代码实际运行的组合',
  full: (max) => `最多同时打开 ${max} 个开关：请先关掉一个。`,
  needs: (what) => `需要与同样使用 ${what} 的正确模型比较：请先把模型切换到 ${what}。`,
  useDice: '使用 Dice（新运行）',
  settingWords: { activation: 'Dice' },
  equation: '公式',
  models: '带错误的副本',
  where: '在哪里能看到',
  goToView: '前往该视图',
  measured: 'Node 实验的测量结果',
  costHeading: '测试集上的实时代价',
  model: { base: 'Base', din: 'DIN', dien: 'DIEN' },
  correct: '正确模型 AUC',
  bugged: '带错误 AUC',
  delta: 'ΔAUC',
  verdict: '解读',
  costs: (d) => `损失 ${d} AUC`,
  helps: (d) => `提升 ${d} AUC`,
  noise: (se) => `在噪声范围内（2 SE 为 ±${se}）`,
  none: '尚未评估',
  step: (n) => `第 ${n} 步`,
  twinRow: (model, title) => `${model} + ${title}`,
  probeHeading: (step) => `在你的历史与候选上（实时，第 ${step} 步）`,
  measure: '测量',
  correctShort: '正确',
  buggedShort: '带错误',
  probeNone: '请在历史中加入购买，以便在其上探查带错误的副本。',
  ctrAt: (model, slots, L) => `${model} CTR，${L} 次购买放在 ${slots} 个位置中`,
  ctr: (model) => `${model} CTR`,
  weightSum: 'DIN 权重之和',
  quietMove: (position, correctA, buggedA) =>
    `DIEN 在第 ${position} 次购买（最不相关，a_t 正确 ${correctA} / 带错误 ${buggedA}）处的状态变化`,
  twinCaption: '错误实验室的行：与正确模型在相同批次上并行训练的带错误副本；不计算其 RelaImpr。',
};

export const BUGLAB_STRINGS = { en, zh };
