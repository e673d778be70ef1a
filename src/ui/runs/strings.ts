/** The runs panel's words (English, Chinese): setting names and values for the diffs, the panel. */
import { LAB_ENTRIES } from '../../model/bugs';
import type { ModelName } from '../../train/protocol';

export interface RunsStrings {
  /** Each setting's name as a diff line starts with it (lower case mid-sentence). */
  setting: Record<string, string>;
  /** Words for enumerated values; anything else is shown as it is. */
  value: Record<string, string>;
  on: string;
  off: string;
  heading: string;
  intro: string;
  runName: (n: number) => string;
  first: string;
  same: string;
  /** How the run differs, before the diff lines. */
  differs: (lines: string[]) => string;
  /** One changed setting. */
  diffLine: (name: string, from: string, to: string) => string;
  currentAt: (step: number) => string;
  stepOf: (step: number) => string;
  notTrained: string;
  current: string;
  select: (name: string) => string;
  selectedCount: (n: number, max: number) => string;
  resume: string;
  resumeOf: (name: string) => string;
  del: string;
  delOf: (name: string) => string;
  duplicate: string;
  duplicateOf: (name: string) => string;
  duplicateNote: string;
  train: string;
  trainOf: (name: string, steps: number) => string;
  noWeights: string;
  /** The notice where a setting changed. */
  keptNote: (what: string, name: string) => string;
  /** A model's name in the runs' tables (BST's row only for a run that trained it). */
  model: Record<ModelName | 'bst', string>;
  testAt: (step: number) => string;
  noTest: string;
  dropped: (what: string) => string;
  droppedSnapshots: (name: string, n: number) => string;
  droppedWeights: (name: string) => string;
  budget: (used: string, limit: string) => string;
  selectedTable: string;
  overlayNote: string;
  badLink: (runs: string[]) => string;
  run: string;
  modelCol: string;
  step: string;
  logloss: string;
  seeds: {
    heading: string;
    steps: string;
    start: (n: number) => string;
    cancel: string;
    progress: (seed: number, of: number, step: number, steps: number) => string;
    caption: (seeds: number[], steps: number) => string;
    cancelled: string;
    note: string;
  };
}

/** The bug lab's switches by their titles (a diff says which switch, not its id). */
const labTitles = (lang: 'en' | 'zh') =>
  Object.fromEntries(LAB_ENTRIES.map((e) => [e.id, e.title[lang]]));

