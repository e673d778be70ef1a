/** The importer's words (English, Chinese). The pipeline's error messages stay as it words them. */
import type { Behavior, ColumnRole, FormatId, ImportCaps } from '../../data/import/types';

export type CapKey = keyof ImportCaps;

/** What the summary's sentences say, one function per sentence (numbers already formatted). */
export interface SummaryWords {
  rows: (rows: string, mb: string) => string;
  skipped: (total: string, parts: string[], line?: string) => string;
  skipReason: Record<'short' | 'badTime' | 'behavior' | 'rating', (n: string) => string>;
  duplicates: (n: string) => string;
  users: (kept: string, inFile: string, tooFew: string, overCap: string) => string;
  items: (kept: string, inFile: string, approximate: boolean, inOther: string) => string;
  itemsAll: (kept: string, inFile: string, approximate: boolean) => string;
  events: (kept: string, inOther: string, beyond: string) => string;
  categories: (n: string) => string;
  noCategory: string;
  noShop: string;
  missingMeta: (n: string) => string;
  span: (from: string, to: string) => string;
}

export interface ImportStrings extends SummaryWords {
  heading: string;
  /** The fold's summary: everything below the intro sits under it. */
  unfold: string;
  intro: string;
  eventsLabel: string;
  metaLabel: string;
  detecting: string;
  format: string;
  formatNames: Record<FormatId, string>;
  delimiter: string;
  delimiterNames: Record<string, string>;
  header: string;
  roles: Record<ColumnRole, string>;
  none: string;
  choose: string;
  preview: string;
  metaRead: (kind: 'csv' | 'jsonl', columns: string) => string;
  behaviors: string;
  behaviorNames: Record<Behavior, string>;
  minRating: string;
  caps: string;
  capLabels: Record<CapKey, string>;
  capProblem: (label: string, min: number) => string;
  importButton: string;
  progress: string;
  passNames: Record<1 | 2 | 3, string>;
  progressText: (
    pass: number,
    passes: number,
    name: string,
    rows: string,
    read: string,
    total: string,
  ) => string;
  starting: string;
  cancel: string;
  cancelled: string;
  fromStore: string;
  summaryHeading: string;
  train: string;
  inUse: (name: string) => string;
  toyShop: string;
  changeSettings: string;
  kept: string;
  keptMax: (n: number) => string;
  keptEntry: (format: string, users: string, items: string, mb: string, date: string) => string;
  use: string;
  remove: string;
  /** The Use/Remove buttons' accessible names: several are listed. */
  useNamed: (name: string) => string;
  removeNamed: (name: string) => string;
  dropped: (names: string) => string;
  notKept: (reason: string) => string;
  gone: string;
  unusable: string;
  samples: string;
  samplesHint: string;
  sample: (format: string, part?: string) => string;
  sampleParts: { events: string; meta: string };
}

