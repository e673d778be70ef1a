/**
 * The URL fields' readers: each reads one raw value or gives undefined, and says what it accepts
 * (the reader's message when a link's value is refused).
 */
import { LAB_IDS, MAX_LAB_ENTRIES, type LabId } from '../../model/bugs';
import type { BstSettings } from '../../model/bstConfig';
import type { Expected } from '../text/urlWords';

/** Reads one value, or undefined; `expect` says what it accepts (for the reader's message). */
export type Reader<T> = ((raw: string) => T | undefined) & { expect: Expected };

function reader<T>(read: (raw: string) => T | undefined, expect: Expected): Reader<T> {
  return Object.assign(read, { expect });
}

export const int = (min: number, max: number): Reader<number> =>
  reader(
    (raw) => {
      if (!/^-?\d+$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= min && n <= max ? n : undefined;
    },
    { kind: 'int', min, max },
  );

export const num = (min: number, max: number): Reader<number> =>
  reader(
    (raw) => {
      if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw)) return undefined;
      const n = Number(raw);
      return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
    },
    { kind: 'number', min, max },
  );

export const oneOf = <T extends string>(values: readonly T[]): Reader<T> =>
  reader((raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined), {
    kind: 'oneOf',
    values,
  });

export const bool: Reader<boolean> = reader(
  (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  { kind: 'bool' },
);

/** `s` with these bug-lab switches on: none leaves the field out (one spelling of "none"). */
export function withLab<S extends object>(s: S, ids: readonly LabId[]): S & { bugLab?: LabId[] } {
  const out: S & { bugLab?: LabId[] } = { ...s };
  delete out.bugLab;
  return ids.length === 0 ? out : { ...out, bugLab: [...ids] };
}

/** `s` with BST on with these settings, or off (undefined leaves the field out: never half a BST). */
export function withBst<S extends object>(
  s: S,
  bst: BstSettings | undefined,
): S & { bst?: BstSettings } {
  const out: S & { bst?: BstSettings } = { ...s };
  delete out.bst;
  return bst === undefined ? out : { ...out, bst: { ...bst } };
}

/** Comma-separated bug-lab switches, each known, none twice, at most MAX_LAB_ENTRIES. */
export const labList: Reader<string> = reader(
  (raw) => {
    const ids = raw.split(',').filter((x) => x !== '');
    const known = ids.every((id) => (LAB_IDS as readonly string[]).includes(id));
    const ok = known && new Set(ids).size === ids.length && ids.length <= MAX_LAB_ENTRIES;
    return ok ? ids.join(',') : undefined;
  },
  { kind: 'oneOf', values: LAB_IDS },
);
