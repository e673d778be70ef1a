/**
 * What the page says about backends, from the engine's data (BackendInfo, measured speeds):
 * the badge's sentence when a software emulator was declined, and the picker's option labels.
 * Pure, in both languages, so tests check that every number said is a number measured.
 */
import { BACKEND_ORDER, type BackendInfo, type BackendName } from '../../train/protocol';
import type { Lang } from '../text/i18n';
import { backendLabel } from '../text/backendLabel';
import type { Speeds } from './useBackendChoice';

export const BACKEND_NAMES: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

const NUMBER = { en: new Intl.NumberFormat('en'), zh: new Intl.NumberFormat('zh') };

/** "46 ms per step" (whole ms from 10 up, one decimal below: a fast backend's 3.4 ms matters). */
export function msText(ms: number, lang: Lang): string {
  const v = NUMBER[lang].format(ms >= 10 ? Math.round(ms) : Math.round(ms * 10) / 10);
  return lang === 'zh' ? `每步 ${v} 毫秒` : `${v} ms per step`;
}

function list(names: string[], lang: Lang): string {
  if (lang === 'zh') return names.join(' 和 ');
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The badge: the engine's label, except when software emulators were declined, where it says so
 * in one sentence, with the measured speeds of this session once there are any.
 */
export function badgeText(info: BackendInfo, speeds: Speeds, lang: Lang): string {
  const declined = info.declinedSoftware ?? [];
  if (declined.length === 0) return backendLabel(info, lang);
  const chosen = BACKEND_NAMES[info.name];
  const names = list(
    declined.map((b) => BACKEND_NAMES[b]),
    lang,
  );
  const measured = [...declined, info.name]
    .filter((b) => speeds[b] !== undefined)
    .map((b) => `${BACKEND_NAMES[b]} ${msText(speeds[b]!, lang)}`);
  const compare =
    measured.length >= 2
      ? lang === 'zh'
        ? `（本次实测：${measured.join('，')}）`
        : ` (measured here: ${measured.join(', ')})`
      : '';
  if (lang === 'zh')
    return `${chosen} — 这里的 ${names} 是软件模拟器，在本页上比 ${chosen} 慢得多${compare}，所以选了 ${chosen}`;
  const verb = declined.length > 1 ? 'are software emulators' : 'is a software emulator';
  return `${chosen} — ${names} here ${verb}, far slower than ${chosen} on this page${compare}, so ${chosen} was chosen`;
}

/** What is known of one backend in this session: software emulator, failed (why), or nothing. */
export function backendNote(info: BackendInfo | null, b: BackendName): 'software' | string | null {
  if (!info) return null;
  if (info.declinedSoftware?.includes(b) || (info.name === b && info.software)) return 'software';
  const prefix = `${BACKEND_NAMES[b]}: `;
  const reason = info.fallbackReasons.find((r) => r.startsWith(prefix));
  return reason ? reason.slice(prefix.length) : null;
}

export interface PickerOption {
  value: BackendName | 'auto';
  label: string;
}

/** The picker's options: automatic first (naming what it picked), then every backend. */
export function pickerOptions(
  info: BackendInfo | null,
  choice: BackendName | undefined,
  speeds: Speeds,
  lang: Lang,
): PickerOption[] {
  const zh = lang === 'zh';
  const auto = zh ? '自动' : 'Automatic';
  const autoPick = choice === undefined && info ? ` (${BACKEND_NAMES[info.name]})` : '';
  const options: PickerOption[] = [{ value: 'auto', label: auto + autoPick }];
  for (const b of BACKEND_ORDER) {
    const note = backendNote(info, b);
    const parts = [BACKEND_NAMES[b]];
    if (note === 'software') parts.push(zh ? '软件模拟' : 'software emulator');
    else if (note !== null && !note.includes('software emulator'))
      parts.push(zh ? '上次未能启动' : 'failed to start last time');
    const ms = speeds[b];
    parts.push(ms !== undefined ? msText(ms, lang) : zh ? '尚未测量' : 'not measured yet');
    options.push({ value: b, label: parts.join(' · ') });
  }
  return options;
}