const en: ImportStrings = {
  heading: 'Your own data',
  unfold: 'Import a log, or download a sample file',
  intro:
    'Bring an interaction log (Taobao user behaviour, Amazon reviews, MovieLens, or any CSV/TSV of user, item and time). It is read in a background thread, kept within the caps below, turned into the papers’ samples, and the same models train on it. A real log has no ground truth: the true CTR and the Bayes ceiling are hidden while it is in use.',
  eventsLabel: 'Interaction log',
  metaLabel: 'Item metadata (optional)',
  detecting: 'Reading the first rows…',
  format: 'Format',
  formatNames: {
    taobao: 'Taobao user behaviour',
    amazon: 'Amazon reviews',
    movielens: 'MovieLens ratings',
    generic: 'Generic (user, item, category, time)',
  },
  delimiter: 'Delimiter',
  delimiterNames: {
    ',': 'Comma',
    '\t': 'Tab',
    ';': 'Semicolon',
    '|': 'Vertical bar',
    '::': 'Double colon (::)',
  },
  header: 'First row is a header',
  roles: {
    user: 'User column',
    item: 'Item column',
    time: 'Time column',
    category: 'Category column',
    behavior: 'Behaviour column',
    rating: 'Rating column',
    shop: 'Shop column',
    name: 'Name column',
  },
  none: 'none',
  choose: '(choose a column)',
  preview: 'The first rows as read',
  metaRead: (kind, columns) =>
    `Item metadata read as ${kind === 'jsonl' ? 'JSON lines' : 'CSV'}: ${columns}.`,
  behaviors: 'Behaviour types that count as events',
  behaviorNames: { pv: 'pv (page view)', buy: 'buy', cart: 'cart', fav: 'fav (favourite)' },
  minRating: 'Only ratings of at least (empty: all)',
  caps: 'Caps',
  capLabels: {
    topItems: 'Most frequent K items',
    minEvents: 'Users with at least N events',
    maxUsers: 'At most U users',
    maxHistory: 'History length T',
  },
  capProblem: (label, min) => `${label}: a whole number of at least ${min}.`,
  importButton: 'Import',
  progress: 'Import progress',
  passNames: { 1: 'counting', 2: 'keeping', 3: 'metadata' },
  progressText: (pass, passes, name, rows, read, total) =>
    `Pass ${pass} of ${passes} (${name}): ${rows} rows, ${read} of ${total} MB read`,
  starting: 'Starting…',
  cancel: 'Cancel',
  cancelled: 'The import was cancelled: nothing changed.',
  fromStore:
    'This file was imported with these settings before: it was read from this browser’s storage, not parsed again.',
  summaryHeading: 'What was kept, and why',
  train: 'Train on this file',
  inUse: (name) => `The models train on ${name}.`,
  toyShop: 'Back to the toy shop',
  changeSettings: 'Change settings',
  kept: 'Kept in this browser',
  keptMax: (n) => `At most ${n} data sets are kept; importing another drops the oldest.`,
  keptEntry: (format, users, items, mb, date) =>
    `${format}: ${users} users, ${items} items, ${mb} MB, kept ${date}`,
  use: 'Use',
  remove: 'Remove',
  useNamed: (name) => `Use ${name}`,
  removeNamed: (name) => `Remove ${name}`,
  dropped: (names) => `To keep at most three, the oldest was dropped: ${names}.`,
  notKept: (reason) =>
    `Not kept in this browser (${reason}): a reload will need the file again. Everything else works as before.`,
  unusable: 'No user of this file has two events: the models have nothing to learn from it.',
  gone: 'That data set is no longer in this browser’s storage: import its file again.',
  samples: 'Sample files',
  samplesHint:
    'Generated from the toy shop when you click, so you can see each format before bringing your own.',
  sample: (format, part) => `Download a sample file: ${format}${part ? ` (${part})` : ''}`,
  sampleParts: { events: 'ratings', meta: 'item metadata' },

  rows: (rows, mb) => `Read ${rows} rows (${mb} MB).`,
  skipped: (total, parts, line) =>
    `Skipped ${total} rows: ${parts.join('; ')}${line ? `. The first is line ${line}` : ''}.`,
  skipReason: {
    short: (n) => `${n} with too few fields`,
    badTime: (n) => `${n} whose time is not a timestamp`,
    behavior: (n) => `${n} of a behaviour type not chosen`,
    rating: (n) => `${n} rated under the minimum`,
  },
  duplicates: (n) => `Left out ${n} duplicate events (the same user, item and time).`,
  users: (kept, inFile, tooFew, overCap) =>
    `Kept ${kept} of ${inFile} users: ${tooFew} had too few events, ${overCap} were over the cap of users.`,
  items: (kept, inFile, approximate, inOther) =>
    `Kept the ${kept} most frequent items (${approximate ? 'more than ' : ''}${inFile} in the file); the other ${inOther} that the kept users bought share one “other” item.`,
  itemsAll: (kept, inFile, approximate) =>
    `Kept all ${kept} items the kept users bought (${approximate ? 'more than ' : ''}${inFile} in the file).`,
  events: (kept, inOther, beyond) =>
    `Kept ${kept} events (${inOther} of them on the “other” item); ${beyond} older events were beyond the history length T.`,
  categories: (n) => `The kept items fall into ${n} categories.`,
  noCategory: 'No category column: every item sits in one category, “(no category)”.',
  noShop: 'No shop column: each category is one shop, named after it.',
  missingMeta: (n) => `${n} kept items are not in the metadata file (their id is their name).`,
  span: (from, to) => `The events run from ${from} to ${to}.`,
};

