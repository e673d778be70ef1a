/**
 * The backend badge in the reader's language. The engine words its label in English
 * (backendChain.ts: "WASM — forced", "WebGL — no WebGPU adapter"); the page keeps only the
 * Chinese wording of the phrases the engine itself writes. A browser's own error text inside a
 * reason stays as it came, as in the notices.
 */
import type { BackendInfo } from '../../train/protocol';
import type { Lang } from './i18n';

type Rule = [RegExp, string];

/** Longest phrases first: the emulator sentence contains "fallback adapter" as its detail. */
const ZH_RULES: Rule[] = [
  [
    /(\S+) here is a software emulator \(([^)]*)\), far slower than WASM on this page/g,
    '$1 在这里是软件模拟器（$2），在本页上比 WASM 慢得多',
  ],
  [/ — forced$/, ' — 由链接指定'],
  [/ \(software adapter\)/g, '（软件适配器）'],
  [/no WebGPU adapter/g, '没有 WebGPU 适配器'],
  [/failed to initialise/g, '初始化失败'],
  [/fallback adapter/g, '后备适配器'],
  [/; /g, '；'],
];

export function backendLabel(info: Pick<BackendInfo, 'label'>, lang: Lang): string {
  if (lang === 'en') return info.label;
  return ZH_RULES.reduce((s, [re, to]) => s.replace(re, to), info.label);
}
