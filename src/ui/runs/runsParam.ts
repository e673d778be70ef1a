/**
 * The selected runs in the link: their settings as differences from the page's own (the URL
 * field keys of urlState.ts's reader table), and the step each was trained to; never weights.
 * `runs=attn_dot*n_40-tseed_8*n_40`: runs split by "-", fields by "*", key and value by "_"
 * (characters a query string keeps as they are, so the link stays short and readable).
 */
import type { SessionConfig } from '../../train/protocol';
import { FIELDS, type PageState } from '../state/urlFields';
import { withBst, withLab } from '../state/urlReaders';

/** Only the session settings travel: not the speed, the language or the backend. */
const NOT_SETTINGS = new Set(['speed', 'lang', 'backend']);
const SETTINGS = FIELDS.filter((f) => !NOT_SETTINGS.has(f.key));
const STEPS = 'n';
const MAX_RUNS = 6;

export interface LinkedRun {
  config: SessionConfig;
  steps: number;
}

function asState(base: PageState, c: SessionConfig): PageState {
  return withBst(
    withLab({ ...base, world: c.world, model: c.model, train: c.train }, c.bugLab ?? []),
    c.bst,
  );
}

function word(v: unknown): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

/** The parameter's value for these runs, over the page's settings `base` ('' for none). */
export function writeRunsParam(runs: LinkedRun[], base: PageState): string {
  return runs
    .slice(0, MAX_RUNS)
    .map((r) => {
      const s = asState(base, r.config);
      const pairs = SETTINGS.filter((f) => word(f.get(s)) !== word(f.get(base))).map(
        (f) => `${f.key}_${word(f.get(s))}`,
      );
      return [...pairs, `${STEPS}_${Math.max(0, Math.round(r.steps))}`].join('*');
    })
    .join('-');
}

/** The runs a link names, and what of it could not be read (each bad run is left out whole). */
export function readRunsParam(
  raw: string | null,
  base: PageState,
): { runs: LinkedRun[]; bad: string[] } {
  if (!raw) return { runs: [], bad: [] };
  const runs: LinkedRun[] = [];
  const bad: string[] = [];
  for (const text of raw.split('-').slice(0, MAX_RUNS)) {
    let s = base;
    let steps: number | undefined;
    let ok = text !== '';
    for (const pair of text.split('*')) {
      const [key, value] = pair.split('_');
      if (key === STEPS && /^\d{1,7}$/.test(value ?? '')) {
        steps = Number(value);
        continue;
      }
      const f = SETTINGS.find((x) => x.key === key);
      const v = f && value !== undefined ? f.read(value) : undefined;
      if (!f || v === undefined) ok = false;
      else s = f.set(s, v);
    }
    if (ok && steps !== undefined)
      runs.push({
        config: withBst(
          withLab({ world: s.world, model: s.model, train: s.train }, s.bugLab ?? []),
          s.bst,
        ),
        steps,
      });
    else bad.push(text);
  }
  return { runs, bad };
}