const en: RunsStrings = {
  setting: {
    'world.seed': 'world seed',
    'world.shoppers': 'shoppers',
    'world.minHistory': 'shortest history',
    'world.maxHistory': 'longest history',
    'world.drift': 'interest drift',
    'world.noise': 'noise',
    'world.related': 'related drift',
    'model.embDim': 'embedding size per id',
    'model.T': 'max history length T',
    'model.hidden': 'MLP hidden sizes',
    'model.activation': 'activation',
    'model.basePooling': 'Base pooling',
    'model.attentionInput': 'activation-unit input',
    'model.attentionHidden': 'activation-unit hidden sizes',
    'model.attentionSoftmax': 'softmax-normalised DIN weights',
    'model.evolving': 'DIEN evolving cell',
    'model.auxWeight': 'auxiliary loss weight α',
    'model.bugs': 'bug-lab switches',
    bugLab: 'bug lab',
    'world.timeSignal': 'time signal',
    bst: 'BST',
    'bst.position': 'BST positions',
    'bst.attention': 'BST attention',
    'bst.output': 'BST output to the MLP',
    'bst.heads': 'BST heads',
    'bst.ffnHidden': 'BST feed-forward size',
    'train.batchSize': 'batch size',
    'train.learningRate': 'learning rate',
    'train.seed': 'training seed',
    'train.evalEvery': 'evaluate every',
  },
  value: {
    outer: 'outer product',
    diffprod: 'difference and product',
    dot: 'dot product',
    prelu: 'PReLU',
    dice: 'Dice',
    sum: 'sum',
    mean: 'mean',
    augru: 'AUGRU',
    agru: 'AGRU',
    aigru: 'AIGRU',
    timeGap: 'time gaps',
    position: 'plain positions',
    full: 'full',
    causal: 'causal',
    concat: 'all outputs',
    candidate: 'the candidate’s output',
    ...labTitles('en'),
  },
  on: 'on',
  off: 'off',
  heading: 'Runs',
  intro:
    'Every setting change starts a new run and keeps the old one here. Tick up to six runs to draw their curves over the current ones and to put them side by side in the results table.',
  runName: (n) => `Run ${n}`,
  first: 'the first run',
  same: 'same settings as the run before',
  differs: (lines) => `Differs from the run before: ${lines.join('; ')}`,
  diffLine: (name, from, to) => `${name}: ${from} → ${to}`,
  currentAt: (s) => `training now, step ${s}`,
  stepOf: (s) => `step ${s}`,
  notTrained: 'not trained yet',
  current: 'training now',
  select: (name) => `Compare ${name}`,
  selectedCount: (n, max) => `${n} of at most ${max} selected`,
  resume: 'Resume',
  resumeOf: (name) => `Resume ${name}`,
  del: 'Delete',
  delOf: (name) => `Delete ${name}`,
  duplicate: 'Duplicate with one change',
  duplicateOf: (name) => `Duplicate with one change (${name})`,
  duplicateNote:
    'Duplicate with one change starts a new run with that run’s settings and the next training seed: the one change is the seed, so the two runs show how much of a difference is seed noise.',
  train: 'Train',
  trainOf: (name, steps) => `Train ${name} to step ${steps}`,
  noWeights: 'its weights were dropped to save memory: it can no longer be resumed',
  keptNote: (what, name) =>
    `Training restarted: ${what} changed. The old run is kept in Runs as ${name}.`,
  model: { base: 'Base', din: 'DIN', dien: 'DIEN', bst: 'BST' },
  testAt: (s) => `Test at step ${s}`,
  noTest: 'no test evaluation yet',
  dropped: (what) => `Memory for kept runs: ${what}`,
  droppedSnapshots: (name, n) => `dropped ${n} rewind snapshot${n === 1 ? '' : 's'} of ${name}`,
  droppedWeights: (name) => `dropped the weights of ${name} (it stays listed, but cannot resume)`,
  budget: (used, limit) => `Kept weights and snapshots: ${used} of ${limit}.`,
  selectedTable: 'Selected runs side by side',
  overlayNote:
    'Kept runs selected in Runs are drawn thinner, one colour per run, each model in its own dash (Base dashed, DIN solid, DIEN dotted).',
  badLink: (runs) =>
    `The link’s runs parameter had runs that could not be read, left out: ${runs.join('; ')}`,
  run: 'Run',
  modelCol: 'Model',
  step: 'Step',
  logloss: 'Logloss',
  seeds: {
    heading: 'Repeat over 3 seeds',
    steps: 'Steps per seed',
    start: (n) => `Repeat over seeds to step ${n}`,
    cancel: 'Cancel',
    progress: (seed, of, step, steps) => `seed ${seed} of ${of}, step ${step}/${steps}`,
    caption: (seeds, steps) =>
      `Test metrics at step ${steps}, mean ± sample std over training seeds ${seeds.join(', ')}`,
    cancelled: 'Repeat cancelled.',
    note: 'A difference between two variants smaller than these spreads may be seed noise.',
  },
};

