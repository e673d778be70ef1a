/** BST's words on the page (English, Chinese): its settings, card, row and the attention room. */
export interface BstStrings {
  group: string;
  trainToo: string;
  position: string;
  posTimeGap: string;
  posPosition: string;
  heads: string;
  attention: string;
  attnFull: string;
  attnCausal: string;
  output: string;
  outConcat: string;
  outCandidate: string;
  timeSignal: string;
  /** The model's name on its card and in the results table. */
  name: string;
  /** Rewound into curves saved without BST's numbers: why its card shows '–'. */
  liveOnly: string;
  heading: string;
  intro: string;
  offText: string;
  waiting: string;
  headSwitch: string;
  headName: (h: number) => string;
  matrixCaption: (head: number, step: number) => string;
  matrixNote: string;
  tableOf: (head: number) => string;
  reads: string;
  rowSum: string;
  candidateMark: string;
  compareHeading: string;
  compareCaption: string;
  behavior: string;
  dinCol: string;
  dienCol: string;
  bstCol: (head: number) => string;
  sumRow: string;
  selfRow: string;
  compareNote: string;
  timeHeading: string;
  timeIntro: string;
  timeWorld: string;
  timeWorldOn: (tsig: number) => string;
  togglePositions: (to: 'timeGap' | 'position') => string;
  toggleNote: string;
  measuredHeading: string;
  measuredCaption: string;
  measuredNote: string;
  modelCol: string;
  timeCol: string;
  controlCol: string;
  variant: (position: 'timeGap' | 'position', output: 'concat' | 'candidate') => string;
  reading: string;
  commands: string;
}

const en: BstStrings = {
  group: 'BST',
  trainToo: 'Train BST too',
  position: 'BST positions',
  posTimeGap: 'Time gaps (the paper)',
  posPosition: 'Plain positions',
  heads: 'BST heads',
  attention: 'BST attention',
  attnFull: 'Full (the paper)',
  attnCausal: 'Causal',
  output: 'BST output to the MLP',
  outConcat: 'All outputs (the paper)',
  outCandidate: 'The candidate’s only',
  timeSignal: 'Time signal',
  name: 'BST',
  liveOnly:
    'These curves were kept without BST’s numbers (saved by an earlier version of this page), so BST’s training loss and test metrics show at the live step only.',
  heading: 'BST attention',
  intro:
    'BST (Chen et al. 2019) lets every purchase and the candidate attend to each other with a Transformer block instead of a GRU. Each row below is one token reading all of them: its weights sum to 1 over the kept purchases and the candidate.',
  offText:
    'BST is not training in this run. Switch it on to train a Transformer on the same batches as Base, DIN and DIEN and see where it looks. The button trains the variant that feeds the candidate’s output to the MLP: the paper concatenates every output, which often stalls for hundreds of steps at this size (Settings offer both).',
  waiting: 'Waiting for BST’s first score…',
  headSwitch: 'Attention head',
  headName: (h) => `Head ${h + 1}`,
  matrixCaption: (head, step) =>
    `Head ${head + 1}, step ${step}: row = the token that reads, column = the token it reads; darker = more weight.`,
  matrixNote:
    'With full attention every token reads every kept token; with causal attention none reads a later one. Positions are the time gap to the candidate (or how many purchases back), as the settings say.',
  tableOf: (head) => `BST attention weights, head ${head + 1}`,
  reads: 'reads →',
  rowSum: 'row sum',
  candidateMark: 'candidate',
  compareHeading: 'Three ways of attending to the same history',
  compareCaption:
    'Per kept purchase: DIN’s weight, DIEN’s a_t and the candidate’s row of BST’s attention, for the same history and candidate.',
  behavior: 'Purchase',
  dinCol: 'DIN weight',
  dienCol: 'DIEN a_t',
  bstCol: (head) => `BST candidate → purchase (head ${head + 1})`,
  sumRow: 'Sum over the purchases',
  selfRow: 'The candidate itself',
  compareNote:
    'What each is normalised over: DIN’s weights are not normalised unless its softmax setting is on (then they sum to 1 over the kept purchases); DIEN’s a_t is a softmax over the kept purchases (sums to 1); BST’s row is a softmax over the kept purchases and the candidate itself, so the purchases’ share is 1 minus what the candidate gives itself.',
  timeHeading: 'Time matters?',
  timeIntro:
    'In the default world time carries no signal: only the order of purchases does. The time-informative world moves interests after long pauses, so a model that reads the gaps has something to gain.',
  timeWorld: 'Time-informative world with BST (new run)',
  timeWorldOn: (tsig) => `This run’s world carries time (time signal ${tsig}).`,
  togglePositions: (to) =>
    to === 'position'
      ? 'Switch BST to plain positions (new run)'
      : 'Switch BST to time gaps (new run)',
  toggleNote:
    'Each switch starts a new run and keeps this one in Runs, so the runs panel compares them; its “Repeat over 3 seeds” gives mean ± std.',
  measuredHeading: 'Measured in Node with scripts/bst.ts',
  measuredCaption:
    'Test AUC, mean ± sample std over seeds 1–3: 800 steps of 64, T 12, default sizes; the test set is the last purchase of 7 500 shoppers, 6 000 of them never trained on. The control world has the same average move rate per step, and time says nothing there.',
  measuredNote:
    'The learning test (tests/bst.learning.test.ts, T 8, seeds 1–4) saw time-gap BST ahead of plain positions by +0.006, +0.006 and +0.029 and behind by 0.064 on the seed where it stalled; scrambling the test set’s clock cost it 0.007 to 0.025 AUC: it reads the clock.',
  modelCol: 'Model',
  timeCol: 'Time world',
  controlCol: 'No time signal',
  variant: (position, output) =>
    `BST (${position === 'timeGap' ? 'time gap' : 'plain positions'}, ${output === 'concat' ? 'all outputs' : 'candidate’s output'})`,
  reading:
    'Time gap against plain positions: no gain measurable at this size. With all outputs concatenated the difference on the time world (+0.005) is a tenth of the spread; BST’s bad runs stall at a loss of ln 2 for hundreds of steps. Reading the candidate’s output alone, BST matches DIEN, and the time gap is level with plain positions on the time world and behind on the control.',
  commands: 'Run in Node (README, “BST and the clock”):',
};

