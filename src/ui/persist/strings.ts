/** The autosave's words. */
const en = {
  resumed: (step: number, when: string) =>
    `Resumed the run saved at step ${step} (${when}): weights, optimizer state, curves, rewind snapshots and history.`,
  startFresh: 'Start fresh',
  offer: (step: number) => `A run saved at step ${step} has other settings than this link's.`,
  resume: 'Resume the saved run',
  setAside: (why: string) =>
    `A saved run could not be loaded and was set aside (${why}). Nothing else changed.`,
  notSaved: (why: string) =>
    `This run is not being saved (${why}). Training goes on; a reload will start afresh.`,
  region: 'Saved run',
  fileHeading: 'Session file',
  fileHint:
    'One file with the settings, history, curves, the weights with their training state, the rewind snapshots and the kept runs: open it here, or on another machine, to go on exactly where it was.',
  download: 'Download session file',
  open: 'Open a session file',
  drop: 'or drop one here',
  tooBig: (mb: number) => `it is larger than ${mb} MB`,
  openFailed: (why: string) =>
    `This file could not be opened: ${why}. Your current work is unchanged.`,
  exportFailed: (why: string) => `The session could not be exported: ${why}`,
  leftOut: (runs: number, mb: number) =>
    `To stay under ${mb} MB the file leaves out rewind snapshots or weights of ${runs} kept ${runs === 1 ? 'run' : 'runs'} (oldest first); they stay on this page.`,
};

export type PersistStrings = typeof en;

const zh: PersistStrings = {
  resumed: (step, when) =>
    `已恢复在第 ${step} 步保存的运行（${when}）：权重、优化器状态、曲线、回放快照和历史。`,
  startFresh: '重新开始',
  offer: (step) => `有一个在第 ${step} 步保存的运行，它的设置与这个链接不同。`,
  resume: '恢复保存的运行',
  setAside: (why) => `一个保存的运行无法加载，已被搁置（${why}）。其他一切未变。`,
  notSaved: (why) => `此运行没有被保存（${why}）。训练照常进行；重新加载会从头开始。`,
  region: '保存的运行',
  fileHeading: '会话文件',
  fileHint:
    '一个文件包含设置、历史、曲线、权重和训练状态、回放快照以及保留的运行：在这里或另一台机器上打开它，就能从原处继续。',
  download: '下载会话文件',
  open: '打开会话文件',
  drop: '或拖放到这里',
  tooBig: (mb) => `文件大于 ${mb} MB`,
  openFailed: (why) => `无法打开此文件：${why}。当前的工作没有改变。`,
  exportFailed: (why) => `无法导出会话：${why}`,
  leftOut: (runs, mb) =>
    `为了不超过 ${mb} MB，文件省去了 ${runs} 个保留运行的回放快照或权重（最早的先省去）；它们仍留在此页面上。`,
};

export const PERSIST_STRINGS = { en, zh };
