/**
 * What differs between two runs' settings, in words: one line per changed setting, "name: old →
 * new", in a fixed order (world, models, training) so two diffs read alike.
 */
import type { SessionConfig } from '../../train/protocol';
import type { Lang } from '../text/i18n';
import { RUNS_STRINGS, type RunsStrings } from './strings';

type Part = 'world' | 'model' | 'train';
const PARTS: Part[] = ['world', 'model', 'train'];

/**
 * Every setting as [key, value], key "part.field", in the config's own field order; the bug
 * lab's switches last, as "bugLab".
 */
export function flatSettings(c: SessionConfig): [string, unknown][] {
  const fields = PARTS.flatMap((part) =>
    Object.entries(c[part]).map(([k, v]) => [`${part}.${k}`, v] as [string, unknown]),
  );
  const bst: [string, unknown][] = c.bst
    ? Object.entries(c.bst).map(([k, v]) => [`bst.${k}`, v] as [string, unknown])
    : [];
  return [
    ...fields,
    ['bugLab', c.bugLab && c.bugLab.length > 0 ? c.bugLab : undefined],
    ['bst', c.bst !== undefined],
    ...bst,
  ];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function valueWords(v: unknown, w: RunsStrings): string {
  if (v === undefined || v === null) return w.off;
  if (typeof v === 'boolean') return v ? w.on : w.off;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return w.value[v] ?? v;
  if (Array.isArray(v)) return v.map((x) => valueWords(x, w)).join(', ');
  // An object of switches (the bug lab's): the ones on.
  const on = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== false && x);
  return on.length === 0 ? w.off : on.map(([k, x]) => (x === true ? k : `${k} ${x}`)).join(', ');
}

/** The changed settings from `a` to `b`, one line each. */
export function settingsDiff(a: SessionConfig, b: SessionConfig, lang: Lang): string[] {
  const w = RUNS_STRINGS[lang];
  const before = new Map(flatSettings(a));
  const keys = [...before.keys(), ...flatSettings(b).map(([k]) => k)].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  const after = new Map(flatSettings(b));
  // BST switched on or off is one line, not one per BST setting.
  const bothBst = a.bst !== undefined && b.bst !== undefined;
  return keys
    .filter((k) => !same(before.get(k), after.get(k)))
    .filter((k) => bothBst || !k.startsWith('bst.'))
    .map((k) =>
      w.diffLine(w.setting[k] ?? k, valueWords(before.get(k), w), valueWords(after.get(k), w)),
    );
}