const zh: BstStrings = {
  group: 'BST',
  trainToo: '同时训练 BST',
  position: 'BST 位置编码',
  posTimeGap: '时间间隔（论文做法）',
  posPosition: '普通位置',
  heads: 'BST 注意力头数',
  attention: 'BST 注意力',
  attnFull: '全注意力（论文做法）',
  attnCausal: '因果注意力',
  output: 'BST 送入 MLP 的输出',
  outConcat: '全部输出（论文做法）',
  outCandidate: '只用候选的输出',
  timeSignal: '时间信号',
  name: 'BST',
  liveOnly:
    '这些曲线保存时还没有记录 BST 的数字（由本页面的早期版本保存），所以 BST 的训练损失和测试指标只在实时步骤显示。',
  heading: 'BST 注意力',
  intro:
    'BST（Chen 等，2019）用一个 Transformer 模块代替 GRU，让每次购买和候选商品互相注意。下面每一行是一个词元读取所有词元：它的权重在保留的购买和候选上合计为 1。',
  offText:
    '本次运行没有训练 BST。打开它，就会在与 Base、DIN、DIEN 相同的批次上训练一个 Transformer，并看到它关注哪里。按钮训练的是把候选商品的输出送入 MLP 的变体：论文把所有输出拼接起来，在这个规模下常常停滞数百步（设置中两者都可选）。',
  waiting: '等待 BST 的第一次打分…',
  headSwitch: '注意力头',
  headName: (h) => `第 ${h + 1} 个头`,
  matrixCaption: (head, step) =>
    `第 ${head + 1} 个头，第 ${step} 步：行 = 读取的词元，列 = 被读取的词元；颜色越深权重越大。`,
  matrixNote:
    '全注意力下每个词元读取所有保留的词元；因果注意力下不读取更晚的词元。位置是到候选的时间间隔（或往回数第几次购买），取决于设置。',
  tableOf: (head) => `BST 注意力权重，第 ${head + 1} 个头`,
  reads: '读取 →',
  rowSum: '行合计',
  candidateMark: '候选',
  compareHeading: '对同一段历史的三种注意方式',
  compareCaption:
    '每个保留的购买：DIN 的权重、DIEN 的 a_t，以及 BST 注意力中候选那一行，针对同一段历史和同一个候选。',
  behavior: '购买',
  dinCol: 'DIN 权重',
  dienCol: 'DIEN a_t',
  bstCol: (head) => `BST 候选 → 购买（第 ${head + 1} 个头）`,
  sumRow: '购买上的合计',
  selfRow: '候选自身',
  compareNote:
    '各自的归一化范围：DIN 的权重不归一化，除非打开它的 softmax 设置（那时在保留的购买上合计为 1）；DIEN 的 a_t 是在保留的购买上做 softmax（合计为 1）；BST 这一行是在保留的购买和候选自身上做 softmax，所以购买所占的份额是 1 减去候选给自己的权重。',
  timeHeading: '时间重要吗？',
  timeIntro:
    '在默认世界里时间不携带信号：只有购买的顺序有用。时间信息世界在长时间停顿后改变兴趣，所以读取时间间隔的模型有东西可学。',
  timeWorld: '时间信息世界并训练 BST（新运行）',
  timeWorldOn: (tsig) => `本次运行的世界携带时间信息（时间信号 ${tsig}）。`,
  togglePositions: (to) =>
    to === 'position' ? '把 BST 换成普通位置（新运行）' : '把 BST 换成时间间隔（新运行）',
  toggleNote:
    '每次切换都会开始新的运行，并把当前运行保留在“运行”中，以便运行面板比较它们；其中的“在 3 个种子上重复”给出均值 ± 标准差。',
  measuredHeading: '用 scripts/bst.ts 在 Node 中测得',
  measuredCaption:
    '测试 AUC，种子 1–3 的均值 ± 样本标准差：800 步、每批 64，T 12，其余为默认大小；测试集是 7 500 名购物者的最后一次购买，其中 6 000 名从未参与训练。对照世界每步的平均兴趣转移率相同，但时间不携带任何信息。',
  measuredNote:
    '学习测试（tests/bst.learning.test.ts，T 8，种子 1–4）中，时间间隔 BST 比普通位置分别领先 +0.006、+0.006、+0.029，在停滞的那个种子上落后 0.064；打乱测试集的时间使它损失 0.007 到 0.025 的 AUC：它确实读取了时间。',
  modelCol: '模型',
  timeCol: '时间世界',
  controlCol: '无时间信号',
  variant: (position, output) =>
    `BST（${position === 'timeGap' ? '时间间隔' : '普通位置'}，${output === 'concat' ? '全部输出' : '候选的输出'}）`,
  reading:
    '时间间隔对比普通位置：在这个规模下测不出收益。拼接全部输出时，时间世界上的差值（+0.005）只有波动的十分之一；BST 表现差的运行会在 ln 2 的损失上停滞数百步。只读取候选的输出时，BST 与 DIEN 持平，而时间间隔在时间世界上与普通位置持平，在对照世界上落后。',
  commands: '在 Node 中运行（README，“BST and the clock”）：',
};

export const BST_STRINGS: Record<'en' | 'zh', BstStrings> = { en, zh };
