/**
 * The lesson's story (SEED_NOTES.md) in its order, and the readers' questions, each attached
 * to the section whose view lets the reader see the answer happen.
 */
import type { Lang } from './i18n';

export interface QA {
  q: string;
  a: string;
}

export interface Section {
  heading: string;
  paragraphs: string[];
  qa: QA[];
}

export type SectionId =
  | 'attention'
  | 'base'
  | 'din'
  | 'heatmap'
  | 'unit'
  | 'sequence'
  | 'dien'
  | 'evolution'
  | 'embeddings'
  | 'results'
  | 'takeaway';

export type Narrative = Record<SectionId, Section>;

const en: Narrative = {
  attention: {
    heading: '1. Selective attention',
    paragraphs: [
      'Eye-tracking heat maps of a results page show that people do not look at everything equally: a few spots get almost all the attention. A recommender that reads your purchase history should not weigh everything equally either.',
      'Below is one shopper of a simulated toy shop. The world behind it knows each shopper’s hidden interest, so for any history and any ad it can say how likely a click really is — the “true CTR” on the cards — and how relevant each past purchase is.',
    ],
    qa: [],
  },
  base: {
    heading: '2. The Base model and SUM pooling',
    paragraphs: [
      'Alibaba’s Base model (Embedding & MLP) turns every id into an embedding: a good is the concatenation of its goods-id, shop-id and category-id embeddings. Histories have different lengths, but an MLP needs a fixed-size input, so the Base model simply adds the behavior embeddings up: SUM pooling. Every past purchase counts the same.',
    ],
    qa: [
      {
        q: 'SUM pooling of [1,2,3] and [4,5,6] gives [5,7,9]: is that how a variable-length history becomes a fixed-size input?',
        a: 'Yes. The “Sum, equal weights” row above is exactly that sum over this history’s embeddings: any number of purchases gives one vector of the same size.',
      },
      {
        q: 'Histories shorter or longer than N?',
        a: 'Shorter ones are padded with id 0 and a mask keeps the padding out of every sum; longer ones keep the most recent T purchases. Make the history longer than T: the older purchases are marked “not kept” and get no bar.',
      },
      {
        q: 'The course code has two embedding tables, one for the history and one for the candidate. Shouldn’t they share one?',
        a: 'Yes: sharing one table is the original design, and all three models here share it — the candidate’s v_A and the purchases’ e_j in the activation unit below come from the same table.',
      },
      {
        q: 'Why are recommender MLPs so shallow (1–5 hidden layers)?',
        a: 'Most of the capacity sits in the huge embedding tables; the inputs are sparse and the signal is noisy, so deeper MLPs overfit and cost latency for little gain. The models here use two hidden layers.',
      },
    ],
  },
  din: {
    heading: '3. The keyboard example: DIN',
    paragraphs: [
      'Candidate ad: a keyboard. History: a mouse, a T-shirt, a face wash. The mouse says far more about a click on the keyboard than the other two — but SUM pooling cannot tell. DIN adds an activation unit per purchase: a small MLP that looks at the purchase, the ad and their interaction and outputs one weight. The weighted sum replaces the plain sum.',
      'Train a few hundred steps with the lesson preset and watch the bars under the history: the mouse’s bar grows, the T-shirt’s and face wash’s shrink. Change the candidate and the weights change with it: the weight is attention to that purchase for this ad.',
    ],
    qa: [
      {
        q: 'Is DIN worth it when users only have 2–3 behaviors?',
        a: 'Yes: DIN needs far less data than DIEN, and even with three purchases the weights separate the relevant one (try the lesson preset). Attention of this kind is widely used in production.',
      },
      {
        q: 'Can attention relate an ad to goods of another kind?',
        a: 'The unit compares embeddings, so it can learn any relation the data supports: here electronics and gaming are related categories in the world; the heatmap shows whether DIN has picked that up (e.g. a mouse’s weight for a game-controller ad).',
      },
    ],
  },
  unit: {
    heading: 'Inside the activation unit',
    paragraphs: [
      'The unit takes the purchase’s embedding e_j, the ad’s v_A and an interaction of the two, runs them through a small MLP and outputs w_j. The paper feeds the outer product; the authors’ code (and most libraries) feed the difference and the element-wise product; the simplest unit is just the dot product. Pick the variant in the settings: training restarts with it.',
      'There is no softmax in the paper: the weights are not normalised, so their sum keeps how strong the interest is.',
    ],
    qa: [
      {
        q: 'Homework: the unit is complex — is there a simpler way to get the weight?',
        a: 'Yes, a feature cross: the dot product (or cosine) of the two embeddings, as in two-tower models, is the simplest activation unit. Choose “dot product” in the settings and compare its curves.',
      },
      {
        q: 'Inner product or outer product? Outer product or difference and product?',
        a: 'Both are feature crosses. The outer product gives a D×D matrix — more expressive, but many more parameters for little gain in practice; the course code uses the element-wise difference and product. Switch variants and compare AUCs yourself.',
      },
      {
        q: 'Why PReLU (or Dice)?',
        a: 'A ReLU that kills negative inputs loses gradient; PReLU keeps a learned slope α for them. Dice moves the bend to the data’s mean, with batch statistics in training and moving averages at inference.',
      },
      {
        q: 'Batch normalisation behaves differently in training and inference: why?',
        a: 'In training it uses the statistics of the current mini-batch; at inference there is no batch (one user, one ad), so it uses moving averages collected during training. Mixing the two up was a real bug in DIN’s published results.',
      },
    ],
  },
  heatmap: {
    heading: 'Attention is local to the candidate',
    paragraphs: [],
    qa: [],
  },
  sequence: {
    heading: '4. Behaviour is a sequence in time',
    paragraphs: [
      'Interests move: last week basketball shoes, this week a mechanical keyboard. DIN has no notion of order — shuffle the history and its weights just follow the purchases. Try the interest-shift preset and reorder it.',
    ],
    qa: [],
  },
  dien: {
    heading: '5. DIEN: interest extraction and evolution',
    paragraphs: [
      'DIEN keeps the behavior layer and adds two layers. The interest extractor, a GRU over the purchases in time order, turns each purchase into an interest state h_t; an auxiliary loss makes each h_t predict the next real purchase against a sampled one. The interest-evolving layer, an AUGRU, is a GRU whose update gate is scaled by the attention between h_t and the ad: purchases unrelated to the ad barely move it. Its last state h′(T) is the current interest, fed to the MLP.',
      'RNN, LSTM and GRU cells form a chain, each taking an input and the previous state; they predict the next purchase, the next video, the next song.',
      'Press “Interest shift” above (four sports purchases, then a mouse, a headset and a monitor) and train. The panel below scores this history for a keyboard (the current interest) and for basketball shoes (the old one). DIN weighs purchases by relevance to the ad but ignores their order, so the old sports phase still lifts the basketball shoes; DIEN reads the order and should separate the two by more. If it does not yet, train longer or raise “Interest drift” in the settings: a world whose interests shift more often rewards following them.',
      'The table under it shows, per purchase, DIEN’s attention a_t, the update gate u′_t and the effective gate that actually moves the evolving state. Switch the evolving cell in the settings (AUGRU, AGRU, AIGRU): training restarts and the effective gate changes meaning — AGRU replaces the update gate by a_t, AIGRU scales the input by a_t and keeps u′_t.',
    ],
    qa: [
      {
        q: 'RNN, LSTM or GRU?',
        a: 'A plain RNN forgets quickly (vanishing gradients). LSTM adds a memory cell with input, forget and output gates; GRU merges them into an update gate and a reset gate — fewer parameters, similar quality — which is why DIEN uses GRUs, and why its attention can act on the one update gate.',
      },
      {
        q: 'Will Transformers replace the GRU for behavior sequences?',
        a: 'In industry, largely: BERT4Rec and Alibaba’s behavior-sequence transformer (BST) use self-attention over the history, which trains in parallel, relates any two purchases directly and needs position (or time) encodings for order. The GRU’s strength — a cheap running state — is also what makes it serial. This page trains BST too (the setting “Train BST too”): its card and its row in the results table sit next to DIEN’s, and the view “BST attention” shows where each head looks, next to DIN’s weights and DIEN’s a_t on the same history. Measured in Node over 3 seeds (README, “BST and the clock”), BST as the paper builds it (all outputs concatenated) lies between DIN and DIEN on average, with runs that stall; reading the candidate’s output alone it matches DIEN. On the page, compare over seeds (Runs, “Repeat over 3 seeds”), not one run.',
      },
      {
        q: 'DIEN’s GRU is serial: is inference latency acceptable for ads, and how is it served?',
        a: 'Cost grows linearly with the history length (the benchmark measures the slope). In production the candidate-independent part — the embeddings and the GRU interest states h_t — is precomputed per user before the request (or updated incrementally as purchases arrive), so per ad only the attention, the AUGRU over T short steps and the MLP run; histories are also capped (T here).',
      },
      {
        q: 'Can DIEN discover interests outside the user’s history?',
        a: 'Only through the embeddings: an ad close to the evolving interest in embedding space scores high even if its category was never bought, which is how related categories (electronics ↔ gaming here) get picked up — see the embedding map. An interest with no trace in the history, and no neighbour there, stays invisible.',
      },
    ],
  },
  evolution: {
    heading: 'Watching interest evolve',
    paragraphs: [
      'The trajectory plots every interest state of this history in two dimensions. The black dashed path with round markers is the GRU (one state per purchase, candidate-independent); the violet solid path with square markers is the evolving layer, which moves only where the effective gate is open. The projection is fitted once on DIEN’s item embeddings and then frozen: a fresh PCA at every step would rotate and flip the picture, and you could not tell learning from re-projection. When the embeddings have changed a lot, press “Refit projection”.',
      'The auxiliary loss is what makes h_t an interest at all: without it the GRU states only get a weak signal through the final click. Pick a step and see how the state scores the next real purchase against a sampled one; the curve in section 6 shows this loss next to the main loss.',
      'Drag “Rewind to step” in the training panel to replay any snapshot: bars, cards, heatmap, trajectories and embedding map all switch to that step’s weights, while training itself keeps its latest state.',
    ],
    qa: [
      {
        q: 'Can time intervals between behaviors be encoded, like position encodings?',
        a: 'Yes. DIEN itself only sees order; bucketised time gaps can be embedded and added to each behavior (BST embeds the gap from each purchase to the candidate), or used to decay the GRU state. In the default world time carries no signal (time signal 0), so only the order matters and DIEN’s trajectory moves one step per purchase. The time-informative world (“Time matters?”, under BST attention) moves interests after long pauses; BST with time gaps and the same BST with plain positions are one click apart, each a new run kept in Runs. Measured in Node over 3 seeds (README, “BST and the clock”), no gain of time gaps over plain positions is measurable at this size: the difference is a tenth of the spread between seeds. Time-gap BST does read the clock: scrambling the test set’s timestamps costs it 0.007 to 0.025 AUC.',
      },
    ],
  },
  embeddings: {
    heading: 'What the embeddings learn',
    paragraphs: [
      'Every good is the concatenation of its item, category and shop embeddings. At the start they are random; training pulls together goods that predict each other’s purchases. Choose the model: DIEN’s auxiliary loss gives its embeddings a direct next-purchase signal, so its categories often gather sooner.',
    ],
    qa: [],
  },
  results: {
    heading: '6. Training curves and results',
    paragraphs: [
      'All three models train in lockstep on the same mini-batches, so their curves can be compared step for step. The table is in the papers’ form: AUC, GAUC (user-weighted AUC) and RelaImpr over the Base model. On this world attention beats SUM pooling because a few relevant purchases hide among many irrelevant ones, and DIEN beats DIN because old interests are no longer current.',
    ],
    qa: [],
  },
  takeaway: {
    heading: '7. Take-away',
    paragraphs: [
      'Attention ends “treat every behavior the same”; sequence models let interest evolve over time. Both are visible above, on models that really trained in this page.',
    ],
    qa: [],
  },
};