const zh: ImportStrings = {
  heading: '你自己的数据',
  unfold: '导入日志，或下载示例文件',
  intro:
    '导入一份交互日志（淘宝用户行为、Amazon 评论、MovieLens，或任何包含用户、物品和时间的 CSV/TSV）。它在后台线程中读取，按下面的上限裁剪，按论文的协议生成样本，再用同样的模型训练。真实日志没有真值：使用期间，真实 CTR 与贝叶斯上限会被隐藏。',
  eventsLabel: '交互日志',
  metaLabel: '物品元数据（可选）',
  detecting: '正在读取前几行…',
  format: '格式',
  formatNames: {
    taobao: '淘宝用户行为',
    amazon: 'Amazon 评论',
    movielens: 'MovieLens 评分',
    generic: '通用（用户、物品、类目、时间）',
  },
  delimiter: '分隔符',
  delimiterNames: {
    ',': '逗号',
    '\t': '制表符',
    ';': '分号',
    '|': '竖线',
    '::': '双冒号（::）',
  },
  header: '第一行是表头',
  roles: {
    user: '用户列',
    item: '物品列',
    time: '时间列',
    category: '类目列',
    behavior: '行为列',
    rating: '评分列',
    shop: '店铺列',
    name: '名称列',
  },
  none: '无',
  choose: '（请选择一列）',
  preview: '读到的前几行',
  metaRead: (kind, columns) =>
    `物品元数据按 ${kind === 'jsonl' ? 'JSON 行' : 'CSV'} 读取：${columns}。`,
  behaviors: '计为事件的行为类型',
  behaviorNames: { pv: 'pv（浏览）', buy: 'buy（购买）', cart: 'cart（加购）', fav: 'fav（收藏）' },
  minRating: '只保留评分不低于（留空：全部）',
  caps: '上限',
  capLabels: {
    topItems: '最常见的 K 个物品',
    minEvents: '至少有 N 个事件的用户',
    maxUsers: '最多 U 个用户',
    maxHistory: '历史长度 T',
  },
  capProblem: (label, min) => `${label}：需为不小于 ${min} 的整数。`,
  importButton: '导入',
  progress: '导入进度',
  passNames: { 1: '计数', 2: '保留', 3: '元数据' },
  progressText: (pass, passes, name, rows, read, total) =>
    `第 ${pass}/${passes} 遍（${name}）：已读 ${rows} 行，${read} / ${total} MB`,
  starting: '正在开始…',
  cancel: '取消',
  cancelled: '导入已取消：没有任何改变。',
  fromStore: '这个文件曾用相同设置导入过：直接从本浏览器的存储读取，没有重新解析。',
  summaryHeading: '保留了什么，为什么',
  train: '用这个文件训练',
  inUse: (name) => `模型正在 ${name} 上训练。`,
  toyShop: '回到玩具商店',
  changeSettings: '修改设置',
  kept: '保存在本浏览器中',
  keptMax: (n) => `最多保存 ${n} 个数据集；再导入一个会删除最早的。`,
  keptEntry: (format, users, items, mb, date) =>
    `${format}：${users} 个用户，${items} 个物品，${mb} MB，保存于 ${date}`,
  use: '使用',
  remove: '删除',
  useNamed: (name) => `使用 ${name}`,
  removeNamed: (name) => `删除 ${name}`,
  dropped: (names) => `为了最多保存三个，删除了最早的：${names}。`,
  notKept: (reason) => `未保存到本浏览器（${reason}）：刷新后需要重新选择文件。其他功能照常。`,
  unusable: '这个文件中没有用户有两个事件：模型无从学习。',
  gone: '这个数据集已不在本浏览器的存储中：请重新导入它的文件。',
  samples: '示例文件',
  samplesHint: '点击时由玩具商店生成，方便你在导入自己的数据前先看看每种格式。',
  sample: (format, part) => `下载示例文件：${format}${part ? `（${part}）` : ''}`,
  sampleParts: { events: '评分', meta: '物品元数据' },

  rows: (rows, mb) => `读取了 ${rows} 行（${mb} MB）。`,
  skipped: (total, parts, line) =>
    `跳过了 ${total} 行：${parts.join('；')}${line ? `。第一处在第 ${line} 行` : ''}。`,
  skipReason: {
    short: (n) => `${n} 行字段太少`,
    badTime: (n) => `${n} 行的时间不是时间戳`,
    behavior: (n) => `${n} 行的行为类型未选中`,
    rating: (n) => `${n} 行评分低于下限`,
  },
  duplicates: (n) => `去掉了 ${n} 个重复事件（同一用户、物品和时间）。`,
  users: (kept, inFile, tooFew, overCap) =>
    `保留了 ${inFile} 个用户中的 ${kept} 个：${tooFew} 个事件太少，${overCap} 个超出用户上限。`,
  items: (kept, inFile, approximate, inOther) =>
    `保留了最常见的 ${kept} 个物品（文件中共${approximate ? '超过' : ''} ${inFile} 个）；被保留用户购买过的其余 ${inOther} 个合并为一个“其他”物品。`,
  itemsAll: (kept, inFile, approximate) =>
    `保留了被保留用户购买过的全部 ${kept} 个物品（文件中共${approximate ? '超过' : ''} ${inFile} 个）。`,
  events: (kept, inOther, beyond) =>
    `保留了 ${kept} 个事件（其中 ${inOther} 个落在“其他”物品上）；${beyond} 个较早的事件超出了历史长度 T。`,
  categories: (n) => `保留的物品分属 ${n} 个类目。`,
  noCategory: '没有类目列：所有物品都在同一个类目“(no category)”中。',
  noShop: '没有店铺列：每个类目算作一家店铺，以类目命名。',
  missingMeta: (n) => `${n} 个保留的物品不在元数据文件中（以其 id 作为名称）。`,
  span: (from, to) => `事件时间从 ${from} 到 ${to}。`,
};

export const IMPORT_STRINGS = { en, zh };
