/** The DIN room's own strings (heatmap readout, the activation unit's key and hint). */
import type { Lang } from '../text/i18n';

export interface DinStrings {
  heatRowLabel: (name: string, values: string) => string;
  heatColumns: string;
  /** An imported file's catalogue: only its most frequent items are rows. */
  heatTopRows: (shown: number, all: number) => string;
  heatReadoutHint: string;
  heatCell: (candidate: string, purchase: string, w: string) => string;
  heatRow: (candidate: string, values: string) => string;
  unitHowOther: string;
  unitKey: string;
  unitKeyNote: (hidden: boolean) => string;
}

export const DIN_STRINGS: Record<Lang, DinStrings> = {
  en: {
    heatRowLabel: (name, values) => `${name} as candidate (${name}: ${values})`,
    heatColumns: 'kept purchases, oldest first →',
    heatTopRows: (shown, all) =>
      `Rows: your file's ${shown} most frequent items and the candidate, of ${all} (every row is one request's worth of numbers; the rest are left out to keep the grid readable).`,
    heatReadoutHint:
      'Point at a cell for its weight, or focus a row (Tab) for all its weights; press a row to make it the candidate.',
    heatCell: (c, p, w) => `Candidate ${c} × purchase ${p}: weight ${w}`,
    heatRow: (c, values) => `Candidate ${c}: ${values}`,
    unitHowOther:
      'To look inside the unit for another purchase, press that purchase’s name in the purchase history above (its “Inspect …” button).',
    unitKey: 'Colour key',
    unitKeyNote: (hidden) =>
      hidden
        ? 'Vectors share one scale; each hidden layer has its own, from −max to +max of its values.'
        : 'The vectors share one scale.',
  },
  zh: {
    heatRowLabel: (name, values) => `将${name}设为候选（${name}：${values}）`,
    heatColumns: '保留的购买，最早在前 →',
    heatTopRows: (shown, all) =>
      `行：你的文件中最常见的 ${shown} 个商品和当前候选，共 ${all} 个（其余未列出，以便网格可读）。`,
    heatReadoutHint:
      '指向一个格子可看它的权重，或用 Tab 聚焦一行看该行全部权重；点击一行即可把它设为候选。',
    heatCell: (c, p, w) => `候选 ${c} × 购买 ${p}：权重 ${w}`,
    heatRow: (c, values) => `候选 ${c}：${values}`,
    unitHowOther:
      '要查看另一次购买在激活单元中的情况，请在上方购买历史中点击那次购买的名称（即“查看 …”按钮）。',
    unitKey: '颜色图例',
    unitKeyNote: (hidden) =>
      hidden
        ? '各向量共用一个色标；每个隐藏层各有自己的色标，范围为其数值的 −max 到 +max。'
        : '各向量共用一个色标。',
  },
};