const zh: Narrative = {
  attention: {
    heading: '1. 选择性注意力',
    paragraphs: [
      '搜索结果页的眼动热力图显示，人们并不会平均地看待所有内容：少数位置吸引了几乎全部注意力。读取购买历史的推荐系统也不应一视同仁。',
      '下面是模拟玩具商店里的一位购物者。背后的世界知道每位购物者隐藏的兴趣，因此对任意历史和任意广告，它都能给出真实的点击概率（卡片上的“真实 CTR”），以及每次购买的相关度。',
    ],
    qa: [],
  },
  base: {
    heading: '2. Base 模型与 SUM 池化',
    paragraphs: [
      '阿里巴巴的 Base 模型（Embedding & MLP）把每个 id 变成 Embedding：一件商品是其商品 id、店铺 id 和类目 id Embedding 的拼接。历史长度各不相同，但 MLP 需要固定长度的输入，所以 Base 模型直接把行为 Embedding 相加：SUM 池化。每次购买都同样重要。',
    ],
    qa: [
      {
        q: '[1,2,3] 和 [4,5,6] 做 SUM 池化得到 [5,7,9]：变长历史就是这样变成定长输入的吗？',
        a: '是的。上面“求和，权重相同”一行正是这段历史的 Embedding 之和：无论多少次购买，都得到同样大小的一个向量。',
      },
      {
        q: '历史短于或长于 N 怎么办？',
        a: '短的用 id 0 填充，并用掩码把填充排除在所有求和之外；长的只保留最近 T 次购买。把历史加到超过 T：较早的购买会标为“未保留”，也没有柱。',
      },
      {
        q: '课程代码为历史和候选用了两张 Embedding 表，难道不该共用一张吗？',
        a: '应该：共用一张表是原始设计，这里三个模型都共用——下面候选的 v_A 和购买的 e_j 来自同一张表。',
      },
      {
        q: '为什么推荐模型的 MLP 这么浅（1–5 个隐藏层）？',
        a: '大部分容量在巨大的 Embedding 表里；输入稀疏、信号嘈杂，更深的 MLP 容易过拟合，还增加延迟，收益很小。这里的模型用两个隐藏层。',
      },
    ],
  },
  din: {
    heading: '3. 键盘的例子：DIN',
    paragraphs: [
      '候选广告：键盘。历史：鼠标、T 恤、洗面奶。预测是否点击键盘时，鼠标比另外两件重要得多——但 SUM 池化分辨不出来。DIN 为每次购买加了一个激活单元：一个小 MLP，看购买、广告以及两者的交互，输出一个权重。加权和取代了直接求和。',
      '用“课程示例”预设训练几百步，看历史下方的柱：鼠标的柱变高，T 恤和洗面奶的变低。换一个候选，权重随之改变：权重是“针对这个广告”对这次购买的注意力。',
    ],
    qa: [
      {
        q: '用户只有 2–3 个行为时，DIN 还值得用吗？',
        a: '值得：DIN 需要的数据远少于 DIEN，即使只有三次购买，权重也能把相关的那一次区分出来（试试课程示例）。这种注意力在工业界被广泛使用。',
      },
      {
        q: '注意力能把广告和另一类商品联系起来吗？',
        a: '激活单元比较的是 Embedding，所以能学到数据支持的任何关系：在这个世界里电子产品和游戏是相关类目；热力图显示 DIN 是否学到了这一点（例如鼠标对游戏手柄广告的权重）。',
      },
    ],
  },
  unit: {
    heading: '激活单元内部',
    paragraphs: [
      '激活单元接收购买的 Embedding e_j、广告的 v_A 以及两者的交互，经过一个小 MLP 输出 w_j。论文输入外积；作者代码（以及多数开源库）输入差和逐元素积；最简单的单元就是内积。在设置中选择变体：训练会随之重新开始。',
      '论文中没有 softmax：权重不做归一化，所以权重之和保留了兴趣的强度。',
    ],
    qa: [
      {
        q: '课后题：激活单元很复杂——有更简单的方法得到权重吗？',
        a: '有，用特征交叉：两个 Embedding 的内积（或余弦相似度），就像双塔模型那样，是最简单的激活单元。在设置里选“内积”，比较它的曲线。',
      },
      {
        q: '内积还是外积？外积还是差与积？',
        a: '都是特征交叉。外积得到 D×D 矩阵——表达力更强，但参数多、实际收益小；课程代码用逐元素的差与积。切换变体，自己比较 AUC。',
      },
      {
        q: '为什么用 PReLU（或 Dice）？',
        a: 'ReLU 把负输入清零会丢失梯度；PReLU 为负输入保留一个可学习的斜率 α。Dice 把拐点移到数据的均值处：训练时用批统计量，推理时用滑动平均。',
      },
      {
        q: '批归一化在训练和推理时表现不同：为什么？',
        a: '训练时用当前小批量的统计量；推理时没有批（一个用户、一个广告），所以用训练中累积的滑动平均。把两者搞混曾是 DIN 公开结果中的真实 bug。',
      },
    ],
  },
  heatmap: { heading: '注意力只对当前候选有效', paragraphs: [], qa: [] },
  sequence: {
    heading: '4. 行为是时间上的序列',
    paragraphs: [
      '兴趣会移动：上周买篮球鞋，这周买机械键盘。DIN 没有顺序的概念——打乱历史，它的权重只是跟着购买走。试试“兴趣转移”预设并调整顺序。',
    ],
    qa: [],
  },
  dien: {
    heading: '5. DIEN：兴趣抽取与兴趣演化',
    paragraphs: [
      'DIEN 保留行为层，再加两层。兴趣抽取层是一个按时间顺序读取购买的 GRU，把每次购买变成兴趣状态 h_t；辅助损失让每个 h_t 去预测下一次真实购买（对比一个采样的负例）。兴趣演化层 AUGRU 是更新门被 h_t 与广告之间的注意力缩放的 GRU：与广告无关的购买几乎不会推动它。它的最后状态 h′(T) 就是当前兴趣，送入 MLP。',
      'RNN、LSTM、GRU 单元串成一条链，每个单元接收一个输入和上一个状态；它们用于预测下一次购买、下一个视频、下一首歌。',
      '按上面的“兴趣转移”（四次运动类购买，然后是鼠标、耳机和显示器）并训练。下面的面板用这段历史给键盘（当前兴趣）和篮球鞋（旧兴趣）打分。DIN 按与广告的相关度加权购买，但不看顺序，所以旧的运动阶段仍会抬高篮球鞋；DIEN 读取顺序，应该把两者拉得更开。如果还没有，就多训练一会儿，或在设置中调高“兴趣漂移”：兴趣变化越频繁的世界，越奖励跟上变化的模型。',
      '下面的表格给出每次购买的 DIEN 注意力 a_t、更新门 u′_t，以及真正推动演化状态的有效门。在设置中切换演化单元（AUGRU、AGRU、AIGRU）：训练会重新开始，有效门的含义也随之改变——AGRU 用 a_t 代替更新门，AIGRU 用 a_t 缩放输入并保留 u′_t。',
    ],
    qa: [
      {
        q: 'RNN、LSTM 还是 GRU？',
        a: '普通 RNN 遗忘很快（梯度消失）。LSTM 增加了记忆单元以及输入门、遗忘门、输出门；GRU 把它们合并为更新门和重置门——参数更少、效果相近——所以 DIEN 用 GRU，注意力也正好作用在这一个更新门上。',
      },
      {
        q: 'Transformer 会取代行为序列中的 GRU 吗？',
        a: '在工业界很大程度上会：BERT4Rec 和阿里的行为序列 Transformer（BST）对历史做自注意力，可以并行训练、直接关联任意两次购买，但需要位置（或时间）编码来表示顺序。GRU 的长处——廉价的滚动状态——也正是它串行的原因。本页也能训练 BST（设置“同时训练 BST”）：它的卡片和结果表中的一行与 DIEN 的并列，“BST 注意力”视图显示每个头在看哪里，并与同一段历史上 DIN 的权重和 DIEN 的 a_t 对照。在 Node 中用 3 个种子测得（README，“BST and the clock”）：按论文的做法（拼接全部输出），BST 的平均值介于 DIN 和 DIEN 之间，且有运行会停滞；只读取候选的输出时，它与 DIEN 持平。在本页上请在多个种子上比较（“运行”中的“在 3 个种子上重复”），而不是看一次运行。',
      },
      {
        q: 'DIEN 的 GRU 是串行的：广告推理的延迟能接受吗？线上如何部署？',
        a: '开销随历史长度线性增长（基准测试测得斜率）。线上会在请求前为每个用户预先计算与候选无关的部分——Embedding 和 GRU 兴趣状态 h_t（或在新购买到来时增量更新），每个广告只需运行注意力、T 个短步的 AUGRU 和 MLP；历史长度也有上限（这里是 T）。',
      },
      {
        q: 'DIEN 能发现用户历史之外的兴趣吗？',
        a: '只能通过 Embedding：与演化兴趣在 Embedding 空间里接近的广告，即使其类目从未买过也会得高分，相关类目（这里是电子产品 ↔ 游戏）就是这样被发现的——见 Embedding 地图。历史中毫无痕迹、也没有近邻的兴趣仍然看不见。',
      },
    ],
  },
  evolution: {
    heading: '观察兴趣的演化',
    paragraphs: [
      '轨迹图把这段历史的每个兴趣状态画在二维平面上。带圆点的黑色虚线是 GRU（每次购买一个状态，与候选无关）；带方块的紫色实线是演化层，只在有效门打开时移动。投影在 DIEN 的商品 Embedding 上拟合一次后冻结：每一步都重新做 PCA 会让画面旋转、翻转，就分不清是学习还是重新投影。当 Embedding 变化很大时，按“重新拟合投影”。',
      '辅助损失让 h_t 真正成为“兴趣”：没有它，GRU 状态只能从最终的点击里得到微弱的信号。选一个步 t，看状态如何给下一次真实购买和一个采样商品打分；第 6 节的曲线把这个损失画在主损失旁边。',
      '拖动训练面板中的“回放到某一步”可重放任一快照：柱状图、卡片、热力图、轨迹和 Embedding 地图都会切换到那一步的权重，而训练本身保持最新状态。',
    ],
    qa: [
      {
        q: '能像位置编码那样编码行为之间的时间间隔吗？',
        a: '可以。DIEN 本身只看顺序；可以把分桶后的时间间隔做成 Embedding 加到每个行为上（BST 嵌入的是每次购买到候选的时间间隔），或用它来衰减 GRU 状态。默认世界里时间不携带信号（时间信号为 0），所以只有顺序有用，DIEN 的轨迹每次购买走一步。时间信息世界（“BST 注意力”下的“时间重要吗？”）在长时间停顿后改变兴趣；使用时间间隔的 BST 和使用普通位置的同一 BST 只差一次点击，每次都是保留在“运行”中的新运行。在 Node 中用 3 个种子测得（README，“BST and the clock”）：在这个规模下测不出时间间隔相对普通位置的收益，差值只有种子之间波动的十分之一。时间间隔 BST 确实读取了时间：打乱测试集的时间戳使它损失 0.007 到 0.025 的 AUC。',
      },
    ],
  },
  embeddings: {
    heading: 'Embedding 学到了什么',
    paragraphs: [
      '每件商品是其商品、类目、店铺 Embedding 的拼接。一开始是随机的；训练会把能互相预测购买的商品拉到一起。选择模型：DIEN 的辅助损失给它的 Embedding 直接的“下一次购买”信号，所以它的类目往往更早聚拢。',
    ],
    qa: [],
  },
  results: {
    heading: '6. 训练曲线与结果',
    paragraphs: [
      '三个模型在相同的小批量上同步训练，所以曲线可以逐步比较。表格采用论文的形式：AUC、GAUC（用户加权 AUC）和相对 Base 模型的 RelaImpr。在这个世界里，注意力胜过 SUM 池化，因为少数相关购买藏在许多无关购买之中；DIEN 胜过 DIN，因为旧兴趣已不再是当前兴趣。',
    ],
    qa: [],
  },
  takeaway: {
    heading: '7. 总结',
    paragraphs: [
      '注意力结束了“所有行为一视同仁”；序列模型让兴趣随时间演化。两者都能在上面看到，而且模型确实是在这个页面里训练的。',
    ],
    qa: [],
  },
};

export const NARRATIVE: Record<Lang, Narrative> = { en, zh };