const zh: RunsStrings = {
  setting: {
    'world.seed': '世界随机种子',
    'world.shoppers': '顾客数',
    'world.minHistory': '最短历史',
    'world.maxHistory': '最长历史',
    'world.drift': '兴趣漂移',
    'world.noise': '噪声',
    'world.related': '相关类目漂移',
    'model.embDim': '每个 id 的 Embedding 维度',
    'model.T': '最大历史长度 T',
    'model.hidden': 'MLP 隐藏层大小',
    'model.activation': '激活函数',
    'model.basePooling': 'Base 池化',
    'model.attentionInput': '激活单元输入',
    'model.attentionHidden': '激活单元隐藏层大小',
    'model.attentionSoftmax': 'DIN 权重 softmax 归一化',
    'model.evolving': 'DIEN 兴趣演化单元',
    'model.auxWeight': '辅助损失权重 α',
    'model.bugs': '错误实验室开关',
    bugLab: '错误实验室',
    'world.timeSignal': '时间信号',
    bst: 'BST',
    'bst.position': 'BST 位置编码',
    'bst.attention': 'BST 注意力',
    'bst.output': 'BST 送入 MLP 的输出',
    'bst.heads': 'BST 注意力头数',
    'bst.ffnHidden': 'BST 前馈层大小',
    'train.batchSize': '批大小',
    'train.learningRate': '学习率',
    'train.seed': '训练随机种子',
    'train.evalEvery': '评估间隔',
  },
  value: {
    outer: '外积',
    diffprod: '差与逐元素积',
    dot: '内积',
    prelu: 'PReLU',
    dice: 'Dice',
    sum: '求和',
    mean: '平均',
    augru: 'AUGRU',
    agru: 'AGRU',
    aigru: 'AIGRU',
    timeGap: '时间间隔',
    position: '普通位置',
    full: '全注意力',
    causal: '因果',
    concat: '全部输出',
    candidate: '候选的输出',
    ...labTitles('zh'),
  },
  on: '开',
  off: '关',
  heading: '运行记录',
  intro:
    '每次修改设置都会开始新的运行，旧的运行保存在这里。最多勾选六个运行，把它们的曲线叠加在当前曲线上，并在结果表中并排比较。',
  runName: (n) => `运行 ${n}`,
  first: '第一次运行',
  same: '与上一次运行设置相同',
  differs: (lines) => `与上一次运行的不同：${lines.join('；')}`,
  diffLine: (name, from, to) => `${name}：${from} → ${to}`,
  currentAt: (s) => `正在训练，第 ${s} 步`,
  stepOf: (s) => `第 ${s} 步`,
  notTrained: '尚未训练',
  current: '正在训练',
  select: (name) => `比较${name}`,
  selectedCount: (n, max) => `已选 ${n} 个，最多 ${max} 个`,
  resume: '继续训练',
  resumeOf: (name) => `继续训练${name}`,
  del: '删除',
  delOf: (name) => `删除${name}`,
  duplicate: '复制并改一项',
  duplicateOf: (name) => `复制并改一项（${name}）`,
  duplicateNote:
    '“复制并改一项”用该运行的设置和下一个训练随机种子开始新的运行：唯一的改动是种子，两次运行的差别就显示了随机种子带来的噪声有多大。',
  train: '训练',
  trainOf: (name, steps) => `把${name}训练到第 ${steps} 步`,
  noWeights: '为节省内存已丢弃其权重：无法再继续训练',
  keptNote: (what, name) =>
    `训练已重新开始：${what}已修改。旧的运行保存在“运行记录”中，名为${name}。`,
  model: { base: 'Base', din: 'DIN', dien: 'DIEN', bst: 'BST' },
  testAt: (s) => `第 ${s} 步的测试结果`,
  noTest: '尚无测试评估',
  dropped: (what) => `运行记录的内存：${what}`,
  droppedSnapshots: (name, n) => `丢弃了${name}的 ${n} 个回放快照`,
  droppedWeights: (name) => `丢弃了${name}的权重（仍然列出，但无法继续训练）`,
  budget: (used, limit) => `保存的权重与快照：${used}，上限 ${limit}。`,
  selectedTable: '所选运行并排比较',
  overlayNote:
    '在“运行记录”中勾选的已保存运行以较细的线绘制：每个运行一种颜色，每个模型一种线型（Base 虚线，DIN 实线，DIEN 点线）。',
  badLink: (runs) => `链接的 runs 参数中有无法读取的运行，已略去：${runs.join('；')}`,
  run: '运行',
  modelCol: '模型',
  step: '步数',
  logloss: 'Logloss',
  seeds: {
    heading: '用 3 个随机种子重复',
    steps: '每个种子的步数',
    start: (n) => `用多个种子重复训练到第 ${n} 步`,
    cancel: '取消',
    progress: (seed, of, step, steps) => `第 ${seed} 个种子（共 ${of} 个），第 ${step}/${steps} 步`,
    caption: (seeds, steps) =>
      `第 ${steps} 步的测试指标，训练种子 ${seeds.join('、')} 的均值 ± 样本标准差`,
    cancelled: '已取消重复。',
    note: '两个变体之间的差异若小于这些标准差，可能只是随机种子带来的噪声。',
  },
};

export const RUNS_STRINGS: Record<'en' | 'zh', RunsStrings> = { en, zh };
